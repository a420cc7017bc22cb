import type { z } from 'zod'
import type { PollDefinition } from '../data/polls.ts'
import type { peerRoomsSchema, pollAggregateSchema, sessionInfoSchema, sessionKindSchema, sessionSummarySchema } from './schemas.ts'
import type { CellId, Choice, PollId, PollState, ResultsSnapshot, Tally, Verdict, VerdictCounts } from './types'
import { cellIds } from '../data/matrix.ts'
import { pollById, polls } from '../data/polls.ts'
import { emptyTally, tallyOf } from './tally.ts'

/** A rehearsal never counts when rooms are compared. */
export type SessionKind = z.infer<typeof sessionKindSchema>
/** One delivery of the talk (see schemas.ts). */
export type SessionInfo = z.infer<typeof sessionInfoSchema>
/** What the deck shows of the session in progress. */
export type SessionSummary = z.infer<typeof sessionSummarySchema>

export function summaryOf(session: SessionInfo): SessionSummary {
  return {
    id: session.id,
    title: session.title,
    date: session.date,
    kind: session.kind,
  }
}

/** One poll's aggregates in a session: no individual ballot, nothing personal. */
export type PollAggregate = z.infer<typeof pollAggregateSchema>

/** Everything kept of a session once its ballots are gone. */
export interface SessionResults {
  session: SessionInfo
  polls: PollAggregate[]
  /** Present for the sessions this laptop ran (imported ones only have aggregates). */
  states?: Partial<Record<PollId, PollState>>
}

/** Earlier real rooms, combined: what « the others » means on the comparison slide. */
export type PeerRooms = z.infer<typeof peerRoomsSchema>

/** Titles of earlier rooms sent to screens: the rest are counted, so a snapshot stays small. */
export const PEER_TITLES = 3

const DATE = /^\d{4}-\d{2}-\d{2}$/

/** Whether a text is a calendar date written YYYY-MM-DD (a real day: no 30 February). Pure: no zod, for the phone pages. */
export function isIsoDate(text: string): boolean {
  if (!DATE.test(text))
    return false
  const date = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text)
}

/** « 14 mars 2027 », for titles and slides. */
export function formatSessionDate(date: string): string {
  return new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`))
}

/** The title of a session nobody named: « Séance du 26 novembre 2026 ». */
export const defaultSessionTitle = (date: string) => `Séance du ${formatSessionDate(date)}`

/** Today in Paris, YYYY-MM-DD: the talk's date is the speaker's, not the server's UTC. */
export function todayInParis(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(now)
}

/** Adds `from` into `into` (same poll): archives and live rows, or several rooms. */
export function mergeTally(into: Tally, from: Tally): void {
  if (into.kind === 'choice' && from.kind === 'choice') {
    for (const [option, count] of Object.entries(from.counts))
      into.counts[option] = (into.counts[option] ?? 0) + count
    return
  }
  if (into.kind === 'verdict' && from.kind === 'verdict') {
    for (const [cell, counts] of Object.entries(from.cells) as [CellId, VerdictCounts][]) {
      const target = into.cells[cell]
      if (!target)
        continue
      for (const verdict of Object.keys(counts) as Verdict[])
        target[verdict] += counts[verdict]
    }
    return
  }
  throw new Error(`cannot merge a ${from.kind} tally into a ${into.kind} tally`)
}

/** Adds up the aggregates of several sessions, poll by poll (every poll present, zero when none). */
export function combineAggregates(sessions: readonly (readonly PollAggregate[])[]): PollAggregate[] {
  return (polls as readonly PollDefinition[]).map((definition) => {
    const tally = emptyTally(definition)
    let participants = 0
    for (const aggregates of sessions) {
      const own = aggregates.find(a => a.id === definition.id)
      if (!own)
        continue
      mergeTally(tally, own.tally)
      participants += own.participants
    }
    return { id: definition.id as PollId, participants, tally }
  })
}

/** Sessions in the order they were given: by date, then by creation. */
export function chronological(a: SessionInfo, b: SessionInfo): number {
  return a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt)
}

/**
 * The rooms a session is compared with: the real sessions given before it.
 * Rehearsals never count, and neither does the session itself.
 */
export function peersOf(session: SessionInfo, all: readonly SessionResults[]): PeerRooms {
  const earlier = all
    .filter(r => r.session.kind === 'real' && r.session.id !== session.id && chronological(r.session, session) < 0)
    .sort((a, b) => chronological(a.session, b.session))
  return {
    sessions: earlier.length,
    titles: earlier.slice(-PEER_TITLES).map(r => r.session.title),
    participants: earlier.reduce((sum, r) => sum + r.session.participants, 0),
    polls: combineAggregates(earlier.map(r => r.polls)),
  }
}

/** The empty aggregates of every poll. */
export function emptyAggregates(): PollAggregate[] {
  return combineAggregates([])
}

/** Whether a tally fits a poll's definition: known options or cells only. */
export function tallyFits(tally: Tally, pollId: string): boolean {
  const poll = pollById(pollId)
  if (!poll || poll.kind !== tally.kind)
    return false
  if (poll.kind === 'choice' && tally.kind === 'choice')
    return Object.keys(tally.counts).every(o => poll.options.some(p => p.id === o))
  return tally.kind === 'verdict' && Object.keys(tally.cells).every(c => (cellIds as string[]).includes(c))
}

/**
 * A session's aggregates: the tallies of its ballots still on disk, plus what the
 * retention purge archived before deleting older ones.
 */
export function sessionAggregates(ballots: readonly { pollId: string, choice: Choice }[], archived: readonly PollAggregate[]): PollAggregate[] {
  return (polls as readonly PollDefinition[]).map((definition) => {
    const own = ballots.filter(b => b.pollId === definition.id)
    const tally = tallyOf(definition, own.map(b => b.choice))
    let participants = own.length
    const archive = archived.find(a => a.id === definition.id)
    if (archive) {
      mergeTally(tally, archive.tally)
      participants += archive.participants
    }
    return { id: definition.id as PollId, participants, tally }
  })
}

/**
 * A session's aggregates in the shape the deck draws (and a handout bakes in): every
 * tally visible, as the presenter sees them; `peers` adds the comparison pages.
 */
export function sessionSnapshot(results: SessionResults, peers?: PeerRooms, now = new Date()): ResultsSnapshot {
  return {
    version: 0,
    generatedAt: now.toISOString(),
    polls: results.polls.map(p => ({
      id: p.id,
      ...(results.states?.[p.id] ?? {
        status: 'closed',
        resultsVisible: true,
        openedAt: null,
        closedAt: null,
      }),
      participants: p.participants,
      tally: p.tally,
    })),
    session: summaryOf(results.session),
    ...(peers
      ? { peers }
      : {}),
  }
}
