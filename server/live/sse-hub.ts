import type { ServerResponse } from 'node:http'
import type { Viewer } from '../../poll/snapshot'
import type { ResultsSnapshot } from '../../poll/types'
import type { StreamOwner } from './stream-admission'
import process from 'node:process'
import { loopShare } from './send-share'
import { StreamAdmission } from './stream-admission'

export type Audience = Viewer

/**
 * Sending time saved up while the room is quiet, spent at once by a burst: two ballots a
 * few milliseconds apart both reach the screens at once instead of the second waiting for
 * the first message's cost to be earned back. The same bound keeps a debt from a heavy
 * spell from lasting.
 */
const BURST_MS = 20
/**
 * The keep-alive comment goes to one slice of the streams at a time: 5,000 sockets written
 * in one go stalled the event loop for tens of ms every heartbeat.
 */
const HEARTBEAT_SLICES = 15

interface Client {
  res: ServerResponse
  audience: Audience
  /** Set while the socket's buffer is full: the client gets the latest snapshot on drain. */
  waiting: boolean
  /** The last message of each event this client was given, to skip sending the same again. */
  last: Map<string, string>
  /** Which slice of the heartbeat this client is in (0..HEARTBEAT_SLICES-1). */
  slice: number
}

export interface SseHubOptions {
  snapshot: (audience: Audience) => ResultsSnapshot
  /**
   * Other whole states, each sent as its own event (`event: questions`) and only when it
   * changed for that audience, so that a ballot does not resend them. Null: nothing for it.
   */
  topics?: Record<string, (audience: Audience) => unknown>
  /** The longest wait between a change and its message, under the heaviest load. */
  intervalMs: number
  heartbeatMs?: number
  /** How long a browser waits before reconnecting, sent to it in the stream. */
  retryMs?: number
  /** Streams without a credential from one address, and streams in all (see StreamAdmission). */
  anonymousPerAddress?: number
  total?: number
  /** Clock in ms, for tests. */
  now?: () => number
  /** The share of the event loop messages may take (`loopShare`), for tests. */
  share?: () => number
  /** Extra messages a new client of this audience gets after the snapshot (the presenter's slide). */
  greeting?: (audience: Audience) => string[]
}

const SNAPSHOT = 'snapshot'
const frame = (event: string, state: unknown) => `event: ${event}\ndata: ${JSON.stringify(state)}\n\n`

/**
 * Server-Sent Events to every screen and phone. Each message is a whole snapshot,
 * so a client that reconnects or misses a message is resynced by the next one.
 * A change goes out at once (after the current I/O turn, so that the ballots of one
 * turn share a message) while the hub has sending time in hand: it earns a share of the
 * time that passes (all of an idle loop, a tenth of a busy one: `send-share.ts`) and
 * spends what each message costs to build and write. Out of it, the change waits until
 * the next message fits, `intervalMs` at most: under load, messages make way for requests,
 * and a quiet room's bursts go at once.
 * Each message is serialised once per change and audience, and an audience whose
 * snapshot did not change (phones, between two poll states) gets nothing.
 */
export class SseHub {
  private readonly clients = new Set<Client>()
  private readonly admission: StreamAdmission<Client>
  private dirty = false
  /** Sending time the hub may spend now (ms), refilled at `share()` of the time passed. */
  private budgetMs = BURST_MS
  private budgetAt: number
  /** What the last message cost to build and write, to every client. */
  private lastCostMs = 0
  /** Cancels the message scheduled, if any. */
  private pending: (() => void) | null = null
  /** Serialised messages, by event and audience (`snapshot:phone`): one per change. */
  private readonly frames = new Map<string, string | null>()
  /** The messages each audience was last flushed with: an audience whose messages are the same is skipped whole. */
  private readonly flushed = new Map<Audience, (string | null)[]>()
  private readonly events: string[]
  private readonly heartbeat: NodeJS.Timeout
  private beats = 0
  private joined = 0

  private readonly now: () => number
  private readonly share: () => number
  private stopShare = () => {}

  constructor(private readonly options: SseHubOptions) {
    this.now = options.now ?? (() => performance.now())
    this.budgetAt = this.now()
    if (options.share) {
      this.share = options.share
    }
    else {
      const loop = loopShare()
      this.share = loop.read
      this.stopShare = loop.stop
    }
    this.events = [
      SNAPSHOT,
      ...Object.keys(options.topics ?? {}),
    ]
    this.admission = new StreamAdmission({ anonymousPerAddress: options.anonymousPerAddress ?? Infinity, total: options.total ?? Infinity })
    this.heartbeat = setInterval(() => this.heartbeatSlice(), (options.heartbeatMs ?? 15_000) / HEARTBEAT_SLICES)
    this.heartbeat.unref()
  }

  get size(): number {
    return this.clients.size
  }

  /** Open streams from this address, the presenter's aside. */
  countAt(address: string): number {
    return this.admission.countAt(address)
  }

  /**
   * The snapshot (or only the named event) changed: schedule a message, at once while the
   * budget covers what the last one cost, else when it will, `intervalMs` at most.
   */
  markDirty(event?: string): void {
    this.dirty = true
    if (event) {
      for (const key of this.frames.keys()) {
        if (key.startsWith(`${event}:`))
          this.frames.delete(key)
      }
    }
    else {
      this.frames.clear()
    }
    if (this.pending)
      return
    this.refill()
    const wait = Math.min(this.options.intervalMs, (this.lastCostMs - this.budgetMs) / this.share())
    if (wait <= 0) {
      const immediate = setImmediate(() => this.flush())
      this.pending = () => clearImmediate(immediate)
    }
    else {
      const timeout = setTimeout(() => this.flush(), wait)
      this.pending = () => clearTimeout(timeout)
    }
  }

  private refill(): void {
    const now = this.now()
    this.budgetMs = Math.min(BURST_MS, this.budgetMs + (now - this.budgetAt) * this.share())
    this.budgetAt = now
  }

  /** An event's current state as an SSE message for this audience, serialised once per change. */
  private frameFor(event: string, audience: Audience): string | null {
    const key = `${event}:${audience}`
    let data = this.frames.get(key)
    if (data === undefined) {
      const state = event === SNAPSHOT
        ? this.options.snapshot(audience)
        : this.options.topics![event]!(audience)
      data = state === null
        ? null
        : frame(event, state)
      this.frames.set(key, data)
    }
    return data
  }

  /**
   * Takes over a response and keeps it open; the first message is the current snapshot.
   * Never refuses: the streams that must make room for it are closed (see StreamAdmission).
   */
  add(res: ServerResponse, audience: Audience, owner: StreamOwner = { kind: 'anonymous', address: '' }): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'connection': 'keep-alive',
      'x-accel-buffering': 'no',
    })
    res.write(`retry: ${this.options.retryMs ?? 2000}\n\n`)
    const client: Client = {
      res,
      audience,
      waiting: false,
      last: new Map(),
      slice: this.joined++ % HEARTBEAT_SLICES,
    }
    for (const evicted of this.admission.admit(client, owner)) {
      this.clients.delete(evicted)
      // destroy, not end: a client that stopped reading would keep its socket forever.
      evicted.res.destroy()
    }
    this.clients.add(client)
    this.sendSnapshot(client)
    for (const message of this.options.greeting?.(audience) ?? [])
      this.send(client, message)
    res.on('drain', () => {
      client.waiting = false
      this.sendSnapshot(client)
      for (const message of this.options.greeting?.(audience) ?? [])
        this.send(client, message)
    })
    res.on('close', () => {
      this.clients.delete(client)
      this.admission.remove(client)
    })
  }

  /** Each event's current state, unless this client already has one with the same content. */
  private sendSnapshot(client: Client): void {
    for (const event of this.events) {
      const data = this.frameFor(event, client.audience)
      if (client.waiting || data === null || client.last.get(event) === data)
        continue
      client.last.set(event, data)
      this.send(client, data)
    }
  }

  private send(client: Client, data: string): void {
    if (client.waiting || client.res.writableEnded)
      return
    if (!client.res.write(data))
      client.waiting = true
  }

  private flush(): void {
    this.pending = null
    if (!this.dirty)
      return
    this.dirty = false
    const started = this.now()
    // A ballot changes what screens see, not what phones see: each audience is checked
    // once, and thousands of phone streams are passed over without building anything.
    const sendTo = new Map<Audience, boolean>()
    for (const client of this.clients) {
      let send = sendTo.get(client.audience)
      if (send === undefined) {
        const messages = this.events.map(event => this.frameFor(event, client.audience))
        const before = this.flushed.get(client.audience)
        send = !before || before.some((m, k) => m !== messages[k])
        this.flushed.set(client.audience, messages)
        sendTo.set(client.audience, send)
      }
      if (send)
        this.sendSnapshot(client)
    }
    // Node writes the sockets after this turn (each response is corked until the next tick):
    // a tick queued now runs after those writes, so the cost counts them too. They were
    // half of it with 3,000 screens, nine tenths with 200 (docs/performance.md).
    process.nextTick(() => {
      this.lastCostMs = this.now() - started
      this.refill()
      this.budgetMs = Math.max(-BURST_MS, this.budgetMs - this.lastCostMs)
    })
  }

  /** Sends a message as it is to every client of these audiences (not coalesced: it is rare). */
  broadcast(data: string, audiences: readonly Audience[]): void {
    for (const client of this.clients) {
      if (audiences.includes(client.audience))
        this.send(client, data)
    }
  }

  /** Every client gets a comment once per heartbeat period, one slice per tick. */
  private heartbeatSlice(): void {
    const slice = this.beats++ % HEARTBEAT_SLICES
    for (const client of this.clients) {
      if (client.slice === slice)
        this.send(client, ': ping\n\n')
    }
  }

  close(): void {
    this.pending?.()
    this.pending = null
    this.stopShare()
    clearInterval(this.heartbeat)
    for (const client of this.clients)
      client.res.end()
    this.clients.clear()
  }
}
