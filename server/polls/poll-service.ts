import type { PollDefinition } from '../../data/polls'
import type { BallotRequest } from '../../poll/ballot'
import type { PollRecord, Viewer } from '../../poll/snapshot'
import type { PollCommand, PollId, ResultsSnapshot } from '../../poll/types'
import type { Cluster, PublishedPolls } from '../cluster/cluster'
import type { Sessions } from '../sessions/sessions'
import type { Async, Store, StoreOperations } from '../storage/store'
import { isDeepStrictEqual } from 'node:util'
import { polls } from '../../data/polls'
import { unknownPollMessage } from '../../poll/ballot'
import { sessionAggregates } from '../../poll/session'
import { viewOf } from '../../poll/snapshot'
import { applyCommand, initialPollState } from '../../poll/state'
import { emptyTally, replaceInTally } from '../../poll/tally'
import { soloCluster } from '../cluster/cluster'
import { HttpError, StoreUnavailableError } from '../errors'

export interface BallotAck {
  pollId: PollId
  /** The results version that includes this ballot: a screen showing it or later shows the vote. */
  version: number
  duplicate: boolean
}

interface QueuedBallot {
  pollId: PollId
  ballot: BallotRequest
  resolve: (ack: BallotAck) => void
  reject: (error: unknown) => void
}

/** What became of one ballot of a group: refused, a duplicate, or accepted with its change to the tallies. */
type CastOutcome = { refused: HttpError } | { duplicate: boolean, apply?: () => void }

/**
 * The polls' live state: what the store holds, kept in memory as tallies so that a
 * screen update costs nothing. The store is the source of truth; memory changes
 * only after the store has committed.
 */
export class PollService {
  private readonly records = new Map<string, PollRecord>()
  private loaded = false
  private loading: Promise<void> | null = null
  private version = 0
  /** Grows only with the polls' states (open, closed, revealed), not with ballots. */
  private stateVersion = 0
  /** Distinguishes this process's versions from a previous run's, for clients that resync. */
  private readonly startedAt = new Date().toISOString()
  private readonly listeners = new Set<() => void>()
  /** Ballots waiting for the next group commit. */
  private queue: QueuedBallot[] = []
  private committing = false

  constructor(private readonly store: Store, private readonly sessions: Sessions, private readonly now: () => Date = () => new Date(), private readonly cluster: Cluster = soloCluster) {
    this.clear()
    void this.tryLoad()
  }

  private clear(): void {
    for (const definition of polls as readonly PollDefinition[]) {
      this.records.set(definition.id, {
        definition,
        state: initialPollState(definition.resultsVisibleByDefault),
        participants: 0,
        tally: emptyTally(definition),
      })
    }
  }

  /** Another session is now current: its polls replace this one's. */
  reload(): void {
    this.loaded = false
    this.clear()
    this.stateVersion++
    this.changed()
    void this.tryLoad()
  }

  /**
   * Reads the polls from the store again, in place: what screens show never drops to zero
   * in between (hosted: another instance changed a poll, or this one was cut off for a while).
   */
  async refresh(): Promise<void> {
    if (!this.loaded)
      return void await this.tryLoad()
    await this.load().catch(() => {})
  }

  /** Loads the store into memory if not done yet; false while the store is unavailable. */
  async tryLoad(): Promise<boolean> {
    try {
      await this.ensureLoaded()
      return true
    }
    catch {
      return false
    }
  }

  get storeReady(): boolean {
    return this.loaded
  }

  private async load(): Promise<void> {
    const session = await this.sessions.ready()
    const { ballots, archived, states } = await this.store.load(session.id)
    const aggregates = sessionAggregates(ballots, archived)
    for (const record of this.records.values()) {
      const own = aggregates.find(a => a.id === record.definition.id)!
      record.tally = own.tally
      record.participants = own.participants
      record.state = states.get(record.definition.id) ?? record.state
    }
    this.loaded = true
    this.stateVersion++
    this.changed()
  }

  /** Reads the session's polls into memory once; rejects while the store is unavailable. */
  private ensureLoaded(): Promise<void> {
    if (this.loaded)
      return Promise.resolve()
    this.loading ??= this.load().finally(() => {
      this.loading = null
    })
    return this.loading
  }

  private record(pollId: PollId): PollRecord {
    const record = this.records.get(pollId)
    if (!record)
      throw new HttpError(404, unknownPollMessage(pollId), 'unknown_poll')
    return record
  }

  /**
   * Records a ballot that the route has validated; rejects with an HttpError in French
   * when refused. The ballots that arrive in one turn of the event loop are committed
   * together (one transaction instead of one each: the commit is most of a ballot's
   * cost); each is acknowledged only once that commit is done. One group is in flight at
   * a time: while a database over the network commits one, the next one grows, and the
   * tallies in memory follow the commits in order.
   */
  cast(pollId: PollId, ballot: BallotRequest): Promise<BallotAck> {
    return new Promise((resolve, reject) => {
      this.queue.push({ pollId, ballot, resolve, reject })
      if (this.queue.length === 1 && !this.committing)
        setImmediate(() => void this.commitQueue())
    })
  }

  private async commitQueue(): Promise<void> {
    if (this.committing || this.queue.length === 0)
      return
    this.committing = true
    try {
      await this.commitGroup()
    }
    finally {
      this.committing = false
      if (this.queue.length > 0)
        setImmediate(() => void this.commitQueue())
    }
  }

  private async commitGroup(): Promise<void> {
    const batch = this.queue
    this.queue = []
    const outcomes: CastOutcome[] = []
    try {
      // Read before the transaction: inside it, only `tx` may reach the store.
      await this.ensureLoaded()
      const sessionId = (await this.sessions.ready()).id
      await this.store.transaction(async (tx) => {
        for (const { pollId, ballot } of batch) {
          try {
            outcomes.push(await this.castOne(tx, sessionId, pollId, ballot))
          }
          catch (error) {
            // A refusal (closed poll, reused key…) is this ballot's alone; a store failure
            // undoes the whole group, and none of its ballots is acknowledged.
            if (!(error instanceof HttpError) || error instanceof StoreUnavailableError)
              throw error
            outcomes.push({ refused: error })
          }
        }
      })
    }
    catch (error) {
      for (const item of batch)
        item.reject(error)
      return
    }
    // Committed: memory follows, in the order the ballots were recorded. With other instances
    // taking ballots too, the tallies come whole from the publisher instead (applyPublished).
    let accepted = false
    for (const outcome of this.cluster.shared
      ? []
      : outcomes) {
      if ('apply' in outcome && outcome.apply) {
        outcome.apply()
        accepted = true
      }
    }
    if (accepted)
      this.changed()
    batch.forEach((item, i) => {
      const outcome = outcomes[i]!
      if ('refused' in outcome)
        item.reject(outcome.refused)
      else item.resolve({ pollId: item.pollId, version: this.version, duplicate: outcome.duplicate })
    })
  }

  /** One ballot inside the group's transaction; what changes in memory waits for the commit (`apply`). */
  private async castOne(tx: Async<StoreOperations>, sessionId: string, pollId: PollId, ballot: BallotRequest): Promise<CastOutcome> {
    const record = this.record(pollId)
    const { participantId, idempotencyKey, choice } = ballot
    // Cast in an earlier session (a phone that was offline during the switch): never counted here.
    if (ballot.session !== undefined && ballot.session !== sessionId)
      throw sessionChanged()
    // A retry of a ballot that was recorded before the poll closed is still a success,
    // in the session it was recorded in; one from an earlier session is not this room's.
    // An open poll asks the store once (cast sees the replay itself): on a database over
    // the network, each question is a round trip inside the group's transaction.
    const replay = async () => {
      if (!await tx.isMember(sessionId, participantId))
        throw sessionChanged()
      return { duplicate: true }
    }
    if (record.state.status !== 'open') {
      if (await tx.hasReceipt(record.definition.id, participantId, idempotencyKey))
        return replay()
      throw new HttpError(409, 'Ce vote est clos : votre choix n\'a pas été pris en compte.', 'poll_closed')
    }
    const result = await tx.cast(sessionId, record.definition.id, participantId, idempotencyKey, choice, this.now())
    if (result.kind === 'duplicate')
      return replay()
    if (result.kind === 'not-member')
      throw new HttpError(401, 'Ce téléphone était inscrit à une séance précédente : il rejoint celle-ci, puis renvoie votre vote.', 'not_joined')
    if (result.kind === 'key-reused')
      throw new HttpError(409, 'Cette clé d\'envoi a déjà servi pour un autre vote.', 'key_reused')
    return {
      duplicate: false,
      apply: () => {
        replaceInTally(record.tally, result.previous, choice)
        if (!result.previous)
          record.participants++
      },
    }
  }

  /** Applies a presenter command (the caller has checked the token). */
  async command(pollId: PollId, command: PollCommand): Promise<void> {
    const record = this.record(pollId)
    await this.ensureLoaded()
    const sessionId = (await this.sessions.ready()).id
    const next = applyCommand(record.state, command, this.now(), record.definition.resultsVisibleByDefault)
    if (command === 'reset') {
      await this.store.reset(sessionId, record.definition.id, next)
      record.tally = emptyTally(record.definition)
      record.participants = 0
    }
    else if (next !== record.state) {
      await this.store.saveState(sessionId, record.definition.id, next)
    }
    record.state = next
    this.stateVersion++
    this.changed()
    this.cluster.announce('polls')
  }

  /**
   * The tallies and states of the session in progress, as the elected instance read them
   * from the database: every instance's screens show the same. Another session's (a switch
   * not followed yet) are ignored.
   */
  applyPublished(published: PublishedPolls): void {
    let current: string
    try {
      current = this.sessions.currentId()
    }
    catch {
      return
    }
    if (!this.loaded || published.session !== current)
      return
    let states = false
    for (const poll of published.polls) {
      const record = this.records.get(poll.id)
      if (!record)
        continue
      record.tally = poll.tally
      record.participants = poll.participants
      if (poll.state && !isDeepStrictEqual(poll.state, record.state)) {
        record.state = poll.state
        states = true
      }
    }
    if (states)
      this.stateVersion++
    this.changed()
  }

  /**
   * Deletes ballots older than the retention period (RGPD: the phone page promises it);
   * their counts stay in the session's archive, so the tallies do not change. Returns how many were deleted.
   */
  async purgeOlderThan(days: number): Promise<number> {
    if (!await this.tryLoad())
      return 0
    const deleted = await this.store.purgeBefore(new Date(this.now().getTime() - days * 86_400_000))
    if (deleted > 0) {
      this.loaded = false
      await this.ensureLoaded()
    }
    return deleted
  }

  /** What this viewer may see now. A phone's snapshot changes only when a poll's state does. */
  snapshot(viewer: Viewer): ResultsSnapshot {
    return {
      version: viewer === 'phone'
        ? this.stateVersion
        : this.version,
      generatedAt: this.startedAt,
      polls: [
        ...this.records.values(),
      ].map(r => viewOf(r, viewer)),
    }
  }

  /** Called after each change; listeners coalesce (see SseHub). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private changed(): void {
    this.version++
    for (const l of this.listeners)
      l()
  }
}

function sessionChanged(): HttpError {
  return new HttpError(409, 'La séance a changé : ce vote appartenait à la précédente et n’est pas compté dans celle-ci. Votez à nouveau si la question est ouverte.', 'session_changed')
}
