// `npm run bench -- --offload`: what moving the store off the main thread would buy. The
// same groups of ballots are committed to the real SQLite store twice: on the main thread,
// as the server does, and through a worker thread (one message out and one back per group).
// What counts is the main thread's own CPU time per ballot (process.threadCpuUsage): that
// is the time the server could give back to parsing requests and feeding screens.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import process from 'node:process'
import { Worker } from 'node:worker_threads'
import { commit, group, openSeeded } from './offload-batch'

export interface OffloadReport {
  groupSize: number
  ballots: number
  mainThreadUsPerBallot: { inThread: number, worker: number }
  wallUsPerBallot: { inThread: number, worker: number }
}

const PHONES = 5000

function threadMs(usage: { user: number, system: number }): number {
  return (usage.user + usage.system) / 1000
}

async function inThread(dir: string, groups: number, size: number) {
  const store = await openSeeded(dir, PHONES)
  const started = performance.now()
  const before = process.threadCpuUsage()
  for (let g = 0; g < groups; g++)
    await commit(store, group(g, size, PHONES))
  const busyMs = threadMs(process.threadCpuUsage(before))
  const wall = performance.now() - started
  await store.close()
  return { busyMs, wallMs: wall }
}

async function throughWorker(dir: string, groups: number, size: number) {
  const worker = new Worker(new URL('./offload-worker.ts', import.meta.url), {
    workerData: { dir, phones: PHONES },
    execArgv: ['--import', 'tsx'],
  })
  await new Promise<void>(resolve => worker.once('message', () => resolve()))
  const pending = new Map<number, () => void>()
  worker.on('message', (m: { id: number }) => {
    pending.get(m.id)?.()
    pending.delete(m.id)
  })
  const started = performance.now()
  const before = process.threadCpuUsage()
  // As in the server: one group in flight at a time, the next one waits for its answer.
  for (let g = 0; g < groups; g++) {
    await new Promise<void>((resolve) => {
      pending.set(g, resolve)
      worker.postMessage({
        id: g,
        ballots: group(g, size, PHONES),
      })
    })
  }
  const busyMs = threadMs(process.threadCpuUsage(before))
  const wall = performance.now() - started
  worker.postMessage('close')
  await new Promise(resolve => worker.once('exit', resolve))
  return { busyMs, wallMs: wall }
}

export async function runOffload(groupSize: number, ballots: number): Promise<OffloadReport> {
  const groups = Math.ceil(ballots / groupSize)
  const run = async (how: typeof inThread) => {
    const dir = mkdtempSync(join(tmpdir(), 'atelier-offload-'))
    try {
      return await how(dir, groups, groupSize)
    }
    finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  const a = await run(inThread)
  const b = await run(throughWorker)
  const perBallot = (ms: number) => Math.round(1000 * ms / (groups * groupSize) * 10) / 10
  return {
    groupSize,
    ballots: groups * groupSize,
    mainThreadUsPerBallot: {
      inThread: perBallot(a.busyMs),
      worker: perBallot(b.busyMs),
    },
    wallUsPerBallot: {
      inThread: perBallot(a.wallMs),
      worker: perBallot(b.wallMs),
    },
  }
}
