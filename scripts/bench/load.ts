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

/** Posts one ballot over a keep-alive agent; never throws (network errors are status 0). */
export function postBallot(agent: Agent, base: URL, poll: string, participantId: string, idempotencyKey: string, choice: Choice): Promise<BallotResult> {
  const body = JSON.stringify({ participantId, idempotencyKey, choice })
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
