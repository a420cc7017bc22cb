import type { PoolClient } from 'pg'

/**
 * The hosted store's schema, one step per version, with the same meaning as the SQLite
 * file's (sqlite-schema.ts): the same tables and keys, times as ISO text, so that a session
 * moves between the two unchanged. `schema_version` remembers the last step run.
 */
export const POSTGRES_MIGRATIONS = [
  // 1: everything the laptop's file holds at its version 4, and a counter of changes that
  // the other instances watch (`store_meta.data_version`).
  `CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    date TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('real', 'rehearsal')),
    expected_size INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    participants INTEGER NOT NULL DEFAULT 0,
    imported BOOLEAN NOT NULL DEFAULT false
  );
  CREATE TABLE participants (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL,
    joined_at TEXT NOT NULL
  );
  CREATE INDEX participants_by_session ON participants (session_id);
  CREATE TABLE ballots (
    session_id TEXT NOT NULL,
    poll_id TEXT NOT NULL,
    participant_id TEXT NOT NULL,
    choice TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (session_id, poll_id, participant_id)
  );
  CREATE INDEX ballots_by_update ON ballots (updated_at);
  CREATE TABLE receipts (
    idempotency_key TEXT PRIMARY KEY,
    poll_id TEXT NOT NULL,
    participant_id TEXT NOT NULL
  );
  CREATE INDEX receipts_by_participant ON receipts (participant_id, poll_id);
  CREATE TABLE poll_state (
    session_id TEXT NOT NULL,
    poll_id TEXT NOT NULL,
    status TEXT NOT NULL,
    results_visible BOOLEAN NOT NULL,
    opened_at TEXT,
    closed_at TEXT,
    PRIMARY KEY (session_id, poll_id)
  );
  CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  CREATE TABLE archive (
    session_id TEXT NOT NULL REFERENCES sessions (id),
    poll_id TEXT NOT NULL,
    tally TEXT NOT NULL,
    participants INTEGER NOT NULL,
    PRIMARY KEY (session_id, poll_id)
  );
  CREATE TABLE questions (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL,
    participant_id TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    text TEXT NOT NULL,
    normalized TEXT NOT NULL,
    name TEXT,
    status TEXT NOT NULL CHECK (status IN ('pending', 'published', 'answered', 'hidden')),
    pinned BOOLEAN NOT NULL DEFAULT false,
    flag TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (session_id, normalized),
    UNIQUE (participant_id, idempotency_key)
  );
  CREATE INDEX questions_by_session ON questions (session_id, status);
  CREATE TABLE question_votes (
    question_id TEXT NOT NULL,
    participant_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (question_id, participant_id)
  );
  CREATE TABLE question_archive (
    session_id TEXT PRIMARY KEY,
    received INTEGER NOT NULL,
    published INTEGER NOT NULL,
    answered INTEGER NOT NULL
  );
  CREATE TABLE store_meta (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    data_version BIGINT NOT NULL
  );
  INSERT INTO store_meta (id, data_version) VALUES (1, 0);`,
  // 2: the budgets that protect the room (joins per address, ballots and questions per
  // phone), shared by every instance.
  `CREATE TABLE rate_buckets (
    key TEXT PRIMARY KEY,
    level DOUBLE PRECISION NOT NULL,
    at_ms BIGINT NOT NULL
  );
  CREATE TABLE rate_windows (
    key TEXT PRIMARY KEY,
    started_ms BIGINT NOT NULL,
    count INTEGER NOT NULL
  );`,
]

export const POSTGRES_SCHEMA_VERSION = POSTGRES_MIGRATIONS.length

/** Any fixed number: the instances that start together take turns to migrate. */
const MIGRATION_LOCK = 7_402_184_311

/**
 * Brings the database to the current schema, in one transaction, under an advisory lock:
 * several instances starting at once migrate once. Refuses a database made by a newer
 * version of the app.
 */
export async function migratePostgres(client: PoolClient): Promise<void> {
  await client.query('BEGIN')
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)')
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_version')
    const current = rows[0]?.version ?? 0
    if (current > POSTGRES_SCHEMA_VERSION)
      throw new Error(`database schema ${current} is newer than this app's (${POSTGRES_SCHEMA_VERSION})`)
    for (let version = current; version < POSTGRES_SCHEMA_VERSION; version++)
      await client.query(POSTGRES_MIGRATIONS[version]!)
    if (rows.length === 0)
      await client.query('INSERT INTO schema_version (version) VALUES ($1)', [POSTGRES_SCHEMA_VERSION])
    else if (current < POSTGRES_SCHEMA_VERSION)
      await client.query('UPDATE schema_version SET version = $1', [POSTGRES_SCHEMA_VERSION])
    await client.query('COMMIT')
  }
  catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw error
  }
}
