import { describe, expect, it } from 'vitest'
import { formatNumber } from './format-number'

describe('formatNumber', () => {
  it('formats numbers the French way', () => {
    expect(formatNumber(1000).replace(/\s/g, ' ')).toBe('1 000')
    expect(formatNumber(13)).toBe('13')
  })
})
