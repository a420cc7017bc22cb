import { describe, expect, it } from 'vitest'
import { BUSY_SHARE, IDLE_SHARE, loopShare, shareFor } from './send-share'

describe('shareFor', () => {
  it('lends messages the idle part of the loop, and a tenth of a busy one', () => {
    expect(shareFor(0)).toBe(IDLE_SHARE)
    expect(shareFor(0.2)).toBeCloseTo(0.8)
    expect(shareFor(0.95)).toBe(BUSY_SHARE)
    expect(shareFor(1)).toBe(BUSY_SHARE)
  })
})

describe('loopShare', () => {
  it('follows this thread\'s real event loop: a tenth after a window of work, all of it after an idle one', async () => {
    const share = loopShare(100)
    try {
      expect(share.read()).toBe(IDLE_SHARE)
      let n = 0
      const end = performance.now() + 300
      while (performance.now() < end)
        n++
      expect(n).toBeGreaterThan(0)
      // The overdue sample is due first: it runs before this timer.
      await new Promise(r => setTimeout(r, 1))
      expect(share.read()).toBe(BUSY_SHARE)
      await new Promise(r => setTimeout(r, 350))
      expect(share.read()).toBeGreaterThan(0.8)
    }
    finally {
      share.stop()
    }
  })
})
