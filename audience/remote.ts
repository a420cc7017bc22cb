import type { ResultsSnapshot } from '../poll/types'
import { openResultsStream } from '../client/results-stream'
import { pollById } from '../data/polls'
// The presenter's phone remote (/remote): big Previous / Next buttons, the current slide's
// title and notes, a timer, and the current slide's poll. It drives the presenter view:
// a press goes to the presenter view through the server, the presenter view moves as for a
// clicker, and every screen follows. Signing in: the terminal's remote link, opened on the phone.
import { setText } from './dom'
import { formatElapsed, noteText } from './remote-format'
import 'virtual:atelier-palette.css'
import './style.css'

interface SlideInfo { no: number, title: string, note: string, poll?: string }
/** Where the presenter is (Slidev's shared state). */
interface DeckPosition { page: number, clicks: number, clicksTotal: number }
interface NavMessage { channel: string, seq: number, state: DeckPosition & Record<string, unknown> }

const $ = (id: string) => document.getElementById(id)!
const title = $('title')
const where = $('where')
const status = $('status')
const notes = $('notes')
const timer = $('timer')
const prev = $('prev') as HTMLButtonElement
const next = $('next') as HTMLButtonElement
const pollSection = $('poll')
const openedAt = Date.now()

let slides: SlideInfo[] = []
let channel = ''
let last: NavMessage['state'] = { page: 1, clicks: 0, clicksTotal: 0 }
let snapshot: ResultsSnapshot | null = null

function show(): void {
  const slide = slides[last.page - 1]
  setText(title, slide?.title || `Diapositive ${last.page}`)
  setText(where, `Diapositive ${last.page} sur ${slides.length}${last.clicksTotal
    ? ` · étape ${last.clicks} sur ${last.clicksTotal}`
    : ''}`)
  setText(notes, noteText(slide?.note))
  prev.disabled = !channel
  next.disabled = !channel
  const poll = slide?.poll
    ? pollById(slide.poll)
    : undefined
  const view = poll && snapshot?.polls.find(p => p.id === poll.id)
  pollSection.hidden = !poll
  if (poll) {
    setText($('poll-title'), poll.title)
    setText($('poll-state'), view
      ? `${view.status === 'open'
        ? 'Vote ouvert'
        : 'Vote fermé'} · ${view.participants} ${view.participants < 2
        ? 'participant'
        : 'participants'}${view.resultsVisible ? '' : ' · résultats masqués'}`
      : '')
    setText($('poll-open'), view?.status === 'open'
      ? 'Clore le vote'
      : 'Ouvrir le vote')
    setText($('poll-reveal'), view?.resultsVisible ? 'Masquer' : 'Révéler')
  }
}

async function post(path: string, body?: unknown): Promise<void> {
  const res = await fetch(path, {
    method: 'POST',
    headers: body
      ? { 'content-type': 'application/json' }
      : {},
    body: body
      ? JSON.stringify(body)
      : undefined,
  }).catch(() => null)
  if (!res?.ok)
    setText(status, 'La commande n\'est pas passée : vérifiez le réseau, puis réessayez.')
}

/** The presenter view carries the step out, clicks included, and every screen follows it. */
function step(action: 'next' | 'prev'): void {
  void post('/api/presenter/remote', { action })
}

function command(name: 'open' | 'close' | 'reveal' | 'hide'): void {
  const poll = slides[last.page - 1]?.poll
  if (poll)
    void post(`/api/presenter/polls/${poll}/${name}`)
}

async function start(): Promise<void> {
  const session = await fetch('/api/presenter/session').then(r => r.json() as Promise<{ signedIn?: boolean }>).catch(() => null)
  if (!session?.signedIn) {
    setText(title, 'Télécommande non connectée')
    setText(status, 'Ouvrez sur ce téléphone le lien « télécommande » affiché dans le terminal de l\'intervenant.')
    return
  }
  slides = await fetch('/api/presenter/outline').then(r => r.json() as Promise<SlideInfo[]>).catch(() => [])
  openResultsStream({
    url: () => '/api/presenter/stream',
    onSnapshot: (s) => {
      snapshot = s
      setText(status, s.storeProblem
        ? `Les votes ne peuvent pas être enregistrés. ${s.storeProblem}`
        : channel ? 'Connecté : la présentation suit cette télécommande.' : 'Connecté. Ouvrez la vue présentateur sur le portable : la télécommande la pilote.')
      show()
    },
    onStatus: (s) => {
      if (s === 'offline')
        setText(status, 'Serveur injoignable : nouvel essai automatique…')
    },
    events: {
      nav: (data) => {
        const message = JSON.parse(data) as NavMessage
        channel = message.channel
        last = {
          ...last,
          ...message.state,
        }
        show()
      },
    },
  })
  prev.addEventListener('click', () => step('prev'))
  next.addEventListener('click', () => step('next'))
  $('poll-open').addEventListener('click', () => {
    const view = snapshot?.polls.find(p => p.id === slides[last.page - 1]?.poll)
    command(view?.status === 'open'
      ? 'close'
      : 'open')
  })
  $('poll-reveal').addEventListener('click', () => {
    const view = snapshot?.polls.find(p => p.id === slides[last.page - 1]?.poll)
    command(view?.resultsVisible ? 'hide' : 'reveal')
  })
  setInterval(() => {
    // The presenter view's own timer when it runs (its clock, its pauses); else since this page opened.
    const clock = last.timer as { status?: string, startedAt?: number } | undefined
    setText(timer, formatElapsed(Date.now() - (clock?.status === 'running' && clock.startedAt
      ? clock.startedAt
      : openedAt)))
  }, 1000)
  show()
}

void start()
