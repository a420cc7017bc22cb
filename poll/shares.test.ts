import { describe, expect, it } from 'vitest'
import { wholeShares } from './shares'

describe('wholeShares', () => {
  it('adds up to exactly 100 where rounding each would make 101 or 99', () => {
    // 19/40, 12/40, 9/40 = 47.5, 30, 22.5: rounded one by one, 48 + 30 + 23 = 101.
    expect(wholeShares([19, 12, 9])).toEqual([48, 30, 22])
    // Three equal thirds: 33 + 33 + 33 = 99 one by one.
    expect(wholeShares([1, 1, 1])).toEqual([34, 33, 33])
  })

  it('keeps exact shares, zeros and an empty room as they are', () => {
    expect(wholeShares([1, 1, 2])).toEqual([25, 25, 50])
    expect(wholeShares([0, 5, 0])).toEqual([0, 100, 0])
    expect(wholeShares([0, 0, 0])).toEqual([0, 0, 0])
    expect(wholeShares([])).toEqual([])
  })

  it('always totals 100, whatever the counts', () => {
    for (let seed = 1; seed < 500; seed++) {
      const counts = Array.from({ length: 1 + seed % 9 }, (_, i) => (seed * (i + 7) * 31) % 53)
      const shares = wholeShares(counts)
      const total = counts.reduce((a, b) => a + b, 0)
      if (total === 0)
        continue
      expect(shares.reduce((a, b) => a + b, 0), String(counts)).toBe(100)
      shares.forEach((share, i) => expect(Math.abs(share - 100 * counts[i]! / total)).toBeLessThan(1))
    }
  })
})
