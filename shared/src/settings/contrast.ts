/**
 * WCAG 2.x contrast of the launcher's label on the store's colour. The loader picks black or
 * white ink with the same YIQ test (widget/src/loader/launcher.ts inkOn, which may import
 * nothing of ours, so the one line is repeated there); the console refuses a colour on which
 * even that ink is below AA.
 */

/** WCAG AA for normal text. */
export const MIN_LABEL_CONTRAST = 4.5

const hex = /^#[0-9a-fA-F]{6}$/

/** Whether a value is a `#rrggbb` colour. */
export function isHexColour(value: string): boolean {
  return hex.test(value)
}

/** The ink the launcher draws on `colour`: black on light colours, white on dark ones. */
export function launcherInk(colour: string): '#000000' | '#ffffff' {
  const n = parseInt(colour.slice(1), 16)
  return (n >> 16) * 299 + ((n >> 8) & 255) * 587 + (n & 255) * 114 > 150000 ? '#000000' : '#ffffff'
}

function luminance(colour: string): number {
  const n = parseInt(colour.slice(1), 16)
  const channel = (c: number) => {
    const s = c / 255
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * channel(n >> 16) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255)
}

/** The WCAG contrast ratio of two `#rrggbb` colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (light + 0.05) / (dark + 0.05)
}

/** The contrast of the launcher's label on `colour`, rounded down to two decimals. */
export function launcherLabelContrast(colour: string): number {
  return Math.floor(contrastRatio(colour, launcherInk(colour)) * 100) / 100
}
