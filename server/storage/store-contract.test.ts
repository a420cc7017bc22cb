// The store port's contract, the same tests for each adapter: the laptop's SQLite file and
// a real PostgreSQL server (a throwaway cluster, tests/helpers/postgres.ts). What a store
// means (one ballot per participant, idempotency keys, all or nothing, the purge's
// aggregates, imports, questions) must not depend on where it is kept.
import type { TestPostgres } from '../../tests/helpers/postgres'
import type { Store } from './store'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { sessionAggregates } from '../../poll/session'
import { initialPollState } from '../../poll/state'
import { startPostgres } from '../../tests/helpers/postgres'
import { tempDataDir } from '../../tests/helpers/test-server'
import { HttpError } from '../errors'
import { PostgresStore } from './postgres-store'
import { sqliteStore } from './sqlite-store'

let postgres: TestPostgres | undefined
beforeAll(async () => {
  postgres = await startPostgres()
}, 60_000)
afterAll(() => postgres?.destroy())

/** Each adapter makes a new, empty place to keep data, and opens stores on it (as several processes would). */
const adapters: [string, () => Promise<() => Store>][] = [
  [
    'SQLite',
    async () => {
      const dir = tempDataDir()
      return () => sqliteStore(dir)
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const url = await postgres!.database()
      return () => new PostgresStore({ url })
    },
  ],
]

const S = 'contract-session'
const at = (iso: string) => new Date(iso)
function session(id: string, extra: Partial<{ title: string, imported: boolean }> = {}) {
  return {
    id,
    title: extra.title ?? `Séance ${id}`,
    date: '2026-03-14',
    kind: 'real' as const,
    expectedSize: 200,
    createdAt: '2026-03-14T08:00:00.000Z',
    participants: 0,
    imported: extra.imported ?? false,
  }
}

describe.each(adapters)('the store port on %s', (_name, place) => {
  let store: Store
  let another: () => Store
  const opened: Store[] = []
  async function fresh(): Promise<Store> {
    const open = await place()
    another = () => {
      const other = open()
      opened.push(other)
      return other
    }
    store = another()
    await store.createSession(session(S))
    return store
  }
  afterEach(async () => {
    await Promise.all(opened.splice(0).map(s => s.close()))
  })
  async function joined(id: string, when = '2026-03-14T09:00:00Z'): Promise<string> {
    await store.addParticipant(S, id, at(when))
    return id
  }

  it('records one ballot per participant and poll, the last choice winning, each key once', async () => {
    await fresh()
    const alice = await joined('alice-000000000001')
    expect(await store.cast(S, 'warmup', alice, 'key-a-000000000001', { option: 'often' }, at('2026-03-14T09:01:00Z'))).toEqual({ kind: 'accepted', previous: undefined })
    // The same key again (a phone's retry): a duplicate, nothing changes.
    expect(await store.cast(S, 'warmup', alice, 'key-a-000000000001', { option: 'often' }, at('2026-03-14T09:01:05Z'))).toEqual({ kind: 'duplicate' })
    expect(await store.hasReceipt('warmup', alice, 'key-a-000000000001')).toBe(true)
    // A new key: the participant changes their mind.
    expect(await store.cast(S, 'warmup', alice, 'key-a-000000000002', { option: 'never' }, at('2026-03-14T09:02:00Z'))).toEqual({
      kind: 'accepted',
      previous: { option: 'often' },
    })
    // The key of another ballot, for another poll: refused.
    expect(await store.cast(S, 'placement', alice, 'key-a-000000000002', { option: 'large.simple' }, at('2026-03-14T09:03:00Z'))).toEqual({ kind: 'key-reused' })
    // Someone who never joined this session.
    expect(await store.cast(S, 'warmup', 'stranger-000000001', 'key-s-000000000001', { option: 'often' }, at('2026-03-14T09:03:00Z'))).toEqual({ kind: 'not-member' })
    const { ballots } = await store.load(S)
    expect(ballots).toEqual([
      {
        pollId: 'warmup',
        choice: { option: 'never' },
      },
    ])
  })

  it('counts a participant once per session, and knows who joined which', async () => {
    await fresh()
    await store.createSession(session('other'))
    await joined('bob-0000000000001')
    await joined('bob-0000000000001')
    expect(await store.isMember(S, 'bob-0000000000001')).toBe(true)
    expect(await store.isMember('other', 'bob-0000000000001')).toBe(false)
    expect((await store.getSession(S))?.participants).toBe(1)
  })

  it('keeps settings and poll states', async () => {
    await fresh()
    expect(await store.setting('registration')).toBeUndefined()
    await store.saveSetting('registration', 'closed')
    await store.saveSetting('registration', 'open')
    expect(await store.setting('registration')).toBe('open')
    // The first to claim a setting keeps it: two instances starting together agree.
    const [a, b] = await Promise.all([
      store.claimSetting('secret', 'first-instance'),
      another().claimSetting('secret', 'second-instance'),
    ])
    expect(a).toBe(b)
    expect(await store.claimSetting('secret', 'later')).toBe(a)
    const state = {
      ...initialPollState(false),
      status: 'open' as const,
      openedAt: '2026-03-14T09:00:00.000Z',
    }
    await store.saveState(S, 'verdict', state)
    expect((await store.load(S)).states.get('verdict')).toEqual(state)
  })

  it('resets one poll: its ballots, keys and archive go, the others stay', async () => {
    await fresh()
    const carol = await joined('carol-00000000001')
    await store.cast(S, 'warmup', carol, 'key-c-000000000001', { option: 'often' }, at('2026-03-14T09:01:00Z'))
    await store.cast(S, 'placement', carol, 'key-c-000000000002', { option: 'none.distinct' }, at('2026-03-14T09:01:00Z'))
    await store.reset(S, 'placement', initialPollState(false))
    expect((await store.load(S)).ballots).toEqual([
      {
        pollId: 'warmup',
        choice: { option: 'often' },
      },
    ])
    // Its key is forgotten: the same ballot sent again counts again.
    expect((await store.cast(S, 'placement', carol, 'key-c-000000000002', { option: 'none.distinct' }, at('2026-03-14T09:05:00Z'))).kind).toBe('accepted')
  })

  it('purges old ballots into the session\'s aggregates: nothing counted twice, nothing lost', async () => {
    await fresh()
    const old = at('2026-01-01T00:00:00Z')
    await store.cast(S, 'warmup', await joined('agg-000000000001', '2026-01-01T00:00:00Z'), 'agg-key-00000001', { option: 'often' }, old)
    await store.cast(S, 'warmup', await joined('agg-000000000002', '2026-01-01T00:00:00Z'), 'agg-key-00000002', { option: 'often' }, old)
    await store.cast(S, 'warmup', await joined('agg-000000000003'), 'agg-key-00000003', { option: 'never' }, at('2026-06-01T00:00:00Z'))
    const before = sessionAggregates((await store.load(S)).ballots, [])[0]
    expect(await store.purgeBefore(at('2026-03-01T00:00:00Z'))).toBe(2)
    const after = await store.load(S)
    expect(after.ballots).toHaveLength(1)
    expect(sessionAggregates(after.ballots, after.archived)[0]).toEqual(before)
    expect(await store.isMember(S, 'agg-000000000001')).toBe(false)
    expect(await store.purgeBefore(at('2026-07-01T00:00:00Z'))).toBe(1)
    const last = await store.load(S)
    expect(sessionAggregates(last.ballots, last.archived)[0]).toEqual(before)
  })

  it('lists, renames and deletes sessions; imports are idempotent and never overwrite a room run here', async () => {
    await fresh()
    // Another process (npm run sessions, another instance) sees that the sessions changed.
    const watcher = another()
    const version = await watcher.dataVersion()
    await store.createSession({
      ...session('lyon', { title: 'Lyon' }),
      createdAt: '2026-03-14T09:00:00.000Z',
    })
    expect((await store.listSessions()).map(s => s.id)).toEqual([S, 'lyon'])
    expect((await store.updateSession('lyon', { title: 'Lyon, congrès' }))?.title).toBe('Lyon, congrès')
    expect(await store.updateSession('nowhere', { title: 'x' })).toBeUndefined()
    const imported = {
      ...session('nantes', { title: 'Nantes', imported: true }),
      participants: 12,
      polls: [
        {
          id: 'warmup' as const,
          participants: 12,
          tally: {
            kind: 'choice' as const,
            counts: { often: 5, sometimes: 4, never: 3 },
          },
        },
      ],
    }
    const here = {
      ...session(S),
      participants: 3,
      polls: [],
    }
    expect(await store.importSessions([imported, here])).toEqual({
      added: ['Nantes'],
      updated: [],
      unchanged: [],
      kept: [`Séance ${S}`],
    })
    expect(await store.importSessions([imported])).toEqual({
      added: [],
      updated: [],
      unchanged: ['Nantes'],
      kept: [],
    })
    expect(await store.importSessions([
      { ...imported, participants: 13 },
    ])).toMatchObject({
      updated: ['Nantes'],
    })
    expect((await store.load('nantes')).archived).toEqual(imported.polls)
    expect(await watcher.dataVersion()).not.toBe(version)
    expect(await store.removeSession('lyon')).toBe(true)
    expect(await store.removeSession('lyon')).toBe(false)
    expect(await store.getSession('lyon')).toBeUndefined()
  })

  it('commits a transaction all or nothing, and a refusal inside it undoes only its own work', async () => {
    await fresh()
    const dan = await joined('dan-0000000000001')
    await expect(store.transaction(async (tx) => {
      await tx.cast(S, 'warmup', dan, 'key-d-000000000001', { option: 'often' }, at('2026-03-14T09:01:00Z'))
      throw new HttpError(409, 'refusé', 'test')
    })).rejects.toThrow('refusé')
    expect((await store.load(S)).ballots).toEqual([])
    const outcomes = await store.transaction(async tx => [
      await tx.cast(S, 'warmup', dan, 'key-d-000000000002', { option: 'often' }, at('2026-03-14T09:02:00Z')),
      await tx.cast(S, 'warmup', 'stranger-000000001', 'key-s-000000000002', { option: 'never' }, at('2026-03-14T09:02:00Z')),
      await tx.cast(S, 'placement', dan, 'key-d-000000000002', { option: 'none.distinct' }, at('2026-03-14T09:02:00Z')),
    ])
    expect(outcomes.map(o => o.kind)).toEqual(['accepted', 'not-member', 'key-reused'])
    expect((await store.load(S)).ballots).toEqual([
      {
        pollId: 'warmup',
        choice: { option: 'often' },
      },
    ])
  })

  it('keeps questions: one per key, one per text in a session, one upvote per participant, one pinned', async () => {
    await fresh()
    const question = (id: string, text: string, key: string, when = '2026-03-14T10:00:00Z') => ({
      id,
      key,
      text,
      normalized: text.toLowerCase().replace(/\W+/g, ' ').trim(),
      status: 'published' as const,
      flag: null,
      at: at(when),
    })
    expect((await store.ask(S, 'alice', question('q1', 'Et la RGPD ?', 'qkey-1'))).kind).toBe('accepted')
    expect((await store.ask(S, 'alice', question('q1bis', 'Et la RGPD ?', 'qkey-1'))).kind).toBe('replay')
    expect(await store.ask(S, 'bob', question('q2', 'et la rgpd', 'qkey-2'))).toMatchObject({
      kind: 'duplicate',
      question: { id: 'q1' },
    })
    await store.ask(S, 'bob', question('q3', 'Combien ça coûte ?', 'qkey-3'))
    await store.voteQuestion(S, 'q1', 'carol', true, at('2026-03-14T10:01:00Z'))
    await store.voteQuestion(S, 'q1', 'carol', true, at('2026-03-14T10:01:01Z'))
    expect(await store.voteQuestion(S, 'q1', 'dan', true, at('2026-03-14T10:01:02Z'))).toEqual({ votes: 2, voted: true })
    expect(await store.voteQuestion(S, 'q1', 'carol', false, at('2026-03-14T10:01:03Z'))).toEqual({ votes: 1, voted: false })
    expect(await store.votedBy(S, 'dan')).toEqual(new Set(['q1']))
    await store.moderate(S, 'q1', { status: 'published', pinned: true }, at('2026-03-14T10:02:00Z'))
    await store.moderate(S, 'q3', { status: 'answered', pinned: true }, at('2026-03-14T10:03:00Z'))
    expect((await store.questions(S)).filter(q => q.pinned).map(q => q.id)).toEqual(['q3'])
    expect(await store.moderate(S, 'nope', { status: 'hidden', pinned: false }, at('2026-03-14T10:04:00Z'))).toBeUndefined()
    expect(await store.questionCounts(S)).toEqual({ received: 2, published: 2, answered: 1 })
    await store.resetQuestions(S)
    expect(await store.questions(S)).toEqual([])
  })

  it('answers a broken store with StoreUnavailableError, and reports what is wrong', async () => {
    await fresh()
    expect(await store.check()).toBeNull()
    expect(store.problem()).toBeNull()
    expect(store.location).not.toMatch(/:[^/@:]+@/)
  })
})
