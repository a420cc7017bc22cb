// The second red team's findings (issue 17), each replayed against the real server from
// loopback aliases (127.0.0.2, 127.0.0.3… play distinct machines; nothing leaves 127/8).
// Each test failed on the code before the fix.
import type { LoopbackClient } from './helpers/raw-client'
import type { RunningServer } from './helpers/test-server'
import { writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { archiveOf } from '../poll/archive-file'
import { emptyAggregates } from '../poll/session'
import { sessionsCommand } from '../scripts/sessions'
import { loadConfig } from '../server/config'
import { cookieOf, loopbackClient } from './helpers/raw-client'
import { command, presenterHeaders, results, startTestServer, tempDataDir, TEST_TOKEN } from './helpers/test-server'

let server: RunningServer | undefined
const clients: LoopbackClient[] = []
afterEach(async () => {
  for (const c of clients.splice(0))
    c.close()
  await server?.app.close()
  server = undefined
})

function client(address: string): LoopbackClient {
  const c = loopbackClient(server!.url, address)
  clients.push(c)
  return c
}

const wrong = (i: number) => ({ authorization: `Bearer a-wrong-guess-number-${i}` })
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms))

/** The speaker's browser: signs in by the terminal's link, from the laptop itself. */
async function signedInCookie(): Promise<string> {
  const res = await client('127.0.0.1').send('GET', `/api/presenter/login?token=${encodeURIComponent(TEST_TOKEN)}`)
  expect(res.status).toBe(303)
  return cookieOf(res.headers)!
}

describe('token guessing', () => {
  it('counts wrong tokens on the results routes too: ten, then no token is checked from that address', async () => {
    server = await startTestServer()
    const guesser = client('127.0.0.2')
    const statuses: number[] = []
    for (let i = 0; i < 200; i++) {
      statuses.push((await guesser.send('GET', i % 2
        ? '/api/results.json'
        : '/api/results.csv', {
        headers: wrong(i),
      })).status)
    }
    expect(statuses.filter(s => s === 403)).toHaveLength(10)
    expect(statuses.filter(s => s === 429)).toHaveLength(190)
    // The right token, once the address is out of guesses: not recognised.
    const right = await guesser.send('GET', '/api/results.json', { headers: presenterHeaders })
    expect(right.status).toBe(429)
    expect(right.body).not.toContain('"session"')
    expect(Number(right.headers['retry-after'])).toBeLessThanOrEqual(6)
  })

  it('never locks the speaker out: the laptop\'s own link, and a signed-in browser anywhere', async () => {
    server = await startTestServer()
    const laptop = client('127.0.0.1')
    for (let i = 0; i < 30; i++) {
      expect((await laptop.send('GET', '/api/presenter/metrics', {
        headers: wrong(i),
      })).status).toBe(403)
    }
    for (let i = 0; i < 15; i++)
      expect((await laptop.send('GET', `/api/presenter/login?token=${encodeURIComponent(TEST_TOKEN)}`)).status).toBe(303)
    const cookie = await signedInCookie()
    const remote = client('127.0.0.3')
    for (let i = 0; i < 30; i++) {
      await remote.send('GET', '/api/results.json', {
        headers: wrong(i),
      })
    }
    const open = await remote.send('POST', '/api/presenter/polls/warmup/open', { cookie })
    expect(open.status).toBe(200)
  })

  it('refills continuously: one more guess every 6 s, not a minute of lock-out', async () => {
    server = await startTestServer()
    const guesser = client('127.0.0.2')
    for (let i = 0; i < 10; i++) {
      await guesser.send('GET', '/api/results.json', {
        headers: wrong(i),
      })
    }
    expect((await guesser.send('GET', '/api/results.json', {
      headers: wrong(10),
    })).status).toBe(429)
    await sleep(6_100)
    expect((await guesser.send('GET', '/api/results.json', {
      headers: wrong(11),
    })).status).toBe(403)
    expect((await guesser.send('GET', '/api/results.json', {
      headers: wrong(12),
    })).status).toBe(429)
  })
})

describe('cross-site requests', () => {
  it('refuses presenter actions that a page on another port sends through the signed-in browser', async () => {
    server = await startTestServer()
    const cookie = await signedInCookie()
    const port = new URL(server.url).port
    const browser = client('127.0.0.1')
    const foreign = await browser.send('POST', '/api/presenter/polls/warmup/open', {
      cookie,
      headers: { 'origin': 'http://127.0.0.1:4999', 'sec-fetch-site': 'same-site' },
    })
    expect(foreign.status).toBe(403)
    expect(JSON.parse(foreign.body).message).toMatch(/ne vient pas d’une page de cette présentation/)
    const noOrigin = await browser.send('POST', '/api/presenter/polls/warmup/reset', {
      cookie,
      headers: { 'sec-fetch-site': 'cross-site' },
    })
    expect(noOrigin.status).toBe(403)
    expect((await results(server.url)).polls.find(p => p.id === 'warmup')!.status).toBe('closed')
    const own = await browser.send('POST', '/api/presenter/polls/warmup/open', {
      cookie,
      headers: { 'origin': `http://127.0.0.1:${port}`, 'sec-fetch-site': 'same-origin' },
    })
    expect(own.status).toBe(200)
  })

  it('refuses them from a real page on another port of the same host, in the browser', async () => {
    server = await startTestServer()
    const { launchBrowser } = await import('./helpers/browser')
    const target = server.url
    const evil = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' })
      res.end(`<!doctype html><script>
        fetch('${target}/api/presenter/polls/warmup/open', { method: 'POST', credentials: 'include', mode: 'no-cors' })
          .finally(() => { document.title = 'sent' })
      </script>`)
    })
    await new Promise<void>(r => evil.listen(0, '127.0.0.1', r))
    const browser = await launchBrowser()
    try {
      const page = await browser.newPage()
      await page.goto(`${target}/api/presenter/login?token=${encodeURIComponent(TEST_TOKEN)}&next=projector`)
      await page.goto(`http://127.0.0.1:${(evil.address() as { port: number }).port}/`)
      await page.waitForFunction(() => document.title === 'sent')
      await sleep(200)
      expect((await results(server.url)).polls.find(p => p.id === 'warmup')!.status).toBe('closed')
    }
    finally {
      await browser.close()
      evil.close()
    }
  })
})

describe('a venue behind one address', () => {
  it('refills the join budget continuously: a burst locks newcomers out for a second, not minutes, and the presenter sees it', async () => {
    server = await startTestServer({ JOIN_LIMIT_PER_ADDRESS: '30', JOIN_WINDOW_SECONDS: '30' })
    const venue = client('127.0.0.2')
    const statuses: number[] = []
    for (let i = 0; i < 31; i++)
      statuses.push((await venue.send('POST', '/api/participants', { body: {} })).status)
    expect(statuses.filter(s => s === 201)).toHaveLength(30)
    const refused = await venue.send('POST', '/api/participants', { body: {} })
    expect(refused.status).toBe(429)
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(1)
    await sleep(1_100)
    expect((await venue.send('POST', '/api/participants', { body: {} })).status).toBe(201)
    const room = (await (await fetch(`${server.url}/api/presenter/room`, {
      method: 'POST',
      headers: { ...presenterHeaders, 'content-type': 'application/json' },
      body: '{}',
    })).json()) as { joinsRefusedLastMinute: number }
    expect(room.joinsRefusedLastMinute).toBeGreaterThanOrEqual(2)
  })

  it('keeps the streams of 60 phones behind one address while four hogs reconnect streams', async () => {
    server = await startTestServer({ MAX_STREAMS: '300' })
    const join = async (c: LoopbackClient) => cookieOf((await c.send('POST', '/api/participants', { body: {} })).headers)!
    const venue = client('127.0.0.9')
    const phones = []
    for (let i = 0; i < 60; i++)
      phones.push(await venue.stream('/api/stream?view=phone', await join(venue)))
    const hogs = [
      '127.0.0.2',
      '127.0.0.3',
      '127.0.0.4',
      '127.0.0.5',
    ].map(client)
    const held = []
    for (let round = 0; round < 100; round++) {
      for (const hog of hogs)
        held.push(await hog.stream('/api/stream?view=phone', await join(hog)))
    }
    await sleep(300)
    expect(phones.filter(p => p.ended())).toHaveLength(0)
    expect(server.screens.hub.size).toBe(300)
    for (const s of [
      ...phones,
      ...held,
    ])
      s.close()
  })
})

describe('a hostile archive', () => {
  function archiveText(count: number, titleLength = 60): string {
    const session = (i: number) => ({
      session: {
        id: `hostile-session-${String(i).padStart(5, '0')}`,
        title: `Salle précédente ${i} `.padEnd(titleLength, 'x'),
        date: '2024-01-01',
        kind: 'real' as const,
        expectedSize: 200,
        createdAt: '2024-01-01T00:00:00.000Z',
        participants: 3,
        imported: false,
      },
      polls: emptyAggregates(),
    })
    return JSON.stringify(archiveOf(Array.from({ length: count }, (_, i) => session(i))))
  }

  it('refuses an archive of too many sessions, or too heavy, in French, and changes nothing', async () => {
    const dataDir = tempDataDir()
    const file = join(dataDir, 'hostile.json')
    writeFileSync(file, archiveText(1001))
    await expect(sessionsCommand(['import', file], dataDir)).rejects.toThrow(/au plus 1000 séances/)
    writeFileSync(file, archiveText(10).replace('"sessions"', `"padding": "${'x'.repeat(5 * 1024 * 1024)}", "sessions"`))
    await expect(sessionsCommand(['import', file], dataDir)).rejects.toThrow(/pèse plus de 4 Mo/)
    expect(await sessionsCommand(['list'], dataDir)).not.toContain('Salle précédente')
  })

  it('keeps the screens\' snapshot small with a thousand earlier rooms: they are sent aggregated', async () => {
    const dataDir = tempDataDir()
    const file = join(dataDir, 'many.json')
    writeFileSync(file, archiveText(1000))
    await sessionsCommand(['import', file], dataDir)
    server = await startTestServer({}, dataDir)
    const res = await client('127.0.0.2').send('GET', '/api/results.json', { headers: presenterHeaders })
    const snapshot = JSON.parse(res.body) as Awaited<ReturnType<typeof results>>
    expect(snapshot.peers!.sessions).toBe(1000)
    expect(snapshot.peers!.titles.length).toBeLessThanOrEqual(3)
    expect(res.body.length).toBeLessThan(8_000)
  })
})

describe('malformed requests and weak settings', () => {
  it('rate-limits malformed URLs like any other request', async () => {
    server = await startTestServer({ RATE_LIMIT_PER_ADDRESS: '20' })
    const c = client('127.0.0.2')
    const statuses: number[] = []
    for (let i = 0; i < 25; i++)
      statuses.push((await c.send('GET', '/%E0%A4%A')).status)
    expect(statuses.filter(s => s === 400)).toHaveLength(20)
    expect(statuses.filter(s => s === 429)).toHaveLength(5)
  })

  it('refuses a room code shorter than six characters', () => {
    expect(() => loadConfig({ ROOM_CODE: 'AB12' })).toThrow(/ROOM_CODE/)
  })

  it('still opens a poll for the speaker\'s script on the laptop', async () => {
    server = await startTestServer()
    expect((await command(server.url, 'warmup', 'open')).status).toBe(200)
  })
})
