import { describe, expect, it } from 'vitest'
import { formatNumber, populationLine } from './format-number'

describe('formatNumber', () => {
  it('formats numbers the French way', () => {
    expect(formatNumber(1000).replace(/\s/g, ' ')).toBe('1 000')
    expect(formatNumber(13)).toBe('13')
  })
})

describe('populationLine', () => {
  it('adds the year once', () => {
    expect(populationLine('agents territoriaux', 2021)).toBe('agents territoriaux · 2021')
    expect(populationLine('agents territoriaux, fin 2021', 2021)).toBe('agents territoriaux, fin 2021')
  })
})
