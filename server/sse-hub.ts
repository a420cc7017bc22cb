import type { ServerResponse } from 'node:http'
import type { ResultsSnapshot } from '../poll/types'

export type Audience = 'public' | 'presenter'

interface Client {
  res: ServerResponse
  audience: Audience
  address: string
  /** Set while the socket's buffer is full: the client gets the latest snapshot on drain. */
  waiting: boolean
}

export interface SseHubOptions {
  snapshot: (audience: Audience) => ResultsSnapshot
  /** At most one message per this many ms: a change in a quiet room goes out at once, later ones wait. */
  intervalMs: number
  heartbeatMs?: number
  /** How long a browser waits before reconnecting, sent to it in the stream. */
  retryMs?: number
  /** Caps on open streams, per client address and in all. */
  perAddress?: number
  total?: number
  /** Clock in ms, for tests. */
  now?: () => number
}

const frame = (snapshot: ResultsSnapshot) => `event: snapshot\ndata: ${JSON.stringify(snapshot)}\n\n`

/**
 * Server-Sent Events to every screen and phone. Each message is a whole snapshot,
 * so a client that reconnects or misses a message is resynced by the next one.
 * In a quiet room a change goes out at once (after the current I/O turn, so that the
 * ballots of one turn share a message); under load, changes are coalesced to one
 * message per interval. Each message is serialised once per audience, not per client.
 */
export class SseHub {
  private readonly clients = new Set<Client>()
  private readonly perAddress = new Map<string, number>()
  private dirty = false
  private lastFlushAt = Number.NEGATIVE_INFINITY
  private pending: NodeJS.Immediate | NodeJS.Timeout | null = null
  private readonly frames = new Map<Audience, string>()
  private readonly heartbeat: NodeJS.Timeout

  private readonly now: () => number

  constructor(private readonly options: SseHubOptions) {
    this.now = options.now ?? (() => performance.now())
    this.heartbeat = setInterval(() => this.broadcastRaw(': ping\n\n'), options.heartbeatMs ?? 15_000)
    this.heartbeat.unref()
  }

  get size(): number {
    return this.clients.size
  }

  /** The snapshot changed: schedule a message, at once if none went out in the last interval. */
  markDirty(): void {
    this.dirty = true
    this.frames.clear()
    if (this.pending)
      return
    const wait = this.lastFlushAt + this.options.intervalMs - this.now()
    this.pending = wait <= 0
      ? setImmediate(() => this.flush())
      : setTimeout(() => this.flush(), wait)
  }

  /** The current snapshot as an SSE message for this audience, serialised once per change. */
  private frameFor(audience: Audience): string {
    let data = this.frames.get(audience)
    if (!data) {
      data = frame(this.options.snapshot(audience))
      this.frames.set(audience, data)
    }
    return data
  }

  /** Whether one more stream from this address fits under the caps. */
  accepts(address: string): boolean {
    const { perAddress = Infinity, total = Infinity } = this.options
    return this.clients.size < total && (this.perAddress.get(address) ?? 0) < perAddress
  }

  /** Takes over a response and keeps it open; the first message is the current snapshot. */
  add(res: ServerResponse, audience: Audience, address = ''): void {
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
      address,
      waiting: false,
    }
    this.clients.add(client)
    this.perAddress.set(address, (this.perAddress.get(address) ?? 0) + 1)
    this.send(client, this.frameFor(audience))
    res.on('drain', () => {
      client.waiting = false
      this.send(client, this.frameFor(audience))
    })
    res.on('close', () => {
      this.clients.delete(client)
      const left = (this.perAddress.get(address) ?? 1) - 1
      if (left > 0)
        this.perAddress.set(address, left)
      else this.perAddress.delete(address)
    })
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
    this.lastFlushAt = this.now()
    for (const client of this.clients)
      this.send(client, this.frameFor(client.audience))
  }

  private broadcastRaw(data: string): void {
    for (const client of this.clients)
      this.send(client, data)
  }

  close(): void {
    if (this.pending) {
      clearTimeout(this.pending as NodeJS.Timeout)
      clearImmediate(this.pending as NodeJS.Immediate)
    }
    this.pending = null
    clearInterval(this.heartbeat)
    for (const client of this.clients)
      client.res.end()
    this.clients.clear()
  }
}
