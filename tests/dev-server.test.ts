// `npm run dev` for rehearsals: Slidev's dev server in front of the vote server.
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import process from 'node:process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort, tempDataDir } from '../scripts/lib/server-process'
import { loopbackClient } from './helpers/raw-client'
import { eventually } from './helpers/test-server'

let dev: ChildProcess
let url: string

beforeAll(async () => {
  const [port, apiPort] = [await freePort(), await freePort()]
  url = `http://127.0.0.1:${port}`
  dev = spawn(process.execPath, ['--import', 'tsx', 'scripts/dev.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      ATELIER_API_PORT: String(apiPort),
      DATA_DIR: tempDataDir(),
      RATE_LIMIT_PER_ADDRESS: '5',
      LOG_LEVEL: 'error',
    },
    stdio: 'ignore',
    detached: true,
  })
  await eventually(async () => expect((await fetch(`${url}/api/polls`)).status).toBe(200), 90_000)
})

afterAll(() => {
  // The dev script runs Slidev as a child: end the whole group.
  if (dev.pid)
    process.kill(-dev.pid, 'SIGTERM')
})

describe('npm run dev', () => {
  it('keeps Slidev\'s MCP endpoint closed: no client can drive the deck or rewrite slides.md', async () => {
    const res = await fetch(`${url}/__mcp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept': 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    })
    expect(res.status).toBe(403)
  })

  it('counts each client\'s requests against its own address, though all arrive through the proxy', async () => {
    const a = loopbackClient(url, '127.0.0.2')
    const b = loopbackClient(url, '127.0.0.3')
    const first = await Promise.all(Array.from({ length: 8 }, () => a.send('GET', '/api/polls').then(r => r.status)))
    expect(first.filter(s => s === 429).length).toBeGreaterThan(0)
    expect((await b.send('GET', '/api/polls')).status).toBe(200)
    a.close()
    b.close()
  })
})
