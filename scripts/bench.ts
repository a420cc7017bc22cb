// `npm run bench`: load tests of a real vote server process, on loopback only.
// Without flags it runs the suite behind docs/performance.md: a quiet room, a heavy
// load, and a cold start, each checked against its goal. With --rate or --subscribers
// it runs that steady load alone. Every run is bounded in ballots and in time.
import type { ColdStartReport } from './bench/cold-start'
import type { SteadyOptions, SteadyReport } from './bench/steady'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { runColdStart } from './bench/cold-start'
import { runOffload } from './bench/offload'
import { runQuestions } from './bench/questions'
import { printGoals, printShapes, printSteady } from './bench/report'
import { runSteady } from './bench/steady'
import { tableRows, verdictLine } from './bench/table'
import { describeTopology } from './bench/topology'

const MAX_SECONDS = 600
const MAX_SUBSCRIBERS = 20_000

const HELP = `npm run bench                      the suite: quiet room, heavy load, cold start, questions
npm run bench -- --table           the load table of docs/performance.md, row by row, each against its goal
npm run bench -- --questions [--duration 60]   the questions scenario alone
npm run bench -- --offload         the main thread's time per ballot, store on it or in a worker thread
npm run bench -- --database postgres --instances 3 [--rates 500,1000]   each load on SQLite, then on
  3 instances sharing a throwaway PostgreSQL, side by side (docs/hosting.md)
npm run bench -- [--subscribers 2000] [--rate 1000 | --rates 1000,2000,4000] [--duration 60]
  [--changes 0.2] [--probes 50] [--broadcast-interval 100] [--concurrency 256] [--phones 10000]
  --changes: share of ballots that change an earlier vote; --probes: streams that time arrivals;
  --phones: phones that join first, each with its own cookie (default: enough for the ballots).`

function parse() {
  const { values } = parseArgs({
    options: {
      'subscribers': { type: 'string' },
      'rate': { type: 'string' },
      'rates': { type: 'string' },
      'duration': { type: 'string', default: '60' },
      'changes': { type: 'string', default: '0.2' },
      'probes': { type: 'string', default: '50' },
      'broadcast-interval': { type: 'string', default: '100' },
      'concurrency': { type: 'string', default: '256' },
      'phones': { type: 'string' },
      'questions': { type: 'boolean' },
      'database': { type: 'string', default: 'sqlite' },
      'instances': { type: 'string', default: '1' },
      'table': { type: 'boolean' },
      'offload': { type: 'boolean' },
      'help': { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    console.log(HELP)
    process.exit(0)
  }
  const n = (name: string, v: string | undefined, min: number, max: number) => {
    const x = Number(v)
    if (!Number.isFinite(x) || x < min || x > max)
      throw new Error(`--${name} must be a number between ${min} and ${max} (got ${v})`)
    return x
  }
  const custom = values.rate !== undefined || values.rates !== undefined || values.subscribers !== undefined
  const base = {
    subscribers: n('subscribers', values.subscribers ?? '2000', 0, MAX_SUBSCRIBERS),
    duration: n('duration', values.duration, 1, MAX_SECONDS),
    changes: n('changes', values.changes, 0, 0.9),
    probes: n('probes', values.probes, 0, 500),
    interval: n('broadcast-interval', values['broadcast-interval'], 10, 5000),
    concurrency: n('concurrency', values.concurrency, 1, 4096),
    phones: values.phones === undefined
      ? undefined
      : n('phones', values.phones, 1, 100_000),
  }
  const rates = (values.rates ?? values.rate ?? '1000').split(',').map(r => n('rate', r, 1, 50_000))
  if (values.database !== 'sqlite' && values.database !== 'postgres')
    throw new Error(`--database must be sqlite or postgres (got ${values.database})`)
  const instances = n('instances', values.instances, 1, 16)
  if (values.database === 'sqlite' && instances > 1)
    throw new Error('--instances > 1 needs --database postgres: one SQLite file serves one process')
  return {
    custom: custom || values.database === 'postgres',
    // Hosted: each load runs on the laptop's shape first, then on PostgreSQL, in the same run.
    shapes: values.database === 'postgres'
      ? [
          { database: 'sqlite' as const, instances: 1 },
          { database: 'postgres' as const, instances },
        ]
      : [
          { database: 'sqlite' as const, instances: 1 },
        ],
    questions: values.questions === true,
    table: values.table === true,
    offload: values.offload === true,
    runs: rates.map(rate => ({ ...base, rate, name: `${base.subscribers} streams, ${rate}/s` })),
  }
}

/** The suite: each scenario of the goals table in docs/performance.md. */
async function suite(): Promise<boolean> {
  const common = {
    changes: 0.2,
    probes: 50,
    interval: 100,
    concurrency: 256,
  }
  const quiet: SteadyOptions = {
    ...common,
    name: 'quiet room: 200 phones, 50 ballots/s',
    subscribers: 200,
    rate: 50,
    duration: 30,
  }
  const heavy: SteadyOptions = {
    ...common,
    name: 'heavy load: 1,000 phones, 5,000 ballots/s',
    subscribers: 1000,
    rate: 5000,
    duration: 20,
  }
  const reports: (SteadyReport | ColdStartReport)[] = []
  for (const run of [quiet, heavy]) {
    console.log(`\n== ${run.name}, ${run.duration} s`)
    const report = await runSteady(run)
    printSteady(report)
    console.log(JSON.stringify({ bench: 'vote-server', ...report }))
    reports.push(report)
  }
  console.log('\n== cold start: 1,000 phones arrive in the first second of a fresh process')
  const cold = await runColdStart(1000)
  console.log(JSON.stringify({ bench: 'vote-server', ...cold }))
  reports.push(cold)
  const goals = printGoals(reports as [SteadyReport, SteadyReport, ColdStartReport])
  return await questionsScenario(60) && goals
}

/** 500 phones, 100 questions and 5,000 upvotes in a minute (docs/performance.md). */
async function questionsScenario(seconds: number): Promise<boolean> {
  console.log(`\n== questions: 500 phones, 100 questions, 5,000 upvotes in ${seconds} s`)
  const r = await runQuestions({ seconds })
  console.log(JSON.stringify({ bench: 'vote-server', ...r }))
  const goals = [
    ['question ack p99 ≤ 50 ms', r.askAckMs.p99, 50],
    ['upvote ack p99 ≤ 50 ms', r.voteAckMs.p99, 50],
    ['publish to screen p99 ≤ 200 ms', r.publishToScreenMs.p99, 200],
  ] as const
  let ok = r.tallyExact && r.upvotes === 5000 && r.questions === 100
  for (const [goal, value, limit] of goals) {
    const met = value <= limit
    ok &&= met
    console.log(`${met ? 'MET ' : 'MISS'} ${goal}: ${value.toFixed(1)} ms${met
      ? ''
      : ` (over by ${(value - limit).toFixed(1)} ms)`}`)
  }
  console.log(`${r.tallyExact ? 'MET ' : 'MISS'} tallies exact: ${r.upvotes} upvotes acknowledged, ${r.questions} questions; errors ${JSON.stringify(r.errors)}; server RSS ${r.rssMB} MB`)
  return ok
}

/** Each row of the load table, then its verdicts together. */
async function table(): Promise<boolean> {
  const lines: { line: string, met: boolean }[] = []
  for (const row of tableRows) {
    console.log(`\n== ${row.options.name}, ${row.options.duration} s`)
    const report = await runSteady(row.options)
    printSteady(report)
    console.log(JSON.stringify({ bench: 'vote-server', ...report }))
    lines.push(verdictLine(row, report))
  }
  console.log('\n== load table (docs/performance.md)')
  for (const { line } of lines)
    console.log(line)
  return lines.every(l => l.met)
}

/**
 * What the store would give back to the main thread in a worker thread, at the group sizes
 * the server commits under load (one ballot a turn in a quiet room, about 25 at 5,000/s).
 */
async function offload(): Promise<boolean> {
  console.log('\n== the store on the main thread or in a worker thread: main-thread busy time per ballot')
  for (const size of [1, 5, 25, 100]) {
    const r = await runOffload(size, 40_000)
    const saved = r.mainThreadUsPerBallot.inThread - r.mainThreadUsPerBallot.worker
    console.log(`groups of ${String(size).padStart(3)}: main thread ${r.mainThreadUsPerBallot.inThread} µs/ballot in-thread, ${r.mainThreadUsPerBallot.worker} µs/ballot with a worker (${saved >= 0
      ? 'saves'
      : 'costs'} ${Math.abs(saved).toFixed(1)} µs); wall ${r.wallUsPerBallot.inThread} vs ${r.wallUsPerBallot.worker} µs/ballot`)
    console.log(JSON.stringify({ bench: 'offload', ...r }))
  }
  return true
}

async function main(): Promise<void> {
  const { custom, questions, runs, shapes, table: wantTable, offload: wantOffload } = parse()
  let ok = true
  if (wantTable) {
    ok = await table()
  }
  else if (wantOffload) {
    ok = await offload()
  }
  else if (questions) {
    ok = await questionsScenario(runs[0]!.duration)
  }
  else if (!custom) {
    ok = await suite()
  }
  else {
    const reports: SteadyReport[] = []
    for (const run of runs) {
      for (const topology of shapes) {
        console.log(`\n== ${run.name}, ${run.duration} s, ${describeTopology(topology)}`)
        const report = await runSteady({ ...run, topology })
        printSteady(report)
        console.log(JSON.stringify({ bench: 'vote-server', ...report }))
        reports.push(report)
        ok &&= report.tallyExact && report.unseenAcks === 0
      }
    }
    if (shapes.length > 1)
      printShapes(reports)
  }
  process.exit(ok ? 0 : 1)
}

main().catch((error: Error) => {
  console.error(`bench failed: ${error.message}`)
  process.exit(2)
})
