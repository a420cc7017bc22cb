import type { PollAggregate } from '../../poll/session'
import type { PollState } from '../../poll/types'

/** What one instance changed and the others must read again. */
export type ClusterTopic = 'room' | 'session' | 'nav' | 'questions' | 'polls'

/** The polls of the session in progress, as the elected instance read them from the database. */
export interface PublishedPolls {
  session: string
  /** Grows with each publication of one publisher; a new publisher starts its own `epoch`. */
  epoch: string
  seq: number
  polls: (PollAggregate & { state: PollState | null })[]
  /** People who joined the session, on every instance (the presenter's count). */
  joined: number
}

/**
 * The instances that serve one room, and what passes between them. On a laptop there is
 * one (`soloCluster`): nothing to tell anyone, the tallies in memory are the truth. Hosted
 * on PostgreSQL (postgres-cluster.ts), a change is announced to the others, and the tallies
 * every screen sees are published by one elected instance, whole, a few times a second.
 */
export interface Cluster {
  /** True when other instances may take ballots: the tallies then come from the publications. */
  readonly shared: boolean
  /** What this instance does, for /healthz and the organiser's monitoring. */
  role: () => 'solo' | 'publisher' | 'follower'
  /** After a committed change: the other instances read that piece again. */
  announce: (topic: ClusterTopic) => void
  onAnnounce: (listener: (topic: ClusterTopic) => void) => void
  onPublished: (listener: (published: PublishedPolls) => void) => void
  /**
   * Spends one from a budget every instance shares (joins per address); null on a laptop,
   * whose one process keeps its budgets in memory.
   */
  take: (key: string, burst: number, refillMs: number) => Promise<SpendResult> | null
  /** Counts one in a fixed window every instance shares (a phone's ballots per minute); null on a laptop. */
  count: (key: string, windowMs: number) => Promise<{ current: number, ttl: number }> | null
  close: () => Promise<void>
}

export interface SpendResult { ok: boolean, retryAfterS: number }

export const soloCluster: Cluster = {
  take: () => null,
  count: () => null,
  shared: false,
  role: () => 'solo',
  announce: () => {},
  onAnnounce: () => {},
  onPublished: () => {},
  close: async () => {},
}
