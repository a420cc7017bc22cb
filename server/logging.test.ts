import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { tempDataDir, TEST_TOKEN } from '../tests/helpers/test-server'
import { buildApp } from './app'
import { loadConfig } from './config'

describe('the server log', () => {
  it('never holds the token, however the query key is encoded', async () => {
    const stream = new PassThrough()
    let log = ''
    stream.on('data', (chunk: Buffer) => {
      log += chunk.toString()
    })
    const { app } = await buildApp(loadConfig({
      DATA_DIR: tempDataDir(),
      PRESENTER_TOKEN: TEST_TOKEN,
      LOG_LEVEL: 'info',
    }), { logStream: stream })
    for (const url of [
      `/api/presenter/login?token=${TEST_TOKEN}`,
      `/api/presenter/login?%74oken=${TEST_TOKEN}`,
      `/api/presenter/login?TOKEN=${encodeURIComponent(TEST_TOKEN)}&a=1`,
      `/nowhere?token=${TEST_TOKEN}`,
    ])
      await app.inject({ url })
    await app.close()
    expect(log).toContain('/api/presenter/login')
    expect(log).not.toContain(TEST_TOKEN)
    expect(log).not.toContain('0123456789')
  })
})
