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
  /** Updates within this window go out as one message. */
  intervalMs: number
  heartbeatMs?: number
  /** How long a browser waits before reconnecting, sent to it in the stream. */
  retryMs?: number
  /** Caps on open streams, per client address and in all. */
  perAddress?: number
  total?: number
}

const frame = (snapshot: ResultsSnapshot) => `event: snapshot\ndata: ${JSON.stringify(snapshot)}\n\n`

/**
 * Server-Sent Events to every screen and phone. Each message is a whole snapshot,
 * so a client that reconnects or misses a message is resynced by the next one.
 * Changes are coalesced: at most one message per interval, serialised once per audience.
 */
export class SseHub {
  private readonly clients = new Set<Client>()
  private readonly perAddress = new Map<string, number>()
  private dirty = false
  private readonly ticker: NodeJS.Timeout
  private readonly heartbeat: NodeJS.Timeout

  constructor(private readonly options: SseHubOptions) {
    this.ticker = setInterval(() => this.flush(), options.intervalMs)
    this.heartbeat = setInterval(() => this.broadcastRaw(': ping\n\n'), options.heartbeatMs ?? 15_000)
    this.ticker.unref()
    this.heartbeat.unref()
  }

  get size(): number {
    return this.clients.size
  }

  markDirty(): void {
    this.dirty = true
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
    this.send(client, frame(this.options.snapshot(audience)))
    res.on('drain', () => {
      client.waiting = false
      this.send(client, frame(this.options.snapshot(audience)))
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
    if (!this.dirty || this.clients.size === 0)
      return
    this.dirty = false
    const frames = new Map<Audience, string>()
    for (const client of this.clients) {
      let data = frames.get(client.audience)
      if (!data) {
        data = frame(this.options.snapshot(client.audience))
        frames.set(client.audience, data)
      }
      this.send(client, data)
    }
  }

  private broadcastRaw(data: string): void {
    for (const client of this.clients)
      this.send(client, data)
  }

  close(): void {
    clearInterval(this.ticker)
    clearInterval(this.heartbeat)
    for (const client of this.clients)
      client.res.end()
    this.clients.clear()
  }
}
