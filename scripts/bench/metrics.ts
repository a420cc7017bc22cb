import type { ServerMetrics } from '../../server/metrics'
import { TEST_TOKEN } from '../lib/server-process'

/** The server's own figures (event-loop delay, memory); `reset` starts a new window. */
export async function serverMetrics(url: string, reset = false): Promise<ServerMetrics> {
  const res = await fetch(`${url}/api/presenter/metrics${reset ? '?reset=1' : ''}`, {
    headers: { authorization: `Bearer ${TEST_TOKEN}` },
  })
  return await res.json() as ServerMetrics
}
