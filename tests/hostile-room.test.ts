// A mischievous participant with one laptop and a script on the venue's Wi-Fi: each test
// replays one attack of docs/security.md against the real server and checks its bound.
// Loopback aliases (127.0.0.2, 127.0.0.3…) play distinct machines; nothing leaves 127/8.
import type { LoopbackClient } from './helpers/raw-client'
import type { RunningServer } from './helpers/test-server'
import { afterEach, describe, expect, it } from 'vitest'
import { cookieOf, loopbackClient } from './helpers/raw-client'
import { command, eventually, presenterHeaders, results, startTestServer, subscribe, TEST_TOKEN } from './helpers/test-server'

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

const participantsIn = async (poll: string) => (await results(server!.url)).polls.find(p => p.id === poll)!.participants

/** The attacker's loop: join as a new phone, vote, again, `attempts` times. */
async function stuff(attacker: LoopbackClient, attempts: number): Promise<number> {
  let counted = 0
  for (let i = 0; i < attempts; i++) {
    const joined = await attacker.send('POST', '/api/participants', { body: {} })
    const cookie = cookieOf(joined.headers)
    if (!cookie)
      continue
    const ballot = await attacker.send('POST', '/api/polls/placement/ballots', {
      cookie,
      body: {
        idempotencyKey: `stuffing-key-${i}-000000`,
        choice: { option: 'large.simple' },
      },
    })
    if (ballot.status === 200)
      counted++
  }
  return counted
}

describe('a laptop that mints participants and votes', () => {
  it('adds no more ballots than the issuance limit while registration is open', async () => {
    server = await startTestServer({ JOIN_LIMIT_PER_ADDRESS: '40' })
    await command(server.url, 'placement', 'open')
    const counted = await stuff(client('127.0.0.2'), 300)
    expect(counted).toBe(40)
    expect(await participantsIn('placement')).toBe(40)
  })

  it('adds none once the presenter has closed registration, and phones already in still vote', async () => {
    server = await startTestServer()
    await command(server.url, 'placement', 'open')
    const phone = client('127.0.0.3')
    const cookie = cookieOf((await phone.send('POST', '/api/participants', { body: {} })).headers)!
    const closing = await phone.send('POST', '/api/presenter/room', {
      body: { registrationOpen: false },
      headers: presenterHeaders,
    })
    expect(closing.status).toBe(200)
    expect(await stuff(client('127.0.0.2'), 200)).toBe(0)
    expect((await phone.send('POST', '/api/polls/placement/ballots', {
      cookie,
      body: {
        idempotencyKey: 'legit-key-0000000001',
        choice: { option: 'none.simple' },
      },
    })).status).toBe(200)
    expect(await participantsIn('placement')).toBe(1)
  })

  it('requires the room code when the presenter asks for one', async () => {
    server = await startTestServer()
    const room = await (await fetch(`${server.url}/api/presenter/room`, {
      method: 'POST',
      headers: { ...presenterHeaders, 'content-type': 'application/json' },
      body: JSON.stringify({ requireCode: true }),
    })).json() as { code: string }
    expect(room.code).toMatch(/^[A-Z2-9]{6}$/)
    const attacker = client('127.0.0.2')
    const refused = await attacker.send('POST', '/api/participants', { body: {} })
    expect(refused.status).toBe(403)
    expect(JSON.parse(refused.body).message).toMatch(/Code de salle/)
    expect((await attacker.send('POST', '/api/participants', {
      body: { code: 'WRONG1' },
    })).status).toBe(403)
    expect((await attacker.send('POST', '/api/participants', {
      body: {
        code: room.code.toLowerCase(),
      },
    })).status).toBe(201)
  })
})

describe('a laptop that takes the stream slots', () => {
  it('never refuses the projector, the presenter or a new phone: the hog loses its oldest streams', async () => {
    server = await startTestServer({ MAX_STREAMS: '200', STREAMS_PER_ADDRESS: '20' })
    const projector = await client('127.0.0.9').stream('/api/stream')
    expect(projector.status).toBe(200)
    const hogs = await Promise.all([
      '127.0.0.2',
      '127.0.0.3',
      '127.0.0.4',
      '127.0.0.5',
    ].flatMap(a => Array.from({ length: 250 }, () => client(a).stream('/api/stream').catch(() => null))))
    expect(hogs.every(h => h?.status === 200)).toBe(true)
    // Each attacking address keeps only its 20 newest; the projector's stream is untouched.
    await eventually(() => expect(hogs.filter(h => h && !h.ended())).toHaveLength(80))
    expect(projector.ended()).toBe(false)
    const speaker = await client('127.0.0.9').stream('/api/presenter/stream', undefined, presenterHeaders)
    expect(speaker.status).toBe(200)
    const phone = client('127.0.0.10')
    const cookie = cookieOf((await phone.send('POST', '/api/participants', { body: {} })).headers)!
    const phoneStream = await phone.stream('/api/stream?view=phone', cookie)
    expect(phoneStream.status).toBe(200)
    // A phone holds one stream: a second replaces the first.
    const again = await phone.stream('/api/stream?view=phone', cookie)
    await eventually(() => expect(phoneStream.ended()).toBe(true))
    expect(again.ended()).toBe(false)
    for (const s of [projector, speaker, again, ...hogs])
      s?.close()
  })
})

describe('a laptop that spends a shared address\'s request budget', () => {
  it('throttles that client, not the phones behind the same address', async () => {
    server = await startTestServer({ RATE_LIMIT_PER_ADDRESS: '100' })
    await command(server.url, 'warmup', 'open')
    const phone = client('127.0.0.2')
    const cookie = cookieOf((await phone.send('POST', '/api/participants', { body: {} })).headers)!
    const attacker = client('127.0.0.2')
    const statuses = await Promise.all(Array.from({ length: 300 }, () => attacker.send('GET', '/api/polls').then(r => r.status)))
    expect(statuses.filter(s => s === 429).length).toBeGreaterThanOrEqual(200)
    // Unknown addresses and the deck's fallback are limited like any route.
    expect((await attacker.send('GET', '/nowhere', {
      headers: { accept: 'text/html' },
    })).status).toBe(429)
    expect((await phone.send('GET', '/api/polls', { cookie })).status).toBe(200)
    expect((await phone.send('POST', '/api/polls/warmup/ballots', {
      cookie,
      body: {
        idempotencyKey: 'shared-address-key-01',
        choice: { option: 'often' },
      },
    })).status).toBe(200)
    // The speaker's signed-in browser is never throttled, even behind the same address.
    const speaker = client('127.0.0.2')
    const login = await speaker.send('GET', `/api/presenter/login?token=${TEST_TOKEN}`)
    const session = cookieOf(login.headers)!
    expect((await speaker.send('GET', '/api/presenter/metrics', { cookie: session })).status).toBe(200)
  })
})

describe('a laptop that opens connections and sends nothing', () => {
  it('keeps at most the cap of them, and the other phones behind that address still get answers', async () => {
    server = await startTestServer({ IDLE_CONNECTIONS_PER_ADDRESS: '50' })
    const attacker = client('127.0.0.2')
    const sockets = await Promise.all(Array.from({ length: 400 }, () => attacker.idleSocket()))
    await eventually(() => expect(sockets.filter(s => !s.closed())).toHaveLength(50))
    expect(server.guard.idleAt('127.0.0.2')).toBeLessThanOrEqual(50)
    const phone = client('127.0.0.2')
    expect((await phone.send('GET', '/api/polls')).status).toBe(200)
    for (const s of sockets)
      s.destroy()
  })
})

describe('a known participant id', () => {
  it('is worthless without the server\'s signature, and never readable by the page', async () => {
    server = await startTestServer()
    await command(server.url, 'warmup', 'open')
    const phone = client('127.0.0.2')
    const joined = await phone.send('POST', '/api/participants', { body: {} })
    const setCookie = joined.headers['set-cookie']![0]!
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Strict/i)
    const [name, value] = cookieOf(joined.headers)!.split('=') as [string, string]
    const id = decodeURIComponent(value).slice(0, decodeURIComponent(value).lastIndexOf('.'))
    const attacker = client('127.0.0.3')
    for (const forged of [`${name}=${id}`, `${name}=${encodeURIComponent(`${id}.forged-signature`)}`]) {
      const res = await attacker.send('POST', '/api/polls/warmup/ballots', {
        cookie: forged,
        body: {
          idempotencyKey: 'forged-ballot-key-001',
          choice: { option: 'never' },
        },
      })
      expect(res.status).toBe(401)
    }
    expect(await participantsIn('warmup')).toBe(0)
  })
})

describe('a laptop that guesses the presenter token', () => {
  it('gets ten tries a minute per address, after which even the right token is refused', async () => {
    server = await startTestServer()
    const attacker = client('127.0.0.4')
    const statuses: number[] = []
    for (let i = 0; i < 12; i++) {
      statuses.push((await attacker.send('POST', '/api/presenter/polls/warmup/open', {
        headers: { authorization: `Bearer wrong-guess-${i}-0123456789` },
      })).status)
    }
    expect(statuses.slice(0, 10).every(s => s === 403)).toBe(true)
    expect(statuses.slice(10)).toEqual([429, 429])
    // Blocked: the right guess teaches nothing, by the API or by the sign-in link.
    expect((await attacker.send('POST', '/api/presenter/polls/warmup/open', { headers: presenterHeaders })).status).toBe(429)
    expect((await attacker.send('GET', `/api/presenter/login?token=${TEST_TOKEN}`)).status).toBe(429)
    // The session check never looks at a Bearer token, and rate-limit headers do not give it away either.
    const check = await client('127.0.0.5').send('GET', '/api/presenter/session', { headers: presenterHeaders })
    expect(JSON.parse(check.body)).toEqual({ signedIn: false })
    expect(check.headers['x-ratelimit-limit']).toBeDefined()
    expect((await results(server.url)).polls.find(p => p.id === 'warmup')!.status).toBe('closed')
  })
})

describe('the room code', () => {
  it('reaches the presenter\'s signed-in screens, never the public stream', async () => {
    server = await startTestServer({ ROOM_CODE: 'SALLE7' })
    const seen: (string | null | undefined)[] = []
    const anonymous = subscribe(server.url, s => seen.push(s.room?.code))
    const presenterSeen: (string | null | undefined)[] = []
    const presenter = subscribe(server.url, s => presenterSeen.push(s.room?.code), '/api/presenter/stream', presenterHeaders)
    await eventually(() => expect(presenterSeen).toContain('SALLE7'))
    await eventually(() => expect(seen.length).toBeGreaterThan(0))
    expect(seen.every(c => !c)).toBe(true)
    anonymous.close()
    presenter.close()
  })
})

describe('smaller doors', () => {
  it('answers a malformed URL in French, with the security headers', async () => {
    server = await startTestServer()
    const res = await client('127.0.0.2').send('GET', '/api/polls/%E0%A4%A')
    expect(res.status).toBe(400)
    expect(JSON.parse(res.body).message).toMatch(/mal formée|invalide/)
    expect(res.headers['content-security-policy']).toContain('default-src')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
  })

  it('does not hold a stream open for a HEAD request', async () => {
    server = await startTestServer()
    const res = await client('127.0.0.2').send('HEAD', '/api/stream')
    expect(res.status).toBe(404)
    expect(server.screens.hub.size).toBe(0)
  })

  it('speaks French when a query is wrong', async () => {
    server = await startTestServer()
    const res = await client('127.0.0.2').send('GET', '/api/stream?view=tv')
    expect(res.status).toBe(400)
    expect(JSON.parse(res.body).message).toMatch(/attendu|invalide|Option/i)
    expect(JSON.parse(res.body).message).not.toMatch(/expected|Invalid option/)
  })
})
