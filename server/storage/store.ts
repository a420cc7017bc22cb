import type { ArchivedSession } from '../../poll/archive-file'
import type { PublicQuestion, QuestionState, QuestionStatus } from '../../poll/questions'
import type { PollAggregate, SessionInfo } from '../../poll/session'
import type { Choice, PollState } from '../../poll/types'
import type { StoreProblem } from './diagnosis'

/**
 * The store port: everything the server keeps, whatever keeps it. The SQLite adapter
 * (sqlite-store.ts, node:sqlite) is the laptop's; a hosted adapter sits beside it and
 * `open.ts` chooses. Every operation either does all of its work and resolves, or rejects
 * with StoreUnavailableError and changes nothing; a ballot acknowledged is a ballot committed.
 * The operations are written once here, synchronously, and the port gives each as a promise
 * (`Async`): the SQLite file answers at once, a database server over the network does not.
 */
export interface Store extends Async<StoreOperations> {
  /** What is open, for messages: a file path or a server's address (never a password). */
  readonly location: string

  /**
   * Runs `fn` in one write transaction: what it does through `tx` commits together, or not
   * at all when `fn` throws (an operation that throws inside it undoes only its own work).
   * A burst of ballots is one commit instead of one each. Other callers wait until it ends.
   */
  transaction: <T>(fn: (tx: Async<StoreOperations>) => Promise<T>) => Promise<T>
  /**
   * Opens the store and writes to it once: null when it works, else what is wrong and what
   * to do (in French). `npm start` refuses to serve a room that could not vote.
   */
  check: () => Promise<StoreProblem | null>
  /** The last failure's diagnosis, until an operation succeeds again (the presenter's screens show it). */
  problem: () => StoreProblem | null
  close: () => Promise<void>
}

/** Each operation of `T`, answered by a promise. */
export type Async<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<R> : never
}

/** What the store does, one operation at a time (the port's methods, before `Async`). */
export interface StoreOperations {
  // Ballots and poll states.
  /** Whether this idempotency key has already been received for this participant and poll. */
  hasReceipt: (pollId: string, participantId: string, key: string) => boolean
  /** Records one ballot atomically: the same idempotency key twice is a no-op. */
  cast: (sessionId: string, pollId: string, participantId: string, key: string, choice: Choice, at: Date) => CastResult
  saveState: (sessionId: string, pollId: string, state: PollState) => void
  /** Drops a poll's ballots (and their archive) in a session, saves its fresh state, and erases them for real. */
  reset: (sessionId: string, pollId: string, state: PollState) => void
  /** A session's ballots, the aggregates the purge archived, and its poll states. */
  load: (sessionId: string) => SessionRows
  /**
   * Deletes the ballots last changed before `cutoff` and the participants left without
   * one; their counts are added to the session's archive first. Returns how many ballots.
   */
  purgeBefore: (cutoff: Date) => number

  // Participants and settings.
  /** Whether this participant joined this session (a phone from an earlier session joins again). */
  isMember: (sessionId: string, participantId: string) => boolean
  /** Records a participant the server has just issued, and counts the join in the session. */
  addParticipant: (sessionId: string, id: string, at: Date) => void
  /** A setting (registration, room code, current session…), or undefined when never set. */
  setting: (key: string) => string | undefined
  saveSetting: (key: string, value: string) => void
  /**
   * Keeps `value` under `key` unless one is already kept, and returns the one kept: the
   * instances that start together agree on one (the cookie secret, the presenter token).
   */
  claimSetting: (key: string, value: string) => string

  // Sessions.
  listSessions: () => SessionInfo[]
  getSession: (id: string) => SessionInfo | undefined
  createSession: (session: SessionInfo) => void
  updateSession: (id: string, patch: SessionPatch) => SessionInfo | undefined
  /** Deletes a session and everything it holds, and erases it for real; false when unknown. */
  removeSession: (id: string) => boolean
  /** Adds another laptop's sessions (aggregates only), all or nothing. */
  importSessions: (sessions: readonly ArchivedSession[]) => ImportReport

  // The audience's questions (poll/questions.ts).
  /**
   * Records a question, all or nothing. A replay of the same key gives back the first; the
   * same text already asked in the session gives back that one, so the phone can point to it.
   */
  ask: (sessionId: string, participantId: string, question: NewQuestion) => AskResult
  /** A session's questions in the order they came, with their votes. */
  questions: (sessionId: string) => StoredQuestion[]
  /** Saves a moderation step; pinning one question unpins the others. Undefined when unknown. */
  moderate: (sessionId: string, questionId: string, state: QuestionState, at: Date) => StoredQuestion | undefined
  /** Adds or withdraws one participant's upvote: a second upvote is a no-op (primary key). */
  voteQuestion: (sessionId: string, questionId: string, participantId: string, up: boolean, at: Date) => { votes: number, voted: boolean } | undefined
  /** The questions of the session this participant has upvoted. */
  votedBy: (sessionId: string, participantId: string) => Set<string>
  /** Received, published and answered, the purged ones included (the session's archive). */
  questionCounts: (sessionId: string) => QuestionCounts
  /** Erases a session's questions and their votes for real (« Remettre à zéro »). */
  resetQuestions: (sessionId: string) => void

  /** Grows when another process changed the data (an import while the server runs). */
  dataVersion: () => number
}

export interface StoredBallot { pollId: string, choice: Choice }

export interface NewQuestion {
  id: string
  key: string
  text: string
  normalized: string
  name?: string
  status: QuestionStatus
  /** Why the word list held it back, when it did. */
  flag: string | null
  at: Date
}

/** A question as the store keeps it: its author's id stays on the server. */
export interface StoredQuestion extends PublicQuestion {
  participantId: string
  flag: string | null
}

export type AskResult
  = | { kind: 'accepted', question: StoredQuestion }
    | { kind: 'replay', question: StoredQuestion }
    | { kind: 'duplicate', question: StoredQuestion }

export interface QuestionCounts { received: number, published: number, answered: number }

export interface SessionRows {
  ballots: StoredBallot[]
  archived: PollAggregate[]
  states: Map<string, PollState>
}

export type CastResult
  = | { kind: 'accepted', previous: Choice | undefined }
    | { kind: 'duplicate' }
    | { kind: 'key-reused' }
    /** The participant joined another session: the phone has to join this one. */
    | { kind: 'not-member' }

export type SessionPatch = Partial<Pick<SessionInfo, 'title' | 'date' | 'kind' | 'expectedSize'>>

export interface ImportReport {
  /** Sessions new here. */
  added: string[]
  /** Sessions imported earlier whose aggregates the file brought up to date. */
  updated: string[]
  /** Already here, the same. */
  unchanged: string[]
  /** Sessions run here: their own data wins over a copy. */
  kept: string[]
}
