import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { deckOutline } from '../scripts/lib/deck-outline'
import { adoption, productivityStudies } from './adoption'
import { agenda, budgetLine, schedule, talkMinutes } from './agenda'
import { frenchTypography } from './french'
import { jobDescriptions } from './job-descriptions'
import { cellIds, matrixCells, matrixColumns, matrixRows, verdicts } from './matrix'
import { polls } from './polls'
import { sources } from './sources'
import { timeline } from './timeline'
import { categories, top50, top50Source } from './top50'

/** Every source id any data file cites. */
function citedSourceIds(): string[] {
  return [
    top50Source,
    ...Object.values(adoption).flatMap(s => s.sources),
    ...productivityStudies.map(s => s.source),
    ...matrixCells.flatMap(c => c.sources ?? []),
    ...timeline.map(m => m.source),
  ]
}

describe('top-50', () => {
  it('has 50 unique ranks from 1 to 50', () => {
    const ranks = top50.map(p => p.rank).sort((a, b) => a - b)
    expect(ranks).toEqual(Array.from({ length: 50 }, (_, i) => i + 1))
  })

  it('puts every product in a known category', () => {
    for (const p of top50)
      expect(Object.keys(categories), p.name).toContain(p.category)
  })

  it('has unique names and domains', () => {
    expect(new Set(top50.map(p => p.name)).size).toBe(50)
    expect(new Set(top50.map(p => p.domain)).size).toBe(50)
  })
})

describe('matrix', () => {
  it('has 9 cells, one per row and column', () => {
    expect(matrixCells).toHaveLength(9)
    const expected = matrixRows.flatMap(r => matrixColumns.map(c => `${r.id}.${c.id}`))
    expect([...cellIds].sort()).toEqual(expected.sort())
  })

  it('gives every cell a known verdict, an example and a rationale', () => {
    for (const cell of matrixCells) {
      expect(Object.keys(verdicts)).toContain(cell.verdict)
      expect(cell.examples.length, cell.id).toBeGreaterThan(0)
      expect(cell.rationale.length, cell.id).toBeGreaterThan(10)
      expect(cell.id).toBe(`${cell.row}.${cell.column}`)
    }
  })

  it('keeps the speaker\'s verdicts from the talk', () => {
    const letters = matrixCells.map(c => c.verdict).join('')
    expect(letters).toBe('NNONOYOYY')
  })
})

describe('statistics', () => {
  it('gives every statistic a source, and a year unless the talk gives none', () => {
    const undated = Object.values(adoption).filter(s => s.year === undefined).map(s => s.id)
    expect(undated).toEqual(['candidatesBefore', 'candidatesAfter'])
    for (const stat of Object.values(adoption)) {
      expect(stat.year ?? 2000, stat.id).toBeGreaterThan(1900)
      expect(stat.sources.length, stat.id).toBeGreaterThan(0)
    }
  })

  it('says whose figure the unverified 13 % is', () => {
    expect(adoption.publicAgentsUsingAi.value).toBe(13)
    expect(adoption.publicAgentsUsingAi.attributedTo).toMatch(/Krief/)
  })

  it('keeps the productivity figures of the studies', () => {
    const support = productivityStudies.find(s => s.id === 'support')!
    expect(support.bars.map(b => b.value)).toEqual([14, 34, 0])
  })
})

describe('sources', () => {
  it('knows every cited source', () => {
    for (const id of citedSourceIds())
      expect(Object.keys(sources), id).toContain(id)
  })

  it('cites every source somewhere (data or slides)', async () => {
    const { readFileSync } = await import('node:fs')
    const slides = readFileSync(new URL('../slides.md', import.meta.url), 'utf8')
    const cited = new Set(citedSourceIds())
    for (const id of Object.keys(sources))
      expect(cited.has(id) || slides.includes(`'${id}'`), id).toBe(true)
  })

  it('gives each source an author, a title and a year', () => {
    for (const [id, s] of Object.entries(sources)) {
      expect(s.author, id).not.toBe('')
      expect(s.title, id).not.toBe('')
      expect(s.year, id).toBeGreaterThan(1900)
      if ('url' in s && s.url)
        expect(s.url, id).toMatch(/^https:\/\//)
    }
  })
})

describe('polls, timeline and documents', () => {
  it('defines the three polls with unique ids', () => {
    expect(polls.map(p => p.id)).toEqual(['warmup', 'placement', 'verdict'])
  })

  it('offers the 9 cells in the placement poll', () => {
    const placement = polls.find(p => p.id === 'placement')!
    expect(placement.kind === 'choice' && placement.options.map(o => o.id)).toEqual(cellIds)
  })

  it('runs the timeline from 2007 to 2023 in order', () => {
    expect(timeline.map(m => m.year)).toEqual([2007, 2011, 2015, 2019, 2023])
  })

  it('has both job descriptions with their titles', () => {
    expect(jobDescriptions.healthCentreReception.title).toMatch(/Secrétaire d’accueil/)
    expect(jobDescriptions.unifiedDeskManager.title).toMatch(/guichet unifié/)
  })
})

describe('the agenda', () => {
  it('adds up to the planned length of the talk, and each slide that opens a part names a known one', () => {
    expect(agenda.reduce((sum, p) => sum + p.minutes, 0)).toBe(talkMinutes)
    const opened = deckOutline().map(s => s.part).filter(Boolean)
    expect(opened).toEqual(agenda.map(p => p.id))
    expect(deckOutline()[0]!.part).toBe('ouverture')
  })

  it('says each part\'s budget and clock time', () => {
    const [, second] = schedule()
    expect(second).toMatchObject({ id: 'explosion', from: 4, to: 10 })
    expect(budgetLine(second!)).toBe('Temps\u00A0: 1 · L’explosion — 6 min, de la 4e à la 10e minute sur 45')
  })

  it('names each numbered part as its section slide does, and gives the questions their time', () => {
    const slides = readFileSync('slides.md', 'utf8')
    for (const part of agenda.filter(p => /^\d/.test(p.title)))
      expect(frenchTypography(slides), part.id).toContain(`<p class="kicker">${part.title}</p>`)
    expect(agenda.find(p => p.id === 'questions')!.minutes).toBeGreaterThanOrEqual(3)
  })

  it('puts a poll slide\'s cue first in its notes, then the time, all in French typography', () => {
    const warmup = deckOutline().find(s => s.poll === 'warmup')!
    expect(warmup.note.startsWith('**Vote\u00A0:')).toBe(true)
    expect(warmup.note).toContain('**Temps\u00A0:')
    expect(warmup.note).not.toMatch(/\p{L}'\p{L}/u)
  })

  it('gives every poll its cue for the speaker', () => {
    for (const poll of polls)
      expect(poll.cue, poll.id).toMatch(/ouvrez/i)
  })
})
