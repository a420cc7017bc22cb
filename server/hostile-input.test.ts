import type { RunningServer } from '../tests/helpers/test-server'
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { command, results, startTestServer, TEST_TOKEN } from '../tests/helpers/test-server'

interface Case {
  name: string
  /** A raw HTTP/1.1 request, sent as it is on a socket. */
  raw?: string
  /** Or a fetch. */
  path?: string
  init?: RequestInit
  /** Bodies that must never come back (file contents behind a traversal). */
  forbid?: string[]
  /** Node's parser answers this one itself, with a bare status line and no body. */
  bareStatus?: boolean
}

const ids = { participantId: 'hostile-participant-0001', idempotencyKey: 'hostile-key-000000001' }
function ballot(poll: string, body: unknown): Case {
  return {
    name: `${poll} ${JSON.stringify(body).slice(0, 60)}`,
    path: `/api/polls/${encodeURIComponent(poll)}/ballots`,
    init: {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string'
        ? body
        : JSON.stringify(body),
    },
  }
}
const forbidFiles = [
  'root:x:0:0',
  'SQLite format 3',
  '"name": "atelier-ia-grenoble-2024"',
  'PRESENTER_TOKEN',
]

function corpus(): Case[] {
  const cases: Case[] = []
  // Bad JSON.
  for (const body of [
    '{',
    '{"participantId":',
    'nul',
    '[',
    '{"a":1,}',
    '{\'a\':1}',
    '"just a string',
    '{"participantId": undefined}',
    '\u0000{}',
    '{"choice":{"option":"often"}',
    ']',
    '{}}',
    'NaN',
    '{"x":01}',
    '\uFEFF{bad',
  ])
    cases.push(ballot('warmup', body))
  cases.push({
    name: 'empty body with JSON type',
    path: '/api/polls/warmup/ballots',
    init: {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '',
    },
  })
  cases.push({
    name: 'form encoded body',
    path: '/api/polls/warmup/ballots',
    init: {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'participantId=x',
    },
  })
  cases.push({
    name: 'text body',
    path: '/api/polls/warmup/ballots',
    init: {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'hello',
    },
  })
  cases.push({
    name: 'no content type',
    path: '/api/polls/warmup/ballots',
    init: { method: 'POST', body: '{}' },
  })
  // Oversized bodies.
  for (const size of [
    5_000,
    9_000,
    100_000,
    1_000_000,
    5_000_000,
  ]) {
    cases.push(ballot('warmup', {
      ...ids,
      choice: { option: 'often' },
      pad: 'x'.repeat(size),
    }))
  }
  // Wrong types.
  const wrong = [
    null,
    true,
    42,
    -1,
    1.5,
    [],
    {},
    ['a'],
    { $ne: '' },
    'short',
    'a'.repeat(65),
    'bad id with spaces!!',
    '../../etc/passwd00000',
    'x\r\nSet-Cookie: a=b0000000',
  ]
  for (const w of wrong) {
    cases.push(ballot('warmup', {
      ...ids,
      participantId: w,
      choice: { option: 'often' },
    }))
    cases.push(ballot('warmup', {
      ...ids,
      idempotencyKey: w,
      choice: { option: 'often' },
    }))
    cases.push(ballot('warmup', { ...ids, choice: w }))
    cases.push(ballot('verdict', {
      ...ids,
      choice: { verdicts: w },
    }))
  }
  cases.push(ballot('warmup', {
    ...ids,
    choice: { option: 'often' },
    role: 'admin',
  }))
  cases.push(ballot('warmup', {
    ...ids,
    choice: { option: 'often' },
    __proto__: { polluted: true },
    constructor: {
      prototype: { polluted: true },
    },
  }))
  cases.push(ballot('warmup', JSON.stringify({
    ...ids,
    choice: { option: 'often' },
  }).replace('{', '{"__proto__":{"polluted":true},')))
  // Unknown polls, options, cells, verdicts.
  for (const poll of [
    'nope',
    'WARMUP',
    'warmup ',
    'ballots',
    '..',
    '%2e%2e',
    'a'.repeat(300),
    'verdict;drop table ballots',
    '\u00E9t\u00E9',
    '0',
    '-1',
    'constructor',
    '__proto__',
    'toString',
    'hasOwnProperty',
  ]) {
    cases.push(ballot(poll, {
      ...ids,
      choice: { option: 'often' },
    }))
  }
  for (const option of [
    '',
    ' often',
    'OFTEN',
    'maybe',
    'large.simple',
    '__proto__',
    'toString',
    'often\u0000',
    'a'.repeat(5000),
  ]) {
    cases.push(ballot('warmup', {
      ...ids,
      choice: { option },
    }))
  }
  for (const option of [
    'large.nowhere',
    'nowhere.simple',
    'large',
    'large.simple.x',
    'LARGE.SIMPLE',
    '__proto__',
  ]) {
    cases.push(ballot('placement', {
      ...ids,
      choice: { option },
    }))
  }
  for (const cell of [
    'nowhere.x',
    'large',
    'large.simple ',
    '__proto__',
    'constructor',
    'none.distinct\u0000',
    '*',
  ]) {
    cases.push(ballot('verdict', {
      ...ids,
      choice: {
        verdicts: { [cell]: 'Y' },
      },
    }))
  }
  for (const v of [
    'y',
    'YES',
    '',
    ' Y',
    'NO',
    'X',
    1,
    null,
    true,
    ['Y'],
    { v: 'Y' },
    'Y\r\n',
    'toString',
    'constructor',
    'hasOwnProperty',
    'valueOf',
  ]) {
    cases.push(ballot('verdict', {
      ...ids,
      choice: {
        verdicts: { 'large.simple': v },
      },
    }))
  }
  cases.push(ballot('verdict', {
    ...ids,
    choice: { verdicts: {} },
  }))
  cases.push(ballot('verdict', {
    ...ids,
    choice: {
      verdicts: { 'large.simple': 'Y' },
      option: 'often',
    },
  }))
  // Missing or forged presenter tokens.
  const auths = [
    undefined,
    '',
    'Bearer',
    'Bearer ',
    'Bearer wrong',
    `Bearer ${TEST_TOKEN}x`,
    `Bearer ${TEST_TOKEN.slice(0, -1)}`,
    `bearer ${TEST_TOKEN}`,
    `Basic ${Buffer.from(`a:${TEST_TOKEN}`).toString('base64')}`,
    TEST_TOKEN,
    `Bearer ${TEST_TOKEN.toUpperCase()}`,
    `Bearer  ${'x'.repeat(4000)}`,
  ]
  for (const poll of ['warmup', 'verdict']) {
    for (const cmd of ['open', 'reset', 'reveal']) {
      for (const auth of auths.slice(0, 8)) {
        cases.push({
          name: `${cmd} ${poll} with ${auth?.slice(0, 20)}`,
          path: `/api/presenter/polls/${poll}/${cmd}`,
          init: {
            method: 'POST',
            headers: auth === undefined
              ? {}
              : { authorization: auth },
          },
        })
      }
    }
  }
  for (const auth of auths.slice(8)) {
    cases.push({
      name: `open with ${auth?.slice(0, 20)}`,
      path: '/api/presenter/polls/warmup/open',
      init: {
        method: 'POST',
        headers: { authorization: auth! },
      },
    })
  }
  cases.push({
    name: 'token in the query of a command',
    path: `/api/presenter/polls/warmup/open?token=${TEST_TOKEN}`,
    init: { method: 'POST' },
  })
  cases.push({ name: 'presenter stream without token', path: '/api/presenter/stream' })
  cases.push({ name: 'presenter stream with forged token', path: '/api/presenter/stream?token=forged-token-123456789' })
  cases.push({
    name: 'unknown command with token',
    path: '/api/presenter/polls/warmup/delete',
    init: {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_TOKEN}` },
    },
  })
  cases.push({
    name: 'command on unknown poll with token',
    path: '/api/presenter/polls/nope/open',
    init: {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_TOKEN}` },
    },
  })
  // Header injection and odd headers.
  const raw = (lines: string[], body = '') => `${lines.join('\r\n')}\r\n\r\n${body}`
  const json = JSON.stringify({
    ...ids,
    choice: { option: 'often' },
  })
  cases.push({
    name: 'CRLF in a header value',
    raw: raw(['GET /api/polls HTTP/1.1', 'Host: x', 'X-Test: a\rSet-Cookie: b=c']),
  })
  cases.push({
    name: 'bare LF header injection',
    raw: raw(['GET /api/polls HTTP/1.1', 'Host: x', 'X-A: 1\nX-B: 2']),
  })
  cases.push({
    name: 'NUL in a header',
    raw: raw(['GET /api/polls HTTP/1.1', 'Host: x', 'X-A: a\u0000b']),
  })
  cases.push({
    name: 'header without colon',
    raw: raw(['GET /api/polls HTTP/1.1', 'Host: x', 'Broken header']),
  })
  cases.push({
    name: 'duplicate content-length',
    raw: raw([
      'POST /api/polls/warmup/ballots HTTP/1.1',
      'Host: x',
      'Content-Type: application/json',
      'Content-Length: 5',
      `Content-Length: ${json.length}`,
    ], json),
  })
  cases.push({
    name: 'content-length and chunked (smuggling)',
    raw: raw([
      'POST /api/polls/warmup/ballots HTTP/1.1',
      'Host: x',
      'Content-Type: application/json',
      `Content-Length: ${json.length}`,
      'Transfer-Encoding: chunked',
    ], `0\r\n\r\n${json}`),
  })
  cases.push({
    name: 'negative content-length',
    raw: raw([
      'POST /api/polls/warmup/ballots HTTP/1.1',
      'Host: x',
      'Content-Type: application/json',
      'Content-Length: -1',
    ], json),
  })
  cases.push({
    name: 'huge header',
    raw: raw(['GET /api/polls HTTP/1.1', 'Host: x', `X-Big: ${'a'.repeat(20_000)}`]),
  })
  cases.push({
    name: 'request line garbage',
    raw: raw(['GARBAGE']),
  })
  cases.push({
    name: 'HTTP/1.1 without a Host header',
    raw: raw(['GET /api/polls HTTP/1.1', 'Accept: */*']),
    bareStatus: true,
  })
  cases.push({
    name: 'CRLF in the path',
    raw: raw(['GET /api/polls%0d%0aSet-Cookie:%20a=b HTTP/1.1', 'Host: x']),
  })
  cases.push({
    name: 'content type with injection',
    path: '/api/polls/warmup/ballots',
    init: {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8, text/html' },
      body: '{',
    },
  })
  // Path traversal on the static files.
  for (const path of [
    '/../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/vote/..%2f..%2fpackage.json',
    '/vote/../../package.json',
    '/assets/../../server/config.ts',
    '/..%5c..%5cpackage.json',
    '//etc/passwd',
    '/vote/%2e%2e/%2e%2e/.data/ballots.sqlite',
    '/index.html%00.js',
    '/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd',
    '/vote/assets/..%252f..%252fpackage.json',
    '/.data/ballots.sqlite',
    '/.env',
    '/package.json',
    '/server/config.ts',
    '/node_modules/fastify/package.json',
    '/vote/../.git/config',
    '/..;/package.json',
    '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/vote/%00',
    '/assets/%2e%2e%2f%2e%2e%2fslides.md',
    '/....//....//etc/passwd',
    '/vote/.%2e/.%2e/package.json',
  ]) {
    cases.push({
      name: `traversal ${path}`,
      raw: raw([`GET ${path} HTTP/1.1`, 'Host: x', 'Accept: text/html']),
      forbid: forbidFiles,
    })
  }
  // Wrong methods and unknown API routes.
  for (const [method, path] of [
    ['DELETE', '/api/polls/warmup/ballots'],
    ['PUT', '/api/presenter/polls/warmup/open'],
    ['PATCH', '/api/results.json'],
    ['GET', '/api/polls/warmup/ballots'],
    ['GET', '/api/nope'],
    ['POST', '/api/results.csv'],
    ['POST', '/healthz'],
    ['TRACE', '/api/polls'],
  ]) {
    cases.push({
      name: `${method} ${path}`,
      raw: raw([`${method} ${path} HTTP/1.1`, 'Host: x', 'Content-Length: 0']),
    })
  }
  return cases
}

/** Sends a raw request and returns the status line's code and the whole response text. */
function sendRaw(url: string, request: string): Promise<{ status: number, text: string }> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    // Write without half-closing: a server may drop a half-closed connection before a streamed answer.
    const socket = connect(Number(port), hostname, () => socket.write(request.replace('\r\n', '\r\nConnection: close\r\n')))
    let text = ''
    socket.setEncoding('latin1')
    socket.on('data', (d: string) => {
      text += d
    })
    socket.on('error', reject)
    socket.on('close', () => resolve({
      status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0),
      text,
    }))
    socket.setTimeout(5000, () => socket.destroy())
  })
}

let server: RunningServer
beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_PER_ADDRESS: '100000', RATE_LIMIT_PER_PARTICIPANT: '100000' }, undefined, 1500)
  await command(server.url, 'warmup', 'open')
  await command(server.url, 'verdict', 'open')
})
afterAll(async () => server?.app.close())

describe('hostile and malformed requests', () => {
  const cases = corpus()

  it('has a corpus of at least 200 requests', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200)
  })

  it('answers each with a 4xx and a message, stays up and changes nothing', async () => {
    const before = await results(server.url)
    const failures: string[] = []
    for (const c of cases) {
      let status: number
      let text: string
      if (c.raw) {
        ({ status, text } = await sendRaw(server.url, c.raw))
      }
      else {
        const res = await fetch(`${server.url}${c.path}`, c.init)
        status = res.status
        text = await res.text()
      }
      if (status < 400 || status >= 500)
        failures.push(`${c.name}: ${status}`)
      else if (!c.bareStatus && !/"message":"[^"]+"/.test(text))
        failures.push(`${c.name}: ${status} without a message`)
      for (const f of c.forbid ?? []) {
        if (text.includes(f))
          failures.push(`${c.name}: leaked ${f}`)
      }
      expect((await fetch(`${server.url}/healthz`)).status, c.name).toBe(200)
    }
    expect(failures).toEqual([])
    const after = await results(server.url)
    expect(after.polls).toEqual(before.polls)
  })

  it('times out a very slow body with a 408 and keeps serving', async () => {
    const { hostname, port } = new URL(server.url)
    const started = Date.now()
    const { status, text } = await new Promise<{ status: number, text: string }>((resolve) => {
      const socket = connect(Number(port), hostname, () => {
        socket.write('POST /api/polls/warmup/ballots HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{')
        const drip = setInterval(() => socket.write(' '), 300)
        socket.on('close', () => clearInterval(drip))
      })
      let text = ''
      socket.setEncoding('utf8')
      socket.on('data', (d: string) => {
        text += d
      })
      socket.on('close', () => resolve({
        status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0),
        text,
      }))
      socket.on('error', () => resolve({ status: 0, text }))
    })
    expect(status).toBe(408)
    expect(text).toContain('Requête trop lente')
    expect(Date.now() - started).toBeLessThan(10_000)
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
  })

  it('gives the phone page a CSP with no inline script and no other origin', async () => {
    const csp = (await fetch(`${server.url}/api/polls`)).headers.get('content-security-policy')!
    expect(csp).toContain('script-src \'self\'')
    expect(csp).not.toMatch(/script-src[^;]*unsafe/)
    expect(csp).not.toMatch(/https?:/)
  })
})
