// A French laptop: the checkout sits under « Mes présentations » (a space, an accent),
// reached through a symbolic link. Every entry point must still start.
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { describe, expect, it } from 'vitest'
import { freePort, tempDataDir, TEST_TOKEN } from '../scripts/lib/server-process'
import { eventually } from './helpers/test-server'

describe('a checkout under « Mes présentations », through a symlink', () => {
  it('starts the vote server and answers', async () => {
    const parent = join(mkdtempSync(join(tmpdir(), 'checkout-')), 'Mes présentations')
    mkdirSync(parent, { recursive: true })
    const checkout = join(parent, 'atelier IA')
    symlinkSync(process.cwd(), checkout)
    const port = await freePort()
    let output = ''
    const child = spawn(process.execPath, [
      '--import',
      'tsx',
      join(checkout, 'server', 'main.ts'),
    ], {
      cwd: checkout,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: tempDataDir(),
        PRESENTER_TOKEN: TEST_TOKEN,
        LOG_LEVEL: 'error',
      },
    })
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    try {
      await eventually(async () => expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200), 30_000)
      expect(output).toContain('serveur de vote prêt')
      expect(child.exitCode).toBeNull()
    }
    finally {
      child.kill('SIGTERM')
    }
  })
})
