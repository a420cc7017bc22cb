import type { ResultsSnapshot } from '../poll/types'
import type { BackoffOptions } from './backoff'
import { backoffDelay } from './backoff'

export type StreamStatus = 'connecting' | 'live' | 'offline'

/**
 * No wait between two attempts is longer than this: a screen or a phone is back within
 * about two seconds of the server, whatever the length of the outage.
 */
const RETRY_CAP_MS = 2000

export interface ResultsStreamOptions {
  /** Where to connect; read again at each attempt (the presenter's may change). */
  url: () => string
  onSnapshot: (snapshot: ResultsSnapshot) => void
  onStatus?: (status: StreamStatus) => void
  /** Called each time the stream (re)opens: the moment to resend whatever is pending. */
  onOpen?: () => void
  /** Other named events of the stream (the presenter's navigation), by name. */
  events?: Record<string, (data: string) => void>
  /** Called after a failure, before the next attempt is scheduled (e.g. to check a token). */
  onFailure?: () => void | Promise<void>
  backoff?: BackoffOptions
  /** For tests. */
  EventSource?: typeof EventSource
}

export interface ResultsStream {
  close: () => void
}

/**
 * Follows the server's results stream (Server-Sent Events) and keeps it open.
 * The browser's own reconnection is not used: every client of a room would retry
 * on the same fixed delay after a restart, and a browser gives up for good after
 * an error answer (a 429, a 503). Instead each failure closes the source and a new
 * one opens after a jittered backoff, which resets once a snapshot arrives.
 */
export function openResultsStream(options: ResultsStreamOptions): ResultsStream {
  const { url, onSnapshot, onStatus, onOpen, onFailure, backoff, events = {} } = options
  const Source = options.EventSource ?? globalThis.EventSource
  let failures = 0
  let closed = false
  let source: EventSource | null = null
  let timer: ReturnType<typeof setTimeout> | undefined

  const connect = () => {
    if (closed)
      return
    onStatus?.('connecting')
    const current = new Source(url())
    source = current
    current.addEventListener('open', () => onOpen?.())
    current.addEventListener('snapshot', (event) => {
      failures = 0
      onStatus?.('live')
      onSnapshot(JSON.parse((event as MessageEvent<string>).data) as ResultsSnapshot)
    })
    for (const [name, handler] of Object.entries(events))
      current.addEventListener(name, event => handler((event as MessageEvent<string>).data))
    current.addEventListener('error', async () => {
      if (source !== current)
        return
      current.close()
      source = null
      onStatus?.('offline')
      await onFailure?.()
      if (!closed)
        timer = setTimeout(connect, backoffDelay(failures++, { capMs: RETRY_CAP_MS, ...backoff }))
    })
  }

  if (Source)
    connect()
  else
    onStatus?.('offline')

  return {
    close() {
      closed = true
      clearTimeout(timer)
      source?.close()
      source = null
    },
  }
}
