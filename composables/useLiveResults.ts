import type { Ref } from 'vue'
import type { RoomQuestions } from '../poll/questions'
import type { PollCommand, PollId, ResultsSnapshot } from '../poll/types'
import { useNav } from '@slidev/client'
import { createSharedComposable } from '@vueuse/core'
import baked from 'virtual:atelier-results'
import { shallowRef } from 'vue'
import { openResultsStream } from '../client/results-stream'
import { createDeckSync } from './deck-sync'
import { newerSnapshot } from './live-snapshot'
import { currentPrintMode } from './print-mode'
import { SLIDEV_INTERNALS } from './slidev-internals'

/**
 * `snapshot`: results baked in for a PDF; `print`: a PDF without results (the matrix alone);
 * `offline`: no vote server (the deck still works).
 */
export type LiveStatus = 'connecting' | 'live' | 'offline' | 'snapshot' | 'print'

export interface LiveResults {
  snapshot: Ref<ResultsSnapshot | null>
  /** The room's published questions, as the stream last sent them (null before the first). */
  questions: Ref<RoomQuestions | null>
  status: Ref<LiveStatus>
  /** True when this browser is signed in as the presenter (the terminal's link). */
  isPresenterSession: Ref<boolean>
  /** True when the server stopped taking this browser's session (a restart with a new token). */
  sessionLost: Ref<boolean>
  /** Sends a presenter command; resolves to an error message in French, or null. */
  command: (poll: PollId, command: PollCommand) => Promise<string | null>
  /** Changes the room (registration, code); resolves to an error message in French, or null. */
  changeRoom: (change: { registrationOpen?: boolean, requireCode?: boolean }) => Promise<string | null>
}

/** Whether the server takes this browser's presenter cookie; null when it cannot be asked. */
async function signedIn(): Promise<boolean | null> {
  const res = await fetch('/api/presenter/session').catch(() => null)
  const body = res?.ok
    ? await res.json().catch(() => null) as { signedIn?: boolean } | null
    : null
  return body
    ? body.signedIn === true
    : null
}

/** A presenter request; resolves to an error message in French, or null. */
async function presenterPost(path: string, body?: unknown): Promise<string | null> {
  try {
    const res = await fetch(path, body === undefined
      ? { method: 'POST' }
      : {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
    if (res.ok)
      return null
    const answer = await res.json().catch(() => ({})) as { message?: string }
    return answer.message ?? `Erreur ${res.status}`
  }
  catch {
    return 'Serveur de vote injoignable.'
  }
}

let signedInNow = false

/** A press on the phone remote: the presenter view moves as for a clicker, and the screens follow. */
function followRemote(data: string): void {
  if (!location.pathname.startsWith(SLIDEV_INTERNALS.presenterPath))
    return
  const { action } = JSON.parse(data) as { action: 'next' | 'prev' }
  const nav = useNav()
  void (action === 'next'
    ? nav.next()
    : nav.prev())
}

/** The deck's navigation sync (see setup/main.ts): the presenter view leads, every screen follows. */
export const deckSync = createDeckSync({
  isPresenterView: () => typeof location !== 'undefined' && location.pathname.startsWith(SLIDEV_INTERNALS.presenterPath),
  isSignedIn: () => signedInNow,
})

function useLiveResultsOnce(): LiveResults {
  const snapshot = shallowRef<ResultsSnapshot | null>(baked)
  const questions = shallowRef<RoomQuestions | null>(null)
  const status = shallowRef<LiveStatus>(baked ? 'snapshot' : 'connecting')
  const isPresenterSession = shallowRef(false)
  const sessionLost = shallowRef(false)
  const printing = currentPrintMode().print
  if (baked) {
    return {
      snapshot,
      questions,
      status,
      isPresenterSession,
      sessionLost,
      command: async () => null,
      changeRoom: async () => null,
    }
  }
  if (printing) {
    status.value = 'print'
  }
  else {
    // The presenter's stream also carries blind polls' results and the room's counts.
    void signedIn().then((yes) => {
      isPresenterSession.value = yes === true
      signedInNow = yes === true
      const stream = openResultsStream({
        url: () => isPresenterSession.value ? '/api/presenter/stream' : '/api/stream',
        onSnapshot: (incoming) => {
          snapshot.value = newerSnapshot(snapshot.value, incoming)
        },
        onStatus: (next) => {
          if (next !== 'connecting' || status.value === 'connecting')
            status.value = next
        },
        events: {
          nav: deckSync.receive,
          remote: followRemote,
          questions: (data) => {
            questions.value = JSON.parse(data) as RoomQuestions
          },
        },
        onFailure: async () => {
          if (!isPresenterSession.value)
            return
          if (await signedIn() === false) {
            isPresenterSession.value = false
            signedInNow = false
            sessionLost.value = true
          }
        },
      })
      // A window that goes away (a reload, a closed tab) gives its stream back at once,
      // rather than when the server notices the dead socket.
      window.addEventListener('pagehide', () => stream.close(), { once: true })
    })
  }
  return {
    snapshot,
    questions,
    status,
    isPresenterSession,
    sessionLost,
    command: (poll, name) => presenterPost(`/api/presenter/polls/${poll}/${name}`),
    changeRoom: change => presenterPost('/api/presenter/room', change),
  }
}

/** The room's results, shared by every component of the deck (one connection per window). */
export const useLiveResults = createSharedComposable(useLiveResultsOnce)
