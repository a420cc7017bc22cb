import type { ArchivedSession } from '../../poll/archive-file'
import type { QuestionState } from '../../poll/questions'
import type { SessionInfo } from '../../poll/session'
import type { Choice, PollState } from '../../poll/types'
import type { ExpiredBallot } from './aggregates'
import type { Checkpointer } from './checkpointer'
import type { StoreProblem } from './diagnosis'
import type { Statements } from './sqlite-schema'
import type { AskResult, CastResult, ImportReport, NewQuestion, QuestionCounts, SessionPatch, SessionRows, StoredQuestion, StoreOperations } from './store'
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { StoreUnavailableError } from '../errors'
import { mergeExpired, sameSession } from './aggregates'
import { startCheckpointer } from './checkpointer'
import { diagnose } from './diagnosis'
import { archivedAggregate, questionOf, sessionOf, stateOf } from './rows'
import { inTransaction, typed } from './sqlite'
import { migrate, prepare } from './sqlite-schema'

/** How long to wait before trying to reopen a database that could not be opened. */
const REOPEN_DELAY_MS = 500
/** Owner only: the file holds who voted what until the retention purge. */
const PRIVATE_DIR = 0o700
const PRIVATE_FILE = 0o600
/** Bytes the write-ahead log keeps on disk once it has been copied back: no file grows without end. */
const WAL_SIZE_LIMIT = 8 * 1024 * 1024
/** Each waits up to the busy timeout for the checkpointer to let go of the log. */
const ERASE_ATTEMPTS = 5

/** Makes the data directory and an empty database file that only this user can read. */
function preparePrivateFile(dir: string, file: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR })
  chmodSync(dir, PRIVATE_DIR)
  // SQLite gives the -wal and -shm files the mode of the main file, so set it before opening.
  if (!existsSync(file))
    closeSync(openSync(file, 'a', PRIVATE_FILE))
  chmodSync(file, PRIVATE_FILE)
}

function stateRow(pollId: string, s: PollState) {
  return [
    pollId,
    s.status,
    s.resultsVisible ? 1 : 0,
    s.openedAt,
    s.closedAt,
  ] as [string, string, number, string | null, string | null]
}

/** Adds expired ballots to their sessions' archived aggregates (inside the purge's transaction). */
function archiveExpired(s: Statements, expired: readonly ExpiredBallot[]): void {
  for (const merged of mergeExpired(expired, sessionId => s.archive.all(sessionId).map(archivedAggregate)))
    s.putArchive.run(merged.sessionId, merged.id, JSON.stringify(merged.tally), merged.participants)
}

/**
 * The store in one SQLite file (WAL, through Node's built-in `node:sqlite`): the laptop's.
 * One row per participant and poll, written by an upsert; the counts are never stored,
 * they are derived from the rows. Any SQLite failure becomes a StoreUnavailableError
 * (HTTP 503), and the store reopens itself on a later call once the cause has gone.
 * Synchronous, as node:sqlite is: `SqliteStore` (sqlite-store.ts) gives it the port's shape.
 */
export class SqliteDatabase implements StoreOperations {
  private db: DatabaseSync | null = null
  private lastOpenAttempt = 0
  private statements: Statements | null = null
  private checkpointer: Checkpointer | null = null
  private lastProblem: StoreProblem | null = null
  /** What to do when the log needs a restart (checkpointer.ts); the store adapter pauses its writers first. */
  onLogLong: (restart: () => Promise<void>) => void = restart => void restart()

  constructor(private readonly dir: string, private readonly busyTimeoutMs = 1000) {}

  get file(): string {
    return join(this.dir, 'ballots.sqlite')
  }

  get location(): string {
    return this.file
  }

  private open(): { db: DatabaseSync, statements: Statements } {
    if (this.db && this.statements)
      return { db: this.db, statements: this.statements }
    const now = Date.now()
    if (now - this.lastOpenAttempt < REOPEN_DELAY_MS && this.lastOpenAttempt !== 0)
      throw new StoreUnavailableError(new Error('database reopen throttled'), this.lastProblem ?? undefined)
    this.lastOpenAttempt = now
    let db: DatabaseSync | null = null
    try {
      preparePrivateFile(this.dir, this.file)
      db = new DatabaseSync(this.file, { timeout: this.busyTimeoutMs })
      db.exec('PRAGMA journal_mode = WAL')
      // NORMAL in WAL mode survives a process crash (kill -9); only a power cut can lose the last commits.
      db.exec('PRAGMA synchronous = NORMAL')
      // Deleted ballots are overwritten with zeros, so "reset" and the purge leave nothing to read.
      db.exec('PRAGMA secure_delete = ON')
      // Checkpoints (and their fsyncs) run in a worker, never inside a ballot's transaction.
      db.exec('PRAGMA wal_autocheckpoint = 0')
      db.exec(`PRAGMA journal_size_limit = ${WAL_SIZE_LIMIT}`)
      migrate(db)
      this.statements = prepare(db)
      this.db = db
      this.checkpointer = startCheckpointer(this.file, {
        onLogLong: restart => this.onLogLong(restart),
      })
      return { db, statements: this.statements }
    }
    catch (error) {
      db?.close()
      throw this.unavailable(error)
    }
  }

  /** Records what went wrong, for the speaker, and the error the caller throws. */
  private unavailable(error: unknown): StoreUnavailableError {
    this.lastProblem = diagnose(error, this.file)
    return new StoreUnavailableError(error, this.lastProblem)
  }

  /** Runs `fn` against the open database; any failure closes it so that the next call reopens. */
  private run<T>(fn: (db: DatabaseSync, s: Statements) => T): T {
    const { db, statements } = this.open()
    try {
      const result = fn(db, statements)
      this.lastProblem = null
      return result
    }
    catch (error) {
      if (error instanceof StoreUnavailableError)
        throw error
      void this.close()
      throw this.unavailable(error)
    }
  }

  check(): StoreProblem | null {
    try {
      this.run((_db, s) => s.putSetting.run('last_start', new Date().toISOString()))
      return null
    }
    catch (error) {
      return error instanceof StoreUnavailableError && error.problem
        ? this.lastProblem ?? diagnose(error.cause, this.file)
        : diagnose(error, this.file)
    }
  }

  problem(): StoreProblem | null {
    return this.lastProblem
  }

  /** Opens the write transaction a group of operations shares (taken at once: BEGIN IMMEDIATE). */
  begin(): void {
    this.run(db => db.exec('BEGIN IMMEDIATE'))
  }

  commit(): void {
    this.run(db => db.exec('COMMIT'))
  }

  /** Undoes the open transaction, if the database is still open (a failure closes it, which undoes it). */
  rollback(): void {
    if (this.db?.isOpen && this.db.isTransaction)
      this.db.exec('ROLLBACK')
  }

  /** Whether this idempotency key has already been received for this participant and poll. */
  hasReceipt(pollId: string, participantId: string, key: string): boolean {
    return this.run((_db, s) => {
      const receipt = s.receipt.get(key)
      return !!receipt && receipt.poll_id === pollId && receipt.participant_id === participantId
    })
  }

  /** Whether this participant joined this session (a phone from an earlier session has to join again). */
  isMember(sessionId: string, participantId: string): boolean {
    return this.run((_db, s) => !!s.member.get(participantId, sessionId))
  }

  /** Records one ballot atomically: the same idempotency key twice is a no-op. */
  cast(sessionId: string, pollId: string, participantId: string, key: string, choice: Choice, at: Date): CastResult {
    return this.run((db, s) => inTransaction(db, (): CastResult => {
      const receipt = s.receipt.get(key)
      if (receipt) {
        return receipt.poll_id === pollId && receipt.participant_id === participantId
          ? { kind: 'duplicate' }
          : { kind: 'key-reused' }
      }
      if (!s.member.get(participantId, sessionId))
        return { kind: 'not-member' }
      const previous = s.previous.get(sessionId, pollId, participantId)
      s.upsert.run(sessionId, pollId, participantId, JSON.stringify(choice), key, at.toISOString())
      s.addReceipt.run(key, pollId, participantId)
      return {
        kind: 'accepted',
        previous: previous
          ? JSON.parse(previous.choice) as Choice
          : undefined,
      }
    }))
  }

  saveState(sessionId: string, pollId: string, state: PollState): void {
    this.run((_db, s) => s.saveState.run(sessionId, ...stateRow(pollId, state)))
  }

  /** Drops a poll's ballots (and their archive) in a session and saves its fresh state, then erases the old pages. */
  reset(sessionId: string, pollId: string, state: PollState): void {
    this.run((db, s) => {
      inTransaction(db, () => {
        s.deleteReceipts.run(sessionId, pollId)
        s.deleteBallots.run(sessionId, pollId)
        s.deleteArchive.run(sessionId, pollId)
        s.saveState.run(sessionId, ...stateRow(pollId, state))
      })
      this.eraseJournal(db)
    })
  }

  /** Records a participant the server has just issued, and counts the join in the session. */
  addParticipant(sessionId: string, id: string, at: Date): void {
    this.run((db, s) => inTransaction(db, () => {
      if (Number(s.addParticipant.run(id, sessionId, at.toISOString()).changes) > 0)
        s.countJoin.run(sessionId)
    }))
  }

  /** A room setting (registration open, room code), or undefined when never set. */
  setting(key: string): string | undefined {
    return this.run((_db, s) => s.getSetting.get(key)?.value)
  }

  saveSetting(key: string, value: string): void {
    this.run((_db, s) => s.putSetting.run(key, value))
  }

  claimSetting(key: string, value: string): string {
    return this.run((_db, s) => {
      s.claimSetting.run(key, value)
      return s.getSetting.get(key)!.value
    })
  }

  /**
   * Deletes the ballots last changed before `cutoff` (data retention), their receipts,
   * and the participants who joined before it and have no ballot left; returns how many
   * ballots. Their sessions keep the aggregates: the counts are added to the archive,
   * in the same transaction, before the rows go.
   */
  purgeBefore(cutoff: Date): number {
    return this.run((db, s) => {
      const { ballots, participants, questions } = inTransaction(db, () => {
        const before = cutoff.toISOString()
        const expired = s.expiredBallots.all(before)
        if (expired.length > 0)
          archiveExpired(s, expired)
        const { changes } = s.purgeBallots.run(before)
        if (changes > 0)
          s.purgeReceipts.run()
        // Questions: their text goes, their counts stay in the session's archive.
        for (const { session_id: sessionId } of s.expiredQuestionSessions.all(before)) {
          const counts = s.expiredQuestionCounts.get(sessionId, before)!
          s.putQuestionArchive.run(sessionId, counts.received, counts.published, counts.answered)
        }
        s.purgeQuestionVotes.run(before)
        return {
          ballots: Number(changes),
          questions: Number(s.purgeQuestions.run(before).changes),
          participants: Number(s.purgeParticipants.run(before).changes),
        }
      })
      if (ballots + participants + questions > 0)
        this.eraseJournal(db)
      return ballots
    })
  }

  ask(sessionId: string, participantId: string, q: NewQuestion): AskResult {
    return this.run((db, s) => inTransaction(db, (): AskResult => {
      const replay = s.questionByKey.get(participantId, q.key)
      if (replay) {
        return {
          kind: 'replay',
          question: questionOf(replay),
        }
      }
      const same = s.questionByText.get(sessionId, q.normalized)
      if (same) {
        return {
          kind: 'duplicate',
          question: questionOf(same),
        }
      }
      s.insertQuestion.run(q.id, sessionId, participantId, q.key, q.text, q.normalized, q.name ?? null, q.status, q.flag, q.at.toISOString())
      return {
        kind: 'accepted',
        question: questionOf(s.question.get(sessionId, q.id)!),
      }
    }))
  }

  questions(sessionId: string): StoredQuestion[] {
    return this.run((_db, s) => s.sessionQuestions.all(sessionId).map(questionOf))
  }

  moderate(sessionId: string, questionId: string, state: QuestionState, at: Date): StoredQuestion | undefined {
    return this.run((db, s) => inTransaction(db, () => {
      const when = at.toISOString()
      if (Number(s.moderateQuestion.run(state.status, state.pinned ? 1 : 0, when, sessionId, questionId).changes) === 0)
        return undefined
      if (state.pinned)
        s.unpinOthers.run(when, sessionId, questionId)
      return questionOf(s.question.get(sessionId, questionId)!)
    }))
  }

  voteQuestion(sessionId: string, questionId: string, participantId: string, up: boolean, at: Date): { votes: number, voted: boolean } | undefined {
    return this.run((db, s) => inTransaction(db, () => {
      if (!s.question.get(sessionId, questionId))
        return undefined
      if (up)
        s.addVote.run(questionId, participantId, at.toISOString())
      else
        s.removeVote.run(questionId, participantId)
      return { votes: s.question.get(sessionId, questionId)!.votes, voted: up }
    }))
  }

  votedBy(sessionId: string, participantId: string): Set<string> {
    return this.run((_db, s) => new Set(s.votedBy.all(sessionId, participantId).map(r => r.question_id)))
  }

  questionCounts(sessionId: string): QuestionCounts {
    return this.run((_db, s) => {
      const live = s.questionCounts.get(sessionId)!
      const archived = s.questionArchive.get(sessionId) ?? { received: 0, published: 0, answered: 0 }
      return {
        received: live.received + archived.received,
        published: live.published + archived.published,
        answered: live.answered + archived.answered,
      }
    })
  }

  resetQuestions(sessionId: string): void {
    this.run((db, s) => {
      inTransaction(db, () => {
        s.deleteQuestionVotes.run(sessionId)
        s.deleteQuestions.run(sessionId)
      })
      this.eraseJournal(db)
    })
  }

  /** Grows when another connection commits (SQLite's `data_version`): another process wrote. */
  dataVersion(): number {
    return this.run(db => (db.prepare('PRAGMA data_version').get() as { data_version: number }).data_version)
  }

  /**
   * Makes deleted rows unreadable in the files. `secure_delete` zeroes a deleted row's
   * cell, but a b-tree's interior pages keep copies of keys as dividers (the ballots'
   * primary key and every index: participant ids with their times), and the write-ahead
   * log keeps old pages. VACUUM rebuilds the file from the live rows only; the checkpoint
   * copies it back and empties the log. The checkpointer may hold the log for a moment
   * (busy): try again a few times. Erasures are rare (a reset, the daily purge, a deleted
   * session) and the file is small, so the rebuild costs milliseconds.
   */
  private eraseJournal(db: DatabaseSync): void {
    // After the commit: a failure here must not undo what the caller has done (the rows are gone).
    try {
      db.exec('VACUUM')
      const truncate = typed<[], { busy: number }>(db, 'PRAGMA wal_checkpoint(TRUNCATE)')
      for (let attempt = 0; attempt < ERASE_ATTEMPTS; attempt++) {
        if (truncate.get()?.busy === 0)
          return
      }
    }
    catch {}
  }

  /** A session's ballots, aggregates archived by the purge and poll states, to rebuild its tallies. */
  load(sessionId: string): SessionRows {
    return this.run((_db, s) => ({
      ballots: s.sessionBallots.all(sessionId).map(r => ({
        pollId: r.poll_id,
        choice: JSON.parse(r.choice) as Choice,
      })),
      archived: s.archive.all(sessionId).map(archivedAggregate),
      states: new Map(s.sessionStates.all(sessionId).map(r => [
        r.poll_id,
        stateOf(r),
      ])),
    }))
  }

  listSessions(): SessionInfo[] {
    return this.run((_db, s) => s.sessions.all().map(sessionOf))
  }

  getSession(id: string): SessionInfo | undefined {
    return this.run((_db, s) => {
      const row = s.session.get(id)
      return row
        ? sessionOf(row)
        : undefined
    })
  }

  createSession(session: SessionInfo): void {
    this.run((_db, s) => s.insertSession.run(session.id, session.title, session.date, session.kind, session.expectedSize, session.createdAt, session.participants, session.imported
      ? 1
      : 0))
  }

  updateSession(id: string, patch: SessionPatch): SessionInfo | undefined {
    return this.run((db, s) => inTransaction(db, () => {
      const row = s.session.get(id)
      if (!row)
        return undefined
      const next = {
        ...sessionOf(row),
        ...patch,
      }
      s.updateSession.run(next.title, next.date, next.kind, next.expectedSize, id)
      return next
    }))
  }

  removeSession(id: string): boolean {
    return this.run((db, s) => {
      const removed = inTransaction(db, () => {
        if (!s.session.get(id))
          return false
        s.deleteSessionReceipts.run(id)
        for (const statement of s.deleteSessionRows)
          statement.run(id)
        return true
      })
      if (removed)
        this.eraseJournal(db)
      return removed
    })
  }

  /**
   * Idempotent: the same file twice changes nothing. A session run here is never
   * overwritten by a copy of itself; one imported earlier is replaced by newer aggregates.
   */
  importSessions(sessions: readonly ArchivedSession[]): ImportReport {
    const report: ImportReport = {
      added: [],
      updated: [],
      unchanged: [],
      kept: [],
    }
    this.run((db, s) => inTransaction(db, () => {
      for (const incoming of sessions) {
        const row = s.session.get(incoming.id)
        if (row && row.imported === 0) {
          report.kept.push(incoming.title)
          continue
        }
        if (row) {
          const current = {
            ...sessionOf(row),
            polls: s.archive.all(row.id).map(archivedAggregate),
          }
          if (sameSession(current, incoming)) {
            report.unchanged.push(incoming.title)
            continue
          }
          s.replaceImported.run(incoming.title, incoming.date, incoming.kind, incoming.expectedSize, incoming.createdAt, incoming.participants, incoming.id)
          s.clearArchive.run(incoming.id)
          report.updated.push(incoming.title)
        }
        else {
          s.insertSession.run(incoming.id, incoming.title, incoming.date, incoming.kind, incoming.expectedSize, incoming.createdAt, incoming.participants, 1)
          report.added.push(incoming.title)
        }
        for (const poll of incoming.polls)
          s.putArchive.run(incoming.id, poll.id, JSON.stringify(poll.tally), poll.participants)
      }
    }))
    return report
  }

  /** Closes the database; the checkpointer copies what is left of the log and ends. */
  close(): Promise<void> {
    try {
      this.db?.close()
    }
    catch {}
    this.db = null
    this.statements = null
    const stopping = this.checkpointer?.stop() ?? Promise.resolve()
    this.checkpointer = null
    return stopping
  }
}
