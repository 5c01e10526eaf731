/**
 * The store's colour, made safe to read. WCAG 2.1 AA asks 4.5:1 for text: the header text is
 * white or near-black, whichever contrasts more with the colour; links and focus rings on the
 * white body use the colour darkened until it reaches 4.5:1 against white.
 */
type Rgb = [number, number, number]

const INK: Rgb = [29, 29, 31] // #1d1d1f, the body text colour
const FALLBACK = '#1f6feb'

function parseHex(hex: string): Rgb | undefined {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim())
  return m ? [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)] : undefined
}

function toHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`
}

function luminance([r, g, b]: Rgb): number {
  const [lr, lg, lb] = [r, g, b].map((c) => {
    const s = c / 255
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }) as Rgb
  return 0.2126 * lr + 0.7152 * lg + 0.0722 * lb
}

/** WCAG contrast ratio between two colours, from 1 to 21. */
export function contrast(a: string, b: string): number {
  const la = luminance(parseHex(a) ?? [255, 255, 255])
  const lb = luminance(parseHex(b) ?? [255, 255, 255])
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)
}

/**
 * White or dark text, whichever reads better on `background`: the body's near-black where it
 * reaches 4.5:1, pure black on the mid tones where only black does (one of white and black
 * always reaches 4.58:1 or more).
 */
export function textOn(background: string): string {
  if (contrast(background, '#ffffff') >= contrast(background, '#000000')) return '#ffffff'
  return contrast(background, toHex(INK)) >= 4.5 ? toHex(INK) : '#000000'
}

/** The colour itself if it reads on white at 4.5:1, else the lightest darker shade that does. */
export function inkOnWhite(colour: string): string {
  const rgb = parseHex(colour) ?? (parseHex(FALLBACK) as Rgb)
  for (let step = 0; step <= 20; step++) {
    const shade = toHex(rgb.map((c) => c * (1 - step / 20)) as Rgb)
    if (contrast(shade, '#ffffff') >= 4.5) return shade
  }
  return '#000000'
}

/**
 * Sets the theme as custom properties on the root element through the CSSOM, which the
 * panel's CSP (style-src 'self', no inline styles) allows.
 */
export function applyTheme(colour: string, root: HTMLElement = document.documentElement): void {
  const base = parseHex(colour) ? colour : FALLBACK
  root.style.setProperty('--pl-color', base)
  root.style.setProperty('--pl-on-color', textOn(base))
  root.style.setProperty('--pl-ink', inkOnWhite(base))
}
