import type { Ref } from 'vue'
import type { PollCommand, PollId, ResultsSnapshot } from '../poll/types'
import { createSharedComposable, useEventListener } from '@vueuse/core'
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
  /** Sends a presenter command; resolves to an error message in French, or null. */
  command: (poll: PollId, command: PollCommand) => Promise<string | null>
}

function connect(snapshot: Ref<ResultsSnapshot | null>, status: Ref<LiveStatus>, token: string | null) {
  if (typeof EventSource === 'undefined') {
    status.value = 'offline'
    return
  }
  // The presenter's stream also carries the results of blind polls.
  const url = token ? `/api/presenter/stream?token=${encodeURIComponent(token)}` : '/api/stream'
  const source = new EventSource(url)
  useEventListener(source, 'snapshot', (event: MessageEvent<string>) => {
    snapshot.value = newerSnapshot(snapshot.value, JSON.parse(event.data) as ResultsSnapshot)
    status.value = 'live'
  })
  // EventSource reconnects by itself; the server sends a full snapshot on each connection.
  useEventListener(source, 'error', () => {
    status.value = 'offline'
  })
}

function useLiveResultsOnce(): LiveResults {
  const snapshot = shallowRef<ResultsSnapshot | null>(baked)
  const status = shallowRef<LiveStatus>(baked ? 'snapshot' : 'connecting')
  const printing = currentPrintMode().print
  const token = typeof window !== 'undefined' ? takePresenterToken() : null
  if (!baked && !printing)
    connect(snapshot, status, token)
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
  return { snapshot, status, isPresenterSession: !!token, command }
}

/** The room's results, shared by every component of the deck (one connection per window). */
export const useLiveResults = createSharedComposable(useLiveResultsOnce)
