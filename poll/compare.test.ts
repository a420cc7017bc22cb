import type { PeerRooms } from './session'
import type { Tally } from './types'
import { describe, expect, it } from 'vitest'
import { frenchTypography } from '../data/french'
import { comparePlacement, compareVerdicts, othersLeader, roomVerdictGap, signedPoints, standOutText } from './compare'
import { emptyAggregates, peersOf } from './session'

function verdictTally(cells: Record<string, { N: number, O: number, Y: number }>): Tally {
  return { kind: 'verdict', cells: cells as never }
}

function peersWith(tally: Tally): PeerRooms {
  const pollId = tally.kind === 'verdict'
    ? 'verdict'
    : 'placement'
  return {
    sessions: 1,
    titles: ['A'],
    participants: 10,
    polls: emptyAggregates().map(p => p.id === pollId
      ? { ...p, tally }
      : p),
  }
}

describe('compareVerdicts', () => {
  it('says where this room stands out, by 15 points or more, on enough votes', () => {
    const others = peersWith(verdictTally({
      'large.simple': { N: 1, O: 1, Y: 8 },
      'none.distinct': { N: 8, O: 1, Y: 1 },
    }))
    const room = verdictTally({
      'large.simple': { N: 4, O: 0, Y: 6 },
      'none.distinct': { N: 1, O: 0, Y: 1 },
    })
    const cells = compareVerdicts(room, others)
    // The room said Y (60 %) where the others said it at 80 %: −20 on Y, though N moved more (+30).
    expect(cells.find(c => c.cell === 'large.simple')!.standsOut).toEqual({ verdict: 'Y', points: -20 })
    // Two votes only in this room: no claim.
    expect(cells.find(c => c.cell === 'none.distinct')!.standsOut).toBeNull()
    expect(cells).toHaveLength(9)
  })

  it('stays quiet under 15 points, and when there is nothing to compare with', () => {
    const others = peersWith(verdictTally({
      'large.simple': { N: 0, O: 3, Y: 7 },
    }))
    const room = verdictTally({
      'large.simple': { N: 0, O: 4, Y: 6 },
    })
    expect(compareVerdicts(room, others).find(c => c.cell === 'large.simple')!.standsOut).toBeNull()
    expect(compareVerdicts(room, null).every(c => c.standsOut === null && c.othersPercent.Y === 0)).toBe(true)
  })

  it('words a gap for the slide', () => {
    expect(standOutText({ verdict: 'Y', points: 24 })).toBe(frenchTypography('+24 points de « À envisager »'))
    expect(standOutText({ verdict: 'N', points: -18 })).toBe(frenchTypography('−18 points de « Pas encore »'))
  })
})

describe('peersOf', () => {
  const session = (id: string, date: string, kind: 'real' | 'rehearsal' = 'real') => ({
    session: {
      id,
      title: id,
      date,
      kind,
      expectedSize: 200,
      createdAt: `${date}T10:00:00.000Z`,
      participants: 4,
      imported: false,
    },
    polls: emptyAggregates(),
  })

  it('combines the real rooms given before this one, never rehearsals, later rooms or itself', () => {
    const all = [
      session('a', '2024-01-01'),
      session('r', '2024-02-01', 'rehearsal'),
      session('b', '2024-03-01'),
      session('c', '2024-04-01'),
      session('d', '2024-05-01'),
    ]
    const peers = peersOf(all[3]!.session, all)
    expect(peers.titles).toEqual(['a', 'b'])
    expect(peers.participants).toBe(8)
  })
})

describe('comparePlacement', () => {
  it('gives each cell\'s share of projects, here and elsewhere', () => {
    const room: Tally = {
      kind: 'choice',
      counts: { 'large.simple': 3, 'none.distinct': 1 },
    }
    const cells = comparePlacement(room, null)
    expect(cells.find(c => c.cell === 'large.simple')).toEqual({
      cell: 'large.simple',
      room: 75,
      others: 0,
      gap: null,
    })
  })

  it('claims no gap against an empty baseline, nor from an empty room', () => {
    const room: Tally = {
      kind: 'choice',
      counts: { 'large.simple': 3, 'none.distinct': 1 },
    }
    const emptyPeers: PeerRooms = {
      sessions: 1,
      titles: ['Grenoble'],
      participants: 0,
      polls: [
        {
          id: 'placement',
          participants: 0,
          tally: { kind: 'choice', counts: {} },
        },
      ],
    }
    expect(comparePlacement(room, emptyPeers).every(c => c.gap === null)).toBe(true)
    const peers: PeerRooms = {
      ...emptyPeers,
      polls: [
        {
          id: 'placement',
          participants: 4,
          tally: {
            kind: 'choice',
            counts: { 'none.distinct': 4 },
          },
        },
      ],
    }
    expect(comparePlacement({ kind: 'choice', counts: {} }, peers).every(c => c.gap === null)).toBe(true)
    expect(comparePlacement(room, peers).find(c => c.cell === 'large.simple')!.gap).toBe(75)
  })

  it('gives each cell the gap on the room\'s own verdict, small ones included, and none below 3 votes a side', () => {
    expect(roomVerdictGap({ N: 1, O: 1, Y: 8 }, { N: 2, O: 2, Y: 6 })).toEqual({ verdict: 'Y', points: 20 })
    expect(roomVerdictGap({ N: 3, O: 3, Y: 4 }, { N: 3, O: 3, Y: 4 })).toEqual({ verdict: 'Y', points: 0 })
    // The room voted 85 % Y: the chip says Y, never the N that moved (5 % here, 60 % before).
    expect(roomVerdictGap({ N: 1, O: 2, Y: 17 }, { N: 6, O: 1, Y: 3 })).toEqual({ verdict: 'Y', points: 55 })
    // A tie between the room's leaders: the one that differs most.
    expect(roomVerdictGap({ N: 5, O: 5, Y: 0 }, { N: 5, O: 0, Y: 5 })).toEqual({ verdict: 'O', points: 50 })
    expect(roomVerdictGap({ N: 2, O: 0, Y: 0 }, { N: 0, O: 0, Y: 9 })).toBeNull()
    expect([
      signedPoints(12),
      signedPoints(-7),
      signedPoints(0),
    ]).toEqual(['+12', '−7', '0'])
  })

  it('names the earlier rooms\' own leader only when it is not the room\'s verdict', () => {
    const cellOf = (room: Record<'N' | 'O' | 'Y', number>, others: Record<'N' | 'O' | 'Y', number>) =>
      compareVerdicts(verdictTally({ 'none.simple': room }), peersWith(verdictTally({ 'none.simple': others })))
        .find(c => c.cell === 'none.simple')!
    expect(othersLeader(cellOf({ N: 1, O: 2, Y: 17 }, { N: 2, O: 18, Y: 0 }))).toEqual({ verdict: 'O', percent: 90 })
    expect(othersLeader(cellOf({ N: 1, O: 2, Y: 17 }, { N: 2, O: 4, Y: 14 }))).toBeNull()
    // A tie among the others that includes the room's verdict: nothing to explain.
    expect(othersLeader(cellOf({ N: 0, O: 1, Y: 9 }, { N: 5, O: 0, Y: 5 }))).toBeNull()
    // Too few votes on one side: no gap, no leader.
    expect(othersLeader(cellOf({ N: 0, O: 0, Y: 2 }, { N: 9, O: 0, Y: 0 }))).toBeNull()
  })
})
