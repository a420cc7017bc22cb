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
  it('follows this thread\'s real event loop: a tenth after half a second of work', async () => {
    const share = loopShare()
    expect(share()).toBe(IDLE_SHARE)
    let n = 0
    const end = performance.now() + 600
    while (performance.now() < end)
      n++
    expect(n).toBeGreaterThan(0)
    expect(share()).toBe(BUSY_SHARE)
    // Then idle again: the next window gives the room back.
    await new Promise(r => setTimeout(r, 600))
    expect(share()).toBeGreaterThan(0.8)
  })
})
