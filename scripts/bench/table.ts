// `npm run bench -- --table`: the load table of docs/performance.md (« Des milliers de
// téléphones »), each row a steady run with per-phone credentials, then one line per row
// with its goal met or missed, and which side (server or load generator) limited it.
import type { SteadyOptions, SteadyReport } from './steady'

interface Row {
  options: SteadyOptions
  /** Goals on ack and vote-to-screen p99 (ms) and peak RSS (MB), when the row has them. */
  goal?: { ackP99?: number, screenP99?: number, rssMB?: number }
}

const common = { changes: 0.2, interval: 100, concurrency: 256 }

export const tableRows: Row[] = [
  {
    options: {
      ...common,
      name: 'quiet room: 200 phones (150 phone views + 50 screens), 50/s',
      subscribers: 200,
      probes: 50,
      rate: 50,
      duration: 20,
    },
    goal: { ackP99: 4, screenP99: 6, rssMB: 90 },
  },
  {
    options: {
      ...common,
      name: 'quiet room: 200 screens receiving every tally, 50/s',
      subscribers: 200,
      probes: 200,
      rate: 50,
      duration: 20,
    },
    goal: { ackP99: 4, screenP99: 6, rssMB: 90 },
  },
  {
    options: {
      ...common,
      name: '1,000 streams, 200/s',
      subscribers: 1000,
      probes: 50,
      rate: 200,
      duration: 20,
    },
    goal: { ackP99: 100 },
  },
  {
    options: {
      ...common,
      name: '3,000 phones + 20 screens, 4,000/s',
      subscribers: 3020,
      probes: 20,
      rate: 4000,
      duration: 15,
    },
    goal: { ackP99: 100 },
  },
  {
    options: {
      ...common,
      name: '5,000 phones + 20 screens, 5,000/s for 60 s',
      subscribers: 5020,
      probes: 20,
      rate: 5000,
      duration: 60,
    },
    goal: { ackP99: 100 },
  },
  {
    options: {
      ...common,
      name: '3,000 screens receiving every tally (50 of them timed), 2,000/s',
      subscribers: 3000,
      probes: 50,
      screens: 2950,
      rate: 2000,
      duration: 15,
    },
    goal: { ackP99: 100 },
  },
  {
    options: {
      ...common,
      name: '10,000 phones connected, nearly idle (10/s)',
      subscribers: 10_000,
      phones: 10_000,
      probes: 5,
      rate: 10,
      duration: 20,
    },
    goal: { rssMB: 600 },
  },
]

/** One line per row: each goal met or missed by how much, and the run's bottleneck. */
export function verdictLine(row: Row, r: SteadyReport): { line: string, met: boolean } {
  const parts: string[] = []
  let met = r.tallyExact && r.unseenAcks === 0 && r.ballotsAcked === r.ballotsSent
  const check = (label: string, value: number, limit: number | undefined, unit: string) => {
    if (limit === undefined)
      return
    const ok = value <= limit
    met &&= ok
    parts.push(`${label} ${value.toFixed(1)} ${unit} ${ok ? '≤' : '>'} ${limit} ${unit}${ok
      ? ''
      : ` (missed by ${(value - limit).toFixed(1)})`}`)
  }
  check('ack p99', r.ackMs.p99, row.goal?.ackP99, 'ms')
  check('screen p99', r.voteToScreenMs.p99, row.goal?.screenP99, 'ms')
  check('RSS', r.peakRssMB, row.goal?.rssMB, 'MB')
  if (row.goal?.rssMB !== undefined)
    parts.push(`${r.readyRssMB} MB of it before the first phone`)
  const timeouts = Object.entries(r.errors).reduce((n, [, c]) => n + c, 0)
  parts.push(`${r.throughputPerS}/s of ${r.rate}/s, ${timeouts} errors, tallies ${r.tallyExact ? 'exact' : 'NOT exact'}`)
  parts.push(`bottleneck: ${r.bottleneck}`)
  return { line: `${met ? 'MET ' : 'MISS'} ${r.scenario}: ${parts.join('; ')}`, met }
}
