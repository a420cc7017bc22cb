// `npm start` on the speaker's laptop, once built: one Node process serves everything.
import { execFileSync, spawn } from 'node:child_process'
import process from 'node:process'
import { describe, expect, it } from 'vitest'
import { freePort, tempDataDir, TEST_TOKEN } from '../scripts/lib/server-process'
import { eventually } from './helpers/test-server'

/** Every process below `pid`, as [pid, program] (the program's file name, from its command line). */
function descendants(pid: number): [number, string][] {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' }).trim().split('\n').map((l) => {
    const [child, ppid, program] = l.trim().split(/\s+/)
    return [
      child,
      ppid,
      program?.split('/').at(-1),
    ]
  })
  const found: [number, string][] = []
  const walk = (parent: number) => {
    for (const [child, ppid, name] of rows) {
      if (Number(ppid) === parent) {
        found.push([
          Number(child),
          name!,
        ])
        walk(Number(child))
      }
    }
  }
  walk(pid)
  return found
}

describe('npm start, once built', () => {
  it('runs the vote server as one Node process beside npm, in the session asked for, and prints the sign-in links', async () => {
    const port = await freePort()
    let output = ''
    const npm = spawn('npm', [
      'start',
      '--',
      '--session',
      'Lyon, mars 2027',
      '--repetition',
    ], {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: tempDataDir(),
        PRESENTER_TOKEN: TEST_TOKEN,
      },
      detached: true,
    })
    npm.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    try {
      await eventually(async () => expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200), 120_000)
      await eventually(() => expect(output).toContain('serveur de vote prêt'))
      expect(output).toContain('/api/presenter/login?token=')
      expect(output).toContain('next=remote')
      expect(output).toContain('next=sessions')
      expect(output).toContain('Séance en cours : Lyon, mars 2027 (répétition)')
      const nodes = descendants(npm.pid!).filter(([, name]) => name === 'node')
      expect(nodes).toHaveLength(1)
    }
    finally {
      process.kill(-npm.pid!, 'SIGTERM')
    }
  })
})
