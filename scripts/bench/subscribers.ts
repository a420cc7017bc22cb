import type { ClientRequest } from 'node:http'
import { Agent, get } from 'node:http'

const VERSION = /"version":(\d+)/
const VERDICT_PARTICIPANTS = /"id":"verdict"[^}]*?"participants":(\d+)/

/** One stream: a phone, or a probe screen that records when each results version arrived. */
export interface Subscriber {
  /** Arrival time (performance.now()) of each message, in version order, with the verdict poll's participants. */
  arrivals: { version: number, at: number, participants: number }[]
  probe: boolean
  connected: boolean
  req: ClientRequest
}

/**
 * Opens `count` SSE connections. Only the first `probes` parse what they receive
 * (enough to measure vote-to-screen latency); the others just drain it, like a page would.
 */
export interface SubscriberOptions {
  openTimeoutMs?: number
  /** Spread the connections evenly over this many ms (phones arriving), instead of waves. */
  spreadMs?: number
  /** The credential of phone number `i` (the probes are screens and have none). */
  cookieFor?: (i: number) => string | undefined
  /**
   * Screens after the probes that receive every tally without timing it: a generator that
   * timed 3,000 streams would spend its memory and CPU on bookkeeping, not on load.
   */
  screens?: number
}

export async function openSubscribers(base: URL, count: number, probes: number, options: SubscriberOptions = {}): Promise<Subscriber[]> {
  const { openTimeoutMs = 30_000, spreadMs = 0, cookieFor, screens = 0 } = options
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity })
  const subscribers: Subscriber[] = []
  const opened: Promise<void>[] = []
  for (let i = 0; i < count; i++) {
    const probe = i < probes
    const screen = i < probes + screens
    opened.push(new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`subscriber ${i} did not connect within ${openTimeoutMs} ms`)), openTimeoutMs)
      const sub = { arrivals: [], probe, connected: false } as unknown as Subscriber
      sub.req = get({
        agent,
        host: base.hostname,
        port: base.port,
        // Probes are screens (the projected deck); the others are phones, as in the room.
        path: screen ? '/api/stream' : '/api/stream?view=phone',
        headers: screen
          ? {}
          : { cookie: cookieFor?.(i - probes - screens) ?? '' },
      }, (res) => {
        sub.connected = res.statusCode === 200
        clearTimeout(timer)
        resolve()
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => {
          if (!probe)
            return
          const m = VERSION.exec(chunk)
          if (m) {
            sub.arrivals.push({
              version: Number(m[1]),
              at: performance.now(),
              participants: Number(VERDICT_PARTICIPANTS.exec(chunk)?.[1] ?? 0),
            })
          }
        })
      })
      sub.req.on('error', (error) => {
        clearTimeout(timer)
        reject(error)
      })
      subscribers.push(sub)
    }))
    if (spreadMs > 0) {
      // Arrivals spread evenly over `spreadMs`, as phones scanning a QR code.
      await new Promise(r => setTimeout(r, spreadMs / count))
    }
    else if (i % 200 === 199) {
      // Open in waves so the server's accept queue is not flooded in one tick.
      await Promise.all(opened.slice(-200))
    }
  }
  await Promise.all(opened)
  return subscribers
}

/** For an acknowledged ballot, when did this probe first see a version that includes it? */
export function firstArrivalAtOrAfter(sub: Subscriber, version: number): number | null {
  let lo = 0
  let hi = sub.arrivals.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (sub.arrivals[mid]!.version < version)
      lo = mid + 1
    else hi = mid
  }
  return lo < sub.arrivals.length
    ? sub.arrivals[lo]!.at
    : null
}

export function closeSubscribers(subscribers: Subscriber[]): void {
  for (const s of subscribers)
    s.req.destroy()
}

/**
 * For the hosted shape, where each instance numbers its own versions: when did this probe
 * first show at least `participants` people on the verdict poll?
 */
export function firstArrivalWithParticipants(sub: Subscriber, participants: number, notBefore: number): number | null {
  for (const arrival of sub.arrivals) {
    if (arrival.participants >= participants && arrival.at >= notBefore - 1000)
      return arrival.at
  }
  return null
}
