// The vote server on a real PostgreSQL server (DATABASE_URL), as an organiser hosts it:
// the same API as on a laptop, the tallies kept across a restart of the app, and a
// database that goes away answered with 503 and retry-after, never an acknowledgement.
import type { ResultsSnapshot } from '../poll/types'
import type { TestPostgres } from './helpers/postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startLatencyProxy } from './helpers/latency-proxy'
import { startPostgres } from './helpers/postgres'
import { command, eventually, join, pollOf, results, send, tempDataDir, testApp, vote } from './helpers/test-server'

let postgres: TestPostgres
beforeAll(async () => {
  postgres = await startPostgres()
}, 60_000)
afterAll(() => postgres?.destroy())

function choiceCounts(s: ResultsSnapshot, poll: string) {
  const t = pollOf(s, poll).tally
  return t?.kind === 'choice'
    ? t.counts
    : null
}

describe('the vote server on PostgreSQL', () => {
  it('keeps the room\'s ballots across a restart of the app', async () => {
    const env = { DATABASE_URL: await postgres.database() }
    const first = await testApp(env)
    await command(first.target, 'warmup', 'open')
    for (const option of ['often', 'often', 'never'])
      expect((await vote(first.target, 'warmup', { option })).status).toBe(200)
    // Hosted, the tallies come from the database's publication (a fraction of a second later).
    const before = await eventually(async () => {
      const snapshot = await results(first.target)
      expect(pollOf(snapshot, 'warmup').participants).toBe(3)
      return snapshot
    })
    await first.app.close()

    // Another process (a restart, or a second machine) on the same database and another data folder.
    const second = await testApp(env, tempDataDir())
    const after = await results(second.target)
    expect(pollOf(after, 'warmup').participants).toBe(3)
    expect(choiceCounts(after, 'warmup')).toEqual(choiceCounts(before, 'warmup'))
    expect(after.session?.id).toBe(before.session?.id)
    // A phone's cookie, signed by the first, holds on the second: the secret is the database's.
    expect(second.secrets.cookie).toEqual({ value: first.secrets.cookie.value, source: 'database' })
    await second.app.close()
  })

  it('refuses to start on a database it cannot reach, saying so in French', async () => {
    const url = `postgres://atelier:mot-de-passe-secret@127.0.0.1:${postgres.port}/base_absente`
    const failure = await testApp({ DATABASE_URL: url }).catch((error: unknown) => error as Error)
    expect(failure).toBeInstanceOf(Error)
    expect((failure as Error).message).toMatch(/refuse la connexion/)
    expect((failure as Error).message).not.toContain('mot-de-passe-secret')
  })

  it('answers 503 with retry-after while the database is down, acknowledges nothing, and recovers by itself', async () => {
    const server = await testApp({ DATABASE_URL: await postgres.database() })
    await command(server.target, 'warmup', 'open')
    const { phone } = await join(server.target)
    postgres.stop('immediate')
    try {
      const refused = await vote(server.target, 'warmup', { option: 'often' }, phone!, 'key-while-down-0001')
      expect(refused.status).toBe(503)
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
      expect((await results(server.target)).storeProblem).toMatch(/PostgreSQL/)
    }
    finally {
      postgres.start()
    }
    // The phone resends the same ballot: counted once, now.
    expect((await vote(server.target, 'warmup', { option: 'often' }, phone!, 'key-while-down-0001')).status).toBe(200)
    expect((await vote(server.target, 'warmup', { option: 'often' }, phone!, 'key-while-down-0001')).status).toBe(200)
    await eventually(async () => expect(pollOf(await results(server.target), 'warmup').participants).toBe(1))
    expect((await results(server.target)).storeProblem).toBeUndefined()
    await server.app.close()
  }, 60_000)

  it('slows down on a slow database (50 ms a query) but loses nothing, and keeps answering meanwhile', async () => {
    const url = new URL(await postgres.database())
    const proxy = await startLatencyProxy({
      host: url.hostname,
      port: Number(url.port),
    }, 50)
    url.port = String(proxy.port)
    const server = await testApp({
      DATABASE_URL: url.toString(),
      JOIN_LIMIT_PER_ADDRESS: '5000',
    })
    try {
      await command(server.target, 'warmup', 'open')
      const phones = await Promise.all(Array.from({ length: 20 }, async () => (await join(server.target)).phone!))
      let acknowledged = 0
      const ballots = phones.map(async (phone, i) => {
        const res = await vote(server.target, 'warmup', {
          option: i % 2
            ? 'often'
            : 'never',
        }, phone, `slow-ballot-key-${String(i).padStart(6, '0')}`)
        expect(res.status).toBe(200)
        acknowledged++
      })
      // While the ballots wait on the database, the server answers what it holds in memory.
      const polls = await send(server.target, '/api/polls')
      expect(polls.status).toBe(200)
      expect(acknowledged).toBeLessThan(phones.length)
      await Promise.all(ballots)
      await eventually(async () => expect(pollOf(await results(server.target), 'warmup').participants).toBe(20), 15_000)
      expect(choiceCounts(await results(server.target), 'warmup')).toEqual({ often: 10, sometimes: 0, never: 10 })
    }
    finally {
      await server.app.close()
      await proxy.close()
    }
  }, 60_000)

  it('holds the join budget of an address across instances: what one gave, another does not give again', async () => {
    const env = { DATABASE_URL: await postgres.database(), JOIN_LIMIT_PER_ADDRESS: '6', JOIN_WINDOW_SECONDS: '600' }
    const first = await testApp(env)
    const second = await testApp(env, tempDataDir())
    try {
      for (let i = 0; i < 3; i++) {
        expect((await join(first.target)).res.status).toBe(201)
        expect((await join(second.target)).res.status).toBe(201)
      }
      // Six from this address, three on each instance: the seventh is refused on both.
      for (const server of [first, second]) {
        const { res } = await join(server.target)
        expect(res.status).toBe(429)
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
      }
    }
    finally {
      await first.app.close()
      await second.app.close()
    }
  })

  it('holds a phone\'s ballot budget across instances: four a minute means four, whichever instance takes them', async () => {
    const env = { DATABASE_URL: await postgres.database(), RATE_LIMIT_PER_PARTICIPANT: '4' }
    const first = await testApp(env)
    const second = await testApp(env, tempDataDir())
    try {
      await command(first.target, 'warmup', 'open')
      const { phone } = await join(first.target)
      const statuses: number[] = []
      for (let i = 0; i < 6; i++) {
        const server = i % 2
          ? second
          : first
        statuses.push((await vote(server.target, 'warmup', { option: 'often' }, phone!, `budget-ballot-key-${String(i).padStart(4, '0')}`)).status)
      }
      expect(statuses).toEqual([200, 200, 200, 200, 429, 429])
    }
    finally {
      await first.app.close()
      await second.app.close()
    }
  })
})
