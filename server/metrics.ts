import { monitorEventLoopDelay } from 'node:perf_hooks'
import process from 'node:process'

/** What the server reports about itself to the presenter (and to `npm run bench`). */
export interface ServerMetrics {
  /** How late the event loop ran its timers: a stall here delays every answer. */
  eventLoopDelayMs: { p50: number, p99: number, max: number }
  rssMB: number
  heapUsedMB: number
  streams: number
  uptimeS: number
}

const ms = (ns: number) => Math.round(ns / 1e4) / 100
const mb = (bytes: number) => Math.round(bytes / 1048576)

/** Watches the event loop from the server's start, at a 10 ms resolution. */
export class MetricsMonitor {
  private readonly loop = monitorEventLoopDelay({ resolution: 10 })

  constructor(private readonly streams: () => number) {
    this.loop.enable()
  }

  /** The figures since the start or the last reset; `reset` starts a new window. */
  read(reset = false): ServerMetrics {
    const memory = process.memoryUsage()
    const metrics: ServerMetrics = {
      eventLoopDelayMs: {
        p50: ms(this.loop.percentile(50)),
        p99: ms(this.loop.percentile(99)),
        max: ms(this.loop.max),
      },
      rssMB: mb(memory.rss),
      heapUsedMB: mb(memory.heapUsed),
      streams: this.streams(),
      uptimeS: Math.round(process.uptime()),
    }
    if (reset)
      this.loop.reset()
    return metrics
  }

  stop(): void {
    this.loop.disable()
  }
}
