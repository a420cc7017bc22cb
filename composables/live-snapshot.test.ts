import type { PollView } from '../poll/types'
import { describe, expect, it } from 'vitest'
import { newerSnapshot, shownTally } from './live-snapshot'

function view(resultsVisible: boolean): PollView {
  return {
    id: 'verdict',
    status: 'open',
    resultsVisible,
    openedAt: null,
    closedAt: null,
    participants: 3,
    tally: {
      kind: 'choice',
      counts: { a: 3 },
    },
  }
}

describe('shownTally', () => {
  it('keeps a blind poll hidden on the projected view even when the window holds the presenter\'s results', () => {
    expect(shownTally(view(false), 'room')).toBeNull()
    expect(shownTally(view(false), 'presenter')).not.toBeNull()
    expect(shownTally(view(false), 'print')).not.toBeNull()
    expect(shownTally(view(true), 'room')).not.toBeNull()
    expect(shownTally(null, 'presenter')).toBeNull()
  })
})

describe('newerSnapshot', () => {
  it('ignores a late, older message from the same server run, and takes any message from a new run', () => {
    const a = { version: 5, generatedAt: 'run-1', polls: [] }
    expect(newerSnapshot(a, { ...a, version: 4 })).toBe(a)
    expect(newerSnapshot(a, { ...a, version: 6 }).version).toBe(6)
    expect(newerSnapshot(a, { version: 1, generatedAt: 'run-2', polls: [] }).version).toBe(1)
  })
})
