import { describe, expect, it } from 'vitest'
import { applyTheme, contrast, inkOnWhite, textOn } from './theme.ts'

describe('contrast', () => {
  it('matches the WCAG extremes and a known pair', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrast('#777777', '#777777')).toBeCloseTo(1, 5)
    // #767676 is the classic lightest grey that passes AA on white.
    expect(contrast('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5)
    expect(contrast('#777777', '#ffffff')).toBeLessThan(4.5)
  })
})

describe('textOn', () => {
  it.each([
    ['#1f6feb', '#ffffff'],
    ['#000000', '#ffffff'],
    ['#ffd400', '#1d1d1f'],
    ['#ffffff', '#1d1d1f'],
    ['#8bc34a', '#1d1d1f'],
    ['#787878', '#000000'],
  ])('on %s writes in %s', (background, text) => {
    expect(textOn(background)).toBe(text)
  })

  it('always reaches AA for the text it picks on any grey', () => {
    for (let v = 0; v <= 255; v++) {
      const grey = `#${v.toString(16).padStart(2, '0').repeat(3)}`
      expect(contrast(grey, textOn(grey)), grey).toBeGreaterThanOrEqual(4.5)
    }
  })
})

describe('inkOnWhite', () => {
  it('keeps a colour that already reads on white', () => {
    expect(inkOnWhite('#0b5cd5')).toBe('#0b5cd5')
  })

  it('darkens a light colour just enough', () => {
    const ink = inkOnWhite('#ffd400')
    expect(contrast(ink, '#ffffff')).toBeGreaterThanOrEqual(4.5)
    expect(ink).not.toBe('#000000')
  })

  it('falls back to the default colour for garbage', () => {
    expect(contrast(inkOnWhite('red; background: url(x)'), '#ffffff')).toBeGreaterThanOrEqual(4.5)
  })
})

describe('applyTheme', () => {
  it('sets custom properties through the CSSOM, never a style attribute string', () => {
    const el = document.createElement('div')
    applyTheme('not a colour', el)
    expect(el.style.getPropertyValue('--pl-color')).toBe('#1f6feb')
    expect(el.style.getPropertyValue('--pl-on-color')).toBe('#ffffff')
  })
})
