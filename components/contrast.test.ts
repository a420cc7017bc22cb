import { describe, expect, it } from 'vitest'
import { verdicts } from '../data/matrix'
import { palette } from '../data/palette'
import { categories } from '../data/top50'
import { contrastRatio, readableOn } from './contrast'

describe('colour contrast (WCAG 2.1 AA)', () => {
  it('gives every Top-50 category a text colour with at least 4.5:1 on it', () => {
    for (const c of Object.values(categories))
      expect(contrastRatio(c.color, readableOn(c.color)), c.label).toBeGreaterThanOrEqual(4.5)
  })

  it('keeps white N/O/Y badge text readable on the verdict colours', () => {
    for (const v of Object.values(verdicts))
      expect(contrastRatio(v.color, '#ffffff'), v.label).toBeGreaterThanOrEqual(4.5)
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
