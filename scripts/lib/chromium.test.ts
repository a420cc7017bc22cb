import { describe, expect, it } from 'vitest'
import { findChromium } from './chromium'

describe('findChromium', () => {
  it('falls back to the usual paths when CHROMIUM_PATH names nothing', async () => {
    expect(await findChromium({ CHROMIUM_PATH: '/nowhere/chromium' }, ['/nowhere/either', '/bin/sh'])).toBe('/bin/sh')
  })

  it('takes CHROMIUM_PATH when it exists', async () => {
    expect(await findChromium({ CHROMIUM_PATH: '/bin/sh' }, ['/bin/ls'])).toBe('/bin/sh')
  })
})
