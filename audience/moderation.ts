// The presenter's moderation page (/moderation): every question of the session with its
// state, and the steps that move it (publish, hide, answer, pin) with their undo. Never on
// the projection: it needs the presenter's session, and the slide shows only what is published.
import type { ModerationAction, PublicQuestion } from '../poll/questions'
import { statusLabels } from '../poll/questions'
import { h, setText } from './dom'
import { refusal } from './sessions-format'
import 'virtual:atelier-palette.css'
import './style.css'

interface Queue { questions: (PublicQuestion & { flag: string | null })[], approval: boolean, counts: { received: number, published: number, answered: number } }

const status = document.getElementById('status')!
const queue = document.getElementById('queue')!
const approval = document.getElementById('approval') as HTMLInputElement

/** The steps that apply to a question in each state, in French, each with its undo. */
const STEPS: Record<PublicQuestion['status'], [ModerationAction, string][]> = {
  pending: [
    ['publish', 'Afficher'],
    ['hide', 'Ne pas retenir'],
  ],
  published: [
    ['pin', 'En cours de réponse'],
    ['answer', 'Répondue'],
    ['hide', 'Ne pas retenir'],
  ],
  answered: [
    ['restore', 'Réafficher'],
  ],
  hidden: [
    ['restore', 'Remettre en attente'],
  ],
}

async function call(path: string, init: RequestInit = {}): Promise<Response | null> {
  try {
    const res = await fetch(path, { credentials: 'same-origin', ...init })
    if (res.ok)
      return res
    setText(status, await refusal(res))
  }
  catch {
    setText(status, 'Serveur de vote injoignable : est-il lancé (npm start) ?')
  }
  return null
}

function draw(data: Queue): void {
  approval.checked = data.approval
  setText(status, `${data.counts.received} question(s) reçue(s) · ${data.counts.published} affichée(s) · ${data.counts.answered} répondue(s)`)
  const order = [...data.questions].sort((a, b) => Number(b.status === 'pending') - Number(a.status === 'pending') || b.votes - a.votes)
  queue.replaceChildren(...order.map((q) => {
    const steps = [
      ...STEPS[q.status],
      ...(q.pinned
        ? [
            ['unpin', 'Ne plus épingler'] as [ModerationAction, string],
          ]
        : []),
    ]
      .filter(([action]) => !(action === 'pin' && q.pinned))
    return h('li', { 'data-question': q.id }, h('span', { class: 'question-text' }, q.text, q.name
      ? h('small', {}, ` — ${q.name}`)
      : null, q.flag
      ? h('strong', { class: 'flag' }, ` (à vérifier : ${q.flag})`)
      : null), h('span', { class: 'question-state' }, `${statusLabels[q.status]}${q.pinned ? ' · épinglée' : ''} · ▲ ${q.votes}`), h('span', { class: 'moderation-steps' }, ...steps.map(([action, label]) => {
      const button = h('button', { 'type': 'button', 'class': 'presenter-step', 'data-action': action }, label)
      button.addEventListener('click', () => void act(q.id, action))
      return button
    })))
  }))
  if (!order.length)
    queue.replaceChildren(h('li', { class: 'hint' }, 'Aucune question pour l’instant.'))
}

async function load(): Promise<void> {
  const res = await call('/api/presenter/questions')
  if (res)
    draw(await res.json() as Queue)
}

async function act(id: string, action: ModerationAction): Promise<void> {
  if (await call(`/api/presenter/questions/${encodeURIComponent(id)}/${action}`, { method: 'POST' }))
    await load()
}

approval.addEventListener('change', async () => {
  await call('/api/presenter/questions/settings', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ approval: approval.checked }),
  })
  await load()
})

// Erasing the session's questions is for real: it takes a second, explicit click.
const reset = document.getElementById('reset') as HTMLButtonElement
let confirming = false
reset.addEventListener('click', async () => {
  if (!confirming) {
    confirming = true
    setText(reset, 'Confirmer : effacer pour de bon toutes les questions de la séance')
    return
  }
  confirming = false
  setText(reset, 'Remettre à zéro les questions…')
  if (await call('/api/presenter/questions/reset', { method: 'POST' }))
    await load()
})

void load()
// New questions arrive while the speaker talks: the queue is read again every few seconds.
setInterval(() => void load(), 3000)
