import type { PeerRooms } from './session'
import type { CellId, Tally, Verdict, VerdictCounts } from './types'
import { frenchTypography } from '../data/french'
import { matrixCells, verdictIds, verdicts } from '../data/matrix'
import { cellTotal } from './tally'

/** A room stands out on a cell when a verdict's share differs from the other rooms' by this many points. */
export const STAND_OUT_POINTS = 15
/** Below this many votes on either side, a difference says nothing. */
export const MIN_VOTES_TO_COMPARE = 3

export interface CellComparison {
  cell: CellId
  speaker: Verdict
  room: VerdictCounts
  others: VerdictCounts
  /** Shares in whole percent, 0..100, per verdict (all 0 when nobody voted). */
  roomPercent: VerdictCounts
  othersPercent: VerdictCounts
  /** This room's own verdict and how far the others' share of it is (null: too few votes to compare). */
  gap: { verdict: Verdict, points: number } | null
  /** That gap, when it is of `STAND_OUT_POINTS` or more. */
  standsOut: { verdict: Verdict, points: number } | null
}

const ZERO: VerdictCounts = { N: 0, O: 0, Y: 0 }

/** Whole percentages, 0..100 (not forced to add up to 100: each is rounded on its own). */
export function percentages(counts: VerdictCounts): VerdictCounts {
  const total = cellTotal(counts)
  const share = (v: Verdict) => total === 0
    ? 0
    : Math.round(100 * counts[v] / total)
  return {
    N: share('N'),
    O: share('O'),
    Y: share('Y'),
  }
}

/**
 * How far this room's own verdict on a cell (its most chosen) is from the other rooms' share
 * of that same verdict, in points (room minus others, exact shares rounded once); null when
 * either side has too few votes to say. The chip on the slide is then always what this room
 * said: a cell the room voted 85 % Y never shows an N. A tie between the room's leaders
 * gives the one that differs most.
 */
export function roomVerdictGap(room: VerdictCounts, others: VerdictCounts): { verdict: Verdict, points: number } | null {
  const roomTotal = cellTotal(room)
  const othersTotal = cellTotal(others)
  if (roomTotal < MIN_VOTES_TO_COMPARE || othersTotal < MIN_VOTES_TO_COMPARE)
    return null
  const top = Math.max(...verdictIds.map(v => room[v]))
  let best: { verdict: Verdict, points: number } | null = null
  for (const verdict of verdictIds.filter(v => room[v] === top)) {
    // Exact shares: rounding each side first could push a 14.6-point gap over the line.
    const points = 100 * (room[verdict] / roomTotal - others[verdict] / othersTotal)
    if (!best || Math.abs(points) > Math.abs(best.points))
      best = { verdict, points }
  }
  return best && {
    verdict: best.verdict,
    points: Math.round(best.points),
  }
}

function standOut(gap: CellComparison['gap']): CellComparison['standsOut'] {
  return gap && Math.abs(gap.points) >= STAND_OUT_POINTS
    ? gap
    : null
}

function verdictCells(tally: Tally | null | undefined) {
  return tally?.kind === 'verdict'
    ? tally.cells
    : null
}

/** This room against the earlier rooms, cell by cell, in the matrix's order. */
export function compareVerdicts(room: Tally | null, peers: PeerRooms | null): CellComparison[] {
  const roomCells = verdictCells(room)
  const othersCells = verdictCells(peers?.polls.find(p => p.id === 'verdict')?.tally)
  return matrixCells.map((cell) => {
    const roomCounts = roomCells?.[cell.id] ?? ZERO
    const othersCounts = othersCells?.[cell.id] ?? ZERO
    const gap = roomVerdictGap(roomCounts, othersCounts)
    return {
      cell: cell.id,
      speaker: cell.verdict,
      room: roomCounts,
      others: othersCounts,
      roomPercent: percentages(roomCounts),
      othersPercent: percentages(othersCounts),
      gap,
      standsOut: standOut(gap),
    }
  })
}

/**
 * What the earlier rooms chose most on a cell, when it is not the verdict this room's gap is
 * about: « +85 Y » reads as a surprise only once the slide says the others said O. Null when
 * there is no gap to explain, or the others' leader (a tie included) is this room's verdict.
 */
export function othersLeader(comparison: CellComparison): { verdict: Verdict, percent: number } | null {
  const { gap, others, othersPercent } = comparison
  if (!gap)
    return null
  const top = Math.max(...verdictIds.map(v => others[v]))
  const leaders = verdictIds.filter(v => others[v] === top)
  if (leaders.includes(gap.verdict))
    return null
  return { verdict: leaders[0]!, percent: othersPercent[leaders[0]!] }
}

/** « +24 », « −8 », « 0 »: a gap in points with a true minus sign. */
export function signedPoints(points: number): string {
  if (points === 0)
    return '0'
  return `${points > 0
    ? '+'
    : '−'}${Math.abs(points)}`
}

/** « +24 points de « À envisager » », said of this room against the others. */
export function standOutText(standsOut: NonNullable<CellComparison['standsOut']>): string {
  return frenchTypography(`${signedPoints(standsOut.points)} points de « ${verdicts[standsOut.verdict].short} »`)
}

/**
 * Placement shares (whole percent per cell) for this room and the others, and the gap
 * between them, only when both sides have enough projects to say anything.
 */
export function comparePlacement(room: Tally | null, peers: PeerRooms | null): { cell: CellId, room: number, others: number, gap: number | null }[] {
  const share = (tally: Tally | null | undefined) => {
    const counts = tally?.kind === 'choice'
      ? tally.counts
      : {}
    const total = Object.values(counts).reduce((a, b) => a + b, 0)
    return (id: CellId) => total === 0
      ? 0
      : Math.round(100 * (counts[id] ?? 0) / total)
  }
  const total = (tally: Tally | null | undefined) => tally?.kind === 'choice'
    ? Object.values(tally.counts).reduce((a, b) => a + b, 0)
    : 0
  const peerTally = peers?.polls.find(p => p.id === 'placement')?.tally
  const comparable = total(room) >= MIN_VOTES_TO_COMPARE && total(peerTally) >= MIN_VOTES_TO_COMPARE
  const roomShare = share(room)
  const othersShare = share(peerTally)
  return matrixCells.map((cell) => {
    const [here, before] = [
      roomShare(cell.id),
      othersShare(cell.id),
    ]
    return {
      cell: cell.id,
      room: here,
      others: before,
      gap: comparable
        ? here - before
        : null,
    }
  })
}
