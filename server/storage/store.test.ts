import type { SqliteStore } from './sqlite-store'
import { randomBytes } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterEach, describe, expect, it } from 'vitest'
import { sessionAggregates } from '../../poll/session'
import { initialPollState } from '../../poll/state'
import { tempDataDir } from '../../tests/helpers/test-server'
import { MIGRATIONS } from './sqlite-schema'
import { sqliteStore } from './sqlite-store'

const at = (iso: string) => new Date(iso)
const open = initialPollState(true)

let store: SqliteStore | undefined
afterEach(() => store?.close())

function rows(file: string, sql: string): Record<string, unknown>[] {
  const db = new DatabaseSync(file, { readOnly: true })
  try {
    return db.prepare(sql).all() as Record<string, unknown>[]
  }
  finally {
    db.close()
  }
}

/** Every byte the database keeps on disk: the main file and its journal. */
function rawBytes(dir: string): string {
  return readdirSync(dir).map(f => readFileSync(join(dir, f)).toString('latin1')).join('')
}

/** The session every ballot below belongs to. */
const S = 'test-session'

/** A participant the server issued in the test session (ballots from anyone else are refused). */
async function openStore(dir: string): Promise<SqliteStore> {
  store = sqliteStore(dir)
  await store.createSession({
    id: S,
    title: 'Test',
    date: '2024-01-01',
    kind: 'real',
    expectedSize: 200,
    createdAt: '2024-01-01T00:00:00.000Z',
    participants: 0,
    imported: false,
  })
  return store
}

async function joined(id: string, when = '2024-01-01T00:00:00Z'): Promise<string> {
  await store!.addParticipant(S, id, at(when))
  return id
}

describe('ballotStore', () => {
  it('purges old ballots with their receipts, and keeps recent ones with theirs', async () => {
    const dir = tempDataDir()
    store = await openStore(dir)
    await store.cast(S, 'warmup', await joined('participant-old-000001', '2024-05-01T00:00:00Z'), 'key-old-0000000001', { option: 'often' }, at('2024-01-01T00:00:00Z'))
    await store.cast(S, 'warmup', await joined('participant-new-000001'), 'key-new-0000000001', { option: 'never' }, at('2024-06-01T00:00:00Z'))
    expect(await store.purgeBefore(at('2024-03-01T00:00:00Z'))).toBe(1)
    expect(rows(store.file, 'SELECT participant_id FROM ballots')).toEqual([
      { participant_id: 'participant-new-000001' },
    ])
    expect(rows(store.file, 'SELECT idempotency_key FROM receipts')).toEqual([
      { idempotency_key: 'key-new-0000000001' },
    ])
    // The purged ballot's key is forgotten too: sent again, it is a new ballot.
    expect((await store.cast(S, 'warmup', 'participant-old-000001', 'key-old-0000000001', { option: 'often' }, at('2024-06-02T00:00:00Z'))).kind).toBe('accepted')
  })

  it('leaves no participant id or answer readable in the files after a reset', async () => {
    const dir = tempDataDir()
    store = await openStore(dir)
    for (let i = 0; i < 10; i++)
      await store.cast(S, 'placement', await joined(`erase-me-participant-${i}`), `erase-me-key-000000-${i}`, { option: 'large.simple' }, at('2024-06-01T00:00:00Z'))
    expect(rawBytes(dir)).toContain('erase-me-participant-3')
    await store.reset(S, 'placement', open)
    const bytes = rawBytes(dir)
    // The participants stay in the room (they may vote again); their ballots are gone.
    expect(rows(store.file, 'SELECT count(*) AS n FROM ballots')).toEqual([
      { n: 0 },
    ])
    expect(bytes).not.toContain('erase-me-key')
    expect(bytes).not.toContain('large.simple')
  })

  // Enough rows for the b-trees to grow interior pages, whose divider keys keep copies of
  // deleted keys: (session, poll, participant) in the ballots, (time, …) in the index.
  const MANY = 1500
  const ballotAt = '2024-06-01T00:00:00.000Z'
  const pairsLeft = (bytes: string, poll: string, ids: string[]) => ids.filter(id => bytes.includes(`${poll}${id}`)).length

  async function castMany(prefix: string, session = S): Promise<string[]> {
    // Random ids, as the server issues them: inserts land all over the b-tree and split its pages.
    const ids = Array.from({ length: MANY }, () => `${prefix}-${randomBytes(12).toString('base64url')}`)
    for (const [i, id] of ids.entries()) {
      await store!.addParticipant(session, id, at('2024-01-01T00:00:00Z'))
      await store!.cast(session, 'placement', id, `${prefix}-key-${String(i).padStart(6, '0')}`, { option: 'large.simple' }, at(ballotAt))
    }
    return ids
  }

  it('leaves no (poll, participant) pair, key or ballot time of a large room readable after a reset and a shutdown', async () => {
    const dir = tempDataDir()
    store = await openStore(dir)
    const ids = await castMany('reset-room')
    expect(pairsLeft(rawBytes(dir), 'placement', ids)).toBeGreaterThan(0)
    await store.reset(S, 'placement', open)
    await store.close()
    const bytes = rawBytes(dir)
    expect(pairsLeft(bytes, 'placement', ids)).toBe(0)
    expect(bytes).not.toContain('reset-room-key')
    expect(bytes).not.toContain(ballotAt)
  })

  it('leaves nothing of a large room readable after its session is deleted', async () => {
    const dir = tempDataDir()
    store = await openStore(dir)
    await store.createSession({
      id: 'doomed',
      title: 'À supprimer',
      date: '2024-01-02',
      kind: 'real',
      expectedSize: 200,
      createdAt: '2024-01-02T00:00:00.000Z',
      participants: 0,
      imported: false,
    })
    const ids = await castMany('doomed-room', 'doomed')
    expect(await store.removeSession('doomed')).toBe(true)
    await store.close()
    const bytes = rawBytes(dir)
    expect(ids.filter(id => bytes.includes(id)).length).toBe(0)
    expect(bytes).not.toContain('doomed-room-key')
  })

  it('leaves nothing of a large room readable after the retention purge', async () => {
    const dir = tempDataDir()
    store = await openStore(dir)
    const ids = await castMany('expired-room')
    expect(await store.purgeBefore(at('2024-07-01T00:00:00Z'))).toBe(MANY)
    await store.close()
    const bytes = rawBytes(dir)
    expect(ids.filter(id => bytes.includes(id)).length).toBe(0)
    expect(bytes).not.toContain(ballotAt)
  })

  it('leaves nothing readable after the retention purge either', async () => {
    const dir = tempDataDir()
    store = await openStore(dir)
    await store.cast(S, 'warmup', await joined('purge-me-participant-1'), 'purge-me-key-00000001', { option: 'sometimes' }, at('2024-01-01T00:00:00Z'))
    await store.purgeBefore(at('2024-03-01T00:00:00Z'))
    expect(rawBytes(dir)).not.toContain('purge-me')
  })

  it('keeps its files readable by their owner only', async () => {
    const dir = tempDataDir()
    store = await openStore(dir)
    await store.cast(S, 'warmup', await joined('participant-mode-00001'), 'key-mode-0000000001', { option: 'often' }, at('2024-06-01T00:00:00Z'))
    expect(statSync(dir).mode & 0o777).toBe(0o700)
    for (const file of readdirSync(dir))
      expect(statSync(join(dir, file)).mode & 0o777, file).toBe(0o600)
  })

  it('keeps each session\'s aggregates when the purge deletes its ballots', async () => {
    const dir = tempDataDir()
    store = await openStore(dir)
    const old = at('2024-01-01T00:00:00Z')
    await store.cast(S, 'warmup', await joined('agg-participant-0001'), 'agg-key-000000000001', { option: 'often' }, old)
    await store.cast(S, 'warmup', await joined('agg-participant-0002'), 'agg-key-000000000002', { option: 'often' }, old)
    await store.cast(S, 'verdict', await joined('agg-participant-0003'), 'agg-key-000000000003', {
      verdicts: { 'large.simple': 'Y', 'none.distinct': 'N' },
    }, old)
    // Recent: stays as a row, and adds to what the archive keeps.
    await store.cast(S, 'warmup', await joined('agg-participant-0004'), 'agg-key-000000000004', { option: 'never' }, at('2024-06-01T00:00:00Z'))
    expect(await store.purgeBefore(at('2024-03-01T00:00:00Z'))).toBe(3)
    expect(rows(store.file, 'SELECT participant_id FROM ballots')).toEqual([
      { participant_id: 'agg-participant-0004' },
    ])

    const { ballots, archived } = await store.load(S)
    const [warmup, , verdict] = sessionAggregates(ballots, archived)
    expect(warmup).toEqual({
      id: 'warmup',
      participants: 3,
      tally: {
        kind: 'choice',
        counts: { often: 2, sometimes: 0, never: 1 },
      },
    })
    expect(verdict!.participants).toBe(1)
    expect(verdict!.tally.kind === 'verdict' && verdict!.tally.cells['large.simple']).toEqual({ N: 0, O: 0, Y: 1 })

    // A second purge adds to the archive: nothing is counted twice, nothing lost.
    expect(await store.purgeBefore(at('2024-07-01T00:00:00Z'))).toBe(1)
    const after = await store.load(S)
    expect(after.ballots).toEqual([])
    expect(sessionAggregates(after.ballots, after.archived)[0]).toEqual(warmup)
  })

  it('upgrades a database of the previous version: its room becomes a session, nothing lost', async () => {
    const dir = tempDataDir()
    mkdirSync(dir, { recursive: true })
    const db = new DatabaseSync(join(dir, 'ballots.sqlite'))
    for (const step of MIGRATIONS.slice(0, 2))
      db.exec(step)
    db.exec(`PRAGMA user_version = 2;
      INSERT INTO participants VALUES ('v2-participant-01', '2024-11-20T09:00:00Z');
      INSERT INTO ballots VALUES ('warmup', 'v2-participant-01', '{"option":"often"}', 'v2-key-0000000001', '2024-11-20T09:05:00Z', '2024-11-20T09:05:00Z');
      INSERT INTO poll_state VALUES ('warmup', 'open', 1, '2024-11-20T09:00:00Z', NULL);`)
    db.close()

    store = sqliteStore(dir)
    await store.setting('current_session')
    const [session] = rows(store.file, 'SELECT id, date, kind, participants FROM sessions') as { id: string }[]
    expect(session).toMatchObject({ date: '2024-11-20', kind: 'real', participants: 1 })
    expect(await store.setting('current_session')).toBe(session!.id)
    const { ballots, states } = await store.load(session!.id)
    expect(ballots).toEqual([
      {
        pollId: 'warmup',
        choice: { option: 'often' },
      },
    ])
    expect(states.get('warmup')?.status).toBe('open')
    expect(await store.isMember(session!.id, 'v2-participant-01')).toBe(true)
  })
})
