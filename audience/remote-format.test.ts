import { describe, expect, it } from 'vitest'
import { formatElapsed } from './remote-format'

describe('formatElapsed', () => {
  it('shows minutes and seconds', () => {
    expect(formatElapsed(0)).toBe('0:00')
    expect(formatElapsed(725_000)).toBe('12:05')
  })
})
