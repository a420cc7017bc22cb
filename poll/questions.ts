/**
 * The audience's questions: where a question stands, how the presenter moves it, and in
 * what order the room sees them. Pure and without zod: the phone page imports it, and
 * stays small (the request schemas are in question-schemas.ts, for the server).
 */

export const QUESTION_MIN = 3
export const QUESTION_MAX = 280
export const NAME_MAX = 40

/** Where a question stands. Nothing is deleted during the talk: a mis-tap is undone. */
export const questionStatuses = [
  'pending',
  'published',
  'answered',
  'hidden',
] as const
export type QuestionStatus = typeof questionStatuses[number]

/** What the author reads on the phone. */
export const statusLabels: Record<QuestionStatus, string> = {
  pending: 'en attente de validation',
  published: 'affichée',
  answered: 'répondue',
  hidden: 'non retenue',
}

/** The presenter's moderation actions; each has its undo (publish ↔ hide/restore, pin ↔ unpin, answer ↔ restore). */
export const moderationActions = [
  'publish',
  'hide',
  'answer',
  'pin',
  'unpin',
  'restore',
] as const
export type ModerationAction = typeof moderationActions[number]

export interface QuestionState {
  status: QuestionStatus
  pinned: boolean
}

/**
 * The state after an action, or a French reason it does not apply. `restore` undoes
 * « non retenue » (back to the queue) and « répondue » (back on the slide).
 */
export function moderate(state: QuestionState, action: ModerationAction): QuestionState | string {
  switch (action) {
    case 'publish':
      return state.status === 'published'
        ? state
        : { status: 'published', pinned: false }
    case 'hide':
      return { status: 'hidden', pinned: false }
    case 'answer':
      return state.status === 'published' || state.status === 'answered'
        ? { status: 'answered', pinned: false }
        : 'Seule une question affichée peut être marquée comme répondue.'
    case 'pin':
      return state.status === 'published'
        ? { status: 'published', pinned: true }
        : 'Seule une question affichée peut être mise « en cours de réponse ».'
    case 'unpin':
      return { ...state, pinned: false }
    case 'restore':
      if (state.status === 'hidden')
        return { status: 'pending', pinned: false }
      if (state.status === 'answered')
        return { status: 'published', pinned: false }
      return state
  }
}

/** Two questions are the same when they differ only in case, spaces or apostrophes. */
export function normalizeQuestion(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('fr')
    .replace(/[’ʼ‘`]/g, '\'')
    .replace(/\s+/g, ' ')
    .replace(/\s*([?!.…]+)\s*$/, '$1')
    .trim()
}

const PHONE = /(?:\+33\s?|\b0)[1-9](?:[\s.-]?\d{2}){4}\b/
const EMAIL = /[\w.+-]+@[\w-]+\.[\w.-]+/
/** A short list, to flag rather than filter: a flagged question waits for the presenter. */
const INSULTS = [
  'connard',
  'connasse',
  'salope',
  'salaud',
  'enculé',
  'encule',
  'pute',
  'putain',
  'nique',
  'pédé',
  'pede',
  'bougnoul',
  'bicot',
  'youpin',
  'négro',
  'negro',
  'bamboula',
  'gouine',
  'tapette',
  'crétin',
  'débile',
  'abruti',
  'con',
  'conne',
  'merde',
  'enfoiré',
  'batard',
  'bâtard',
]
const INSULT = new RegExp(`(?:^|[^\\p{L}])(?:${INSULTS.join('|')})(?:s|e|es)?(?=$|[^\\p{L}])`, 'iu')

/** Why a question must wait for the presenter even when approval is off, or null. */
export function flagReason(text: string): string | null {
  if (PHONE.test(text))
    return 'numéro de téléphone'
  if (EMAIL.test(text))
    return 'adresse électronique'
  if (INSULT.test(text))
    return 'mot injurieux'
  return null
}

/** A question as the room sees it: no author id, no address. */
export interface PublicQuestion {
  id: string
  text: string
  name?: string
  status: QuestionStatus
  pinned: boolean
  votes: number
  createdAt: string
}

/** The room's order: the pinned one first, then by votes, ties to the oldest. */
export function roomOrder(questions: readonly PublicQuestion[]): PublicQuestion[] {
  return [...questions].sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.votes - a.votes || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
}

/** What the room sees: the published and answered questions, in the room's order, and the counts. */
export interface RoomQuestions {
  questions: PublicQuestion[]
  /** Received and shown: the slide says both, so that moderation is transparent. */
  received: number
  shown: number
}

/** The questions a handout prints: those the room saw, the most upvoted first. */
export function handoutQuestions(questions: readonly PublicQuestion[]): PublicQuestion[] {
  return roomOrder(questions.filter(q => q.status === 'published' || q.status === 'answered').map(q => ({ ...q, pinned: false })))
}
