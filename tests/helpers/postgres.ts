// A throwaway PostgreSQL server for the tests: initdb into a temporary folder, pg_ctl on a
// free port of 127.0.0.1 with its socket in that folder, never the system's service.
// Without PostgreSQL installed the tests that need it fail and say what to install:
// they never skip silently (CI installs it: .ci/run).
import { execFileSync, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { freePort } from '../../scripts/lib/server-process'

export interface TestPostgres {
  /** postgres://… of the cluster's `postgres` database. */
  url: string
  port: number
  /** A new, empty database on this server (one per test that wants a clean slate). */
  database: () => Promise<string>
  /** Stops the server at once (as a crash would), or cleanly. */
  stop: (mode?: 'immediate' | 'fast') => void
  /** Starts it again on the same port and data. */
  start: () => void
  /** Stops it and deletes its folder. */
  destroy: () => void
}

/** The newest PostgreSQL server binaries on this machine (Debian keeps them out of PATH). */
export function postgresBin(): string {
  if (process.env.PG_BIN)
    return process.env.PG_BIN
  const root = '/usr/lib/postgresql'
  const versions = existsSync(root)
    ? readdirSync(root).filter(v => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a))
    : []
  if (!versions.length)
    throw new Error('PostgreSQL is not installed: these tests need a real server. Install it (apt-get install -y postgresql) or set PG_BIN to the folder of initdb and pg_ctl.')
  return join(root, versions[0]!, 'bin')
}

/** initdb refuses to run as root: as root, the cluster belongs to the `postgres` user. */
function asOwner(command: string, args: string[]): string[] {
  return process.getuid?.() === 0
    ? [
        'runuser',
        '-u',
        'postgres',
        '--',
        command,
        ...args,
      ]
    : [command, ...args]
}

function run(command: string, args: string[]): void {
  const [file, ...rest] = asOwner(command, args)
  const result = spawnSync(file!, rest, { encoding: 'utf8' })
  if (result.status !== 0)
    throw new Error(`${command} failed: ${result.stderr || result.stdout}`)
}

export async function startPostgres(): Promise<TestPostgres> {
  const bin = postgresBin()
  const dir = mkdtempSync(join(tmpdir(), 'atelier-pg-'))
  if (process.getuid?.() === 0)
    chownSync(dir, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })))
  const data = join(dir, 'data')
  run(join(bin, 'initdb'), [
    '-D',
    data,
    '-A',
    'trust',
    '-U',
    'atelier',
    '--no-sync',
    '-E',
    'UTF8',
    '--locale=C',
  ])
  const port = await freePort()
  // fsync off: a crash of the server process (pg_ctl -m immediate) still loses nothing committed;
  // only the machine's own crash would, which no test plays. synchronous_commit stays on.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`
  const start = () => run(join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-o',
    options,
    '-l',
    join(dir, 'log'),
    '-w',
    '-t',
    '30',
    'start',
  ])
  const stop = (mode: 'immediate' | 'fast' = 'fast') => run(join(bin, 'pg_ctl'), ['-D', data, '-m', mode, '-w', 'stop'])
  start()
  const url = `postgres://atelier@127.0.0.1:${port}/postgres`
  return {
    url,
    port,
    start,
    stop,
    async database() {
      const name = `t_${randomBytes(6).toString('hex')}`
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      try {
        await client.query(`CREATE DATABASE ${name}`)
      }
      finally {
        await client.end()
      }
      return `postgres://atelier@127.0.0.1:${port}/${name}`
    },
    destroy() {
      try {
        stop('immediate')
      }
      catch {}
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
