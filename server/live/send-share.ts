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
 * for the ballots (docs/performance.md). The utilisation includes the messages' own
 * sending on purpose: the more they take, the less they are lent.
 */
export function shareFor(utilization: number): number {
  return Math.min(IDLE_SHARE, Math.max(BUSY_SHARE, 1 - utilization))
}

export interface LoopShare {
  /** `shareFor` the last window's utilisation. */
  read: () => number
  stop: () => void
}

/**
 * `shareFor` this thread's event loop, sampled every window by a timer (not when read:
 * the first read after a quiet spell would then average the whole spell and lend the
 * loop to messages just as ballots arrive).
 */
export function loopShare(windowMs = WINDOW_MS): LoopShare {
  let mark = performance.eventLoopUtilization()
  let share = IDLE_SHARE
  const timer = setInterval(() => {
    const current = performance.eventLoopUtilization()
    share = shareFor(performance.eventLoopUtilization(current, mark).utilization)
    mark = current
  }, windowMs)
  timer.unref()
  return {
    read: () => share,
    stop: () => clearInterval(timer),
  }
}
