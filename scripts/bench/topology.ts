// What the bench runs against: the laptop's shape (one process on its SQLite file) or the
// hosted one (N processes on one throwaway PostgreSQL server, as docs/hosting.md describes).
import type { TestPostgres } from '../../tests/helpers/postgres'
import type { ServerProcess } from '../lib/server-process'
import pg from 'pg'
import { startPostgres } from '../../tests/helpers/postgres'
import { startServerProcess } from '../lib/server-process'

export interface Topology {
  database: 'sqlite' | 'postgres'
  instances: number
}

export interface RunningTopology {
  servers: ServerProcess[]
  /** Database connections open now (PostgreSQL only; 0 for the SQLite file). */
  connections: () => Promise<number>
  stop: () => Promise<void>
}

export function describeTopology(t: Topology): string {
  return t.database === 'sqlite'
    ? 'SQLite, 1 process'
    : `PostgreSQL, ${t.instances} instance${t.instances > 1
      ? 's'
      : ''}`
}

export async function startTopology(topology: Topology, env: Record<string, string>): Promise<RunningTopology> {
  if (topology.database === 'sqlite') {
    const server = await startServerProcess(env)
    return {
      servers: [server],
      connections: async () => 0,
      stop: () => server.stop(),
    }
  }
  const postgres: TestPostgres = await startPostgres()
  const url = await postgres.database()
  const servers: ServerProcess[] = []
  for (let i = 0; i < topology.instances; i++)
    servers.push(await startServerProcess({ ...env, DATABASE_URL: url }))
  const name = new URL(url).pathname.slice(1)
  const admin = new pg.Client({ connectionString: postgres.url })
  await admin.connect()
  return {
    servers,
    connections: async () => Number((await admin.query<{ n: string }>('SELECT count(*)::text AS n FROM pg_stat_activity WHERE datname = $1', [name])).rows[0]!.n),
    stop: async () => {
      for (const server of servers)
        await server.stop()
      await admin.end()
      postgres.destroy()
    },
  }
}
