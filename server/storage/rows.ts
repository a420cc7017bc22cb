import type { QuestionStatus } from '../../poll/questions'
import type { PollAggregate, SessionInfo } from '../../poll/session'
import type { PollId, PollState, Tally } from '../../poll/types'
import type { StoredQuestion } from './store'

/**
 * The rows both adapters read, and what the port returns for them. The same columns in
 * both schemas; a flag is 0/1 in SQLite and a boolean in PostgreSQL.
 */
type Flag = number | boolean

export interface SessionRow { id: string, title: string, date: string, kind: string, expected_size: number, created_at: string, participants: number, imported: Flag }
export interface QuestionRow { id: string, participant_id: string, text: string, name: string | null, status: string, pinned: Flag, flag: string | null, created_at: string, votes: number }
export interface PollStateRow { poll_id: string, status: string, results_visible: Flag, opened_at: string | null, closed_at: string | null }
export interface ArchiveRow { poll_id: string, tally: string, participants: number }

export function sessionOf(r: SessionRow): SessionInfo {
  return {
    id: r.id,
    title: r.title,
    date: r.date,
    kind: r.kind === 'rehearsal'
      ? 'rehearsal'
      : 'real',
    expectedSize: r.expected_size,
    createdAt: r.created_at,
    participants: r.participants,
    imported: Boolean(r.imported),
  }
}

export function questionOf(r: QuestionRow): StoredQuestion {
  return {
    id: r.id,
    participantId: r.participant_id,
    text: r.text,
    ...(r.name
      ? { name: r.name }
      : {}),
    status: r.status as QuestionStatus,
    pinned: Boolean(r.pinned),
    flag: r.flag,
    votes: r.votes,
    createdAt: r.created_at,
  }
}

export function stateOf(r: PollStateRow): PollState {
  return {
    status: r.status === 'open'
      ? 'open'
      : 'closed',
    resultsVisible: Boolean(r.results_visible),
    openedAt: r.opened_at,
    closedAt: r.closed_at,
  }
}

export function archivedAggregate(r: ArchiveRow): PollAggregate {
  return {
    id: r.poll_id as PollId,
    tally: JSON.parse(r.tally) as Tally,
    participants: r.participants,
  }
}
