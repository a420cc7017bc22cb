import type { PublicQuestion, RoomQuestions } from '../poll/questions'
import type { SendOutcome } from './outbox'
import { NAME_MAX, QUESTION_MAX, QUESTION_MIN } from '../poll/questions'
import { h, setText } from './dom'
import { randomId } from './ids'
import { Outbox, postOnce } from './outbox'

interface QuestionDraft { text: string, name?: string }
interface OwnQuestion { id: string, text: string, label: string }

/**
 * « Poser une question », on the phone page for the whole talk: a short form, the phone's
 * own questions with where each stands, and the room's questions to upvote. A question
 * sent offline waits in its own outbox and is sent once (the server keys it by its
 * idempotency key, as a ballot).
 */
export class QuestionArea {
  readonly root: HTMLElement
  private readonly status: HTMLElement
  private readonly mineList: HTMLElement
  private readonly roomList: HTMLElement
  private readonly textarea: HTMLTextAreaElement
  private readonly counter: HTMLElement
  private voted = new Set<string>()
  private room: PublicQuestion[] = []
  private readonly outbox: Outbox<QuestionDraft>

  constructor(rejoin: () => Promise<boolean>) {
    this.outbox = new Outbox<QuestionDraft>({
      storageKey: 'atelier-questions-outbox',
      rejoin,
      send: (item, fetchFn) => postOnce('/api/questions', { ...item.choice, idempotencyKey: item.idempotencyKey }, fetchFn),
      onOutcome: (_slot, outcome) => this.outcome(outcome),
    })
    this.status = h('p', { 'class': 'status', 'role': 'status', 'aria-live': 'polite' })
    this.textarea = h('textarea', {
      'id': 'question-text',
      'name': 'text',
      'rows': '3',
      'maxlength': String(QUESTION_MAX),
      'required': true,
      'aria-describedby': 'question-count',
    })
    this.counter = h('p', { id: 'question-count', class: 'hint' }, `${QUESTION_MAX} caractères au plus.`)
    this.textarea.addEventListener('input', () => setText(this.counter, `${this.textarea.value.trim().length} / ${QUESTION_MAX} caractères.`))
    const name = h('input', {
      id: 'question-name',
      name: 'name',
      maxlength: String(NAME_MAX),
      autocomplete: 'given-name',
    })
    const form = h('form', { class: 'question-form', novalidate: true }, h('label', { for: 'question-text' }, 'Votre question'), this.textarea, this.counter, h('label', { for: 'question-name' }, 'Votre prénom (facultatif : sinon, anonyme)'), name, h('button', { type: 'submit', class: 'submit' }, 'Envoyer ma question'), this.status)
    form.addEventListener('submit', (event) => {
      event.preventDefault()
      const text = this.textarea.value.trim().replace(/\s+/g, ' ')
      if (text.length < QUESTION_MIN) {
        setText(this.status, `Votre question est trop courte (${QUESTION_MIN} caractères au moins).`)
        return
      }
      setText(this.status, 'Envoi en cours…')
      this.outbox.submit(`question:${randomId()}`, {
        text,
        ...(name.value.trim()
          ? {
              name: name.value.trim(),
            }
          : {}),
      })
    })
    this.mineList = h('ul', { class: 'question-list', id: 'my-questions' })
    this.roomList = h('ul', { class: 'question-list', id: 'room-questions' })
    this.root = h('section', { 'class': 'questions', 'id': 'questions', 'aria-labelledby': 'questions-title' }, h('h2', { id: 'questions-title' }, 'Poser une question'), h('p', { class: 'hint' }, 'L’intervenant valide les questions avant de les afficher. Votez pour celles que vous voulez entendre.'), form, h('h3', {}, 'Mes questions'), this.mineList, h('h3', {}, 'Questions de la salle'), this.roomList)
  }

  private outcome(outcome: SendOutcome): void {
    if (outcome.kind === 'recorded') {
      this.textarea.value = ''
      setText(this.status, 'Question envoyée.')
      void this.refresh()
    }
    else if (outcome.kind === 'refused') {
      setText(this.status, outcome.message)
    }
    else {
      setText(this.status, 'Réseau indisponible : votre question partira dès son retour.')
    }
  }

  /** The stream reopened or the network came back: unsent questions go now. */
  retryNow(): void {
    this.outbox.retryNow()
  }

  resume(): void {
    this.outbox.resume()
    void this.refresh()
  }

  /** The room's list, from the stream's `questions` event. */
  showRoom(list: RoomQuestions): void {
    this.room = list.questions
    this.drawRoom()
    // A moderation step may concern this phone's own questions.
    void this.refresh()
  }

  private async refresh(): Promise<void> {
    const answer = await fetch('/api/questions', { credentials: 'same-origin' }).then(r => r.ok
      ? r.json() as Promise<RoomQuestions & { mine?: OwnQuestion[], voted?: string[] }>
      : null).catch(() => null)
    if (!answer)
      return
    this.voted = new Set(answer.voted ?? [])
    this.room = answer.questions
    this.mineList.replaceChildren(...(answer.mine ?? []).map(q => h('li', {}, h('span', { class: 'question-text' }, q.text), h('span', { class: 'question-state' }, q.label))))
    if (!answer.mine?.length)
      this.mineList.replaceChildren(h('li', { class: 'hint' }, 'Aucune question envoyée depuis ce téléphone.'))
    this.drawRoom()
  }

  private drawRoom(): void {
    if (!this.room.length) {
      this.roomList.replaceChildren(h('li', { class: 'hint' }, 'Aucune question affichée pour l’instant.'))
      return
    }
    this.roomList.replaceChildren(...this.room.map((q) => {
      const mine = this.voted.has(q.id)
      const button = h('button', {
        'type': 'button',
        'class': 'upvote',
        'aria-pressed': mine ? 'true' : 'false',
        'disabled': q.status !== 'published',
      }, h('span', { 'aria-hidden': 'true' }, '▲ '), `${q.votes}`, h('span', { class: 'sr-only' }, ` ${q.votes < 2
        ? 'vote'
        : 'votes'} : voter pour cette question`))
      button.addEventListener('click', () => void this.vote(q.id, !mine))
      return h('li', {}, button, h('span', { class: 'question-text' }, q.text), q.status === 'answered'
        ? h('span', { class: 'question-state' }, 'répondue')
        : null)
    }))
  }

  private async vote(id: string, up: boolean): Promise<void> {
    const res = await fetch(`/api/questions/${encodeURIComponent(id)}/votes`, {
      method: up ? 'POST' : 'DELETE',
      credentials: 'same-origin',
    }).catch(() => null)
    if (!res?.ok) {
      const answer = await res?.json().catch(() => null) as { message?: string } | null
      setText(this.status, answer?.message ?? 'Réseau indisponible : votre vote n’est pas parti, réessayez.')
      return
    }
    await this.refresh()
  }
}
