import type { ResultsSnapshot } from '../poll/types'
import type { TestServer } from '../tests/helpers/test-server'
import { Agent, request } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { frenchTypography } from '../data/french'
import { command, eventually, freshId, newPhone, pollOf, presenterHeaders, results, send, startTestServer, subscribe, testApp, vote } from '../tests/helpers/test-server'

let server: TestServer
afterEach(async () => {
  await server?.app.close()
})

function choiceCounts(s: ResultsSnapshot, poll: string) {
  const t = s.polls.find(p => p.id === poll)!.tally
  return t?.kind === 'choice'
    ? t.counts
    : null
}

describe('vote server over HTTP', () => {
  it('refuses a ballot while the poll is closed, with a clear message', async () => {
    server = await testApp()
    const res = await vote(server.target, 'warmup', { option: 'often' })
    expect(res.status).toBe(409)
    expect((await res.json()).message).toMatch(/vote est clos/)
  })

  it('lets only the presenter open a poll', async () => {
    server = await testApp()
    expect((await command(server.target, 'warmup', 'open', {})).status).toBe(401)
    const forged = await command(server.target, 'warmup', 'open', { authorization: 'Bearer not-the-token-at-all' })
    expect(forged.status).toBe(403)
    expect((await forged.json()).message).toMatch(/jeton invalide/)
    expect(pollOf(await results(server.target), 'warmup').status).toBe('closed')
    expect((await command(server.target, 'warmup', 'open')).status).toBe(200)
    expect(pollOf(await results(server.target), 'warmup').status).toBe('open')
  })

  it('counts a ballot once, however often it is retried', async () => {
    server = await testApp()
    await command(server.target, 'warmup', 'open')
    const [p, k] = [
      await newPhone(server.target),
      freshId('k'),
    ]
    const acks = await Promise.all(Array.from({ length: 5 }, () => vote(server.target, 'warmup', { option: 'often' }, p, k)))
    expect(acks.map(r => r.status)).toEqual([200, 200, 200, 200, 200])
    const bodies = await Promise.all(acks.map(r => r.json()))
    expect(bodies.filter(b => b.duplicate === false)).toHaveLength(1)
    const snap = await results(server.target)
    expect(choiceCounts(snap, 'warmup')).toEqual({ often: 1, sometimes: 0, never: 0 })
    expect(pollOf(snap, 'warmup').participants).toBe(1)
  })

  it('acknowledges a retry of a recorded ballot even after the poll has closed', async () => {
    server = await testApp()
    await command(server.target, 'warmup', 'open')
    const [p, k] = [
      await newPhone(server.target),
      freshId('k'),
    ]
    expect((await vote(server.target, 'warmup', { option: 'often' }, p, k)).status).toBe(200)
    await command(server.target, 'warmup', 'close')
    const retry = await vote(server.target, 'warmup', { option: 'often' }, p, k)
    expect(retry.status).toBe(200)
    expect((await retry.json()).duplicate).toBe(true)
    expect((await vote(server.target, 'warmup', { option: 'often' }, p)).status).toBe(409)
  })

  it('replaces a changed ballot instead of adding one', async () => {
    server = await testApp()
    await command(server.target, 'warmup', 'open')
    const p = await newPhone(server.target)
    await vote(server.target, 'warmup', { option: 'often' }, p)
    await vote(server.target, 'warmup', { option: 'never' }, p)
    expect(choiceCounts(await results(server.target), 'warmup')).toEqual({ often: 0, sometimes: 0, never: 1 })
  })

  it('refuses a reused idempotency key from another participant', async () => {
    server = await testApp()
    await command(server.target, 'warmup', 'open')
    const k = freshId('k')
    await vote(server.target, 'warmup', { option: 'often' }, await newPhone(server.target), k)
    expect((await vote(server.target, 'warmup', { option: 'often' }, await newPhone(server.target), k)).status).toBe(409)
  })

  it.each([
    [
      'verdict',
      {
        verdicts: { 'nowhere.x': 'N' },
      },
      /Case inconnue/,
    ],
    [
      'verdict',
      {
        verdicts: { 'none.simple': 'maybe' },
      },
      /Verdict inconnu/,
    ],
    [
      'placement',
      { option: 'large.nowhere' },
      /Réponse inconnue/,
    ],
  ])('answers 400 to a ballot for %s with %j', async (poll, choice, message) => {
    server = await testApp()
    for (const id of ['warmup', 'placement', 'verdict'])
      await command(server.target, id, 'open')
    const res = await vote(server.target, poll, choice)
    expect(res.status).toBe(400)
    expect((await res.json()).message).toMatch(message)
  })

  it('answers 404 with a French message to a ballot for a poll that does not exist', async () => {
    server = await testApp()
    const res = await vote(server.target, 'nope', { option: 'often' })
    expect(res.status).toBe(404)
    expect((await res.json()).message).toBe(frenchTypography('Sondage inconnu : « nope ».'))
  })

  it('hides a blind poll\'s results from the audience until they are revealed', async () => {
    server = await testApp()
    await command(server.target, 'verdict', 'open')
    await vote(server.target, 'verdict', {
      verdicts: { 'large.simple': 'Y' },
    })
    const publicView = (await results(server.target, {})).polls.find(p => p.id === 'verdict')!
    expect(publicView.tally).toBeNull()
    expect(publicView.participants).toBe(1)
    const presenterView = (await results(server.target)).polls.find(p => p.id === 'verdict')!
    expect(presenterView.tally?.kind === 'verdict' && presenterView.tally.cells['large.simple']).toEqual({ N: 0, O: 0, Y: 1 })
    await command(server.target, 'verdict', 'reveal')
    expect((await results(server.target, {})).polls.find(p => p.id === 'verdict')!.tally).not.toBeNull()
  })

  it('pushes a snapshot that includes an acknowledged ballot to SSE subscribers', async () => {
    const running = await startTestServer()
    server = running
    await command(running.url, 'warmup', 'open')
    const seen: ResultsSnapshot[] = []
    const sub = subscribe(running.url, s => seen.push(s))
    await sub.opened
    await eventually(() => expect(seen.length).toBeGreaterThan(0))
    const ack = await (await vote(running.url, 'warmup', { option: 'sometimes' })).json()
    const including = await eventually(() => {
      const s = seen.find(x => x.version >= ack.version)
      expect(s).toBeDefined()
      return s!
    })
    expect(choiceCounts(including, 'warmup')!.sometimes).toBe(1)
    sub.close()
  })

  it('keeps every accepted ballot and poll state across a restart', async () => {
    server = await testApp()
    const dir = server.dataDir
    await command(server.target, 'placement', 'open')
    for (let i = 0; i < 12; i++) {
      expect((await vote(server.target, 'placement', {
        option: i % 2
          ? 'large.simple'
          : 'none.distinct',
      })).status).toBe(200)
    }
    const before = await results(server.target)
    await server.app.close()
    server = await testApp({}, dir)
    const after = await results(server.target)
    expect(after.polls).toEqual(before.polls)
    expect(choiceCounts(after, 'placement')).toMatchObject({ 'large.simple': 6, 'none.distinct': 6 })
  })

  it('resets a poll: ballots gone, poll closed', async () => {
    server = await testApp()
    await command(server.target, 'warmup', 'open')
    await vote(server.target, 'warmup', { option: 'often' })
    await command(server.target, 'warmup', 'reset')
    const view = pollOf(await results(server.target), 'warmup')
    expect(view).toMatchObject({ status: 'closed', participants: 0 })
    expect(choiceCounts(await results(server.target), 'warmup')).toEqual({ often: 0, sometimes: 0, never: 0 })
  })

  it('exports aggregates only, as CSV', async () => {
    server = await testApp()
    await command(server.target, 'warmup', 'open')
    const p = await newPhone(server.target)
    await vote(server.target, 'warmup', { option: 'often' }, p)
    const csv = await (await send(server.target, '/api/results.csv', { headers: presenterHeaders })).text()
    expect(csv).toContain('warmup,Utilisez-vous déjà l’IA générative dans votre travail\u202F?,often,"Oui, chaque semaine",,1,1,open')
    expect(csv).not.toContain(p.id)
    expect(JSON.stringify(await results(server.target))).not.toContain(p.id)
  })

  it('limits ballots per participant', async () => {
    server = await testApp({ RATE_LIMIT_PER_PARTICIPANT: '3' })
    await command(server.target, 'warmup', 'open')
    const p = await newPhone(server.target)
    const statuses = []
    for (let i = 0; i < 5; i++)
      statuses.push((await vote(server.target, 'warmup', { option: 'often' }, p)).status)
    expect(statuses).toEqual([200, 200, 200, 429, 429])
    expect((await vote(server.target, 'warmup', { option: 'often' })).status).toBe(200)
  })

  it('sets security headers and keeps CORS closed', async () => {
    server = await testApp()
    const res = await send(server.target, '/api/polls', {
      headers: { origin: 'https://evil.example' },
    })
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    expect(res.headers.get('content-security-policy')).toContain('script-src \'self\'')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })
})

describe('data retention', () => {
  it('deletes ballots older than the retention period, and the session keeps their counts', async () => {
    server = await testApp()
    await command(server.target, 'warmup', 'open')
    await vote(server.target, 'warmup', { option: 'often' })
    await vote(server.target, 'warmup', { option: 'never' })
    expect(await server.service.purgeOlderThan(30)).toBe(0)
    // A negative period puts the cut-off in the future: everything is past it.
    expect(await server.service.purgeOlderThan(-1)).toBe(2)
    expect((await server.store.load(server.sessions.currentId())).ballots).toEqual([])
    const view = pollOf(await results(server.target), 'warmup')
    expect(view.participants).toBe(2)
    expect(choiceCounts(await results(server.target), 'warmup')).toEqual({ often: 1, sometimes: 0, never: 1 })
  })
})

describe('stream caps', () => {
  it('never refuses a new stream: past the per-address cap, that address\'s oldest stream makes room', async () => {
    const running = await startTestServer({ STREAMS_PER_ADDRESS: '2' })
    server = running
    const a = subscribe(running.url, () => {})
    const b = subscribe(running.url, () => {})
    await Promise.all([a.opened, b.opened])
    await eventually(() => expect(server.screens.hub.size).toBe(2))
    const third = await fetch(`${running.url}/api/stream`)
    expect(third.status).toBe(200)
    await eventually(() => expect(a.ended()).toBe(true))
    expect(b.ended()).toBe(false)
    expect(server.screens.hub.size).toBe(2)
    await third.body?.cancel()
    b.close()
  })
})

/** One GET on a keep-alive agent: its status, and whether it went out on a reused socket. */
function getOn(agent: Agent, url: string): Promise<{ status: number, reused: boolean }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent }, (res) => {
      res.resume()
      res.on('end', () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('keep-alive', () => {
  it('keeps idle connections open past Node\'s default (5 s, plus a 1 s grace since Node 24), so a client reusing one is never reset', async () => {
    const running = await startTestServer()
    server = running
    const agent = new Agent({ keepAlive: true, maxSockets: 4 })
    // A burst opens four sockets; after a pause longer than Node's default and its grace, a second burst finds them all open.
    const burst = () => Promise.all(Array.from({ length: 4 }, () => getOn(agent, `${running.url}/api/polls`)))
    expect((await burst()).map(r => r.reused)).toEqual([false, false, false, false])
    await new Promise(r => setTimeout(r, 7_000))
    const second = await burst()
    expect(second.map(r => r.status)).toEqual([200, 200, 200, 200])
    expect(second.map(r => r.reused)).toEqual([true, true, true, true])
    agent.destroy()
  })
})
