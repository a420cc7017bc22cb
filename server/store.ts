import type { Database as DB } from 'better-sqlite3'
import type { Choice, PollState } from '../poll/types'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { StoreUnavailableError } from './errors'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS ballots (
  poll_id TEXT NOT NULL,
  participant_id TEXT NOT NULL,
  choice TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (poll_id, participant_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS receipts (
  idempotency_key TEXT PRIMARY KEY,
  poll_id TEXT NOT NULL,
  participant_id TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS receipts_by_poll ON receipts (poll_id);
CREATE TABLE IF NOT EXISTS poll_state (
  poll_id TEXT PRIMARY KEY,
  status TEXT NOT NULL,
  results_visible INTEGER NOT NULL,
  opened_at TEXT,
  closed_at TEXT
);
`

export interface StoredBallot { pollId: string, choice: Choice }

export type CastResult
  = | { kind: 'accepted', previous: Choice | undefined }
    | { kind: 'duplicate' }
    | { kind: 'key-reused' }

/** How long to wait before trying to reopen a database that could not be opened. */
const REOPEN_DELAY_MS = 500

/**
 * Ballots and poll states in one SQLite file (WAL). One row per participant and poll,
 * written by an upsert; the counts are never stored, they are derived from the rows.
 * Any SQLite failure becomes a StoreUnavailableError (HTTP 503), and the store
 * reopens itself on a later call once the cause has gone.
 */
export class BallotStore {
  private db: DB | null = null
  private lastOpenAttempt = 0
  private statements: ReturnType<BallotStore['prepare']> | null = null

  constructor(private readonly dir: string, private readonly busyTimeoutMs = 1000) {}

  get file(): string {
    return join(this.dir, 'ballots.sqlite')
  }

  /** Opens the database now; returns false (and stays closed) if it cannot. */
  tryOpen(): boolean {
    try {
      this.open()
      return true
    }
    catch {
      return false
    }
  }

  private open(): { db: DB, statements: ReturnType<BallotStore['prepare']> } {
    if (this.db && this.statements)
      return { db: this.db, statements: this.statements }
    const now = Date.now()
    if (now - this.lastOpenAttempt < REOPEN_DELAY_MS && this.lastOpenAttempt !== 0)
      throw new StoreUnavailableError(new Error('database reopen throttled'))
    this.lastOpenAttempt = now
    let db: DB | null = null
    try {
      mkdirSync(this.dir, { recursive: true })
      db = new Database(this.file, { timeout: this.busyTimeoutMs })
      db.pragma('journal_mode = WAL')
      // NORMAL in WAL mode survives a process crash (kill -9); only a power cut can lose the last commits.
      db.pragma('synchronous = NORMAL')
      db.exec(SCHEMA)
      this.statements = this.prepare(db)
      this.db = db
      return { db, statements: this.statements }
    }
    catch (error) {
      db?.close()
      throw new StoreUnavailableError(error)
    }
  }

  private prepare(db: DB) {
    return {
      receipt: db.prepare<[string], { poll_id: string, participant_id: string }>('SELECT poll_id, participant_id FROM receipts WHERE idempotency_key = ?'),
      previous: db.prepare<[string, string], { choice: string }>('SELECT choice FROM ballots WHERE poll_id = ? AND participant_id = ?'),
      upsert: db.prepare(`INSERT INTO ballots (poll_id, participant_id, choice, idempotency_key, created_at, updated_at)
        VALUES (@pollId, @participantId, @choice, @key, @at, @at)
        ON CONFLICT (poll_id, participant_id) DO UPDATE SET choice = excluded.choice, idempotency_key = excluded.idempotency_key, updated_at = excluded.updated_at`),
      addReceipt: db.prepare('INSERT INTO receipts (idempotency_key, poll_id, participant_id) VALUES (?, ?, ?)'),
      allBallots: db.prepare<[], { poll_id: string, choice: string }>('SELECT poll_id, choice FROM ballots'),
      allStates: db.prepare<[], { poll_id: string, status: string, results_visible: number, opened_at: string | null, closed_at: string | null }>('SELECT * FROM poll_state'),
      saveState: db.prepare(`INSERT INTO poll_state (poll_id, status, results_visible, opened_at, closed_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (poll_id) DO UPDATE SET status = excluded.status, results_visible = excluded.results_visible, opened_at = excluded.opened_at, closed_at = excluded.closed_at`),
      deleteBallots: db.prepare('DELETE FROM ballots WHERE poll_id = ?'),
      purgeBallots: db.prepare('DELETE FROM ballots WHERE updated_at < ?'),
      purgeReceipts: db.prepare('DELETE FROM receipts WHERE NOT EXISTS (SELECT 1 FROM ballots b WHERE b.poll_id = receipts.poll_id AND b.participant_id = receipts.participant_id)'),
      deleteReceipts: db.prepare('DELETE FROM receipts WHERE poll_id = ?'),
    }
  }

  /** Runs `fn` against the open database; any failure closes it so that the next call reopens. */
  private run<T>(fn: (db: DB, s: ReturnType<BallotStore['prepare']>) => T): T {
    const { db, statements } = this.open()
    try {
      return fn(db, statements)
    }
    catch (error) {
      if (error instanceof StoreUnavailableError)
        throw error
      this.close()
      throw new StoreUnavailableError(error)
    }
  }

  /** Whether this idempotency key has already been received for this participant and poll. */
  hasReceipt(pollId: string, participantId: string, key: string): boolean {
    return this.run((_db, s) => {
      const receipt = s.receipt.get(key)
      return !!receipt && receipt.poll_id === pollId && receipt.participant_id === participantId
    })
  }

  /** Records one ballot atomically: the same idempotency key twice is a no-op. */
  cast(pollId: string, participantId: string, key: string, choice: Choice, at: Date): CastResult {
    return this.run((db, s) => db.transaction((): CastResult => {
      const receipt = s.receipt.get(key)
      if (receipt)
        return receipt.poll_id === pollId && receipt.participant_id === participantId ? { kind: 'duplicate' } : { kind: 'key-reused' }
      const previous = s.previous.get(pollId, participantId)
      s.upsert.run({ pollId, participantId, choice: JSON.stringify(choice), key, at: at.toISOString() })
      s.addReceipt.run(key, pollId, participantId)
      return { kind: 'accepted', previous: previous ? JSON.parse(previous.choice) as Choice : undefined }
    }).immediate())
  }

  saveState(pollId: string, state: PollState): void {
    this.run((_db, s) => s.saveState.run(pollId, state.status, state.resultsVisible ? 1 : 0, state.openedAt, state.closedAt))
  }

  /** Drops a poll's ballots and saves its fresh state, in one transaction. */
  reset(pollId: string, state: PollState): void {
    this.run((db, s) => db.transaction(() => {
      s.deleteBallots.run(pollId)
      s.deleteReceipts.run(pollId)
      s.saveState.run(pollId, state.status, state.resultsVisible ? 1 : 0, state.openedAt, state.closedAt)
    }).immediate())
  }

  /** Deletes the ballots last changed before `cutoff` (data retention); returns how many. */
  purgeBefore(cutoff: Date): number {
    return this.run((db, s) => db.transaction(() => {
      const { changes } = s.purgeBallots.run(cutoff.toISOString())
      if (changes > 0)
        s.purgeReceipts.run()
      return changes
    }).immediate())
  }

  /** Everything on disk, to rebuild the tallies at start. */
  load(): { ballots: StoredBallot[], states: Map<string, PollState> } {
    return this.run((_db, s) => ({
      ballots: s.allBallots.all().map(r => ({ pollId: r.poll_id, choice: JSON.parse(r.choice) as Choice })),
      states: new Map(s.allStates.all().map(r => [r.poll_id, {
        status: r.status === 'open' ? 'open' : 'closed',
        resultsVisible: r.results_visible === 1,
        openedAt: r.opened_at,
        closedAt: r.closed_at,
      } satisfies PollState])),
    }))
  }

  close(): void {
    try {
      this.db?.close()
    }
    catch {}
    this.db = null
    this.statements = null
  }
}
