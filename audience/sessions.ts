// The presenter's sessions page (/seances): start a new session, resume, rename or delete
// one, download a session's results. Every request carries the presenter's session cookie;
// without it the page says how to sign in.
import type { SessionInfo } from '../poll/session'
import { todayInParis } from '../poll/session'
import { h, setText } from './dom'
import { refusal, sessionLine } from './sessions-format'
import 'virtual:atelier-palette.css'
import './style.css'

interface SessionList { current: string, sessions: SessionInfo[] }

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T
const status = $('status')
const list = $('list')
const form = $<HTMLFormElement>('new-session')

const JSON_HEADERS = { 'content-type': 'application/json' }

function say(text: string, kind: 'info' | 'error' = 'info'): void {
  setText(status, text)
  status.dataset.tone = kind === 'error'
    ? 'error'
    : 'ok'
}

/** Sends a request; on a refusal, says why and returns null. */
async function call(path: string, init: RequestInit = {}): Promise<Response | null> {
  try {
    const res = await fetch(path, { credentials: 'same-origin', ...init })
    if (res.ok)
      return res
    say(await refusal(res), 'error')
  }
  catch {
    say('Serveur de vote injoignable : est-il lancé (npm start) ?', 'error')
  }
  return null
}

function renameForm(session: SessionInfo): HTMLFormElement {
  const input = h('input', {
    'name': 'title',
    'value': session.title,
    'maxlength': '120',
    'required': true,
    'autocomplete': 'off',
    'aria-label': `Nouveau titre de « ${session.title} »`,
  })
  const rename = h('form', { class: 'sessions__rename' }, input, h('button', { type: 'submit' }, 'Renommer'))
  rename.addEventListener('submit', async (event) => {
    event.preventDefault()
    if (await call(`/api/sessions/${encodeURIComponent(session.id)}`, {
      method: 'PATCH',
      headers: JSON_HEADERS,
      body: JSON.stringify({ title: input.value }),
    })) {
      await refresh(`Séance renommée : « ${input.value.trim()} ».`)
    }
  })
  return rename
}

function item(session: SessionInfo, current: boolean): HTMLLIElement {
  const base = `/api/sessions/${encodeURIComponent(session.id)}`
  const actions = h('div', { class: 'sessions__actions' })
  if (!current && !session.imported) {
    const resume = h('button', { 'type': 'button', 'data-action': 'activate' }, 'Reprendre cette séance')
    resume.addEventListener('click', async () => {
      if (await call(`${base}/activate`, { method: 'POST' }))
        await refresh(`Séance en cours : « ${session.title} ».`)
    })
    actions.append(resume)
  }
  actions.append(
    h('a', { href: `${base}/results.csv`, download: '' }, 'Résultats (CSV)'),
    h('a', { href: `${base}/results.json`, download: '' }, 'Résultats (JSON)'),
  )
  if (!current) {
    const remove = h('button', { 'type': 'button', 'class': 'sessions__delete', 'data-action': 'delete' }, 'Supprimer')
    remove.addEventListener('click', async () => {
      // eslint-disable-next-line no-alert -- a native confirmation is keyboard- and screen-reader-friendly.
      if (!window.confirm(`Supprimer « ${session.title} » et tous ses résultats ? C'est définitif.`))
        return
      if (await call(base, { method: 'DELETE' }))
        await refresh(`Séance supprimée : « ${session.title} ».`)
    })
    actions.append(remove)
  }
  return h('li', {
    'class': current
      ? 'sessions__item sessions__item--current'
      : 'sessions__item',
    'data-session': session.id,
  }, h('h3', {}, session.title), h('p', { class: 'muted' }, sessionLine(session, current)), renameForm(session), actions)
}

async function refresh(message?: string): Promise<void> {
  const res = await call('/api/sessions')
  if (!res)
    return
  const { current, sessions } = await res.json() as SessionList
  list.replaceChildren(...[...sessions].reverse().map(s => item(s, s.id === current)))
  const now = sessions.find(s => s.id === current)
  say(message ?? `Séance en cours : « ${now?.title ?? '?'} ».`)
}

form.elements.namedItem('date') instanceof HTMLInputElement && ((form.elements.namedItem('date') as HTMLInputElement).value = todayInParis())
form.addEventListener('submit', async (event) => {
  event.preventDefault()
  const data = new FormData(form)
  const body = {
    title: String(data.get('title') ?? ''),
    date: String(data.get('date') ?? ''),
    expectedSize: Number(data.get('expectedSize')),
    kind: String(data.get('kind') ?? 'real'),
  }
  if (await call('/api/sessions', {
    method: 'POST',
    headers: JSON_HEADERS,
    body: JSON.stringify(body),
  })) {
    form.reset()
    ;(form.elements.namedItem('date') as HTMLInputElement).value = todayInParis()
    await refresh(`Nouvelle séance en cours : « ${body.title.trim()} ».`)
  }
})

void refresh()
