// Helpers for tests that talk to the vote server in process.
import type { FastifyInstance } from 'fastify'
import type { PollView, ResultsSnapshot } from '../../poll/types'
import type { VoteServer } from '../../server/app'
import { tempDataDir, TEST_TOKEN } from '../../scripts/lib/server-process'
import { buildApp } from '../../server/app'
import { loadConfig } from '../../server/config'

export { tempDataDir, TEST_TOKEN }

/** A fetch that takes a path: over the network, or straight into the app. */
export type FetchLike = (path: string, init?: RequestInit) => Promise<Response>
/** Where a helper sends its request: a server's base URL, or an in-process app. */
export type Target = string | FetchLike

export interface TestServer extends VoteServer {
  /** What the request helpers take: the URL of a listening server, or its inject(). */
  target: Target
  dataDir: string
}

export interface RunningServer extends TestServer {
  url: string
}

const NULL_BODY = new Set([101, 204, 205, 304])

/** Fastify's inject() behind the fetch API, so that the same helpers serve both kinds of test. */
export function injector(app: FastifyInstance): FetchLike {
  return async (path, init = {}) => {
    const res = await app.inject({
      method: (init.method ?? 'GET') as 'GET',
      url: path,
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      payload: typeof init.body === 'string'
        ? init.body
        : undefined,
    })
    const headers = new Headers()
    for (const [name, value] of Object.entries(res.headers)) {
      for (const one of [value].flat())
        headers.append(name, String(one))
    }
    const body = NULL_BODY.has(res.statusCode)
      ? null
      : new Uint8Array(res.rawPayload)
    return new Response(body, { status: res.statusCode, headers })
  }
}

function testConfig(env: Record<string, string>, dataDir: string) {
  return loadConfig({
    DATA_DIR: dataDir,
    PRESENTER_TOKEN: TEST_TOKEN,
    BROADCAST_INTERVAL_MS: '20',
    ...env,
  })
}

/** The app in process, with its own SQLite file and no port: for plain request/response tests. */
export async function testApp(env: Record<string, string> = {}, dataDir = tempDataDir()): Promise<TestServer> {
  const server = await buildApp(testConfig(env, dataDir), { logger: false })
  await server.app.ready()
  return {
    ...server,
    target: injector(server.app),
    dataDir,
  }
}

/** A real server on a free loopback port, with its own SQLite file: for streams and sockets. */
export async function startTestServer(env: Record<string, string> = {}, dataDir = tempDataDir(), requestTimeoutMs?: number): Promise<RunningServer> {
  const server = await buildApp(testConfig(env, dataDir), { logger: false, requestTimeoutMs })
  const url = await server.app.listen({ host: '127.0.0.1', port: 0 })
  return { ...server, url, target: url, dataDir }
}

export const presenterHeaders = { authorization: `Bearer ${TEST_TOKEN}` }

let counter = 0
/** A fresh participant or idempotency id, valid for the server. */
export function freshId(prefix = 'id'): string {
  counter++
  return `${prefix}-${process.pid}-${counter}-${Math.random().toString(36).slice(2, 10)}`.padEnd(16, '0')
}

/** Sends a request to a target: `send(server.target, '/api/polls')`. */
export function send(target: Target, path: string, init?: RequestInit): Promise<Response> {
  return typeof target === 'string'
    ? fetch(`${target}${path}`, init)
    : target(path, init)
}

export async function command(target: Target, poll: string, name: string, headers: Record<string, string> = presenterHeaders): Promise<Response> {
  return send(target, `/api/presenter/polls/${poll}/${name}`, { method: 'POST', headers })
}

/** A phone that has joined: the cookie it sends back, and the participant id inside it. */
export interface Phone {
  cookie: string
  id: string
}

const COOKIE_PAIR = /^([^=]+)=([^;]*)/

/** Joins the room as a new phone (optionally with the room code); null when refused. */
export async function join(target: Target, code?: string, headers: Record<string, string> = {}): Promise<{ phone: Phone | null, res: Response }> {
  const res = await send(target, '/api/participants', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(code === undefined
      ? {}
      : { code }),
  })
  const pair = COOKIE_PAIR.exec(res.headers.get('set-cookie') ?? '')
  if (!res.ok || !pair)
    return { phone: null, res }
  // A signed cookie's value is `id.signature`.
  const value = decodeURIComponent(pair[2]!)
  return {
    phone: {
      cookie: `${pair[1]}=${pair[2]}`,
      id: value.slice(0, value.lastIndexOf('.')),
    },
    res,
  }
}

/** A phone for the tests that need one and expect joining to work. */
export async function newPhone(target: Target, code?: string): Promise<Phone> {
  const { phone, res } = await join(target, code)
  if (!phone)
    throw new Error(`join refused: ${res.status} ${await res.text()}`)
  return phone
}

/**
 * Casts a ballot from `phone`, or from a phone that joins just for it. When that join is
 * refused (a store failure, closed registration), its answer is returned instead.
 */
export async function vote(target: Target, poll: string, choice: unknown, phone?: Phone, idempotencyKey = freshId('k')): Promise<Response> {
  let voter = phone
  if (!voter) {
    const joined = await join(target)
    if (!joined.phone)
      return joined.res
    voter = joined.phone
  }
  return send(target, `/api/polls/${poll}/ballots`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'cookie': voter.cookie },
    body: JSON.stringify({ idempotencyKey, choice }),
  })
}

export async function results(target: Target, headers: Record<string, string> = presenterHeaders): Promise<ResultsSnapshot> {
  return await (await send(target, '/api/results.json', { headers })).json() as ResultsSnapshot
}

/** One poll of a snapshot, found by its id (never by its position in the list). */
export function pollOf(snapshot: ResultsSnapshot, id: string): PollView {
  const poll = snapshot.polls.find(p => p.id === id)
  if (!poll)
    throw new Error(`no poll ${id} in the snapshot`)
  return poll
}

/** Reads an SSE stream and hands each snapshot to `onSnapshot`; returns a function that stops it. */
export interface Subscription {
  close: () => void
  opened: Promise<void>
  /** True once the server has ended the stream (or it failed). */
  ended: () => boolean
}

/** Reads an SSE stream and hands each snapshot to `onSnapshot`. */
export function subscribe(url: string, onSnapshot: (s: ResultsSnapshot) => void, path = '/api/stream', headers: Record<string, string> = {}): Subscription {
  const controller = new AbortController()
  let resolveOpened!: () => void
  let ended = false
  const opened = new Promise<void>((r) => {
    resolveOpened = r
  })
  void (async () => {
    try {
      const res = await fetch(`${url}${path}`, { signal: controller.signal, headers })
      resolveOpened()
      const decoder = new TextDecoder()
      let buffer = ''
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true })
        let end = buffer.indexOf('\n\n')
        while (end >= 0) {
          const frame = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const data = frame.split('\n').find(l => l.startsWith('data: '))
          if (frame.includes('event: snapshot') && data)
            onSnapshot(JSON.parse(data.slice(6)) as ResultsSnapshot)
          end = buffer.indexOf('\n\n')
        }
      }
    }
    catch {}
    ended = true
    resolveOpened()
  })()
  return {
    close: () => controller.abort(),
    opened,
    ended: () => ended,
  }
}

/** Waits until `check` passes, polling; fails with the last error after `timeoutMs`. */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 5000): Promise<T> {
  const start = Date.now()
  let lastError: unknown
  while (Date.now() - start < timeoutMs) {
    try {
      return await check()
    }
    catch (error) {
      lastError = error
      await new Promise(r => setTimeout(r, 25))
    }
  }
  throw lastError
}
