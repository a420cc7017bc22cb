import { describe, expect, it } from 'vitest'
import { backoffDelay } from './backoff'

describe('backoffDelay', () => {
  it('waits a random time up to a ceiling that doubles with each failure', () => {
    expect(backoffDelay(0, {
      random: () => 0,
    })).toBe(0)
    expect(backoffDelay(0, {
      random: () => 1,
    })).toBe(500)
    expect(backoffDelay(1, {
      random: () => 1,
    })).toBe(1000)
    expect(backoffDelay(2, {
      random: () => 0.5,
    })).toBe(1000)
  })

  it('never waits longer than the cap, however many failures', () => {
    expect(backoffDelay(3, {
      random: () => 1,
    })).toBe(3000)
    expect(backoffDelay(50, {
      random: () => 1,
    })).toBe(3000)
    expect(backoffDelay(50, {
      random: () => 1,
      capMs: 10_000,
    })).toBe(10_000)
  })

  it('spreads a room of clients over the whole window', () => {
    const delays = Array.from({ length: 1000 }, () => backoffDelay(2))
    expect(Math.min(...delays)).toBeLessThan(200)
    expect(Math.max(...delays)).toBeGreaterThan(1800)
    expect(new Set(delays).size).toBeGreaterThan(500)
  })
})
