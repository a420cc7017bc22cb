import { describe, expect, it } from 'vitest'
import { frenchTypography, typeset, typographyDefects } from './french.ts'

describe('frenchTypography', () => {
  it('curls apostrophes and puts the right no-break spaces around French punctuation', () => {
    expect(frenchTypography('L\'IA : pourquoi ? « Vite » ; 13 % !')).toBe('L\u2019IA\u00A0: pourquoi\u202F? «\u202FVite\u202F»\u202F; 13\u202F%\u202F!')
  })

  it('adds the space inside « » when there is none, and is idempotent', () => {
    const once = frenchTypography('«Vite»')
    expect(once).toBe('«\u202FVite\u202F»')
    expect(frenchTypography(once)).toBe(once)
  })

  it('leaves times, addresses and Vue expressions alone', () => {
    expect(frenchTypography('à 14:05, voir https://example.org/a?b=1 et {{ talk.title ?? \'x\' }}')).toBe('à 14:05, voir https://example.org/a?b=1 et {{ talk.title ?? \'x\' }}')
  })
})

describe('typeset', () => {
  it('retypes text fields and never identifiers', () => {
    expect(typeset({ id: 'a\'b', label: 'l\'agent', icon: 'i-x', nested: [{ title: 'Quoi ?' }] })).toEqual({ id: 'a\'b', label: 'l\u2019agent', icon: 'i-x', nested: [{ title: 'Quoi\u202F?' }] })
  })
})

describe('typographyDefects', () => {
  it('finds what an editor would circle', () => {
    const defects = typographyDefects('L\'IA : 20 % des agents (s) « vus » , no 32140 . 100 000')
    expect(defects.join('\n')).toMatch(/apostrophe droite/)
    expect(defects.join('\n')).toMatch(/espace sécable avant/)
    expect(defects.join('\n')).toMatch(/pluriel entre parenthèses/)
    expect(defects.join('\n')).toMatch(/« no » pour numéro/)
    expect(defects.join('\n')).toMatch(/espace avant un point/)
    expect(defects.join('\n')).toMatch(/nombre coupé/)
    expect(defects.join('\n')).toMatch(/après « ou avant »/)
  })

  it('passes a text set by frenchTypography, addresses and code aside', () => {
    expect(typographyDefects(frenchTypography('L\'atelier : « quand ? » 13 % ; voir https://a16z.com/x'))).toEqual([])
    expect(typographyDefects('n° 32140, 100\u202F000 agents. Fin…')).toEqual([])
  })
})
