import type { DatabaseSync } from 'node:sqlite'
import { typed } from './sqlite'

/**
 * The schema, one step per version. A database remembers the last step it ran
 * (`PRAGMA user_version`), so an upgrade runs only the steps it lacks, in order.
 */
export const MIGRATIONS = [
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
  // 3: sessions (one per delivery of the talk). Ballots, poll states and participants
  // belong to one; `archive` keeps the aggregates of ballots the retention purge deletes.
  // A database that already holds a room's data gets one session for it.
  `CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    date TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('real', 'rehearsal')),
    expected_size INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    participants INTEGER NOT NULL DEFAULT 0,
    imported INTEGER NOT NULL DEFAULT 0
  ) WITHOUT ROWID;
  CREATE TABLE archive (
    session_id TEXT NOT NULL REFERENCES sessions (id),
    poll_id TEXT NOT NULL,
    tally TEXT NOT NULL,
    participants INTEGER NOT NULL,
    PRIMARY KEY (session_id, poll_id)
  ) WITHOUT ROWID;
  INSERT INTO sessions (id, title, date, kind, expected_size, created_at, participants)
    SELECT 'avant-seances-' || lower(hex(randomblob(4))), 'Séance enregistrée avant les séances', date(first), 'real', 200, first, (SELECT count(*) FROM participants)
    FROM (SELECT coalesce((SELECT min(created_at) FROM ballots), (SELECT min(joined_at) FROM participants), strftime('%Y-%m-%dT%H:%M:%fZ')) AS first)
    WHERE EXISTS (SELECT 1 FROM ballots) OR EXISTS (SELECT 1 FROM participants) OR EXISTS (SELECT 1 FROM poll_state);
  INSERT INTO settings (key, value) SELECT 'current_session', id FROM sessions;
  CREATE TABLE ballots_v3 (
    session_id TEXT NOT NULL,
    poll_id TEXT NOT NULL,
    participant_id TEXT NOT NULL,
    choice TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (session_id, poll_id, participant_id)
  ) WITHOUT ROWID;
  INSERT INTO ballots_v3 SELECT (SELECT id FROM sessions), poll_id, participant_id, choice, idempotency_key, created_at, updated_at FROM ballots;
  DROP TABLE ballots;
  ALTER TABLE ballots_v3 RENAME TO ballots;
  CREATE INDEX ballots_by_update ON ballots (updated_at);
  CREATE TABLE poll_state_v3 (
    session_id TEXT NOT NULL,
    poll_id TEXT NOT NULL,
    status TEXT NOT NULL,
    results_visible INTEGER NOT NULL,
    opened_at TEXT,
    closed_at TEXT,
    PRIMARY KEY (session_id, poll_id)
  ) WITHOUT ROWID;
  INSERT INTO poll_state_v3 SELECT (SELECT id FROM sessions), poll_id, status, results_visible, opened_at, closed_at FROM poll_state;
  DROP TABLE poll_state;
  ALTER TABLE poll_state_v3 RENAME TO poll_state;
  CREATE TABLE participants_v3 (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL,
    joined_at TEXT NOT NULL
  ) WITHOUT ROWID;
  INSERT INTO participants_v3 SELECT id, (SELECT id FROM sessions), joined_at FROM participants;
  DROP TABLE participants;
  ALTER TABLE participants_v3 RENAME TO participants;`,
  // v4: the audience's questions. One question text per session (a duplicate points to the
  // first), one upvote per participant per question, both enforced here; the purge keeps
  // only counts (question_archive).
  `CREATE TABLE questions (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL,
    participant_id TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    text TEXT NOT NULL,
    normalized TEXT NOT NULL,
    name TEXT,
    status TEXT NOT NULL CHECK (status IN ('pending', 'published', 'answered', 'hidden')),
    pinned INTEGER NOT NULL DEFAULT 0,
    flag TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (session_id, normalized),
    UNIQUE (participant_id, idempotency_key)
  ) WITHOUT ROWID;
  CREATE INDEX questions_by_session ON questions (session_id, status);
  CREATE TABLE question_votes (
    question_id TEXT NOT NULL,
    participant_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (question_id, participant_id)
  ) WITHOUT ROWID;
  CREATE TABLE question_archive (
    session_id TEXT PRIMARY KEY,
    received INTEGER NOT NULL,
    published INTEGER NOT NULL,
    answered INTEGER NOT NULL
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
export interface SessionRow { id: string, title: string, date: string, kind: string, expected_size: number, created_at: string, participants: number, imported: number }
export interface ArchiveRow { poll_id: string, tally: string, participants: number }

const SESSION_COLUMNS = 'id, title, date, kind, expected_size, created_at, participants, imported'

/** Every statement the store runs, prepared once per connection. */
export function prepare(db: DatabaseSync) {
  return {
    receipt: typed<[string], { poll_id: string, participant_id: string }>(db, 'SELECT poll_id, participant_id FROM receipts WHERE idempotency_key = ?'),
    member: typed<[string, string], { ok: number }>(db, 'SELECT 1 AS ok FROM participants WHERE id = ? AND session_id = ?'),
    previous: typed<[string, string, string], { choice: string }>(db, 'SELECT choice FROM ballots WHERE session_id = ? AND poll_id = ? AND participant_id = ?'),
    upsert: typed<[string, string, string, string, string, string]>(db, `INSERT INTO ballots (session_id, poll_id, participant_id, choice, idempotency_key, created_at, updated_at)
      VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)
      ON CONFLICT (session_id, poll_id, participant_id) DO UPDATE SET choice = excluded.choice, idempotency_key = excluded.idempotency_key, updated_at = excluded.updated_at`),
    addReceipt: typed<[string, string, string]>(db, 'INSERT INTO receipts (idempotency_key, poll_id, participant_id) VALUES (?, ?, ?)'),
    sessionBallots: typed<[string], { poll_id: string, choice: string }>(db, 'SELECT poll_id, choice FROM ballots WHERE session_id = ?'),
    sessionStates: typed<[string], PollStateRow>(db, 'SELECT poll_id, status, results_visible, opened_at, closed_at FROM poll_state WHERE session_id = ?'),
    saveState: typed<[string, string, string, number, string | null, string | null]>(db, `INSERT INTO poll_state (session_id, poll_id, status, results_visible, opened_at, closed_at) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (session_id, poll_id) DO UPDATE SET status = excluded.status, results_visible = excluded.results_visible, opened_at = excluded.opened_at, closed_at = excluded.closed_at`),
    deleteBallots: typed<[string, string]>(db, 'DELETE FROM ballots WHERE session_id = ? AND poll_id = ?'),
    deleteReceipts: typed<[string, string]>(db, 'DELETE FROM receipts WHERE poll_id = ?2 AND participant_id IN (SELECT id FROM participants WHERE session_id = ?1)'),
    deleteArchive: typed<[string, string]>(db, 'DELETE FROM archive WHERE session_id = ? AND poll_id = ?'),
    expiredBallots: typed<[string], { session_id: string, poll_id: string, choice: string }>(db, 'SELECT session_id, poll_id, choice FROM ballots WHERE updated_at < ?'),
    purgeBallots: typed<[string]>(db, 'DELETE FROM ballots WHERE updated_at < ?'),
    purgeReceipts: typed<[]>(db, 'DELETE FROM receipts WHERE NOT EXISTS (SELECT 1 FROM ballots b WHERE b.poll_id = receipts.poll_id AND b.participant_id = receipts.participant_id)'),
    addParticipant: typed<[string, string, string]>(db, 'INSERT OR IGNORE INTO participants (id, session_id, joined_at) VALUES (?, ?, ?)'),
    countJoin: typed<[string]>(db, 'UPDATE sessions SET participants = participants + 1 WHERE id = ?'),
    purgeParticipants: typed<[string]>(db, 'DELETE FROM participants WHERE joined_at < ? AND NOT EXISTS (SELECT 1 FROM ballots b WHERE b.participant_id = participants.id)'),
    getSetting: typed<[string], { value: string }>(db, 'SELECT value FROM settings WHERE key = ?'),
    putSetting: typed<[string, string]>(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    claimSetting: typed<[string, string]>(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING'),
    sessions: typed<[], SessionRow>(db, `SELECT ${SESSION_COLUMNS} FROM sessions ORDER BY date, created_at`),
    session: typed<[string], SessionRow>(db, `SELECT ${SESSION_COLUMNS} FROM sessions WHERE id = ?`),
    insertSession: typed<[string, string, string, string, number, string, number, number]>(db, `INSERT INTO sessions (${SESSION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    updateSession: typed<[string, string, string, number, string]>(db, 'UPDATE sessions SET title = ?, date = ?, kind = ?, expected_size = ? WHERE id = ?'),
    replaceImported: typed<[string, string, string, number, string, number, string]>(db, 'UPDATE sessions SET title = ?, date = ?, kind = ?, expected_size = ?, created_at = ?, participants = ? WHERE id = ?'),
    archive: typed<[string], ArchiveRow>(db, 'SELECT poll_id, tally, participants FROM archive WHERE session_id = ?'),
    putArchive: typed<[string, string, string, number]>(db, `INSERT INTO archive (session_id, poll_id, tally, participants) VALUES (?, ?, ?, ?)
      ON CONFLICT (session_id, poll_id) DO UPDATE SET tally = excluded.tally, participants = excluded.participants`),
    clearArchive: typed<[string]>(db, 'DELETE FROM archive WHERE session_id = ?'),
    deleteSessionReceipts: typed<[string]>(db, 'DELETE FROM receipts WHERE participant_id IN (SELECT id FROM participants WHERE session_id = ?)'),
    ...questionStatements(db),
    deleteSessionRows: [
      typed<[string]>(db, 'DELETE FROM question_votes WHERE question_id IN (SELECT id FROM questions WHERE session_id = ?)'),
      typed<[string]>(db, 'DELETE FROM questions WHERE session_id = ?'),
      typed<[string]>(db, 'DELETE FROM question_archive WHERE session_id = ?'),
      typed<[string]>(db, 'DELETE FROM ballots WHERE session_id = ?'),
      typed<[string]>(db, 'DELETE FROM poll_state WHERE session_id = ?'),
      typed<[string]>(db, 'DELETE FROM participants WHERE session_id = ?'),
      typed<[string]>(db, 'DELETE FROM archive WHERE session_id = ?'),
      typed<[string]>(db, 'DELETE FROM sessions WHERE id = ?'),
    ],
  }
}

export interface QuestionRow { id: string, participant_id: string, text: string, name: string | null, status: string, pinned: number, flag: string | null, created_at: string, votes: number }

const QUESTION_COLUMNS = 'q.id, q.participant_id, q.text, q.name, q.status, q.pinned, q.flag, q.created_at, (SELECT count(*) FROM question_votes v WHERE v.question_id = q.id) AS votes'

function questionStatements(db: DatabaseSync) {
  return {
    questionByKey: typed<[string, string], QuestionRow>(db, `SELECT ${QUESTION_COLUMNS} FROM questions q WHERE q.participant_id = ? AND q.idempotency_key = ?`),
    questionByText: typed<[string, string], QuestionRow>(db, `SELECT ${QUESTION_COLUMNS} FROM questions q WHERE q.session_id = ? AND q.normalized = ?`),
    question: typed<[string, string], QuestionRow>(db, `SELECT ${QUESTION_COLUMNS} FROM questions q WHERE q.session_id = ? AND q.id = ?`),
    sessionQuestions: typed<[string], QuestionRow>(db, `SELECT ${QUESTION_COLUMNS} FROM questions q WHERE q.session_id = ? ORDER BY q.created_at, q.id`),
    insertQuestion: typed<[string, string, string, string, string, string, string | null, string, string | null, string]>(db, `INSERT INTO questions (id, session_id, participant_id, idempotency_key, text, normalized, name, status, pinned, flag, created_at, updated_at)
      VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 0, ?9, ?10, ?10)`),
    moderateQuestion: typed<[string, number, string, string, string]>(db, 'UPDATE questions SET status = ?, pinned = ?, updated_at = ? WHERE session_id = ? AND id = ?'),
    unpinOthers: typed<[string, string, string]>(db, 'UPDATE questions SET pinned = 0, updated_at = ? WHERE session_id = ? AND id != ? AND pinned = 1'),
    addVote: typed<[string, string, string]>(db, 'INSERT OR IGNORE INTO question_votes (question_id, participant_id, created_at) VALUES (?, ?, ?)'),
    removeVote: typed<[string, string]>(db, 'DELETE FROM question_votes WHERE question_id = ? AND participant_id = ?'),
    votedBy: typed<[string, string], { question_id: string }>(db, 'SELECT v.question_id FROM question_votes v JOIN questions q ON q.id = v.question_id WHERE q.session_id = ? AND v.participant_id = ?'),
    questionCounts: typed<[string], { received: number, published: number, answered: number }>(db, `SELECT count(*) AS received, coalesce(sum(status IN ('published', 'answered')), 0) AS published, coalesce(sum(status = 'answered'), 0) AS answered FROM questions WHERE session_id = ?`),
    questionArchive: typed<[string], { received: number, published: number, answered: number }>(db, 'SELECT received, published, answered FROM question_archive WHERE session_id = ?'),
    putQuestionArchive: typed<[string, number, number, number]>(db, `INSERT INTO question_archive (session_id, received, published, answered) VALUES (?1, ?2, ?3, ?4)
      ON CONFLICT (session_id) DO UPDATE SET received = received + ?2, published = published + ?3, answered = answered + ?4`),
    expiredQuestionSessions: typed<[string], { session_id: string }>(db, 'SELECT DISTINCT session_id FROM questions WHERE created_at < ?'),
    expiredQuestionCounts: typed<[string, string], { received: number, published: number, answered: number }>(db, `SELECT count(*) AS received, coalesce(sum(status IN ('published', 'answered')), 0) AS published, coalesce(sum(status = 'answered'), 0) AS answered FROM questions WHERE session_id = ? AND created_at < ?`),
    purgeQuestionVotes: typed<[string]>(db, 'DELETE FROM question_votes WHERE question_id IN (SELECT id FROM questions WHERE created_at < ?)'),
    purgeQuestions: typed<[string]>(db, 'DELETE FROM questions WHERE created_at < ?'),
    deleteQuestionVotes: typed<[string]>(db, 'DELETE FROM question_votes WHERE question_id IN (SELECT id FROM questions WHERE session_id = ?)'),
    deleteQuestions: typed<[string]>(db, 'DELETE FROM questions WHERE session_id = ?'),
  }
}

export type Statements = ReturnType<typeof prepare>
