// `npm run bench`: a load generator on loopback against a real vote server process.
// It opens N audience streams (SSE), casts ballots at a set rate from distinct
// participants (some of whom change their vote), and measures acknowledgement and
// vote-to-screen latency, throughput, errors and the server's peak RSS. It ends by
// checking that the server's tallies equal the ballots it acknowledged.
// Every parameter is a flag; the run is bounded in ballots and in time.
import type { Choice } from '../poll/types'
import type { ServerProcess } from './lib/server-process'
import { readFileSync } from 'node:fs'
import { Agent } from 'node:http'
import process from 'node:process'
import { isDeepStrictEqual, parseArgs } from 'node:util'
import { cellIds, verdictIds } from '../data/matrix'
import { pollById } from '../data/polls'
import { tallyOf } from '../poll/tally'
import { postBallot } from './bench/load'
import { summarize } from './bench/stats'
import { closeSubscribers, firstArrivalAtOrAfter, openSubscribers } from './bench/subscribers'
import { startServerProcess, TEST_TOKEN } from './lib/server-process'

const MAX_SECONDS = 600
const participantId = (n: number) => `bench-participant-${String(n).padStart(12, '0')}`
const PEAK_RSS = /VmHWM:\s+(\d+)/
const MAX_SUBSCRIBERS = 20_000

interface Options {
  subscribers: number
  rate: number
  duration: number
  changes: number
  probes: number
  interval: number
  concurrency: number
}

function options() {
  const { values } = parseArgs({
    options: {
      'subscribers': { type: 'string', default: '2000' },
      'rate': { type: 'string', default: '1000' },
      'rates': { type: 'string' },
      'duration': { type: 'string', default: '60' },
      'changes': { type: 'string', default: '0.2' },
      'probes': { type: 'string', default: '50' },
      'broadcast-interval': { type: 'string', default: '100' },
      'concurrency': { type: 'string', default: '256' },
      'help': { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    console.log(`npm run bench -- [--subscribers 2000] [--rate 1000 | --rates 1000,2000,4000] [--duration 60]
  [--changes 0.2] [--probes 50] [--broadcast-interval 100] [--concurrency 256]
  --changes: share of ballots that change an earlier vote; --probes: streams that time arrivals.`)
    process.exit(0)
  }
  const n = (name: string, v: string | undefined, min: number, max: number) => {
    const x = Number(v)
    if (!Number.isFinite(x) || x < min || x > max)
      throw new Error(`--${name} must be a number between ${min} and ${max} (got ${v})`)
    return x
  }
  const base = {
    subscribers: n('subscribers', values.subscribers, 0, MAX_SUBSCRIBERS),
    duration: n('duration', values.duration, 1, MAX_SECONDS),
    changes: n('changes', values.changes, 0, 0.9),
    probes: n('probes', values.probes, 0, 500),
    interval: n('broadcast-interval', values['broadcast-interval'], 10, 5000),
    concurrency: n('concurrency', values.concurrency, 1, 4096),
  }
  const rates = (values.rates ?? values.rate).split(',').map(r => n('rate', r, 1, 50_000))
  return rates.map(rate => ({ ...base, rate }))
}

function randomChoice(i: number): Choice {
  const verdicts: Record<string, string> = {}
  const count = 1 + (i % 3)
  for (let k = 0; k < count; k++)
    verdicts[cellIds[(i * 7 + k * 4) % cellIds.length]!] = verdictIds[(i + k) % 3]!
  return { verdicts } as Choice
}

function peakRss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(PEAK_RSS.exec(status)?.[1] ?? 0) * 1024
}

async function runOnce(opts: Options) {
  const server: ServerProcess = await startServerProcess({
    RATE_LIMIT_PER_ADDRESS: '100000000',
    RATE_LIMIT_PER_PARTICIPANT: '1000000',
    BROADCAST_INTERVAL_MS: String(opts.interval),
  })
  const base = new URL(server.url)
  try {
    await fetch(`${server.url}/api/polls/verdict/open`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_TOKEN}` },
    })
    const subs = await openSubscribers(base, opts.subscribers, Math.min(opts.probes, opts.subscribers))
    const agent = new Agent({ keepAlive: true, maxSockets: opts.concurrency })
    const total = Math.round(opts.rate * opts.duration)
    const participants = Math.max(1, Math.round(total * (1 - opts.changes)))
    const finalChoice = new Map<string, Choice>()
    const inFlight = new Set<string>()
    const ackLatencies: number[] = []
    const acks: { ackAt: number, version: number }[] = []
    const errors = new Map<number, number>()
    let sent = 0
    let nextNew = 0
    let skipped = 0
    const pending: Promise<void>[] = []
    const start = performance.now()
    const deadline = start + opts.duration * 1000

    function pickParticipant(i: number): string | null {
      // New participants first in proportion; the rest change an earlier vote.
      const wantNew = nextNew < participants && (nextNew < 10 || Math.random() >= opts.changes)
      if (wantNew)
        return participantId(nextNew++)
      for (let tries = 0; tries < 8; tries++) {
        const id = participantId(Math.floor(Math.random() * nextNew))
        if (!inFlight.has(id))
          return id
      }
      return i % 2
        ? null
        : (nextNew < participants
            ? participantId(nextNew++)
            : null)
    }

    while (sent < total && performance.now() < deadline) {
      const due = Math.min(total, Math.floor((performance.now() - start) * opts.rate / 1000))
      while (sent < due) {
        const id = pickParticipant(sent)
        sent++
        if (!id || inFlight.has(id)) {
          skipped++
          continue
        }
        const choice = randomChoice(sent)
        inFlight.add(id)
        pending.push(postBallot(agent, base, 'verdict', id, `bench-key-${String(sent).padStart(12, '0')}`, choice).then((r) => {
          inFlight.delete(id)
          if (r.ack) {
            ackLatencies.push(r.latencyMs)
            acks.push(r.ack)
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
    await new Promise(r => setTimeout(r, 3 * opts.interval + 500))

    const probes = subs.filter(s => s.probe)
    const screen: number[] = []
    let unseen = 0
    for (const ack of acks) {
      for (const p of probes) {
        const at = firstArrivalAtOrAfter(p, ack.version)
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
    const report = {
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
      peakRssMB: Math.round(peakRss(server.child.pid!) / 1048576),
      tallyExact: exact,
    }
    closeSubscribers(subs)
    agent.destroy()
    return report
  }
  finally {
    await server.stop()
  }
}

function printTable(r: Awaited<ReturnType<typeof runOnce>>): void {
  const f = (x: number) => (Number.isNaN(x)
    ? '–'
    : x.toFixed(1))
  const rows: [string, string][] = [
    ['target rate', `${r.rate} ballots/s for ${r.durationS} s`],
    [
      'audience streams',
      String(r.subscribers),
    ],
    ['ballots sent / acked', `${r.ballotsSent} / ${r.ballotsAcked} (${r.participants} participants)`],
    ['throughput', `${r.throughputPerS} ballots/s`],
    ['ack latency p50/p95/p99/max', `${f(r.ackMs.p50)} / ${f(r.ackMs.p95)} / ${f(r.ackMs.p99)} / ${f(r.ackMs.max)} ms`],
    ['vote-to-screen p50/p95/p99/max', `${f(r.voteToScreenMs.p50)} / ${f(r.voteToScreenMs.p95)} / ${f(r.voteToScreenMs.p99)} / ${f(r.voteToScreenMs.max)} ms`],
    [
      'acks never seen on a screen',
      String(r.unseenAcks),
    ],
    [
      'errors',
      JSON.stringify(r.errors),
    ],
    ['server peak RSS', `${r.peakRssMB} MB`],
    [
      'final tallies = acknowledged ballots',
      r.tallyExact ? 'yes' : 'NO',
    ],
  ]
  const width = Math.max(...rows.map(([k]) => k.length))
  console.log(rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`).join('\n'))
}

async function main(): Promise<void> {
  let ok = true
  for (const opts of options()) {
    console.log(`\n== ${opts.subscribers} streams, ${opts.rate} ballots/s, ${opts.duration} s`)
    const report = await runOnce(opts)
    printTable(report)
    console.log(JSON.stringify({ bench: 'vote-server', ...report }))
    ok &&= report.tallyExact && report.unseenAcks === 0
  }
  process.exit(ok ? 0 : 1)
}

main().catch((error: Error) => {
  console.error(`bench failed: ${error.message}`)
  process.exit(2)
})
