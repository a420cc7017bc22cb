import { describe, expect, it } from 'vitest'
import { polls } from '../data/polls'
import { emptyTally } from '../poll/tally'
import { csvField, resultsCsv } from './results-csv'

describe('csvField', () => {
  it.each([
    '=1+1',
    '+33 6 12',
    '-2',
    '@SUM(A1)',
    '\tcmd',
    '\rcmd',
  ])('defuses %j so that a spreadsheet shows it instead of running it', (value) => {
    const field = csvField(value)
    expect(field.replace(/^"/, '').startsWith('\'')).toBe(true)
    expect(field).toContain(value.trim() || value)
  })

  it('leaves plain text and numbers alone', () => {
    expect(csvField('Tableaux de bord')).toBe('Tableaux de bord')
    expect(csvField(42)).toBe('42')
  })

  it('quotes fields with commas, semicolons, quotes or line breaks', () => {
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('a;b')).toBe('"a;b"')
    expect(csvField('dit "oui"')).toBe('"dit ""oui"""')
    expect(csvField('a\nb')).toBe('"a\nb"')
  })
})

describe('resultsCsv', () => {
  it('writes one row per option and per cell and verdict, and hides what is hidden', () => {
    const snapshot = {
      version: 1,
      generatedAt: '2024-06-01T10:00:00.000Z',
      polls: polls.map(p => ({
        id: p.id,
        status: 'closed' as const,
        resultsVisible: p.id !== 'verdict',
        openedAt: null,
        closedAt: null,
        participants: 0,
        tally: p.id === 'verdict'
          ? null
          : emptyTally(p),
      })),
    }
    const lines = resultsCsv(snapshot).trimEnd().split('\r\n')
    expect(lines[0]).toBe('poll_id,question,item_id,item_label,verdict,count,participants,status,session_id,session_title')
    expect(lines.filter(l => l.startsWith('warmup,'))).toHaveLength(3)
    expect(lines.filter(l => l.startsWith('placement,'))).toHaveLength(9)
    expect(lines.filter(l => l.startsWith('verdict,'))).toEqual([
      expect.stringContaining('résultats masqués'),
    ])
  })
})
