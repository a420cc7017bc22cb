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

  list(): Promise<SessionInfo[]> {
    return this.store.listSessions()
  }

  get(id: string): Promise<SessionInfo | undefined> {
    return this.store.getSession(id)
  }

  create(session: SessionInfo): Promise<void> {
    return this.store.createSession(session)
  }

  update(id: string, patch: SessionPatch): Promise<SessionInfo | undefined> {
    return this.store.updateSession(id, patch)
  }

  /** Deletes a session and everything it holds (ballots, states, participants, aggregates). */
  remove(id: string): Promise<boolean> {
    return this.store.removeSession(id)
  }

  /** One session's aggregates; undefined for an unknown id. */
  async results(id: string): Promise<SessionResults | undefined> {
    const session = await this.get(id)
    if (!session)
      return undefined
    const { ballots, archived, states } = await this.store.load(id)
    return {
      session,
      polls: sessionAggregates(ballots, archived),
      states: Object.fromEntries(states) as Partial<Record<PollId, PollState>>,
    }
  }

  /** Every session's aggregates, oldest first. */
  async allResults(): Promise<SessionResults[]> {
    const results = []
    for (const session of await this.list())
      results.push((await this.results(session.id))!)
    return results
  }

  /** Adds the sessions of another laptop's archive, all or nothing (see Store.importSessions). */
  import(sessions: readonly ArchivedSession[]): Promise<ImportReport> {
    return this.store.importSessions(sessions)
  }
}
