import { describe, expect, it } from 'vitest'
import { countUpValue, easeOutCubic, formatNumber } from './count-up'

describe('count-up', () => {
  it('starts at zero and lands exactly on the target', () => {
    expect(countUpValue(75, 0, 1000)).toBe(0)
    expect(countUpValue(75, 1000, 1000)).toBe(75)
    expect(countUpValue(75, 5000, 1000)).toBe(75)
  })

  it('shows the final value at once when there is no animation', () => {
    expect(countUpValue(13, 0, 0)).toBe(13)
  })

  it('eases out (past half way at mid-time)', () => {
    expect(easeOutCubic(0.5)).toBeGreaterThan(0.5)
    expect(easeOutCubic(-1)).toBe(0)
  })

  it('formats numbers the French way', () => {
    expect(formatNumber(1000).replace(/\s/g, ' ')).toBe('1 000')
  })
})
