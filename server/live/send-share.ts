import { performance } from 'node:perf_hooks'

/** Messages may take all of an idle event loop… */
export const IDLE_SHARE = 1
/** …and a tenth of a busy one: requests come first. */
export const BUSY_SHARE = 0.1
/** How often the loop's utilisation is sampled: long enough to smooth one burst out. */
const WINDOW_MS = 500

/**
 * The share of the event loop that the live messages may take, from how busy the loop
 * was (0..1, its utilisation): its idle part, never under a tenth. With 200 screens a
 * message costs 2–6 ms once its 200 socket writes are counted, a sixth of a quiet room's
 * loop at 50 ballots/s: a fixed tenth made screens wait up to 100 ms while the loop was
 * 80 % idle. With 3,000 screens at 2,000 ballots/s the loop is busy, and messages make way
 * for the ballots (docs/performance.md).
 */
export function shareFor(utilization: number): number {
  return Math.min(IDLE_SHARE, Math.max(BUSY_SHARE, 1 - utilization))
}

/** `shareFor` of the event loop of this thread, resampled every half-second. */
export function loopShare(): () => number {
  let mark = performance.eventLoopUtilization()
  let markAt = performance.now()
  let share = IDLE_SHARE
  return () => {
    const now = performance.now()
    if (now - markAt >= WINDOW_MS) {
      const current = performance.eventLoopUtilization()
      share = shareFor(performance.eventLoopUtilization(current, mark).utilization)
      mark = current
      markAt = now
    }
    return share
  }
}
