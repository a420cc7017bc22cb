import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDataDir, TEST_TOKEN } from '../tests/helpers/test-server'
import { buildApp } from './app'
import { loadConfig } from './config'

describe('the built deck, served', () => {
  it('serves the files of a rebuild at once, without a restart', async () => {
    const deckDir = mkdtempSync(join(tmpdir(), 'deck-'))
    mkdirSync(join(deckDir, 'assets'))
    writeFileSync(join(deckDir, 'index.html'), '<!doctype html><script src="/assets/index-old.js"></script>')
    writeFileSync(join(deckDir, 'assets', 'index-old.js'), 'old()')
    const config = {
      ...loadConfig({
        DATA_DIR: tempDataDir(),
        PRESENTER_TOKEN: TEST_TOKEN,
      }),
      deckDir,
    }
    const { app } = await buildApp(config, { logger: false })
    expect((await app.inject({ url: '/assets/index-old.js' })).statusCode).toBe(200)
    // `npm run build` while the server runs: new names for the new assets.
    writeFileSync(join(deckDir, 'assets', 'index-new.js'), 'new()')
    writeFileSync(join(deckDir, 'index.html'), '<!doctype html><script src="/assets/index-new.js"></script>')
    const page = await app.inject({
      url: '/12',
      headers: { accept: 'text/html' },
    })
    expect(page.body).toContain('index-new.js')
    const asset = await app.inject({ url: '/assets/index-new.js' })
    expect(asset.statusCode).toBe(200)
    expect(asset.body).toBe('new()')
    expect(asset.headers['cache-control']).toContain('immutable')
    expect((await app.inject({ url: '/assets/missing.js' })).statusCode).toBe(404)
    await app.close()
  })
})
