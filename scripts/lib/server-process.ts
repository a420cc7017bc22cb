import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { SERVER_NODE_FLAGS } from './node-flags'

/** The presenter token of the servers that the tests and the bench start. */
export const TEST_TOKEN = 'test-presenter-token-0123456789'

/** A fresh, empty data directory for one server. */
export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'atelier-test-'))
}

export interface ServerProcess {
  url: string
  port: number
  dataDir: string
  child: ChildProcess
  output: () => string
  /** SIGTERM, and wait for the exit. */
  stop: () => Promise<void>
  /** SIGKILL: the process gets no chance to clean up. */
  kill9: () => Promise<void>
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    })
  })
}

async function waitHealthy(url: string, child: ChildProcess, output: () => string, timeoutMs = 20_000): Promise<void> {
  const start = Date.now()
  while (Date.now() - start < timeoutMs) {
    if (child.exitCode !== null)
      throw new Error(`server exited early (${child.exitCode}):\n${output()}`)
    try {
      if ((await fetch(`${url}/healthz`)).ok)
        return
    }
    catch {}
    await new Promise(r => setTimeout(r, 100))
  }
  throw new Error(`server not healthy after ${timeoutMs} ms:\n${output()}`)
}

/**
 * The real server as a separate process (one process, so that a kill reaches the
 * server itself), on a free loopback port.
 */
export async function startServerProcess(env: Record<string, string> = {}, dataDir = tempDataDir(), port?: number): Promise<ServerProcess> {
  const chosen = port ?? await freePort()
  let log = ''
  // The bundle `npm start` runs, when built; the TypeScript source otherwise.
  const entry = existsSync('dist/server/main.mjs')
    ? ['dist/server/main.mjs']
    : ['--import', 'tsx', 'server/main.ts']
  const child = spawn(process.execPath, [
    ...SERVER_NODE_FLAGS,
    ...entry,
  ], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(chosen),
      DATA_DIR: dataDir,
      PRESENTER_TOKEN: TEST_TOKEN,
      PUBLIC_URL: `http://127.0.0.1:${chosen}`,
      LOG_LEVEL: 'error',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const append = (d: Buffer) => {
    log += d.toString()
  }
  child.stdout!.on('data', append)
  child.stderr!.on('data', append)
  const url = `http://127.0.0.1:${chosen}`
  const exited = new Promise<void>(resolve => child.once('exit', () => resolve()))
  await waitHealthy(url, child, () => log)
  return {
    url,
    port: chosen,
    dataDir,
    child,
    output: () => log,
    stop: async () => {
      child.kill('SIGTERM')
      await exited
    },
    kill9: async () => {
      child.kill('SIGKILL')
      await exited
    },
  }
}
