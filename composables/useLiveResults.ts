import type { Ref } from 'vue'
import type { PollCommand, PollId, ResultsSnapshot } from '../poll/types'
import { createSharedComposable } from '@vueuse/core'
import baked from 'virtual:atelier-results'
import { shallowRef } from 'vue'
import { newerSnapshot } from './live-snapshot'
import { takePresenterToken } from './presenter-token'
import { currentPrintMode } from './print-mode'

/**
 * `snapshot`: results baked in for a PDF; `print`: a PDF without results (the matrix alone);
 * `offline`: no vote server (the deck still works).
 */
export type LiveStatus = 'connecting' | 'live' | 'offline' | 'snapshot' | 'print'

export interface LiveResults {
  snapshot: Ref<ResultsSnapshot | null>
  status: Ref<LiveStatus>
  /** True when this window holds a presenter token. */
  isPresenterSession: boolean
  /** True when the server refused that token (it changes at each start unless PRESENTER_TOKEN is set). */
  tokenRejected: Ref<boolean>
  /** Sends a presenter command; resolves to an error message in French, or null. */
  command: (poll: PollId, command: PollCommand) => Promise<string | null>
}

/**
 * Follows the results stream. The browser retries a dropped stream by itself, but gives
 * up for good after an error answer (a 429, or a 403 once a restart changed the token):
 * then we reopen it ourselves, with backoff, after checking whether the token still holds.
 */
function connect(snapshot: Ref<ResultsSnapshot | null>, status: Ref<LiveStatus>, token: string | null, tokenRejected: Ref<boolean>) {
  if (typeof EventSource === 'undefined') {
    status.value = 'offline'
    return
  }
  let failures = 0
  const open = () => {
    // The presenter's stream also carries the results of blind polls.
    const presenter = token && !tokenRejected.value
    const source = new EventSource(presenter ? `/api/presenter/stream?token=${encodeURIComponent(token)}` : '/api/stream')
    source.addEventListener('snapshot', (event: MessageEvent<string>) => {
      failures = 0
      snapshot.value = newerSnapshot(snapshot.value, JSON.parse(event.data) as ResultsSnapshot)
      status.value = 'live'
    })
    source.addEventListener('error', async () => {
      status.value = 'offline'
      if (source.readyState !== EventSource.CLOSED)
        return
      if (presenter) {
        const check = await fetch('/api/presenter/session', { headers: { authorization: `Bearer ${token}` } }).catch(() => null)
        tokenRejected.value = check?.status === 401 || check?.status === 403
      }
      setTimeout(open, Math.min(15_000, 1000 * 2 ** failures++))
    })
  }
  open()
}

function useLiveResultsOnce(): LiveResults {
  const snapshot = shallowRef<ResultsSnapshot | null>(baked)
  const status = shallowRef<LiveStatus>(baked ? 'snapshot' : 'connecting')
  const printing = currentPrintMode().print
  const token = typeof window !== 'undefined' ? takePresenterToken() : null
  const tokenRejected = shallowRef(false)
  if (!baked && !printing)
    connect(snapshot, status, token, tokenRejected)
  else if (!baked)
    status.value = 'print'

  async function command(poll: PollId, name: PollCommand): Promise<string | null> {
    if (!token)
      return 'Jeton présentateur absent : ouvrez l\'adresse présentateur affichée au démarrage.'
    try {
      const res = await fetch(`/api/polls/${poll}/${name}`, { method: 'POST', headers: { authorization: `Bearer ${token}` } })
      if (res.ok)
        return null
      const body = await res.json().catch(() => ({})) as { message?: string }
      return body.message ?? `Erreur ${res.status}`
    }
    catch {
      return 'Serveur de vote injoignable.'
    }
  }
  return { snapshot, status, isPresenterSession: !!token, tokenRejected, command }
}

/** The room's results, shared by every component of the deck (one connection per window). */
export const useLiveResults = createSharedComposable(useLiveResultsOnce)
