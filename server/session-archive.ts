import type { ArchivedSession } from '../poll/archive-file'
import type { SessionInfo, SessionResults } from '../poll/session'
import type { PollId, PollState } from '../poll/types'
import type { BallotStore } from './store'
import type { SessionRow } from './store-schema'
import { isDeepStrictEqual } from 'node:util'
import { sessionAggregates } from '../poll/session'
import { inTransaction } from './sqlite'
import { archivedAggregate } from './store'

export interface ImportReport {
  /** Sessions new to this laptop. */
  added: string[]
  /** Sessions imported earlier whose aggregates the file brought up to date. */
  updated: string[]
  /** Already here, the same. */
  unchanged: string[]
  /** Sessions run on this laptop: its own data wins over a copy. */
  kept: string[]
}

function infoOf(r: SessionRow): SessionInfo {
  return {
    id: r.id,
    title: r.title,
    date: r.date,
    kind: r.kind === 'rehearsal'
      ? 'rehearsal'
      : 'real',
    expectedSize: r.expected_size,
    createdAt: r.created_at,
    participants: r.participants,
    imported: r.imported === 1,
  }
}

export type SessionPatch = Partial<Pick<SessionInfo, 'title' | 'date' | 'kind' | 'expectedSize'>>

/**
 * The sessions table and each session's aggregates, in the ballot store's database.
 * A session's results are its ballots still on disk plus what the purge archived.
 */
export class SessionArchive {
  constructor(private readonly store: BallotStore) {}

  list(): SessionInfo[] {
    return this.store.use((_db, s) => s.sessions.all().map(infoOf))
  }

  get(id: string): SessionInfo | undefined {
    return this.store.use((_db, s) => {
      const row = s.session.get(id)
      return row
        ? infoOf(row)
        : undefined
    })
  }

  create(session: SessionInfo): void {
    this.store.use((_db, s) => s.insertSession.run(session.id, session.title, session.date, session.kind, session.expectedSize, session.createdAt, session.participants, session.imported
      ? 1
      : 0))
  }

  update(id: string, patch: SessionPatch): SessionInfo | undefined {
    return this.store.use((db, s) => inTransaction(db, () => {
      const row = s.session.get(id)
      if (!row)
        return undefined
      const next = {
        ...infoOf(row),
        ...patch,
      }
      s.updateSession.run(next.title, next.date, next.kind, next.expectedSize, id)
      return next
    }))
  }

  /** Deletes a session and everything it holds (ballots, states, participants, aggregates). */
  remove(id: string): boolean {
    return this.store.use((db, s) => {
      const removed = inTransaction(db, () => {
        if (!s.session.get(id))
          return false
        s.deleteSessionReceipts.run(id)
        for (const statement of s.deleteSessionRows)
          statement.run(id)
        return true
      })
      if (removed)
        this.store.erase()
      return removed
    })
  }

  /** One session's aggregates; undefined for an unknown id. */
  results(id: string): SessionResults | undefined {
    const session = this.get(id)
    if (!session)
      return undefined
    const { ballots, archived, states } = this.store.load(id)
    return {
      session,
      polls: sessionAggregates(ballots, archived),
      states: Object.fromEntries(states) as Partial<Record<PollId, PollState>>,
    }
  }

  /** Every session's aggregates, oldest first. */
  allResults(): SessionResults[] {
    return this.list().map(s => this.results(s.id)!)
  }

  /**
   * Adds the sessions of another laptop's archive, all or nothing. Idempotent: the same
   * file twice changes nothing. A session run on this laptop is never overwritten by a
   * copy of itself; one imported earlier is replaced by the file's newer aggregates.
   */
  import(sessions: readonly ArchivedSession[]): ImportReport {
    const report: ImportReport = {
      added: [],
      updated: [],
      unchanged: [],
      kept: [],
    }
    this.store.use((db, s) => inTransaction(db, () => {
      for (const incoming of sessions) {
        const row = s.session.get(incoming.id)
        if (row && row.imported === 0) {
          report.kept.push(incoming.title)
          continue
        }
        if (row) {
          const current = {
            ...infoOf(row),
            polls: s.archive.all(row.id).map(archivedAggregate),
          }
          if (sameSession(current, incoming)) {
            report.unchanged.push(incoming.title)
            continue
          }
          s.replaceImported.run(incoming.title, incoming.date, incoming.kind, incoming.expectedSize, incoming.createdAt, incoming.participants, incoming.id)
          s.clearArchive.run(incoming.id)
          report.updated.push(incoming.title)
        }
        else {
          s.insertSession.run(incoming.id, incoming.title, incoming.date, incoming.kind, incoming.expectedSize, incoming.createdAt, incoming.participants, 1)
          report.added.push(incoming.title)
        }
        for (const poll of incoming.polls)
          s.putArchive.run(incoming.id, poll.id, JSON.stringify(poll.tally), poll.participants)
      }
    }))
    return report
  }
}

/** Whether an imported session already holds exactly what the file brings. */
function sameSession(current: SessionInfo & { polls: ArchivedSession['polls'] }, incoming: ArchivedSession): boolean {
  const byId = (polls: ArchivedSession['polls']) => Object.fromEntries(polls.map(p => [p.id, p]))
  return current.title === incoming.title
    && current.date === incoming.date
    && current.kind === incoming.kind
    && current.expectedSize === incoming.expectedSize
    && current.createdAt === incoming.createdAt
    && current.participants === incoming.participants
    && isDeepStrictEqual(byId(current.polls), byId(incoming.polls))
}
