import type { SyncMethod } from '@slidev/client'
import { NAV_CHANNEL, SLIDEV_INTERNALS } from './slidev-internals'

/**
 * Slidev shares the presenter's mouse with the projection: the room would see the pointer
 * move over the vote buttons. It never leaves the presenter view.
 */
function withoutCursor(state: Record<string, unknown>): Record<string, unknown> {
  const { [SLIDEV_INTERNALS.sharedCursorField]: _cursor, ...rest } = state
  return rest
}

/** The matrix cell the presenter has opened, so that the projection opens it too. */
export const MATRIX_CHANNEL = 'atelier-matrix'
const LOCAL_CHANNEL = 'atelier-nav'
/** How long a freshly loaded page takes to record its own first slide. */
const SETTLE_MS = 400

interface NavMessage { channel: string, seq: number, state: Record<string, unknown> }

export interface DeckSyncOptions {
  /** True in the presenter's own view: the only window whose navigation the others follow. */
  isPresenterView: () => boolean
  /** True once the server has taken this browser's presenter session. */
  isSignedIn: () => boolean
  /** Sends the presenter's state to the server, for screens on other machines. */
  post?: (message: NavMessage) => void
}

/**
 * The deck's navigation sync, replacing Slidev's own: only the presenter view sends,
 * every other window follows, and each message carries a sequence number so that a late
 * one never moves a screen back. Two paths: a BroadcastChannel for windows of the same
 * browser (it works with the server down), and the vote server for any other machine.
 */
export function createDeckSync(options: DeckSyncOptions) {
  const { isPresenterView, isSignedIn } = options
  const post = options.post ?? ((message: NavMessage) => {
    void fetch('/api/presenter/nav', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message),
      keepalive: true,
    }).catch(() => {})
  })
  const receivers = new Map<string, (state: Record<string, unknown>) => void>()
  const lastSeq = new Map<string, number>()
  /** What arrived before Slidev set the channel up (a screen that joins late gets it first thing). */
  const early = new Map<string, Record<string, unknown>>()
  let counter = 0
  // Time-based, so that a reloaded presenter view still counts up from where it was.
  const nextSeq = () => Date.now() * 1000 + (counter++ % 1000)
  const local = typeof BroadcastChannel === 'undefined'
    ? null
    : new BroadcastChannel(LOCAL_CHANNEL)

  function apply({ channel, seq, state }: NavMessage): void {
    if ((lastSeq.get(channel) ?? -1) >= seq)
      return
    lastSeq.set(channel, seq)
    const receive = receivers.get(channel)
    if (!receive) {
      early.set(channel, state)
      return
    }
    receive(state)
    // A page that has just loaded records its own first slide a moment later, over what it
    // was told; a page still moving to the previous step can drop the next one (quick taps on
    // the phone remote). The latest message is given again once it has settled, unless a
    // newer came: applying a state the screen already shows changes nothing.
    setTimeout(() => lastSeq.get(channel) === seq && receive(state), SETTLE_MS)
  }
  local?.addEventListener('message', (event: MessageEvent<NavMessage>) => apply(event.data))

  const method: SyncMethod = {
    init(channelKey, onUpdate) {
      if (!NAV_CHANNEL.test(channelKey) && channelKey !== MATRIX_CHANNEL)
        return undefined
      const receive = onUpdate as (state: Record<string, unknown>) => void
      receivers.set(channelKey, receive)
      const pending = early.get(channelKey)
      if (pending) {
        early.delete(channelKey)
        // After Slidev's own setup of the channel and the page's first route have settled.
        setTimeout(receive, SETTLE_MS, pending)
      }
      // The presenter view sends every change, even one it was told of (by the phone remote):
      // it leads, and the screens follow what it shows.
      return (state) => {
        if (!isPresenterView())
          return
        const message = {
          channel: channelKey,
          seq: nextSeq(),
          state: withoutCursor(structuredClone(state) as Record<string, unknown>),
        }
        lastSeq.set(channelKey, message.seq)
        local?.postMessage(message)
        if (isSignedIn())
          post(message)
      }
    },
  }

  return {
    method,
    /** A `nav` message of the server's stream. */
    receive: (data: string) => apply(JSON.parse(data) as NavMessage),
  }
}
