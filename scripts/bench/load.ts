import type { Agent } from 'node:http'
import type { Choice } from '../../poll/types'
import { Buffer } from 'node:buffer'
import { request } from 'node:http'

export interface AckedBallot {
  /** When the server's acknowledgement arrived (performance.now()). */
  ackAt: number
  /** Results version that includes the ballot. */
  version: number
}

export interface BallotResult {
  status: number
  latencyMs: number
  ack?: AckedBallot
}

/** Joins as a new phone; resolves to the credential cookie to send with its ballots. */
export function joinPhone(agent: Agent, base: URL): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({
      agent,
      host: base.hostname,
      port: base.port,
      method: 'POST',
      path: '/api/participants',
      headers: { 'content-type': 'application/json', 'content-length': 2 },
    }, (res) => {
      res.resume()
      const cookie = res.headers['set-cookie']?.[0]?.split(';')[0]
      res.on('end', () => cookie
        ? resolve(cookie)
        : reject(new Error(`join refused: ${res.statusCode}`)))
    })
    req.on('error', reject)
    req.end('{}')
  })
}

/** Joins `count` phones, `concurrency` at a time. */
export async function joinPhones(agent: Agent, base: URL, count: number, concurrency = 64): Promise<string[]> {
  const cookies: string[] = []
  let next = 0
  await Promise.all(Array.from({
    length: Math.min(concurrency, count),
  }, async () => {
    while (next < count) {
      const i = next++
      cookies[i] = await joinPhone(agent, base)
    }
  }))
  return cookies
}

/** Posts one ballot over a keep-alive agent; never throws (network errors are status 0). */
export function postBallot(agent: Agent, base: URL, poll: string, cookie: string, idempotencyKey: string, choice: Choice): Promise<BallotResult> {
  const body = JSON.stringify({ idempotencyKey, choice })
  const start = performance.now()
  return new Promise((resolve) => {
    const req = request({
      agent,
      host: base.hostname,
      port: base.port,
      method: 'POST',
      path: `/api/polls/${poll}/ballots`,
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        cookie,
      },
    }, (res) => {
      let data = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => {
        data += c
      })
      res.on('end', () => {
        const now = performance.now()
        const result: BallotResult = { status: res.statusCode ?? 0, latencyMs: now - start }
        if (res.statusCode === 200)
          result.ack = { ackAt: now, version: (JSON.parse(data) as { version: number }).version }
        resolve(result)
      })
    })
    req.on('error', () => resolve({ status: 0, latencyMs: performance.now() - start }))
    req.end(body)
  })
}
