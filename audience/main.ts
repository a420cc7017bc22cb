import type { PollDefinition } from '../data/polls'
import type { RoomQuestions } from '../poll/questions'
import type { Choice, ResultsSnapshot } from '../poll/types'
import type { SendOutcome } from './outbox'
import { backoffDelay } from '../client/backoff'
import { openResultsStream } from '../client/results-stream'
import { frenchTypography } from '../data/french.ts'
import { pollById } from '../data/polls'
import { h, setText } from './dom'
import { fillForm, pollForm, readChoice } from './forms'
import { requestJoin, ROOM_CODE_KEY, roomCodeFrom } from './join'
import { Outbox } from './outbox'
import { QuestionArea } from './questions'
import 'virtual:atelier-palette.css'
import './style.css'

const CHOICES_KEY = 'atelier-choices'
/** True while the results stream is open: the banner then says « Connecté ». */
let streamLive = false
/** The session this phone last voted in: its stored choices belong to it alone. */
const SESSION_KEY = 'atelier-session'
const pollsRoot = document.getElementById('polls')!
const connection = document.getElementById('connection')!
const sections = new Map<string, { section: HTMLElement, form: HTMLFormElement, status: HTMLElement }>()
const recorded = new Set<string>()
/** What this phone last had acknowledged, per poll: shown again after a reload, in the same session only. */
const lastChoices = JSON.parse(localStorage.getItem(CHOICES_KEY) ?? '{}') as Record<string, Choice>
const pendingChoices = new Map<string, Choice>()
/** The session of the room, as the server last said (null until the first snapshot). */
let session: string | null = localStorage.getItem(SESSION_KEY)
let sessionConfirmed = false
/** Said in the banner after a change of session, until this phone votes again. */
let sessionNotice = ''

/** Live regions are read aloud on every change: write only when the text really changes. */
function say(el: HTMLElement, text: string, tone: 'info' | 'ok' | 'error'): void {
  const typeset = frenchTypography(text)
  if (el.textContent !== typeset)
    el.textContent = typeset
  el.dataset.tone = tone
}

function setStatus(pollId: string, text: string, tone: 'info' | 'ok' | 'error'): void {
  const entry = sections.get(pollId)
  if (entry)
    say(entry.status, text, tone)
}

const joinForm = document.getElementById('join-form') as HTMLFormElement
const codeInput = document.getElementById('room-code') as HTMLInputElement
const joinStatus = document.getElementById('join-status')!

/** Shows the code form and resolves with what the person typed. */
function askCode(message: string, tone: 'info' | 'error'): Promise<string> {
  joinForm.hidden = false
  say(connection, 'Ce vote demande le code de salle affiché à l\'écran.', 'info')
  say(joinStatus, message, tone)
  codeInput.focus()
  return new Promise((resolve) => {
    joinForm.addEventListener('submit', (event) => {
      event.preventDefault()
      resolve(codeInput.value.trim())
    }, { once: true })
  })
}

let joining: Promise<boolean> | null = null

/** Gets this phone its credential, asking for the room code when needed; false when registration is closed. */
function ensureJoined(): Promise<boolean> {
  joining ??= (async () => {
    let code = roomCodeFrom(location.search, localStorage)
    for (let attempt = 0; ; attempt++) {
      const result = await requestJoin(code)
      if (result.kind === 'joined') {
        if (code)
          localStorage.setItem(ROOM_CODE_KEY, code)
        joinForm.hidden = true
        return true
      }
      if (result.kind === 'closed') {
        say(connection, result.message, 'error')
        return false
      }
      if (result.kind === 'code') {
        code = await askCode(code ? result.message : 'Entrez le code de salle affiché à l\'écran pour participer.', code ? 'error' : 'info')
        continue
      }
      say(connection, result.message, 'error')
      await new Promise(r => setTimeout(r, backoffDelay(attempt)))
    }
  })().finally(() => {
    joining = null
  })
  return joining
}

const outbox = new Outbox({
  rejoin: ensureJoined,
  onOutcome(pollId: string, outcome: SendOutcome) {
    queueMicrotask(showConnection)
    if (outcome.kind === 'recorded') {
      recorded.add(pollId)
      const choice = pendingChoices.get(pollId)
      if (choice) {
        lastChoices[pollId] = choice
        localStorage.setItem(CHOICES_KEY, JSON.stringify(lastChoices))
      }
      setStatus(pollId, 'Vote enregistré. Vous pouvez le modifier tant que le vote est ouvert.', 'ok')
    }
    else if (outcome.kind === 'refused') {
      setStatus(pollId, outcome.message, 'error')
    }
    else {
      setStatus(pollId, `${outcome.message} Votre vote n’est pas encore enregistré.`, 'info')
      // The ballot could not reach the server: the banner must not say « Connecté » meanwhile.
      streamLive = false
      say(connection, 'Serveur de vote injoignable : votre vote partira dès le retour du réseau.', 'error')
    }
  },
})

function openSection(poll: PollDefinition): void {
  const status = h('p', { 'class': 'status', 'role': 'status', 'aria-live': 'polite' })
  const form = pollForm(poll)
  const previous = lastChoices[poll.id]
  if (previous)
    fillForm(form, previous)
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const choice = readChoice(poll, form)
    if (typeof choice === 'string') {
      say(status, choice, 'error')
      return
    }
    say(status, 'Envoi en cours…', 'info')
    sessionNotice = ''
    pendingChoices.set(poll.id, choice)
    outbox.submit(poll.id, choice, session ?? undefined)
  })
  const section = h('section', { 'class': 'poll', 'aria-labelledby': `q-${poll.id}` }, h('h2', { id: `q-${poll.id}` }, poll.question), form, status)
  sections.set(poll.id, { section, form, status })
  pollsRoot.append(section)
}

function closeSection(pollId: string): void {
  const entry = sections.get(pollId)
  if (!entry)
    return
  sections.delete(pollId)
  // The status element is already a live region: reuse it so the closing is read out.
  entry.form.remove()
  say(entry.status, recorded.has(pollId)
    ? 'Ce vote est clos. Merci, votre vote a été pris en compte.'
    : 'Ce vote est clos.', 'info')
  setTimeout(() => entry.section.remove(), 8000)
}

let openCount = 0

/** The banner, while connected: is a vote open, and does a ballot of this phone still wait for the server? */
function showConnection(): void {
  if (!streamLive)
    return
  const prefix = sessionNotice
    ? `${sessionNotice} `
    : ''
  if (outbox.pendingCount > 0)
    say(connection, 'Connecté : votre vote part, il n’est pas encore enregistré.', 'info')
  else if (openCount)
    say(connection, `${prefix}Connecté : un vote est ouvert.`, 'ok')
  else
    say(connection, `${prefix}Aucun vote n’est ouvert pour l’instant. Gardez cette page ouverte : la question apparaîtra ici.`, 'ok')
}

/**
 * A new session is a new room: what this phone chose in the previous one is forgotten
 * (its form, its stored choices, its unsent ballots), so nothing is carried over.
 */
function followSession(next: string | undefined): void {
  if (!next)
    return
  const changed = session !== null && session !== next
  session = next
  localStorage.setItem(SESSION_KEY, next)
  if (!changed) {
    sessionConfirmed = true
    return
  }
  const dropped = outbox.forgetOtherSessions(next)
  for (const key of Object.keys(lastChoices))
    delete lastChoices[key]
  localStorage.setItem(CHOICES_KEY, '{}')
  pendingChoices.clear()
  recorded.clear()
  for (const [pollId, entry] of sections) {
    entry.section.remove()
    sections.delete(pollId)
  }
  if (sessionConfirmed || dropped)
    sessionNotice = 'Nouvelle séance : vos réponses de la séance précédente ne comptent pas ici.'
  sessionConfirmed = true
}

function render(snapshot: ResultsSnapshot): void {
  followSession(snapshot.session?.id)
  streamLive = true
  const open = snapshot.polls.filter(p => p.status === 'open').map(p => pollById(p.id)).filter((p): p is PollDefinition => !!p)
  for (const id of [
    ...sections.keys(),
  ]) {
    if (!open.some(p => p.id === id))
      closeSection(id)
  }
  for (const poll of open) {
    if (!sections.has(poll.id))
      openSection(poll)
  }
  openCount = open.length
  showConnection()
}

const questions = new QuestionArea(ensureJoined)
document.getElementById('main')!.append(questions.root)

/** Follows the open polls. Each time the stream opens, the server is back: pending ballots go at once. */
function listen(): void {
  openResultsStream({
    url: () => '/api/stream?view=phone',
    onSnapshot: render,
    events: {
      questions: data => questions.showRoom(JSON.parse(data) as RoomQuestions),
    },
    onOpen: () => {
      outbox.retryNow()
      questions.retryNow()
    },
    onStatus: (status) => {
      streamLive = status === 'live'
      if (status === 'offline')
        say(connection, 'Serveur de vote injoignable : nouvel essai automatique… Les votes en attente partiront dès le retour du réseau.', 'error')
    },
  })
  window.addEventListener('online', () => {
    outbox.retryNow()
    questions.retryNow()
  })
}

/** The retention period comes from the server's configuration. */
async function showRetention(): Promise<void> {
  const info = await fetch('/api/info').then(r => r.json() as Promise<{ retentionDays?: number }>).catch(() => null)
  const el = document.getElementById('retention-days')
  if (el && info?.retentionDays)
    setText(el, String(info.retentionDays))
}

void showRetention()
// Joined first, so that this phone's stream and ballots carry its credential.
void ensureJoined().then(() => {
  listen()
  outbox.resume()
  questions.resume()
})
