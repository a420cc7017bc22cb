import type { ResultsSnapshot } from './types'
import { describe, expect, it } from 'vitest'
import { printedInHandout } from './handout'

function results(participants: Record<string, number>) {
  return ({
    polls: Object.entries(participants).map(([id, n]) => ({ id, participants: n })),
  }) as unknown as ResultsSnapshot
}

describe('the PDF handout', () => {
  const verdict = { layout: 'live-result', poll: 'verdict' }

  it('leaves out a result slide without ballots, and every result slide without results', () => {
    expect(printedInHandout(verdict, null, false)).toBe(false)
    expect(printedInHandout(verdict, results({ verdict: 0 }), false)).toBe(false)
    expect(printedInHandout(verdict, results({ verdict: 12 }), false)).toBe(true)
  })

  it('keeps the warm-up (the talk\'s figure) and the slides that are not results', () => {
    expect(printedInHandout({ layout: 'live-result', poll: 'warmup' }, null, false)).toBe(true)
    expect(printedInHandout({ layout: 'default' }, null, false)).toBe(true)
  })

  it('prints a comparison only when asked, and only with ballots', () => {
    const comparison = { ...verdict, comparison: true }
    expect(printedInHandout(comparison, results({ verdict: 12 }), false)).toBe(false)
    expect(printedInHandout(comparison, results({ verdict: 12 }), true)).toBe(true)
    expect(printedInHandout(comparison, results({ verdict: 0 }), true)).toBe(false)
  })
})
