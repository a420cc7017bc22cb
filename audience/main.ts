import type { PollDefinition } from '../data/polls'
import type { ResultsSnapshot } from '../poll/types'
import type { SendOutcome } from './outbox'
import { pollById } from '../data/polls'
import { h } from './dom'
import { pollForm, readChoice } from './forms'
import { participantId } from './ids'
import { Outbox } from './outbox'
import './style.css'

const pollsRoot = document.getElementById('polls')!
const connection = document.getElementById('connection')!
const sections = new Map<string, { section: HTMLElement, status: HTMLElement }>()
const recorded = new Set<string>()

function setStatus(pollId: string, text: string, tone: 'info' | 'ok' | 'error'): void {
  const entry = sections.get(pollId)
  if (!entry)
    return
  entry.status.textContent = text
  entry.status.dataset.tone = tone
}

const outbox = new Outbox(participantId(), {
  onOutcome(pollId: string, outcome: SendOutcome) {
    if (outcome.kind === 'recorded') {
      recorded.add(pollId)
      setStatus(pollId, 'Vote enregistré. Vous pouvez le modifier tant que le vote est ouvert.', 'ok')
    }
    else if (outcome.kind === 'refused') {
      setStatus(pollId, outcome.message, 'error')
    }
    else {
      setStatus(pollId, `${outcome.message} Votre vote n'est pas encore enregistré.`, 'info')
    }
  },
})

function openSection(poll: PollDefinition): void {
  const status = h('p', { 'class': 'status', 'role': 'status', 'aria-live': 'polite' })
  const form = pollForm(poll)
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const choice = readChoice(poll, form)
    if (typeof choice === 'string') {
      status.textContent = choice
      status.dataset.tone = 'error'
      return
    }
    status.textContent = 'Envoi en cours…'
    status.dataset.tone = 'info'
    outbox.submit(poll.id, choice)
  })
  const section = h('section', { 'class': 'poll', 'aria-labelledby': `q-${poll.id}` }, h('h2', { id: `q-${poll.id}` }, poll.question), form, status)
  sections.set(poll.id, { section, status })
  pollsRoot.append(section)
}

function closeSection(pollId: string): void {
  const entry = sections.get(pollId)
  if (!entry)
    return
  const text = recorded.has(pollId) ? 'Ce vote est clos. Merci, votre vote a été pris en compte.' : 'Ce vote est clos.'
  entry.section.replaceChildren(h('p', { class: 'closed', role: 'status' }, text))
  sections.delete(pollId)
  setTimeout(() => entry.section.remove(), 8000)
}

function render(snapshot: ResultsSnapshot): void {
  const open = snapshot.polls.filter(p => p.status === 'open').map(p => pollById(p.id)).filter((p): p is PollDefinition => !!p)
  for (const id of [...sections.keys()]) {
    if (!open.some(p => p.id === id))
      closeSection(id)
  }
  for (const poll of open) {
    if (!sections.has(poll.id))
      openSection(poll)
  }
  connection.textContent = open.length ? 'Connecté : un vote est ouvert.' : 'Aucun vote n\'est ouvert pour l\'instant. Gardez cette page ouverte : la question apparaîtra ici.'
  connection.dataset.tone = 'ok'
}

function listen(): void {
  const source = new EventSource('/api/stream')
  source.addEventListener('snapshot', event => render(JSON.parse((event as MessageEvent<string>).data) as ResultsSnapshot))
  source.addEventListener('error', () => {
    connection.textContent = 'Serveur de vote injoignable : nouvel essai automatique… Les votes en attente partiront dès le retour du réseau.'
    connection.dataset.tone = 'error'
  })
}

listen()
outbox.resume()
