import type { QuestionBody } from '../../poll/question-schemas'
import type { ModerationAction, PublicQuestion, RoomQuestions } from '../../poll/questions'
import type { Sessions } from '../sessions/sessions'
import type { QuestionCounts, Store, StoredQuestion } from '../storage/store'
import { randomBytes } from 'node:crypto'
import { flagReason, moderate, normalizeQuestion, roomOrder, statusLabels } from '../../poll/questions'
import { HttpError } from '../errors'

/** Where the presenter's choice of pre-approval is kept: on by default, a restart keeps it. */
const APPROVAL_SETTING = 'questions_approval'

/** A phone's own questions, with where each stands (« en attente de validation »…). */
export interface OwnQuestion { id: string, text: string, status: PublicQuestion['status'], label: string }

const publicOf = ({ participantId: _p, flag: _f, ...question }: StoredQuestion): PublicQuestion => question

/**
 * The audience's questions for the current session. The store is the source of truth and
 * enforces the rules that matter (one text per session, one upvote per participant); this
 * service decides the status of a new question, applies the presenter's moderation and
 * tells the screens that the room's list changed.
 */
export class QuestionService {
  private readonly listeners = new Set<() => void>()

  constructor(private readonly store: Store, private readonly sessions: Sessions, private readonly now: () => Date = () => new Date()) {}

  onChange(listener: () => void): void {
    this.listeners.add(listener)
  }

  private changed(): void {
    for (const listener of this.listeners)
      listener()
  }

  async approval(): Promise<boolean> {
    return await this.store.setting(APPROVAL_SETTING) !== 'off'
  }

  async setApproval(on: boolean): Promise<void> {
    await this.store.saveSetting(APPROVAL_SETTING, on ? 'on' : 'off')
    this.changed()
  }

  private async member(participantId: string): Promise<string> {
    const session = await this.currentId()
    if (!await this.store.isMember(session, participantId))
      throw new HttpError(409, 'Une nouvelle séance a commencé : rechargez la page pour poser votre question.', 'session_changed')
    return session
  }

  /** A new question: pending while approval is on, or when the word list flags it. */
  async ask(participantId: string, body: QuestionBody): Promise<{ id: string, status: PublicQuestion['status'], duplicate: boolean }> {
    const session = await this.member(participantId)
    const flag = flagReason(body.text)
    const held = await this.approval() || flag
    const result = await this.store.ask(session, participantId, {
      id: randomBytes(9).toString('base64url'),
      key: body.idempotencyKey,
      text: body.text,
      normalized: normalizeQuestion(body.text),
      ...(body.name
        ? { name: body.name }
        : {}),
      status: held
        ? 'pending'
        : 'published',
      flag,
      at: this.now(),
    })
    if (result.kind === 'duplicate') {
      const visible = result.question.status === 'published' || result.question.status === 'answered'
      throw new HttpError(409, visible
        ? 'Cette question a déjà été posée : votez pour elle plutôt que de la reposer.'
        : 'Cette question a déjà été posée ; elle attend la validation de l’intervenant.', 'duplicate_question', undefined, {
        existing: { id: result.question.id, text: result.question.text, status: result.question.status },
      })
    }
    if (result.kind === 'accepted')
      this.changed()
    return { id: result.question.id, status: result.question.status, duplicate: result.kind === 'replay' }
  }

  /** The room's list (and for a phone, its own questions and upvotes). */
  async room(): Promise<RoomQuestions> {
    const all = await this.store.questions(await this.currentId())
    const shown = all.filter(q => q.status === 'published' || q.status === 'answered')
    return {
      questions: roomOrder(shown.map(publicOf)),
      received: all.length,
      shown: shown.length,
    }
  }

  /** What one phone sees of its own: its questions with their state, and the questions it upvoted. */
  async mine(participantId: string): Promise<{ mine: OwnQuestion[], voted: string[] }> {
    const session = await this.currentId()
    return {
      mine: (await this.store.questions(session))
        .filter(q => q.participantId === participantId)
        .map(q => ({
          id: q.id,
          text: q.text,
          status: q.status,
          label: statusLabels[q.status],
        })),
      voted: [
        ...await this.store.votedBy(session, participantId),
      ],
    }
  }

  /** Upvotes a question shown to the room, or withdraws the upvote. */
  async vote(participantId: string, questionId: string, up: boolean): Promise<{ votes: number, voted: boolean }> {
    const session = await this.member(participantId)
    const question = (await this.store.questions(session)).find(q => q.id === questionId)
    if (!question || question.status !== 'published')
      throw new HttpError(404, 'Cette question n’est plus affichée : on ne peut plus voter pour elle.', 'unknown_question')
    const result = (await this.store.voteQuestion(session, questionId, participantId, up, this.now()))!
    this.changed()
    return result
  }

  /** Every question of the session, for the presenter: flags and all. */
  async all(): Promise<{ questions: (PublicQuestion & { flag: string | null })[], approval: boolean, counts: QuestionCounts }> {
    const session = await this.currentId()
    return {
      questions: (await this.store.questions(session)).map(({ participantId: _p, ...q }) => q),
      approval: await this.approval(),
      counts: await this.store.questionCounts(session),
    }
  }

  async moderate(questionId: string, action: ModerationAction): Promise<PublicQuestion> {
    const session = await this.currentId()
    const question = (await this.store.questions(session)).find(q => q.id === questionId)
    if (!question)
      throw new HttpError(404, 'Question inconnue dans cette séance.', 'unknown_question')
    const next = moderate(question, action)
    if (typeof next === 'string')
      throw new HttpError(409, next, 'invalid_moderation')
    const saved = (await this.store.moderate(session, questionId, next, this.now()))!
    this.changed()
    return publicOf(saved)
  }

  async reset(): Promise<void> {
    await this.store.resetQuestions(await this.currentId())
    this.changed()
  }

  private async currentId(): Promise<string> {
    return (await this.sessions.ready()).id
  }
}
