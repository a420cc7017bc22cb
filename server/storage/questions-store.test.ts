import type { SqliteStore } from './sqlite-store'
import type { NewQuestion } from './store'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { normalizeQuestion } from '../../poll/questions'
import { tempDataDir } from '../../tests/helpers/test-server'
import { sqliteStore } from './sqlite-store'

const S = 'questions-session'
let store: SqliteStore | undefined
afterEach(() => store?.close())

async function openStore(dir = tempDataDir()): Promise<SqliteStore> {
  store = sqliteStore(dir)
  await store.createSession({
    id: S,
    title: 'Nantes 2026',
    date: '2026-05-20',
    kind: 'real',
    expectedSize: 200,
    createdAt: '2026-05-20T08:00:00.000Z',
    participants: 0,
    imported: false,
  })
  return store
}

let n = 0
function question(text: string, at = new Date('2026-05-20T10:00:00Z'), key = `key-${++n}-aaaaaaaaaaaa`): NewQuestion {
  return {
    id: `q${++n}`,
    key,
    text,
    normalized: normalizeQuestion(text),
    status: 'pending',
    flag: null,
    at,
  }
}

describe('the store\'s questions', () => {
  it('records a question once per key, and points a duplicate text to the first', async () => {
    const s = await openStore()
    const first = question('Et la protection des données ?')
    expect((await s.ask(S, 'alice', first)).kind).toBe('accepted')
    expect(await s.ask(S, 'alice', first)).toMatchObject({
      kind: 'replay',
      question: { id: first.id },
    })
    expect(await s.ask(S, 'bob', question('et la  protection des données?'))).toMatchObject({
      kind: 'duplicate',
      question: { id: first.id },
    })
    expect(await s.questions(S)).toHaveLength(1)
  })

  it('counts one upvote per participant, however often it is sent, and takes it back', async () => {
    const s = await openStore()
    const q = question('Combien coûte une licence ?')
    await s.ask(S, 'alice', q)
    const at = new Date()
    for (let i = 0; i < 5; i++)
      await s.voteQuestion(S, q.id, 'bob', true, at)
    expect(await s.voteQuestion(S, q.id, 'carol', true, at)).toEqual({ votes: 2, voted: true })
    expect(await s.voteQuestion(S, q.id, 'bob', false, at)).toEqual({ votes: 1, voted: false })
    expect(await s.votedBy(S, 'carol')).toEqual(new Set([q.id]))
    expect(await s.voteQuestion(S, 'nope', 'bob', true, at)).toBeUndefined()
  })

  it('pins one question at a time', async () => {
    const s = await openStore()
    const [a, b] = [
      question('Question A ?'),
      question('Question B ?'),
    ]
    await s.ask(S, 'alice', a)
    await s.ask(S, 'bob', b)
    await s.moderate(S, a.id, { status: 'published', pinned: true }, new Date())
    await s.moderate(S, b.id, { status: 'published', pinned: true }, new Date())
    expect((await s.questions(S)).filter(q => q.pinned).map(q => q.id)).toEqual([b.id])
  })

  it('purges old questions to counts, and a reset erases them from the file', async () => {
    const dir = tempDataDir()
    const s = await openStore(dir)
    const old = question('Une vieille question sur la GPEC ?', new Date('2026-01-01T10:00:00Z'))
    await s.ask(S, 'alice', old)
    await s.moderate(S, old.id, { status: 'answered', pinned: false }, new Date('2026-01-01T10:05:00Z'))
    await s.ask(S, 'bob', question('Une question récente sur le télétravail ?', new Date('2026-06-01T10:00:00Z')))
    await s.purgeBefore(new Date('2026-03-01T00:00:00Z'))
    expect((await s.questions(S)).map(q => q.text)).toEqual(['Une question récente sur le télétravail ?'])
    expect(await s.questionCounts(S)).toEqual({ received: 2, published: 1, answered: 1 })
    await s.resetQuestions(S)
    expect(await s.questions(S)).toEqual([])
    await s.close()
    store = undefined
    const raw = readdirSync(dir).map(f => readFileSync(join(dir, f)).toString('utf8')).join('')
    expect(raw).not.toContain('GPEC')
    expect(raw).not.toContain('télétravail')
  })

  it('erases a deleted session\'s questions', async () => {
    const s = await openStore()
    await s.ask(S, 'alice', question('Une question ?'))
    await s.removeSession(S)
    expect(await s.questions(S)).toEqual([])
  })
})
