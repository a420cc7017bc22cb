// The hosted adapter against a real PostgreSQL server: what only a database over the
// network does (it goes away and comes back, it refuses a login, two instances write at
// once). The port's contract itself is store-contract.test.ts, on both adapters.
import type { TestPostgres } from '../../tests/helpers/postgres'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startPostgres } from '../../tests/helpers/postgres'
import { StoreUnavailableError } from '../errors'
import { PostgresStore } from './postgres-store'

let postgres: TestPostgres
beforeAll(async () => {
  postgres = await startPostgres()
}, 60_000)
const stores: PostgresStore[] = []
afterEach(async () => {
  await Promise.all(stores.splice(0).map(s => s.close()))
})
afterAll(() => postgres?.destroy())
function open(url: string, options: { connectTimeoutMs?: number } = {}): PostgresStore {
  const store = new PostgresStore({ url, ...options })
  stores.push(store)
  return store
}

const S = 'hosted-session'
async function room(url: string, participants: number): Promise<PostgresStore> {
  const store = open(url)
  await store.createSession({
    id: S,
    title: 'Webinaire',
    date: '2026-03-14',
    kind: 'real',
    expectedSize: 5000,
    createdAt: '2026-03-14T08:00:00.000Z',
    participants: 0,
    imported: false,
  })
  for (let i = 0; i < participants; i++)
    await store.addParticipant(S, `p-${i}`, new Date())
  return store
}

describe('the PostgreSQL store', () => {
  it('refuses with a store error while the server is down, says so in French, and recovers by itself', async () => {
    const url = await postgres.database()
    const store = await room(url, 1)
    postgres.stop('immediate')
    try {
      const failure = await store.cast(S, 'warmup', 'p-0', 'down-key-00000001', { option: 'often' }, new Date()).catch((error: unknown) => error)
      expect(failure).toBeInstanceOf(StoreUnavailableError)
      expect(store.problem()?.kind).toBe('unreachable')
      expect(store.problem()?.message).toMatch(/ne répond pas/)
    }
    finally {
      postgres.start()
    }
    // The pool drops the dead connections and opens new ones: no restart of the app.
    await expect(store.cast(S, 'warmup', 'p-0', 'down-key-00000001', { option: 'often' }, new Date())).resolves.toEqual({ kind: 'accepted', previous: undefined })
    expect(store.problem()).toBeNull()
    expect((await store.load(S)).ballots).toHaveLength(1)
  }, 60_000)

  it('names a refused login without ever printing the password', async () => {
    const url = `postgres://atelier:s3cret-mot-de-passe@127.0.0.1:${postgres.port}/nowhere_db`
    const store = open(url)
    const problem = await store.check()
    expect(problem?.kind).toBe('refused')
    expect(problem?.message).toMatch(/DATABASE_URL/)
    expect(problem?.message).not.toContain('s3cret')
    expect(store.location).not.toContain('s3cret')
  })

  it('counts one ballot per key and per participant when two instances race for them', async () => {
    const url = await postgres.database()
    const first = await room(url, 40)
    const second = open(url)
    // The same ballot resent by a phone that reached both instances, forty times over.
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => [
      first.cast(S, 'warmup', `p-${i}`, `race-key-${String(i).padStart(8, '0')}`, { option: 'often' }, new Date()),
      second.cast(S, 'warmup', `p-${i}`, `race-key-${String(i).padStart(8, '0')}`, { option: 'often' }, new Date()),
    ]).flat())
    const kinds = results.map(r => r.kind)
    expect(kinds.filter(k => k === 'accepted')).toHaveLength(40)
    expect(kinds.filter(k => k === 'duplicate')).toHaveLength(40)
    const { ballots } = await first.load(S)
    expect(ballots).toHaveLength(40)
  })

  it('keeps a group of ballots all or nothing across a lost connection', async () => {
    const url = await postgres.database()
    const store = await room(url, 3)
    const failure = await store.transaction(async (tx) => {
      await tx.cast(S, 'warmup', 'p-0', 'group-key-0000001', { option: 'often' }, new Date())
      // The database goes away before the commit: nothing of the group may remain.
      postgres.stop('immediate')
      postgres.start()
      await tx.cast(S, 'warmup', 'p-1', 'group-key-0000002', { option: 'never' }, new Date())
    }).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(StoreUnavailableError)
    expect((await store.load(S)).ballots).toEqual([])
  }, 60_000)
})
