// Helpers for tests that talk to a real server over HTTP (not used in production).
import type { ResultsSnapshot } from '../poll/types'
import type { VoteServer } from './app'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildApp } from './app'
import { loadConfig } from './config'

export const TEST_TOKEN = 'test-presenter-token-0123456789'

export interface RunningServer extends VoteServer {
  url: string
  dataDir: string
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'atelier-test-'))
}

/** A real server on a free loopback port, with its own SQLite file. */
export async function startTestServer(env: Record<string, string> = {}, dataDir = tempDataDir(), requestTimeoutMs?: number): Promise<RunningServer> {
  const config = loadConfig({
    DATA_DIR: dataDir,
    PRESENTER_TOKEN: TEST_TOKEN,
    BROADCAST_INTERVAL_MS: '20',
    ...env,
  })
  const server = await buildApp(config, { logger: false, requestTimeoutMs })
  const url = await server.app.listen({ host: '127.0.0.1', port: 0 })
  return { ...server, url, dataDir }
}

export const presenterHeaders = { authorization: `Bearer ${TEST_TOKEN}` }

let counter = 0
/** A fresh participant or idempotency id, valid for the server. */
export function freshId(prefix = 'id'): string {
  counter++
  return `${prefix}-${process.pid}-${counter}-${Math.random().toString(36).slice(2, 10)}`.padEnd(16, '0')
}

export async function command(url: string, poll: string, name: string, headers: Record<string, string> = presenterHeaders): Promise<Response> {
  return fetch(`${url}/api/presenter/polls/${poll}/${name}`, { method: 'POST', headers })
}

export async function vote(url: string, poll: string, choice: unknown, participantId = freshId('p'), idempotencyKey = freshId('k')): Promise<Response> {
  return fetch(`${url}/api/polls/${poll}/ballots`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ participantId, idempotencyKey, choice }),
  })
}

export async function results(url: string, headers: Record<string, string> = presenterHeaders): Promise<ResultsSnapshot> {
  return await (await fetch(`${url}/api/results.json`, { headers })).json() as ResultsSnapshot
}

/** Reads an SSE stream and hands each snapshot to `onSnapshot`; returns a function that stops it. */
export function subscribe(url: string, onSnapshot: (s: ResultsSnapshot) => void, path = '/api/stream'): { close: () => void, opened: Promise<void> } {
  const controller = new AbortController()
  let resolveOpened!: () => void
  const opened = new Promise<void>((r) => {
    resolveOpened = r
  })
  void (async () => {
    try {
      const res = await fetch(`${url}${path}`, { signal: controller.signal })
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
  })()
  return {
    close: () => controller.abort(),
    opened,
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
