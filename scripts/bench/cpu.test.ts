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

describe('processCpuSeconds', () => {
  it('reads a process and its main thread from /proc, the thread never above the process', async () => {
    // A process whose main thread works for 300 ms, then waits to be read.
    const child = spawn(process.execPath, ['-e', 'const end = Date.now() + 300; let n = 0; while (Date.now() < end) n++; setTimeout(() => {}, 5000)'])
    try {
      await new Promise(r => setTimeout(r, 1000))
      const main = processCpuSeconds(child.pid!, child.pid)
      const all = processCpuSeconds(child.pid!)
      expect(main).toBeGreaterThanOrEqual(0.2)
      expect(all).toBeGreaterThanOrEqual(main)
    }
    finally {
      child.kill()
    }
  })
})
