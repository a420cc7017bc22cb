import type { PoolClient, QueryResultRow } from 'pg'
import type { ArchivedSession } from '../../poll/archive-file'
import type { QuestionState } from '../../poll/questions'
import type { SessionInfo } from '../../poll/session'
import type { Choice, PollState } from '../../poll/types'
import type { ExpiredBallot } from './aggregates'
import type { StoreProblem } from './diagnosis'
import type { ArchiveRow, PollStateRow, QuestionRow, SessionRow } from './rows'
import type { AskResult, Async, CastResult, ImportReport, NewQuestion, QuestionCounts, SessionPatch, SessionRows, Store, StoredQuestion, StoreOperations } from './store'
import pg from 'pg'
import { StoreUnavailableError } from '../errors'
import { mergeExpired, sameSession } from './aggregates'
import { diagnosePostgres, postgresLocation } from './postgres-diagnosis'
import { migratePostgres } from './postgres-schema'
import { archivedAggregate, questionOf, sessionOf, stateOf } from './rows'

/** PostgreSQL's code for a unique constraint that two writers raced for. */
const UNIQUE_VIOLATION = '23505'

/** Runs SQL on the pool, or on the connection of an open transaction. */
interface Executor {
  rows: <R extends QueryResultRow>(sql: string, params?: unknown[]) => Promise<R[]>
  count: (sql: string, params?: unknown[]) => Promise<number>
  /** `fn` all or nothing: a transaction, or a savepoint inside the open one. */
  atomic: <T>(fn: (ex: Executor) => Promise<T>) => Promise<T>
}

const SESSION_COLUMNS = 'id, title, date, kind, expected_size, created_at, participants, imported'
const QUESTION_COLUMNS = 'q.id, q.participant_id, q.text, q.name, q.status, q.pinned, q.flag, q.created_at, (SELECT count(*)::int FROM question_votes v WHERE v.question_id = q.id) AS votes'
const COUNTS = `count(*)::int AS received, count(*) FILTER (WHERE status IN ('published', 'answered'))::int AS published, count(*) FILTER (WHERE status = 'answered')::int AS answered`
/** A ballot in one statement (see `cast`): $1 session, $2 poll, $3 participant, $4 choice, $5 key, $6 time. */
const CAST = `WITH member AS (
    SELECT 1 FROM participants WHERE id = $3 AND session_id = $1
  ), existing AS (
    SELECT poll_id, participant_id FROM receipts WHERE idempotency_key = $5
  ), receipt AS (
    INSERT INTO receipts (idempotency_key, poll_id, participant_id)
    SELECT $5, $2, $3 WHERE EXISTS (SELECT 1 FROM member) AND NOT EXISTS (SELECT 1 FROM existing)
    ON CONFLICT (idempotency_key) DO NOTHING
    RETURNING 1
  ), previous AS (
    SELECT choice FROM ballots WHERE session_id = $1 AND poll_id = $2 AND participant_id = $3
  ), ballot AS (
    INSERT INTO ballots (session_id, poll_id, participant_id, choice, idempotency_key, created_at, updated_at)
    SELECT $1, $2, $3, $4, $5, $6, $6 WHERE EXISTS (SELECT 1 FROM receipt)
    ON CONFLICT (session_id, poll_id, participant_id) DO UPDATE SET choice = excluded.choice, idempotency_key = excluded.idempotency_key, updated_at = excluded.updated_at
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM member)::int AS member,
    (SELECT poll_id FROM existing) AS receipt_poll,
    (SELECT participant_id FROM existing) AS receipt_participant,
    (SELECT count(*) FROM receipt)::int AS inserted,
    (SELECT choice FROM previous) AS previous,
    (SELECT count(*) FROM ballot)::int AS written`

/** Tables that keep who voted or asked what: vacuumed after an erasure. */
const PERSONAL_TABLES = 'ballots, receipts, participants, questions, question_votes'

function raced(error: unknown) {
  return error instanceof StoreUnavailableError
    && (error.cause as { code?: string } | undefined)?.code === UNIQUE_VIOLATION
}

/**
 * The store's operations in SQL, on whichever executor they are given: the pool (each
 * operation its own transaction when it needs one) or an open transaction (a group commit).
 * Same meaning as the SQLite adapter's, operation by operation.
 */
class PostgresOperations implements Async<StoreOperations> {
  constructor(private readonly db: Executor, private readonly erase: () => void) {}

  async hasReceipt(pollId: string, participantId: string, key: string): Promise<boolean> {
    const rows = await this.db.rows('SELECT 1 FROM receipts WHERE idempotency_key = $1 AND poll_id = $2 AND participant_id = $3', [key, pollId, participantId])
    return rows.length > 0
  }

  async isMember(sessionId: string, participantId: string): Promise<boolean> {
    return (await this.db.rows('SELECT 1 FROM participants WHERE id = $1 AND session_id = $2', [participantId, sessionId])).length > 0
  }

  /**
   * One statement, one round trip (a ballot's whole cost on a database over the network):
   * the key's receipt, the membership, the receipt written only when both allow, the
   * previous choice, and the ballot written only when the receipt was. Nothing throws on a
   * race: a key another instance committed after this statement's snapshot is read again.
   */
  async cast(sessionId: string, pollId: string, participantId: string, key: string, choice: Choice, at: Date): Promise<CastResult> {
    for (let attempt = 0; ; attempt++) {
      const [row] = await this.db.rows<{ member: number, receipt_poll: string | null, receipt_participant: string | null, inserted: number, previous: string | null }>(CAST, [
        sessionId,
        pollId,
        participantId,
        JSON.stringify(choice),
        key,
        at.toISOString(),
      ])
      if (row!.receipt_poll !== null) {
        return row!.receipt_poll === pollId && row!.receipt_participant === participantId
          ? { kind: 'duplicate' }
          : { kind: 'key-reused' }
      }
      if (row!.member === 0)
        return { kind: 'not-member' }
      if (row!.inserted === 1) {
        return {
          kind: 'accepted',
          previous: row!.previous === null
            ? undefined
            : JSON.parse(row!.previous) as Choice,
        }
      }
      if (attempt > 0)
        throw new StoreUnavailableError(new Error('idempotency key neither recorded nor found'))
    }
  }

  async saveState(sessionId: string, pollId: string, state: PollState): Promise<void> {
    await this.db.count(`INSERT INTO poll_state (session_id, poll_id, status, results_visible, opened_at, closed_at) VALUES ($1, $2, $3, $4, $5, $6)
      ON CONFLICT (session_id, poll_id) DO UPDATE SET status = excluded.status, results_visible = excluded.results_visible, opened_at = excluded.opened_at, closed_at = excluded.closed_at`, [
      sessionId,
      pollId,
      state.status,
      state.resultsVisible,
      state.openedAt,
      state.closedAt,
    ])
  }

  async reset(sessionId: string, pollId: string, state: PollState): Promise<void> {
    await this.db.atomic(async (db) => {
      await db.count('DELETE FROM receipts WHERE poll_id = $2 AND participant_id IN (SELECT id FROM participants WHERE session_id = $1)', [sessionId, pollId])
      await db.count('DELETE FROM ballots WHERE session_id = $1 AND poll_id = $2', [sessionId, pollId])
      await db.count('DELETE FROM archive WHERE session_id = $1 AND poll_id = $2', [sessionId, pollId])
      await new PostgresOperations(db, this.erase).saveState(sessionId, pollId, state)
    })
    this.erase()
  }

  async load(sessionId: string): Promise<SessionRows> {
    const [ballots, archived, states] = await Promise.all([
      this.db.rows<{ poll_id: string, choice: string }>('SELECT poll_id, choice FROM ballots WHERE session_id = $1', [sessionId]),
      this.db.rows<ArchiveRow>('SELECT poll_id, tally, participants FROM archive WHERE session_id = $1', [sessionId]),
      this.db.rows<PollStateRow>('SELECT poll_id, status, results_visible, opened_at, closed_at FROM poll_state WHERE session_id = $1', [sessionId]),
    ])
    return {
      ballots: ballots.map(r => ({
        pollId: r.poll_id,
        choice: JSON.parse(r.choice) as Choice,
      })),
      archived: archived.map(archivedAggregate),
      states: new Map(states.map(r => [
        r.poll_id,
        stateOf(r),
      ])),
    }
  }

  async purgeBefore(cutoff: Date): Promise<number> {
    const before = cutoff.toISOString()
    const { ballots, others } = await this.db.atomic(async (db) => {
      const expired = await db.rows<ExpiredBallot>('SELECT session_id, poll_id, choice FROM ballots WHERE updated_at < $1 FOR UPDATE', [before])
      if (expired.length > 0) {
        const sessions = [
          ...new Set(expired.map(e => e.session_id)),
        ]
        const archived = await db.rows<ArchiveRow & { session_id: string }>('SELECT session_id, poll_id, tally, participants FROM archive WHERE session_id = ANY($1)', [sessions])
        const archivedOf = (sessionId: string) => archived.filter(a => a.session_id === sessionId).map(archivedAggregate)
        for (const merged of mergeExpired(expired, archivedOf)) {
          await db.count(`INSERT INTO archive (session_id, poll_id, tally, participants) VALUES ($1, $2, $3, $4)
            ON CONFLICT (session_id, poll_id) DO UPDATE SET tally = excluded.tally, participants = excluded.participants`, [
            merged.sessionId,
            merged.id,
            JSON.stringify(merged.tally),
            merged.participants,
          ])
        }
      }
      const ballots = await db.count('DELETE FROM ballots WHERE updated_at < $1', [before])
      if (ballots > 0)
        await db.count('DELETE FROM receipts r WHERE NOT EXISTS (SELECT 1 FROM ballots b WHERE b.poll_id = r.poll_id AND b.participant_id = r.participant_id)')
      await db.count(`INSERT INTO question_archive (session_id, received, published, answered)
        SELECT session_id, ${COUNTS} FROM questions WHERE created_at < $1 GROUP BY session_id
        ON CONFLICT (session_id) DO UPDATE SET received = question_archive.received + excluded.received,
          published = question_archive.published + excluded.published, answered = question_archive.answered + excluded.answered`, [before])
      await db.count('DELETE FROM question_votes WHERE question_id IN (SELECT id FROM questions WHERE created_at < $1)', [before])
      const questions = await db.count('DELETE FROM questions WHERE created_at < $1', [before])
      const participants = await db.count('DELETE FROM participants p WHERE joined_at < $1 AND NOT EXISTS (SELECT 1 FROM ballots b WHERE b.participant_id = p.id)', [before])
      return { ballots, others: questions + participants }
    })
    if (ballots + others > 0)
      this.erase()
    return ballots
  }

  async addParticipant(sessionId: string, id: string, at: Date): Promise<void> {
    await this.db.atomic(async (db) => {
      if (await db.count('INSERT INTO participants (id, session_id, joined_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING', [
        id,
        sessionId,
        at.toISOString(),
      ]) > 0) {
        await db.count('UPDATE sessions SET participants = participants + 1 WHERE id = $1', [sessionId])
      }
    })
  }

  async setting(key: string): Promise<string | undefined> {
    return (await this.db.rows<{ value: string }>('SELECT value FROM settings WHERE key = $1', [key]))[0]?.value
  }

  async saveSetting(key: string, value: string): Promise<void> {
    await this.db.count('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value])
  }

  async claimSetting(key: string, value: string): Promise<string> {
    await this.db.count('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, value])
    return (await this.db.rows<{ value: string }>('SELECT value FROM settings WHERE key = $1', [key]))[0]!.value
  }

  async listSessions(): Promise<SessionInfo[]> {
    return (await this.db.rows<SessionRow>(`SELECT ${SESSION_COLUMNS} FROM sessions ORDER BY date, created_at`)).map(sessionOf)
  }

  async getSession(id: string): Promise<SessionInfo | undefined> {
    const [row] = await this.db.rows<SessionRow>(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE id = $1`, [id])
    return row
      ? sessionOf(row)
      : undefined
  }

  async createSession(session: SessionInfo): Promise<void> {
    await this.db.atomic(async (db) => {
      await db.count(`INSERT INTO sessions (${SESSION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
        session.id,
        session.title,
        session.date,
        session.kind,
        session.expectedSize,
        session.createdAt,
        session.participants,
        session.imported,
      ])
      await bumpDataVersion(db)
    })
  }

  async updateSession(id: string, patch: SessionPatch): Promise<SessionInfo | undefined> {
    return this.db.atomic(async (db) => {
      const [row] = await db.rows<SessionRow>(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE id = $1 FOR UPDATE`, [id])
      if (!row)
        return undefined
      const next = {
        ...sessionOf(row),
        ...patch,
      }
      await db.count('UPDATE sessions SET title = $1, date = $2, kind = $3, expected_size = $4 WHERE id = $5', [
        next.title,
        next.date,
        next.kind,
        next.expectedSize,
        id,
      ])
      await bumpDataVersion(db)
      return next
    })
  }

  async removeSession(id: string): Promise<boolean> {
    const removed = await this.db.atomic(async (db) => {
      if ((await db.rows('SELECT 1 FROM sessions WHERE id = $1 FOR UPDATE', [id])).length === 0)
        return false
      await db.count('DELETE FROM receipts WHERE participant_id IN (SELECT id FROM participants WHERE session_id = $1)', [id])
      for (const sql of [
        'DELETE FROM question_votes WHERE question_id IN (SELECT id FROM questions WHERE session_id = $1)',
        'DELETE FROM questions WHERE session_id = $1',
        'DELETE FROM question_archive WHERE session_id = $1',
        'DELETE FROM ballots WHERE session_id = $1',
        'DELETE FROM poll_state WHERE session_id = $1',
        'DELETE FROM participants WHERE session_id = $1',
        'DELETE FROM archive WHERE session_id = $1',
        'DELETE FROM sessions WHERE id = $1',
      ])
        await db.count(sql, [id])
      await bumpDataVersion(db)
      return true
    })
    if (removed)
      this.erase()
    return removed
  }

  async importSessions(sessions: readonly ArchivedSession[]): Promise<ImportReport> {
    return this.db.atomic(async (db) => {
      const report: ImportReport = {
        added: [],
        updated: [],
        unchanged: [],
        kept: [],
      }
      for (const incoming of sessions) {
        const [row] = await db.rows<SessionRow>(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE id = $1 FOR UPDATE`, [incoming.id])
        if (row && !row.imported) {
          report.kept.push(incoming.title)
          continue
        }
        if (row) {
          const polls = (await db.rows<ArchiveRow>('SELECT poll_id, tally, participants FROM archive WHERE session_id = $1', [row.id])).map(archivedAggregate)
          if (sameSession({
            ...sessionOf(row),
            polls,
          }, incoming)) {
            report.unchanged.push(incoming.title)
            continue
          }
          await db.count('UPDATE sessions SET title = $1, date = $2, kind = $3, expected_size = $4, created_at = $5, participants = $6 WHERE id = $7', [
            incoming.title,
            incoming.date,
            incoming.kind,
            incoming.expectedSize,
            incoming.createdAt,
            incoming.participants,
            incoming.id,
          ])
          await db.count('DELETE FROM archive WHERE session_id = $1', [incoming.id])
          report.updated.push(incoming.title)
        }
        else {
          await db.count(`INSERT INTO sessions (${SESSION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, true)`, [
            incoming.id,
            incoming.title,
            incoming.date,
            incoming.kind,
            incoming.expectedSize,
            incoming.createdAt,
            incoming.participants,
          ])
          report.added.push(incoming.title)
        }
        for (const poll of incoming.polls) {
          await db.count('INSERT INTO archive (session_id, poll_id, tally, participants) VALUES ($1, $2, $3, $4)', [
            incoming.id,
            poll.id,
            JSON.stringify(poll.tally),
            poll.participants,
          ])
        }
      }
      await bumpDataVersion(db)
      return report
    })
  }

  async ask(sessionId: string, participantId: string, q: NewQuestion): Promise<AskResult> {
    const attempt = () => this.db.atomic(async (db): Promise<AskResult> => {
      const [replay] = await db.rows<QuestionRow>(`SELECT ${QUESTION_COLUMNS} FROM questions q WHERE q.participant_id = $1 AND q.idempotency_key = $2`, [participantId, q.key])
      if (replay) {
        return {
          kind: 'replay',
          question: questionOf(replay),
        }
      }
      const [same] = await db.rows<QuestionRow>(`SELECT ${QUESTION_COLUMNS} FROM questions q WHERE q.session_id = $1 AND q.normalized = $2`, [sessionId, q.normalized])
      if (same) {
        return {
          kind: 'duplicate',
          question: questionOf(same),
        }
      }
      await db.count(`INSERT INTO questions (id, session_id, participant_id, idempotency_key, text, normalized, name, status, pinned, flag, created_at, updated_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, false, $9, $10, $10)`, [
        q.id,
        sessionId,
        participantId,
        q.key,
        q.text,
        q.normalized,
        q.name ?? null,
        q.status,
        q.flag,
        q.at.toISOString(),
      ])
      const [row] = await db.rows<QuestionRow>(`SELECT ${QUESTION_COLUMNS} FROM questions q WHERE q.session_id = $1 AND q.id = $2`, [sessionId, q.id])
      return {
        kind: 'accepted',
        question: questionOf(row!),
      }
    })
    try {
      return await attempt()
    }
    catch (error) {
      // The same text (or key) recorded by another instance a moment before: it is a duplicate (or a replay).
      if (raced(error))
        return attempt()
      throw error
    }
  }

  async questions(sessionId: string): Promise<StoredQuestion[]> {
    return (await this.db.rows<QuestionRow>(`SELECT ${QUESTION_COLUMNS} FROM questions q WHERE q.session_id = $1 ORDER BY q.created_at, q.id`, [sessionId])).map(questionOf)
  }

  async moderate(sessionId: string, questionId: string, state: QuestionState, at: Date): Promise<StoredQuestion | undefined> {
    return this.db.atomic(async (db) => {
      const when = at.toISOString()
      if (await db.count('UPDATE questions SET status = $1, pinned = $2, updated_at = $3 WHERE session_id = $4 AND id = $5', [
        state.status,
        state.pinned,
        when,
        sessionId,
        questionId,
      ]) === 0) {
        return undefined
      }
      if (state.pinned)
        await db.count('UPDATE questions SET pinned = false, updated_at = $1 WHERE session_id = $2 AND id != $3 AND pinned', [when, sessionId, questionId])
      const [row] = await db.rows<QuestionRow>(`SELECT ${QUESTION_COLUMNS} FROM questions q WHERE q.session_id = $1 AND q.id = $2`, [sessionId, questionId])
      return questionOf(row!)
    })
  }

  async voteQuestion(sessionId: string, questionId: string, participantId: string, up: boolean, at: Date): Promise<{ votes: number, voted: boolean } | undefined> {
    return this.db.atomic(async (db) => {
      if ((await db.rows('SELECT 1 FROM questions WHERE session_id = $1 AND id = $2', [sessionId, questionId])).length === 0)
        return undefined
      if (up) {
        await db.count('INSERT INTO question_votes (question_id, participant_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
          questionId,
          participantId,
          at.toISOString(),
        ])
      }
      else {
        await db.count('DELETE FROM question_votes WHERE question_id = $1 AND participant_id = $2', [questionId, participantId])
      }
      const [row] = await db.rows<{ votes: number }>('SELECT count(*)::int AS votes FROM question_votes WHERE question_id = $1', [questionId])
      return { votes: row!.votes, voted: up }
    })
  }

  async votedBy(sessionId: string, participantId: string): Promise<Set<string>> {
    const rows = await this.db.rows<{ question_id: string }>('SELECT v.question_id FROM question_votes v JOIN questions q ON q.id = v.question_id WHERE q.session_id = $1 AND v.participant_id = $2', [sessionId, participantId])
    return new Set(rows.map(r => r.question_id))
  }

  async questionCounts(sessionId: string): Promise<QuestionCounts> {
    const [[live], [archived]] = await Promise.all([
      this.db.rows<QuestionCounts>(`SELECT ${COUNTS} FROM questions WHERE session_id = $1`, [sessionId]),
      this.db.rows<QuestionCounts>('SELECT received, published, answered FROM question_archive WHERE session_id = $1', [sessionId]),
    ])
    const none = { received: 0, published: 0, answered: 0 }
    const a = archived ?? none
    const l = live ?? none
    return { received: l.received + a.received, published: l.published + a.published, answered: l.answered + a.answered }
  }

  async resetQuestions(sessionId: string): Promise<void> {
    await this.db.atomic(async (db) => {
      await db.count('DELETE FROM question_votes WHERE question_id IN (SELECT id FROM questions WHERE session_id = $1)', [sessionId])
      await db.count('DELETE FROM questions WHERE session_id = $1', [sessionId])
    })
    this.erase()
  }

  async dataVersion(): Promise<number> {
    const [row] = await this.db.rows<{ data_version: string }>('SELECT data_version FROM store_meta WHERE id = 1')
    return Number(row?.data_version ?? 0)
  }
}

/** The sessions changed (created, renamed, imported, deleted): every instance's comparison follows. */
async function bumpDataVersion(db: Executor): Promise<void> {
  await db.count('UPDATE store_meta SET data_version = data_version + 1 WHERE id = 1')
}

export interface PostgresOptions {
  /** postgres://user:password@host:port/database (DATABASE_URL). */
  url: string
  /** Connections this instance may hold (DATABASE_POOL_SIZE). */
  poolSize?: number
  /** A query that takes longer fails (the ballot is not acknowledged) instead of holding the room. */
  statementTimeoutMs?: number
  /** How long to wait for a connection from a database that does not answer. */
  connectTimeoutMs?: number
}

/**
 * A PostgreSQL pool and what every query needs: the schema migrated once, any failure
 * turned into StoreUnavailableError (with what to do, in French), transactions on one
 * connection with savepoints inside.
 */
class PostgresConnection {
  readonly location: string
  readonly pool: pg.Pool
  private migrated: Promise<void> | null = null
  lastProblem: StoreProblem | null = null

  constructor(options: PostgresOptions) {
    this.location = postgresLocation(options.url)
    this.pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 2000,
      statement_timeout: options.statementTimeoutMs ?? 5000,
      idleTimeoutMillis: 30_000,
    })
    // A connection the server dropped (a restart): the pool forgets it; the next query reconnects.
    this.pool.on('error', () => {})
  }

  private ready(): Promise<void> {
    this.migrated ??= (async () => {
      const client = await this.pool.connect()
      const lost = () => {}
      client.on('error', lost)
      try {
        await migratePostgres(client)
      }
      finally {
        client.off('error', lost)
        client.release()
      }
    })().catch((error: unknown) => {
      this.migrated = null
      throw error
    })
    return this.migrated
  }

  /** Turns any failure into the store's error, with what to do (in French), and remembers it. */
  unavailable(error: unknown): StoreUnavailableError {
    if (error instanceof StoreUnavailableError)
      return error
    this.lastProblem = diagnosePostgres(error, this.location)
    return new StoreUnavailableError(error, this.lastProblem)
  }

  executor(client: PoolClient | null, depth = 0): Executor {
    const query = async <R extends QueryResultRow>(sql: string, params?: unknown[]) => {
      try {
        if (!client)
          await this.ready()
        const result = await (client ?? this.pool).query<R>(sql, params)
        this.lastProblem = null
        return result
      }
      catch (error) {
        throw this.unavailable(error)
      }
    }
    return {
      rows: async <R extends QueryResultRow>(sql: string, params?: unknown[]) => (await query<R>(sql, params)).rows,
      count: async (sql, params) => (await query(sql, params)).rowCount ?? 0,
      atomic: async (fn) => {
        if (!client)
          return this.inTransaction(fn)
        const name = `nested_${depth}`
        await query(`SAVEPOINT ${name}`)
        try {
          const result = await fn(this.executor(client, depth + 1))
          await query(`RELEASE SAVEPOINT ${name}`)
          return result
        }
        catch (error) {
          await query(`ROLLBACK TO SAVEPOINT ${name}`).catch(() => {})
          throw error
        }
      },
    }
  }

  /** One connection, BEGIN … COMMIT; a connection that failed is discarded, never reused. */
  async inTransaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T> {
    let client: PoolClient
    try {
      await this.ready()
      client = await this.pool.connect()
    }
    catch (error) {
      throw this.unavailable(error)
    }
    let broken: Error | undefined
    // A connection lost while checked out emits its error here (the pool listens only to idle ones).
    const lost = (error: Error) => {
      broken = error
    }
    client.on('error', lost)
    // BEGIN and COMMIT fail only with the database: a store error. What `fn` throws (a ballot's
    // refusal) goes back to the caller as it is, after the rollback.
    const control = async (sql: string) => {
      try {
        await client.query(sql)
      }
      catch (error) {
        broken = error as Error
        throw this.unavailable(error)
      }
    }
    try {
      await control('BEGIN')
      let result: T
      try {
        result = await fn(this.executor(client, 1))
      }
      catch (error) {
        await client.query('ROLLBACK').catch((rollback: Error) => {
          broken = rollback
        })
        throw error
      }
      await control('COMMIT')
      this.lastProblem = null
      return result
    }
    finally {
      client.off('error', lost)
      client.release(broken)
    }
  }

  /**
   * After an erasure, lets PostgreSQL reclaim the deleted rows (VACUUM cannot run inside a
   * transaction). What the server's disks and WAL archive keep is the host's to manage:
   * docs/hosting.md says so.
   */
  vacuum(): void {
    this.pool.query(`VACUUM ${PERSONAL_TABLES}`).catch(() => {})
  }
}

/**
 * The hosted store: PostgreSQL, through node-postgres, for several instances serving one
 * room. Every operation either commits or rejects with StoreUnavailableError (an HTTP 503
 * with retry-after); the pool reconnects by itself once the database is back.
 */
export class PostgresStore extends PostgresOperations implements Store {
  readonly location: string
  private readonly connection: PostgresConnection

  constructor(options: PostgresOptions) {
    const connection = new PostgresConnection(options)
    super(connection.executor(null), () => connection.vacuum())
    this.connection = connection
    this.location = connection.location
  }

  /** Connections in use and waiting, for the bench and the metrics. */
  get connections(): { total: number, idle: number, waiting: number } {
    const { pool } = this.connection
    return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }
  }

  async transaction<T>(fn: (tx: Async<StoreOperations>) => Promise<T>): Promise<T> {
    return this.connection.inTransaction(tx => fn(new PostgresOperations(tx, () => this.connection.vacuum())))
  }

  async check(): Promise<StoreProblem | null> {
    try {
      await this.saveSetting('last_start', new Date().toISOString())
      return null
    }
    catch (error) {
      this.connection.unavailable(error)
      return this.connection.lastProblem ?? diagnosePostgres(error, this.location)
    }
  }

  problem(): StoreProblem | null {
    return this.connection.lastProblem
  }

  async close(): Promise<void> {
    await this.connection.pool.end().catch(() => {})
  }
}
