import { describe, expect, it } from 'vitest'
import { countOf, formatNumber, populationLine } from './format-number'

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

describe('countOf', () => {
  it('says 0 and 1 in the singular, the rest in the plural, with a no-break space', () => {
    expect(countOf(0, 'salle')).toBe('0\u00A0salle')
    expect(countOf(1, 'projet')).toBe('1\u00A0projet')
    expect(countOf(2, 'salle')).toBe('2\u00A0salles')
    expect(countOf(1500, 'votant')).toBe('1\u202F500\u00A0votants')
  })
})
