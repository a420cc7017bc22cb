import type { PeerRooms } from './session'
import type { Tally } from './types'
import { describe, expect, it } from 'vitest'
import { frenchTypography } from '../data/french'
import { matrixCells } from '../data/matrix'
import { placementComparisonSummary, placementSummary, verdictComparisonSummary, verdictSummary } from './stage-summary'

function allSpeaker(n: number): Tally {
  return {
    kind: 'verdict',
    cells: Object.fromEntries(matrixCells.map(c => [
      c.id,
      { N: 0, O: 0, Y: 0, [c.verdict]: n },
    ])),
  } as Tally
}

function peersWith(tally: Tally, sessions = 2): PeerRooms {
  return {
    sessions,
    titles: ['Grenoble 2024', 'Lyon 2025'],
    polls: [
      {
        id: tally.kind === 'verdict'
          ? 'verdict'
          : 'placement',
        participants: 10,
        tally,
      },
    ],
  } as PeerRooms
}

describe('the live-result slides\' one-line summaries', () => {
  it('counts the cells where the room follows the grid and those where it does not', () => {
    const tally = allSpeaker(5)
    expect(verdictSummary(tally, 5)).toBe(frenchTypography('5\u00A0votants · d\'accord avec la grille sur 9 cases sur 9 · aucun désaccord'))
    const cells = (tally as Extract<Tally, { kind: 'verdict' }>).cells
    cells['none.distinct'] = { N: 0, O: 0, Y: 5 }
    expect(verdictSummary(tally, 5)).toBe(frenchTypography('5\u00A0votants · d\'accord avec la grille sur 8 cases sur 9 · 1\u00A0désaccord'))
  })

  it('says nothing about agreement before the first ballot or while results are hidden', () => {
    expect(verdictSummary(null, 0)).toBe(frenchTypography('0\u00A0votant · les résultats s\'afficheront ici'))
    expect(verdictSummary(allSpeaker(0), 0)).not.toContain('accord')
  })

  it('never claims a gap with fewer than 3 votes on either side', () => {
    const few = allSpeaker(2)
    const many = allSpeaker(10)
    expect(verdictComparisonSummary(few, peersWith(many), 2, 10)).toContain('trop peu de votes pour comparer')
    expect(verdictComparisonSummary(many, peersWith(many), 10, 10)).toContain('aucun écart de 15 points ou plus')
    const bolder = allSpeaker(10);
    (bolder as Extract<Tally, { kind: 'verdict' }>).cells['large.simple'] = { N: 10, O: 0, Y: 0 }
    expect(verdictComparisonSummary(bolder, peersWith(many), 10, 10)).toContain('1\u00A0écart de 15 points ou plus')
  })

  it('names the most cited cell, and compares projects only with 3 or more on each side', () => {
    const room: Tally = {
      kind: 'choice',
      counts: { 'large.simple': 3, 'none.distinct': 1 },
    }
    expect(placementSummary(room)).toBe(frenchTypography('4\u00A0projets placés · le plus cité : Projections Excel (75 %)'))
    expect(placementSummary({ kind: 'choice', counts: {} })).toContain('Aucun projet placé')
    const others: Tally = {
      kind: 'choice',
      counts: { 'none.distinct': 10 },
    }
    expect(placementComparisonSummary(room, peersWith(others))).toContain('écart')
    expect(placementComparisonSummary({
      kind: 'choice',
      counts: { 'large.simple': 2 },
    }, peersWith(others))).toContain('trop peu de projets pour comparer')
  })
})
