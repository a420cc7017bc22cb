import type { ArchivedSession } from '../../poll/archive-file'
import type { SessionInfo, SessionResults } from '../../poll/session'
import type { PollId, PollState } from '../../poll/types'
import type { ImportReport, SessionPatch, Store } from '../storage/store'
import { sessionAggregates } from '../../poll/session'

export type { ImportReport, SessionPatch }

/**
 * The sessions and each one's aggregates, read through the store. A session's results are
 * its ballots still stored plus what the retention purge archived.
 */
export class SessionArchive {
  constructor(private readonly store: Store) {}

  list(): SessionInfo[] {
    return this.store.listSessions()
  }

  get(id: string): SessionInfo | undefined {
    return this.store.getSession(id)
  }

  create(session: SessionInfo): void {
    this.store.createSession(session)
  }

  update(id: string, patch: SessionPatch): SessionInfo | undefined {
    return this.store.updateSession(id, patch)
  }

  /** Deletes a session and everything it holds (ballots, states, participants, aggregates). */
  remove(id: string): boolean {
    return this.store.removeSession(id)
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

  /** Adds the sessions of another laptop's archive, all or nothing (see Store.importSessions). */
  import(sessions: readonly ArchivedSession[]): ImportReport {
    return this.store.importSessions(sessions)
  }
}
