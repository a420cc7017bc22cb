import type { Ref } from 'vue'
import type { PollCommand, PollId, ResultsSnapshot } from '../poll/types'
import { createSharedComposable } from '@vueuse/core'
import baked from 'virtual:atelier-results'
import { shallowRef } from 'vue'
import { openResultsStream } from '../client/results-stream'
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
 * Follows the results stream. The presenter's stream also carries the results of
 * blind polls; after a failure we check whether the server still takes its token
 * (a restart changes it unless PRESENTER_TOKEN is set), and fall back to the public stream.
 */
function connect(snapshot: Ref<ResultsSnapshot | null>, status: Ref<LiveStatus>, token: string | null, tokenRejected: Ref<boolean>) {
  const presenter = () => !!token && !tokenRejected.value
  openResultsStream({
    url: () => presenter()
      ? `/api/presenter/stream?token=${encodeURIComponent(token!)}`
      : '/api/stream',
    onSnapshot: (incoming) => {
      snapshot.value = newerSnapshot(snapshot.value, incoming)
    },
    onStatus: (next) => {
      if (next !== 'connecting' || status.value === 'connecting')
        status.value = next
    },
    onFailure: async () => {
      if (!presenter())
        return
      const check = await fetch('/api/presenter/session', {
        headers: { authorization: `Bearer ${token}` },
      }).catch(() => null)
      tokenRejected.value = check?.status === 401 || check?.status === 403
    },
  })
}

function useLiveResultsOnce(): LiveResults {
  const snapshot = shallowRef<ResultsSnapshot | null>(baked)
  const status = shallowRef<LiveStatus>(baked ? 'snapshot' : 'connecting')
  const printing = currentPrintMode().print
  const token = typeof window !== 'undefined'
    ? takePresenterToken()
    : null
  const tokenRejected = shallowRef(false)
  if (!baked && !printing)
    connect(snapshot, status, token, tokenRejected)
  else if (!baked)
    status.value = 'print'

  async function command(poll: PollId, name: PollCommand): Promise<string | null> {
    if (!token)
      return 'Jeton présentateur absent : ouvrez l\'adresse présentateur affichée au démarrage.'
    try {
      const res = await fetch(`/api/presenter/polls/${poll}/${name}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      })
      if (res.ok)
        return null
      const body = await res.json().catch(() => ({})) as { message?: string }
      return body.message ?? `Erreur ${res.status}`
    }
    catch {
      return 'Serveur de vote injoignable.'
    }
  }
  return {
    snapshot,
    status,
    isPresenterSession: !!token,
    tokenRejected,
    command,
  }
}

/** The room's results, shared by every component of the deck (one connection per window). */
export const useLiveResults = createSharedComposable(useLiveResultsOnce)
