import type { PollDefinition } from '../data/polls.ts'
import type { CellId, Choice, Tally, Verdict } from './types'
import { verdictIds } from '../data/matrix.ts'

export function emptyTally(poll: PollDefinition): Tally {
  if (poll.kind === 'choice') {
    return {
      kind: 'choice',
      counts: Object.fromEntries(poll.options.map(o => [o.id, 0])),
    }
  }
  const cells = Object.fromEntries(poll.cells.map(id => [
    id,
    { N: 0, O: 0, Y: 0 },
  ]))
  return { kind: 'verdict', cells: cells as Record<CellId, Record<Verdict, number>> }
}

/**
 * Adds (`sign` = 1) or removes (`sign` = -1) one validated choice. It mutates the
 * tally: the server keeps one per poll and calls this on every ballot.
 */
export function addToTally(tally: Tally, choice: Choice, sign: 1 | -1 = 1): void {
  if (tally.kind === 'choice' && 'option' in choice) {
    tally.counts[choice.option] = (tally.counts[choice.option] ?? 0) + sign
    return
  }
  if (tally.kind === 'verdict' && 'verdicts' in choice) {
    for (const [cell, verdict] of Object.entries(choice.verdicts) as [CellId, Verdict][]) {
      const counts = tally.cells[cell]
      if (counts)
        counts[verdict] += sign
    }
    return
  }
  throw new Error(`Choice does not fit a ${tally.kind} tally`)
}

/** Replaces a participant's previous choice (if any) by the new one. */
export function replaceInTally(tally: Tally, previous: Choice | undefined, next: Choice): void {
  if (previous)
    addToTally(tally, previous, -1)
  addToTally(tally, next, 1)
}

export function tallyOf(poll: PollDefinition, choices: Iterable<Choice>): Tally {
  const tally = emptyTally(poll)
  for (const choice of choices)
    addToTally(tally, choice)
  return tally
}

/** Total of N/O/Y for one cell. */
export function cellTotal(counts: Record<Verdict, number>): number {
  return verdictIds.reduce((sum, v) => sum + counts[v], 0)
}

/** The verdicts with the most votes (several on a tie; none when nobody voted). */
export function leadingVerdicts(counts: Record<Verdict, number>): Verdict[] {
  const top = Math.max(...verdictIds.map(v => counts[v]))
  return top === 0
    ? []
    : verdictIds.filter(v => counts[v] === top)
}

/** How the room's votes on a cell compare with the speaker's verdict. */
export function comparison(counts: Record<Verdict, number>, speaker: Verdict): 'agree' | 'split' | 'disagree' | 'none' {
  const leaders = leadingVerdicts(counts)
  if (leaders.length === 0)
    return 'none'
  if (leaders.length === 1) {
    return leaders[0] === speaker
      ? 'agree'
      : 'disagree'
  }
  return leaders.includes(speaker)
    ? 'split'
    : 'disagree'
}

/** Share of a cell's voters who agree with a given verdict, 0..1 (0 when nobody voted). */
export function agreement(counts: Record<Verdict, number>, verdict: Verdict): number {
  const total = cellTotal(counts)
  return total === 0
    ? 0
    : counts[verdict] / total
}
