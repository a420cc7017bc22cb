// The steady-load scenario of `npm run bench`: N audience streams, then ballots at a
// set rate from distinct participants (some change their vote). Measures ack and
// vote-to-screen latency, throughput, errors, the server's peak RSS and its longest
// event-loop stall, and checks that the final tallies equal the acknowledged ballots.
import type { Choice } from '../../poll/types'
import type { Topology } from './topology'
import { readFileSync } from 'node:fs'
import { Agent } from 'node:http'
import { isDeepStrictEqual } from 'node:util'
import { cellIds, verdictIds } from '../../data/matrix'
import { pollById } from '../../data/polls'
import { tallyOf } from '../../poll/tally'
import { TEST_TOKEN } from '../lib/server-process'
import { bottleneck, cpuWindow } from './cpu'
import { joinPhones, postBallot } from './load'
import { serverMetrics } from './metrics'
import { summarize } from './stats'
import { closeSubscribers, firstArrivalAtOrAfter, firstArrivalWithParticipants, openSubscribers } from './subscribers'
import { describeTopology, startTopology } from './topology'

/** At most this many participants per open stream: past it, ballots change earlier votes. */
const PHONES_PER_STREAM = 5

export interface SteadyOptions {
  name: string
  subscribers: number
  rate: number
  duration: number
  changes: number
  probes: number
  /** Streams after the probes that are screens (every tally) but time nothing; 0 by default. */
  screens?: number
  interval: number
  concurrency: number
  /** Phones that join before the ballots (each with its own cookie); by default, enough for the ballots. */
  phones?: number
  /** The laptop's shape by default; or N instances on PostgreSQL (docs/hosting.md). */
  topology?: Topology
}

type Summary = ReturnType<typeof summarize>

export interface SteadyReport {
  scenario: string
  rate: number
  durationS: number
  subscribers: number
  ballotsSent: number
  ballotsAcked: number
  participants: number
  throughputPerS: number
  ackMs: Summary
  voteToScreenMs: Summary
  unseenAcks: number
  errors: Record<string, number>
  connectionResets: number
  peakRssMB: number
  /** RSS once the server is ready, before the first phone joins. */
  readyRssMB: number
  loopDelayMaxMs: number
  tallyExact: boolean
  /** Shares of one core during the ballots, server and generator, and which one limited the run. */
  serverCpu: number
  /** The server's main thread alone (hosted: the busiest instance's). */
  serverMainCpu: number
  generatorCpu: number
  bottleneck: string
  /** Where the ballots went: « SQLite, 1 process » or « PostgreSQL, 3 instances ». */
  topology: string
  /** Peak RSS of each instance, in MB. */
  instancesRssMB: number[]
  /** Most database connections open at once during the ballots (PostgreSQL). */
  dbConnectionsMax: number
}

function randomChoice(i: number): Choice {
  const verdicts: Record<string, string> = {}
  const count = 1 + (i % 3)
  for (let k = 0; k < count; k++)
    verdicts[cellIds[(i * 7 + k * 4) % cellIds.length]!] = verdictIds[(i + k) % 3]!
  return { verdicts } as Choice
}

/** A process's memory in MB from /proc/<pid>/status: its peak (VmHWM) or what it holds now (VmRSS). */
export function memoryMB(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  return Math.round(Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024)
}

/** A steady load: N open streams, then ballots at a fixed rate for a fixed time. */
export async function runSteady(opts: SteadyOptions): Promise<SteadyReport> {
  const topology = opts.topology ?? { database: 'sqlite', instances: 1 }
  const running = await startTopology(topology, {
    RATE_LIMIT_PER_ADDRESS: '100000000',
    RATE_LIMIT_PER_PARTICIPANT: '1000000',
    JOIN_LIMIT_PER_ADDRESS: '100000000',
    // Every screen of the bench comes from one address.
    STREAMS_PER_ADDRESS: '100000',
    BROADCAST_INTERVAL_MS: String(opts.interval),
  })
  const server = running.servers[0]!
  // What the server holds before any phone: the part of the peak that no room size changes.
  const readyRssMB = Math.max(...running.servers.map(s => memoryMB(s.child.pid!, 'VmRSS')))
  const base = new URL(server.url)
  const bases = running.servers.map(s => new URL(s.url))
  // Hosted, each instance numbers its own versions: a ballot is on screen when the screen
  // shows at least as many participants as were acknowledged by then.
  const shared = topology.database === 'postgres'
  try {
    await fetch(`${server.url}/api/presenter/polls/verdict/open`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_TOKEN}` },
    })
    const agent = new Agent({ keepAlive: true, maxSockets: opts.concurrency })
    const total = Math.round(opts.rate * opts.duration)
    // Phones join before the measured window, as a room does when the QR code goes up.
    const participants = opts.phones ?? Math.max(1, Math.min(Math.round(total * (1 - opts.changes)), PHONES_PER_STREAM * Math.max(opts.subscribers, 200)))
    const cookies = await joinPhones(agent, base, participants)
    // The screens spread over the instances, as a balancer would spread them.
    const subs = (await Promise.all(bases.map((b, k) => {
      const share = (n: number) => Math.floor(n / bases.length) + (k < n % bases.length
        ? 1
        : 0)
      return openSubscribers(b, share(opts.subscribers), share(Math.min(opts.probes, opts.subscribers)), {
        screens: share(Math.min(opts.screens ?? 0, opts.subscribers - opts.probes)),
        cookieFor: i => cookies[(i * bases.length + k) % cookies.length],
      })
    }))).flat()
    for (const s of running.servers)
      await serverMetrics(s.url, true)
    let dbConnectionsMax = 0
    const sampler = setInterval(() => {
      running.connections().then((n) => {
        dbConnectionsMax = Math.max(dbConnectionsMax, n)
      }, () => {})
    }, 250)
    const finalChoice = new Map<number, Choice>()
    const inFlight = new Set<number>()
    const ackLatencies: number[] = []
    const acks: { ackAt: number, version: number, newAcked: number }[] = []
    let newAcked = 0
    const counted = new Set<number>()
    const errors = new Map<number, number>()
    let sent = 0
    let nextNew = 0
    let skipped = 0
    const pending: Promise<void>[] = []
    const endCpus = running.servers.map(s => cpuWindow(s.child.pid!))
    const start = performance.now()
    const deadline = start + opts.duration * 1000

    /** The index of a phone to vote now, or null when all those picked are busy. */
    function pickParticipant(i: number): number | null {
      // New participants first in proportion; the rest change an earlier vote.
      const wantNew = nextNew < participants && (nextNew < 10 || Math.random() >= opts.changes)
      if (wantNew)
        return nextNew++
      for (let tries = 0; tries < 8; tries++) {
        const id = Math.floor(Math.random() * nextNew)
        if (!inFlight.has(id))
          return id
      }
      return i % 2
        ? null
        : (nextNew < participants
            ? nextNew++
            : null)
    }

    while (sent < total && performance.now() < deadline) {
      const due = Math.min(total, Math.floor((performance.now() - start) * opts.rate / 1000))
      while (sent < due) {
        const id = pickParticipant(sent)
        sent++
        if (id === null || inFlight.has(id)) {
          skipped++
          continue
        }
        const choice = randomChoice(sent)
        inFlight.add(id)
        pending.push(postBallot(agent, bases[sent % bases.length]!, 'verdict', cookies[id]!, `bench-key-${String(sent).padStart(12, '0')}`, choice).then((r) => {
          inFlight.delete(id)
          if (r.ack) {
            ackLatencies.push(r.latencyMs)
            if (!counted.has(id)) {
              counted.add(id)
              newAcked++
            }
            acks.push({ ...r.ack, newAcked })
            finalChoice.set(id, choice)
          }
          else {
            errors.set(r.status, (errors.get(r.status) ?? 0) + 1)
          }
        }))
      }
      await new Promise(r => setTimeout(r, 2))
    }
    await Promise.race([
      Promise.all(pending),
      new Promise(r => setTimeout(r, 30_000)),
    ])
    const elapsed = (performance.now() - start) / 1000
    const shares = endCpus.map(end => end())
    const cpu = {
      server: shares.reduce((a, c) => a + c.server, 0),
      serverMain: Math.max(...shares.map(c => c.serverMain)),
      generator: shares[0]!.generator,
    }
    clearInterval(sampler)
    await new Promise(r => setTimeout(r, 3 * opts.interval + (shared ? 1500 : 500)))

    const probes = subs.filter(s => s.probe)
    const screen: number[] = []
    let unseen = 0
    for (const ack of acks) {
      for (const p of probes) {
        const at = shared
          ? firstArrivalWithParticipants(p, ack.newAcked, ack.ackAt)
          : firstArrivalAtOrAfter(p, ack.version)
        if (at === null)
          unseen++
        else screen.push(Math.max(0, at - ack.ackAt))
      }
    }
    const results = await (await fetch(`${server.url}/api/results.json`, {
      headers: { authorization: `Bearer ${TEST_TOKEN}` },
    })).json() as { polls: { id: string, participants: number, tally: unknown }[] }
    const verdictView = results.polls.find(p => p.id === 'verdict')!
    const expected = tallyOf(pollById('verdict')!, finalChoice.values())
    const exact = isDeepStrictEqual(verdictView.tally, expected) && verdictView.participants === finalChoice.size
    const loops = await Promise.all(running.servers.map(s => serverMetrics(s.url)))
    const report: SteadyReport = {
      scenario: opts.name,
      rate: opts.rate,
      durationS: Math.round(elapsed * 10) / 10,
      subscribers: subs.filter(s => s.connected).length,
      ballotsSent: sent - skipped,
      ballotsAcked: acks.length,
      participants: finalChoice.size,
      throughputPerS: Math.round(acks.length / elapsed),
      ackMs: summarize(ackLatencies),
      voteToScreenMs: summarize(screen),
      unseenAcks: unseen,
      errors: Object.fromEntries(errors),
      connectionResets: errors.get(0) ?? 0,
      peakRssMB: Math.max(...running.servers.map(s => memoryMB(s.child.pid!, 'VmHWM'))),
      readyRssMB,
      loopDelayMaxMs: Math.max(...loops.map(l => l.eventLoopDelayMs.max)),
      tallyExact: exact,
      serverCpu: Math.round(cpu.server * 100) / 100,
      serverMainCpu: Math.round(cpu.serverMain * 100) / 100,
      generatorCpu: Math.round(cpu.generator * 100) / 100,
      bottleneck: bottleneck(cpu, acks.length >= 0.98 * opts.rate * opts.duration),
      topology: describeTopology(topology),
      instancesRssMB: running.servers.map(s => memoryMB(s.child.pid!, 'VmHWM')),
      dbConnectionsMax,
    }
    closeSubscribers(subs)
    agent.destroy()
    return report
  }
  finally {
    await running.stop()
  }
}
