import type { Choice } from '../poll/types'
import { backoffDelay } from '../client/backoff'
import { randomId } from './ids'

export interface PendingBallot<C = Choice> {
  /** What the item is for: a poll's id, or a question's own slot (`question:…`). */
  pollId: string
  choice: C
  /** Same key on every retry: the server counts the ballot once however often it arrives. */
  idempotencyKey: string
  /** The session the person chose in: the server never counts it in another. */
  session?: string
}

export type SendOutcome
  = | { kind: 'recorded' }
    | { kind: 'refused', message: string }
    | { kind: 'retry', message: string }
    /** The server does not know this phone (its credential expired or was purged). */
    | { kind: 'rejoin', message: string }

export interface OutboxEvents<C = Choice> {
  onOutcome: (pollId: string, outcome: SendOutcome) => void
  /** Gets this phone a new credential; resolves to true when it has one. */
  rejoin?: () => Promise<boolean>
  /** Sends one item (a ballot by default; a question for the questions' outbox). */
  send?: (item: PendingBallot<C>, fetchFn: Fetch) => Promise<SendOutcome>
  /** Where the items wait across reloads. */
  storageKey?: string
}

type Fetch = typeof fetch

/**
 * Classifies the server's answer. A 401 means the phone must join again; other 4xx are
 * final (the ballot is wrong or the poll closed); the rest is retried. The phone's
 * credential travels as a cookie that scripts on the page cannot read.
 */
export async function sendBallot(ballot: PendingBallot, fetchFn: Fetch = fetch): Promise<SendOutcome> {
  return postOnce(`/api/polls/${encodeURIComponent(ballot.pollId)}/ballots`, {
    idempotencyKey: ballot.idempotencyKey,
    choice: ballot.choice,
    ...(ballot.session
      ? { session: ballot.session }
      : {}),
  }, fetchFn)
}

/** Posts one item and classifies the answer (see sendBallot): shared by ballots and questions. */
export async function postOnce(path: string, body: unknown, fetchFn: Fetch = fetch): Promise<SendOutcome> {
  try {
    const res = await fetchFn(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(body),
    })
    if (res.ok)
      return { kind: 'recorded' }
    const answer = await res.json().catch(() => ({})) as { message?: string }
    const message = answer.message ?? `Erreur ${res.status}.`
    if (res.status === 401)
      return { kind: 'rejoin', message }
    return res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429
      ? { kind: 'refused', message }
      : { kind: 'retry', message }
  }
  catch {
    return { kind: 'retry', message: 'Serveur injoignable : nouvel essai automatique.' }
  }
}

const STORAGE_KEY = 'atelier-outbox'

/**
 * Ballots waiting for the server's acknowledgement, one per poll (a newer choice
 * replaces an unsent one). Kept in localStorage so a reload does not lose them.
 */
export class Outbox<C = Choice> {
  private pending: Record<string, PendingBallot<C>>
  private readonly storageKey: string
  private readonly send: (item: PendingBallot<C>, fetchFn: Fetch) => Promise<SendOutcome>
  private timers = new Map<string, ReturnType<typeof setTimeout>>()
  private inFlight = new Set<string>()

  constructor(private readonly events: OutboxEvents<C>, private readonly storage: Storage = localStorage, private readonly fetchFn: Fetch = (...a) => fetch(...a)) {
    this.storageKey = events.storageKey ?? STORAGE_KEY
    this.send = events.send ?? (sendBallot as unknown as (item: PendingBallot<C>, fetchFn: Fetch) => Promise<SendOutcome>)
    this.pending = JSON.parse(storage.getItem(this.storageKey) ?? '{}') as Record<string, PendingBallot<C>>
  }

  /** Queues a choice, made in `session` when the phone knows it, and sends it now. */
  submit(pollId: string, choice: C, session?: string): void {
    this.pending[pollId] = {
      pollId,
      choice,
      idempotencyKey: randomId(),
      ...(session
        ? { session }
        : {}),
    }
    this.save()
    void this.attempt(pollId, 0)
  }

  /** Drops the ballots chosen in another session than `session`; returns how many. */
  forgetOtherSessions(session: string): number {
    const stale = Object.values(this.pending).filter(b => b.session !== undefined && b.session !== session)
    for (const ballot of stale) {
      clearTimeout(this.timers.get(ballot.pollId))
      delete this.pending[ballot.pollId]
    }
    if (stale.length)
      this.save()
    return stale.length
  }

  /** Sends whatever was left unsent by an earlier visit. */
  resume(): void {
    for (const pollId of Object.keys(this.pending))
      void this.attempt(pollId, 0)
  }

  /**
   * Sends every pending ballot now, without waiting for its backoff: called when the
   * stream reopens or the network comes back, so a long outage costs no extra wait.
   */
  retryNow(): void {
    for (const pollId of Object.keys(this.pending)) {
      if (!this.inFlight.has(pollId))
        void this.attempt(pollId, 0)
    }
  }

  /** How many ballots wait for the server's acknowledgement. */
  get pendingCount(): number {
    return Object.keys(this.pending).length
  }

  has(pollId: string): boolean {
    return pollId in this.pending
  }

  private async attempt(pollId: string, attempt: number): Promise<void> {
    clearTimeout(this.timers.get(pollId))
    const ballot = this.pending[pollId]
    if (!ballot)
      return
    this.inFlight.add(pollId)
    let outcome = await this.send(ballot, this.fetchFn).finally(() => this.inFlight.delete(pollId))
    // Once, with a fresh credential; if joining fails, the ballot waits like any retry.
    if (outcome.kind === 'rejoin') {
      outcome = await this.events.rejoin?.()
        ? await this.send(ballot, this.fetchFn)
        : { kind: 'retry', message: outcome.message }
    }
    if (outcome.kind === 'rejoin')
      outcome = { kind: 'retry', message: outcome.message }
    // A newer choice may have replaced this one while it was in flight.
    if (this.pending[pollId]?.idempotencyKey !== ballot.idempotencyKey)
      return
    if (outcome.kind === 'retry') {
      this.timers.set(pollId, setTimeout(() => void this.attempt(pollId, attempt + 1), backoffDelay(attempt)))
    }
    else {
      delete this.pending[pollId]
      this.save()
    }
    this.events.onOutcome(pollId, outcome)
  }

  private save(): void {
    this.storage.setItem(this.storageKey, JSON.stringify(this.pending))
  }
}
