import type { ArchivedSession } from '../../poll/archive-file'
import type { PollAggregate, SessionInfo } from '../../poll/session'
import type { Choice, PollId } from '../../poll/types'
import { isDeepStrictEqual } from 'node:util'
import { pollById } from '../../data/polls'
import { sessionAggregates } from '../../poll/session'

/** A ballot the retention purge is about to delete, as the adapters read it. */
export interface ExpiredBallot { session_id: string, poll_id: string, choice: string }

/** One session's poll aggregate after the purge: what its archive row becomes. */
export interface ArchivedAggregate extends PollAggregate { sessionId: string }

/**
 * The archive rows the purge writes before deleting `expired`: each (session, poll) keeps
 * its counts, the expired ballots added to what was archived before (`archivedOf`).
 * The same for every adapter, so a session's results never depend on where it was kept.
 */
export function mergeExpired(expired: readonly ExpiredBallot[], archivedOf: (sessionId: string) => PollAggregate[]): ArchivedAggregate[] {
  const groups = new Map<string, ExpiredBallot[]>()
  for (const row of expired) {
    const key = `${row.session_id}\u0000${row.poll_id}`
    groups.set(key, [
      ...groups.get(key) ?? [],
      row,
    ])
  }
  const merged: ArchivedAggregate[] = []
  for (const rows of groups.values()) {
    const { session_id: sessionId, poll_id: pollId } = rows[0]!
    if (!pollById(pollId))
      continue
    const [aggregate] = sessionAggregates(rows.map(r => ({
      pollId,
      choice: JSON.parse(r.choice) as Choice,
    })), archivedOf(sessionId))
      .filter(a => a.id === pollId as PollId)
    merged.push({ sessionId, ...aggregate! })
  }
  return merged
}

/** Whether an imported session already holds exactly what the file brings. */
export function sameSession(current: SessionInfo & { polls: ArchivedSession['polls'] }, incoming: ArchivedSession): boolean {
  const byId = (polls: ArchivedSession['polls']) => Object.fromEntries(polls.map(p => [p.id, p]))
  return current.title === incoming.title
    && current.date === incoming.date
    && current.kind === incoming.kind
    && current.expectedSize === incoming.expectedSize
    && current.createdAt === incoming.createdAt
    && current.participants === incoming.participants
    && isDeepStrictEqual(byId(current.polls), byId(incoming.polls))
}
