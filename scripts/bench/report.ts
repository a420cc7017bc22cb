import type { ColdStartReport } from './cold-start'
import type { SteadyReport } from './steady'

function f(x: number) {
  return Number.isNaN(x)
    ? '–'
    : x.toFixed(1)
}
const quartet = (s: SteadyReport['ackMs']) => `${f(s.p50)} / ${f(s.p95)} / ${f(s.p99)} / ${f(s.max)} ms`

function table(rows: [string, string][]): void {
  const width = Math.max(...rows.map(([k]) => k.length))
  console.log(rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`).join('\n'))
}

export function printSteady(r: SteadyReport): void {
  table([
    ['shape', r.topology],
    ['target rate', `${r.rate} ballots/s for ${r.durationS} s`],
    [
      'audience streams',
      String(r.subscribers),
    ],
    ['ballots sent / acked', `${r.ballotsSent} / ${r.ballotsAcked} (${r.participants} participants)`],
    ['throughput', `${r.throughputPerS} ballots/s`],
    [
      'ack latency p50/p95/p99/max',
      quartet(r.ackMs),
    ],
    [
      'vote-to-screen p50/p95/p99/max',
      quartet(r.voteToScreenMs),
    ],
    [
      'acks never seen on a screen',
      String(r.unseenAcks),
    ],
    [
      'errors',
      JSON.stringify(r.errors),
    ],
    ['longest event-loop stall', `${f(r.loopDelayMaxMs)} ms`],
    [
      'server peak RSS',
      r.instancesRssMB.length > 1
        ? `${r.instancesRssMB.join(' / ')} MB (per instance)`
        : `${r.peakRssMB} MB (${r.readyRssMB} MB ready, before the first phone)`,
    ],
    ...(r.dbConnectionsMax
      ? [
          [
            'database connections, most at once',
            String(r.dbConnectionsMax),
          ] as [string, string],
        ]
      : []),
    ['CPU, share of one core', `server ${Math.round(r.serverCpu * 100)} % (main thread ${Math.round(r.serverMainCpu * 100)} %), load generator ${Math.round(r.generatorCpu * 100)} %`],
    ['bottleneck', r.bottleneck],
    [
      'final tallies = acknowledged ballots',
      r.tallyExact ? 'yes' : 'NO',
    ],
  ])
}

/** The goals of docs/performance.md against this run; true when every one is met. */
export function printGoals([quiet, heavy, cold]: [SteadyReport, SteadyReport, ColdStartReport]): boolean {
  const exact = (r: SteadyReport) => r.tallyExact && r.unseenAcks === 0 && r.ballotsAcked === r.ballotsSent
  const goals: [string, string, string, boolean][] = [
    [
      'vote to screen p99, quiet room',
      '≤ 20 ms',
      `${f(quiet.voteToScreenMs.p99)} ms`,
      quiet.voteToScreenMs.p99 <= 20,
    ],
    [
      'ack p99, quiet room',
      '≤ 4 ms',
      `${f(quiet.ackMs.p99)} ms`,
      quiet.ackMs.p99 <= 4,
    ],
    [
      'server memory, 200 phones',
      '≤ 90 MB',
      `${quiet.peakRssMB} MB`,
      quiet.peakRssMB <= 90,
    ],
    [
      'ack p99 at 5,000/s, 1,000 phones, nothing lost',
      '≤ 100 ms',
      `${f(heavy.ackMs.p99)} ms, ${heavy.throughputPerS}/s, ${exact(heavy)
        ? 'exact'
        : 'NOT exact'}`,
      heavy.ackMs.p99 <= 100 && exact(heavy) && heavy.throughputPerS >= 0.98 * heavy.rate,
    ],
    [
      'cold start: ack p99, 1,000 phones in 1 s',
      '≤ 250 ms',
      `${f(cold.ackMs.p99)} ms (${cold.ballotsAcked}/${cold.phones} acked)`,
      cold.ackMs.p99 <= 250 && cold.ballotsAcked === cold.phones,
    ],
    [
      'longest event-loop stall',
      '≤ 100 ms',
      `${[quiet, heavy, cold].map(r => `${f(r.loopDelayMaxMs)}`).join(' / ')} ms`,
      [quiet, heavy, cold].every(r => r.loopDelayMaxMs <= 100),
    ],
    [
      'connection resets',
      '0',
      String(quiet.connectionResets + heavy.connectionResets + (cold.errors['0'] ?? 0)),
      quiet.connectionResets + heavy.connectionResets + (cold.errors['0'] ?? 0) === 0,
    ],
  ]
  console.log('\n== goals (docs/performance.md)')
  table(goals.map(([name, goal, measured, met]) => [name, `${met ? 'met    ' : 'NOT MET'}  goal ${goal}, measured ${measured}`]))
  console.log(JSON.stringify({
    bench: 'vote-server-goals',
    goals: goals.map(([name, goal, measured, met]) => ({ name, goal, measured, met })),
  }))
  return goals.every(g => g[3]) && exact(quiet)
}

/** The same loads on each shape, side by side (docs/performance.md, « Hosted »). */
export function printShapes(reports: SteadyReport[]): void {
  const columns = [
    ...new Set(reports.map(r => r.topology)),
  ]
  const rates = [
    ...new Set(reports.map(r => r.rate)),
  ]
  const cell = (r: SteadyReport | undefined) => r
    ? `${r.throughputPerS}/s, ack p99 ${f(r.ackMs.p99)} ms, screen p99 ${f(r.voteToScreenMs.p99)} ms, ${r.instancesRssMB.join('/')} MB${r.dbConnectionsMax
      ? `, ${r.dbConnectionsMax} conn.`
      : ''}${r.tallyExact ? '' : ', TALLY WRONG'}`
    : '–'
  console.log(`\n== side by side\n  rate      ${columns.join('  |  ')}`)
  for (const rate of rates)
    console.log(`  ${String(rate).padEnd(8)}  ${columns.map(c => cell(reports.find(r => r.rate === rate && r.topology === c))).join('  |  ')}`)
}
