// The hosted shape, for real: three instances of the built server (separate processes and
// data folders) on one PostgreSQL, behind Debian's nginx with the configuration the project
// ships. Phones vote through the balancer and resend what was not acknowledged, as the
// phone page does; an instance is killed and PostgreSQL restarted in the middle; the
// projector, on another instance than the presenter, must end on the exact totals.
import type { ResultsSnapshot } from '../poll/types'
import type { ServerProcess } from '../scripts/lib/server-process'
import type { TestNginx } from './helpers/nginx'
import type { TestPostgres } from './helpers/postgres'
import type { Phone } from './helpers/test-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServerProcess } from '../scripts/lib/server-process'
import { startNginx } from './helpers/nginx'
import { startPostgres } from './helpers/postgres'
import { command, eventually, join, pollOf, presenterHeaders, results, subscribe, vote } from './helpers/test-server'

const OPTIONS = ['often', 'sometimes', 'never'] as const
const PHONES = 300

let postgres: TestPostgres
let instances: ServerProcess[]
let balancer: TestNginx

beforeAll(async () => {
  postgres = await startPostgres()
  const env = {
    DATABASE_URL: await postgres.database(),
    // nginx reaches the instances over loopback and says who the phone is.
    TRUST_LOOPBACK_PROXY: '1',
    // The test's 300 phones share one address, as a venue's Wi-Fi would.
    JOIN_LIMIT_PER_ADDRESS: '5000',
    RATE_LIMIT_PER_ADDRESS: '100000',
  }
  instances = []
  for (let i = 0; i < 3; i++)
    instances.push(await startServerProcess(env))
  balancer = await startNginx(instances.map(i => new URL(i.url).host))
}, 120_000)

afterAll(async () => {
  await balancer?.stop()
  for (const instance of instances ?? [])
    await instance.stop().catch(() => {})
  postgres?.destroy()
})

function counts(snapshot: ResultsSnapshot | undefined): Record<string, number> | null {
  const tally = snapshot && pollOf(snapshot, 'warmup').tally
  return tally?.kind === 'choice'
    ? tally.counts
    : null
}

/** Sends the same ballot until an instance acknowledges it, as the phone page does. */
async function voteUntilAcknowledged(phone: Phone, option: string, key: string): Promise<number> {
  for (let attempt = 1; attempt <= 200; attempt++) {
    const res = await vote(balancer.url, 'warmup', { option }, phone, key).catch(() => null)
    if (res?.status === 200)
      return attempt
    await new Promise(r => setTimeout(r, 100 + Math.random() * 200))
  }
  throw new Error(`ballot ${key} never acknowledged`)
}

async function role(instance: ServerProcess): Promise<string | null> {
  const res = await fetch(`${instance.url}/healthz`).catch(() => null)
  return res?.ok
    ? (await res.json() as { instance: string }).instance
    : null
}

describe('three instances behind nginx on one PostgreSQL', () => {
  it('counts 300 phones exactly through a killed instance and a restarted database, on every screen', async () => {
    const [presenter, doomed, projectorHost] = instances as [ServerProcess, ServerProcess, ServerProcess]
    expect((await command(presenter.url, 'warmup', 'open')).status).toBe(200)
    // The projector is connected to another instance than the presenter.
    let projected: ResultsSnapshot | undefined
    const projector = subscribe(projectorHost.url, (s) => {
      projected = s
    }, '/api/presenter/stream', presenterHeaders)
    await projector.opened
    await eventually(() => expect(pollOf(projected!, 'warmup').status).toBe('open'))

    const phones: Phone[] = []
    while (phones.length < PHONES) {
      const batch = await Promise.all(Array.from({ length: 50 }, () => join(balancer.url)))
      for (const { phone, res } of batch) {
        expect(res.status, await res.clone().text()).toBeLessThan(300)
        phones.push(phone!)
      }
    }

    let acknowledged = 0
    let resent = 0
    const storm = phones.map(async (phone, i) => {
      await new Promise(r => setTimeout(r, i * 10))
      const attempts = await voteUntilAcknowledged(phone, OPTIONS[i % 3]!, `cluster-key-${String(i).padStart(6, '0')}`)
      acknowledged++
      resent += attempts - 1
    })
    // Phones' streams through the balancer, some of them on the instance about to die.
    const streams = Array.from({ length: 6 }, () => {
      const stream = { last: undefined as ResultsSnapshot | undefined, sub: undefined as unknown as ReturnType<typeof subscribe> }
      stream.sub = subscribe(balancer.url, (s) => {
        stream.last = s
      })
      return stream
    })
    await Promise.all(streams.map(s => s.sub.opened))
    await eventually(() => expect(acknowledged).toBeGreaterThan(60), 30_000)
    await doomed.kill9()
    await new Promise(r => setTimeout(r, 1000))
    // A phone whose stream ended reconnects through the balancer: it lands on a live instance.
    let reconnected = 0
    for (const [i, stream] of streams.entries()) {
      if (stream.sub.ended()) {
        reconnected++
        stream.sub = subscribe(balancer.url, (s) => {
          stream.last = s
        })
        await stream.sub.opened
        expect(stream.sub.ended(), `stream ${i} reconnected`).toBe(false)
      }
    }
    // The balancer had spread them: some were on the killed instance.
    expect(reconnected).toBeGreaterThan(0)
    await eventually(() => expect(acknowledged).toBeGreaterThan(150), 30_000)
    postgres.stop('fast')
    await new Promise(r => setTimeout(r, 1500))
    postgres.start()
    await Promise.all(storm)
    // The faults were felt: ballots refused while the database was down were sent again.
    expect(resent).toBeGreaterThan(0)

    const expected = { often: PHONES / 3, sometimes: PHONES / 3, never: PHONES / 3 }
    await eventually(async () => {
      const here = await results(presenter.url)
      expect(pollOf(here, 'warmup').participants).toBe(PHONES)
      expect(counts(here)).toEqual(expected)
    }, 15_000)
    await eventually(() => {
      expect(pollOf(projected!, 'warmup').participants).toBe(PHONES)
      expect(counts(projected)).toEqual(expected)
      // The joins counted on every instance, not only this one's.
      expect(projected!.room?.participants).toBe(PHONES)
    }, 15_000)
    // Every phone's stream, reconnected or not, ends on the same totals.
    await eventually(() => {
      for (const stream of streams)
        expect(pollOf(stream.last!, 'warmup').participants).toBe(PHONES)
    }, 15_000)
    for (const stream of streams)
      stream.sub.close()
    projector.close()
  }, 240_000)

  it('keeps the screens updating when the publishing instance dies: another takes over', async () => {
    const alive: ServerProcess[] = []
    for (const instance of instances) {
      if (await role(instance))
        alive.push(instance)
    }
    const publisher = await eventually(async () => {
      for (const instance of alive) {
        if (await role(instance) === 'publisher')
          return instance
      }
      throw new Error('no publisher')
    }, 10_000)
    const other = alive.find(i => i !== publisher)!
    let seen: ResultsSnapshot | undefined
    const screen = subscribe(other.url, (s) => {
      seen = s
    }, '/api/presenter/stream', presenterHeaders)
    await screen.opened
    await eventually(() => expect(seen).toBeDefined())
    const before = pollOf(seen!, 'warmup').participants
    await publisher.kill9()
    await eventually(async () => expect(await role(other)).toBe('publisher'), 10_000)
    const { phone } = await join(balancer.url)
    await voteUntilAcknowledged(phone!, 'often', 'after-failover-0001')
    await eventually(() => expect(pollOf(seen!, 'warmup').participants).toBe(before + 1), 10_000)
    screen.close()
  }, 120_000)
})
