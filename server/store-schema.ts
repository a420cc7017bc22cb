import type { DatabaseSync } from 'node:sqlite'
import { typed } from './sqlite'

/**
 * The schema, one step per version. A database remembers the last step it ran
 * (`PRAGMA user_version`), so an upgrade runs only the steps it lacks, in order.
 */
const MIGRATIONS = [
  // 1: ballots, idempotency receipts and poll states.
  `CREATE TABLE IF NOT EXISTS ballots (
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
  );`,
  // 2: participants the server issued, and the room's settings (registration, code).
  `CREATE TABLE IF NOT EXISTS participants (
    id TEXT PRIMARY KEY,
    joined_at TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) WITHOUT ROWID;`,
]

export const SCHEMA_VERSION = MIGRATIONS.length

/** Brings a database to the current schema; refuses one made by a newer version of the app. */
export function migrate(db: DatabaseSync): void {
  const { user_version: current } = db.prepare('PRAGMA user_version').get() as { user_version: number }
  if (current > SCHEMA_VERSION)
    throw new Error(`database schema ${current} is newer than this app's (${SCHEMA_VERSION})`)
  for (let version = current; version < SCHEMA_VERSION; version++) {
    db.exec('BEGIN IMMEDIATE')
    try {
      db.exec(MIGRATIONS[version]!)
      db.exec(`PRAGMA user_version = ${version + 1}`)
      db.exec('COMMIT')
    }
    catch (error) {
      db.exec('ROLLBACK')
      throw error
    }
  }
}

export interface PollStateRow { poll_id: string, status: string, results_visible: number, opened_at: string | null, closed_at: string | null }

/** Every statement the store runs, prepared once per connection. */
export function prepare(db: DatabaseSync) {
  return {
    receipt: typed<[string], { poll_id: string, participant_id: string }>(db, 'SELECT poll_id, participant_id FROM receipts WHERE idempotency_key = ?'),
    previous: typed<[string, string], { choice: string }>(db, 'SELECT choice FROM ballots WHERE poll_id = ? AND participant_id = ?'),
    upsert: typed<[string, string, string, string, string]>(db, `INSERT INTO ballots (poll_id, participant_id, choice, idempotency_key, created_at, updated_at)
      VALUES (?1, ?2, ?3, ?4, ?5, ?5)
      ON CONFLICT (poll_id, participant_id) DO UPDATE SET choice = excluded.choice, idempotency_key = excluded.idempotency_key, updated_at = excluded.updated_at`),
    addReceipt: typed<[string, string, string]>(db, 'INSERT INTO receipts (idempotency_key, poll_id, participant_id) VALUES (?, ?, ?)'),
    allBallots: typed<[], { poll_id: string, choice: string }>(db, 'SELECT poll_id, choice FROM ballots'),
    allStates: typed<[], PollStateRow>(db, 'SELECT poll_id, status, results_visible, opened_at, closed_at FROM poll_state'),
    saveState: typed<[string, string, number, string | null, string | null]>(db, `INSERT INTO poll_state (poll_id, status, results_visible, opened_at, closed_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (poll_id) DO UPDATE SET status = excluded.status, results_visible = excluded.results_visible, opened_at = excluded.opened_at, closed_at = excluded.closed_at`),
    deleteBallots: typed<[string]>(db, 'DELETE FROM ballots WHERE poll_id = ?'),
    purgeBallots: typed<[string]>(db, 'DELETE FROM ballots WHERE updated_at < ?'),
    purgeReceipts: typed<[]>(db, 'DELETE FROM receipts WHERE NOT EXISTS (SELECT 1 FROM ballots b WHERE b.poll_id = receipts.poll_id AND b.participant_id = receipts.participant_id)'),
    deleteReceipts: typed<[string]>(db, 'DELETE FROM receipts WHERE poll_id = ?'),
    addParticipant: typed<[string, string]>(db, 'INSERT OR IGNORE INTO participants (id, joined_at) VALUES (?, ?)'),
    countParticipants: typed<[], { n: number }>(db, 'SELECT count(*) AS n FROM participants'),
    purgeParticipants: typed<[string]>(db, 'DELETE FROM participants WHERE joined_at < ? AND NOT EXISTS (SELECT 1 FROM ballots b WHERE b.participant_id = participants.id)'),
    getSetting: typed<[string], { value: string }>(db, 'SELECT value FROM settings WHERE key = ?'),
    putSetting: typed<[string, string]>(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
  }
}

export type Statements = ReturnType<typeof prepare>
