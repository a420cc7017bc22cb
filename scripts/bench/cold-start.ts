// The cold-start scenario of `npm run bench`: a fresh server process, and a room of
// phones that all arrive in the first second: each opens its stream, joins and votes once,
// on a connection of its own. Measures the acks and the server's longest stall.
import { Agent } from 'node:http'
import { startServerProcess, TEST_TOKEN } from '../lib/server-process'
import { joinPhone, postBallot } from './load'
import { serverMetrics } from './metrics'
import { summarize } from './stats'
import { closeSubscribers, openSubscribers } from './subscribers'

export interface ColdStartReport {
  scenario: 'cold-start'
  phones: number
  ballotsAcked: number
  ackMs: ReturnType<typeof summarize>
  errors: Record<string, number>
  loopDelayMaxMs: number
  rssMB: number
}

export async function runColdStart(phones: number, spreadMs = 1000): Promise<ColdStartReport> {
  const server = await startServerProcess({
    RATE_LIMIT_PER_ADDRESS: '100000000',
    RATE_LIMIT_PER_PARTICIPANT: '1000000',
    JOIN_LIMIT_PER_ADDRESS: '100000000',
    STREAMS_PER_ADDRESS: '100000',
  })
  const base = new URL(server.url)
  try {
    await fetch(`${server.url}/api/presenter/polls/placement/open`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_TOKEN}` },
    })
    // No keep-alive pool: each phone is a new connection, as in the room.
    const agent = new Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY })
    const latencies: number[] = []
    const errors = new Map<number, number>()
    const streams = openSubscribers(base, phones, 0, { spreadMs })
    const start = performance.now()
    const ballots = Array.from({ length: phones }, async (_, i) => {
      await new Promise(r => setTimeout(r, Math.max(0, i * spreadMs / phones - (performance.now() - start))))
      // Each phone joins, then votes: the ack is timed from the ballot.
      const cookie = await joinPhone(agent, base).catch(() => null)
      if (!cookie) {
        errors.set(403, (errors.get(403) ?? 0) + 1)
        return
      }
      const r = await postBallot(agent, base, 'placement', cookie, `cold-key-${String(i).padStart(12, '0')}`, { option: 'large.simple' })
      if (r.ack)
        latencies.push(r.latencyMs)
      else errors.set(r.status, (errors.get(r.status) ?? 0) + 1)
    })
    await Promise.all(ballots)
    const subs = await streams
    const metrics = await serverMetrics(server.url)
    closeSubscribers(subs)
    agent.destroy()
    return {
      scenario: 'cold-start',
      phones,
      ballotsAcked: latencies.length,
      ackMs: summarize(latencies),
      errors: Object.fromEntries(errors),
      loopDelayMaxMs: metrics.eventLoopDelayMs.max,
      rssMB: metrics.rssMB,
    }
  }
  finally {
    await server.stop()
  }
}
