// Who used the CPU during a measured window: the server process and this load generator,
// each as a share of one core. On a 2-core machine they compete; when the generator is
// the one near a full core (it is single-threaded), the figures measure the generator.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import process from 'node:process'

/** Kernel clock ticks per second, for /proc/<pid>/stat (100 on common Linux builds). */
const TICKS_PER_S = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
/** A single-threaded generator above this share of a core is the bottleneck, not the server. */
export const GENERATOR_SATURATED = 0.85
/**
 * The server's main thread above this share of a core is its limit even when the target
 * rate was met: requests then wait their turn, and the latencies measure that queue.
 */
export const SERVER_SATURATED = 0.85

/**
 * CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat; with
 * `tid`, one of its threads only (/proc/<pid>/task/<tid>/stat; the main thread's tid is the pid).
 */
export function processCpuSeconds(pid: number, tid?: number): number {
  const stat = readFileSync(tid === undefined
    ? `/proc/${pid}/stat`
    : `/proc/${pid}/task/${tid}/stat`, 'utf8')
  // The command name may hold spaces: fields are counted after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_S
}

export interface CpuShares {
  /** Share of one core, 0..n (1 = one full core), every thread of the server process. */
  server: number
  /**
   * Its main thread alone, 0..1: the one that parses, stores and sends; the others are
   * V8's collector, the checkpoint worker and libuv's pool. Hosted, the busiest instance's.
   */
  serverMain: number
  generator: number
}

/** Starts a window; the returned function ends it and gives each side's share of a core. */
export function cpuWindow(serverPid: number): () => CpuShares {
  const t0 = performance.now()
  const server0 = processCpuSeconds(serverPid)
  const main0 = processCpuSeconds(serverPid, serverPid)
  const generator0 = process.cpuUsage()
  return () => {
    const seconds = (performance.now() - t0) / 1000
    const generator = process.cpuUsage(generator0)
    return {
      server: (processCpuSeconds(serverPid) - server0) / seconds,
      serverMain: (processCpuSeconds(serverPid, serverPid) - main0) / seconds,
      generator: (generator.user + generator.system) / 1e6 / seconds,
    }
  }
}

/** One line for the report: which side limited the run, if either. */
export function bottleneck(cpu: CpuShares, metTarget: boolean): string {
  if (cpu.generator >= GENERATOR_SATURATED)
    return `the load generator (${Math.round(cpu.generator * 100)} % of its one core): these figures understate the server`
  const main = `the server's main thread (${Math.round(cpu.serverMain * 100)} % of a core)`
  if (cpu.serverMain >= SERVER_SATURATED) {
    return metTarget
      ? `${main}: the target rate was met, but ballots queued for it`
      : main
  }
  if (metTarget)
    return 'none: the target rate was met'
  return `the server (${Math.round(cpu.server * 100)} % of a core)`
}
