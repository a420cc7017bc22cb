import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import process from 'node:process'
import { describe, expect, it } from 'vitest'
import { bottleneck, processCpuSeconds } from './cpu'

describe('bottleneck', () => {
  it('names the generator first: past its one core, the figures are its own', () => {
    expect(bottleneck({ server: 1.2, serverMain: 0.95, generator: 0.9 }, false)).toMatch(/^the load generator \(90 %/)
  })

  it('names the server\'s main thread when it is saturated, even with the rate met', () => {
    expect(bottleneck({ server: 1.05, serverMain: 0.9, generator: 0.7 }, true))
      .toBe('the server\'s main thread (90 % of a core): the target rate was met, but ballots queued for it')
    expect(bottleneck({ server: 1.05, serverMain: 0.9, generator: 0.7 }, false)).toBe('the server\'s main thread (90 % of a core)')
  })

  it('names nobody when the rate was met with room to spare', () => {
    expect(bottleneck({ server: 0.5, serverMain: 0.4, generator: 0.3 }, true)).toBe('none: the target rate was met')
    expect(bottleneck({ server: 0.6, serverMain: 0.5, generator: 0.3 }, false)).toBe('the server (60 % of a core)')
  })
})

/** A node process that works `main` ms of CPU on its main thread and `worker` ms in a worker thread, says « done », then waits. */
async function working(main: number, worker: number): Promise<ChildProcess> {
  const burn = (ms: number) => `const end = process.cpuUsage().user + ${ms * 1000}; while (process.cpuUsage().user < end) {}`
  // process.cpuUsage counts every thread: the worker burns on its own clock (threadCpuUsage).
  const source = worker
    ? `const { Worker } = require('node:worker_threads'); const w = new Worker('const end = process.threadCpuUsage().user + ${worker * 1000}; while (process.threadCpuUsage().user < end) {}', { eval: true }); w.on('exit', () => { ${burn(main)}; console.log('done') }); setTimeout(() => {}, 60000)`
    : `${burn(main)}; console.log('done'); setTimeout(() => {}, 60000)`
  const child = spawn(process.execPath, ['-e', source])
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('done') && resolve())
    child.once('exit', code => reject(new Error(`exited ${code}`)))
  })
  return child
}

describe('processCpuSeconds', () => {
  it('reads a process\'s CPU time from /proc', async () => {
    const child = await working(300, 0)
    try {
      expect(processCpuSeconds(child.pid!)).toBeGreaterThanOrEqual(0.3)
      expect(processCpuSeconds(child.pid!, child.pid)).toBeGreaterThanOrEqual(0.3)
    }
    finally {
      child.kill()
    }
  })

  it('reads the main thread alone when given its id: a worker\'s work is not counted', async () => {
    const child = await working(50, 400)
    try {
      const all = processCpuSeconds(child.pid!)
      const main = processCpuSeconds(child.pid!, child.pid)
      expect(all).toBeGreaterThanOrEqual(0.45)
      expect(main).toBeLessThan(all - 0.3)
    }
    finally {
      child.kill()
    }
  })
})
