import { describe, expect, it } from 'vitest'
import { verdictIds, verdicts } from '../data/matrix'
import { palette } from '../data/palette'
import { contrastRatio, readableOn } from './contrast'

describe('colour contrast (WCAG 2.1 AA)', () => {
  it('writes the Top-50\'s highlighted category (white on the accent) at 4.5:1 or more', () => {
    expect(contrastRatio(palette.accent, '#ffffff')).toBeGreaterThanOrEqual(4.5)
  })

  it('writes on each verdict colour in a text colour of at least 4.5:1, and each verdict as text on the paper', () => {
    for (const v of Object.values(verdicts)) {
      expect(contrastRatio(v.color, v.on), v.label).toBeGreaterThanOrEqual(4.5)
      expect(contrastRatio(v.text, palette.paper), v.label).toBeGreaterThanOrEqual(4.5)
      expect(contrastRatio(v.text, '#ffffff'), v.label).toBeGreaterThanOrEqual(4.5)
    }
  })

  it('keeps the three verdicts apart on a washed-out projector by lightness alone (3:1 each pair), hatch aside', () => {
    const ids = verdictIds
    for (const [i, a] of ids.entries()) {
      for (const b of ids.slice(i + 1))
        expect(contrastRatio(verdicts[a].color, verdicts[b].color), `${a} and ${b}`).toBeGreaterThanOrEqual(3)
    }
  })

  it('gives the call-outs an accent that no verdict shares', () => {
    for (const v of Object.values(verdicts))
      expect(palette.accent.toLowerCase()).not.toBe(v.color.toLowerCase())
    expect(contrastRatio(palette.accent, palette.paper)).toBeGreaterThanOrEqual(4.5)
  })

  it('keeps the footer readable on the light slides and on the dark section slides', () => {
    expect(contrastRatio(palette.footer, palette.paper)).toBeGreaterThanOrEqual(4.5)
    expect(contrastRatio(palette['footer-on-ink'], palette.ink)).toBeGreaterThanOrEqual(4.5)
  })

  it('computes known ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 0)
    expect(readableOn('#56B4E9')).toBe('#000000')
  })
})
