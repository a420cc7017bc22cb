// A TCP proxy that delays every chunk the database sends back: a slow database (or a far
// one), played for real between the server and PostgreSQL.
import type { AddressInfo, Socket } from 'node:net'
import { connect, createServer } from 'node:net'

export interface LatencyProxy {
  port: number
  close: () => Promise<void>
}

export async function startLatencyProxy(target: { host: string, port: number }, delayMs: number): Promise<LatencyProxy> {
  const sockets = new Set<Socket>()
  const server = createServer((client) => {
    const upstream = connect(target.port, target.host)
    sockets.add(client)
    sockets.add(upstream)
    client.on('data', chunk => upstream.write(chunk))
    // Each answer waits `delayMs`, in order: one query costs one round trip more.
    upstream.on('data', chunk => setTimeout(() => client.write(chunk), delayMs))
    const end = () => {
      client.destroy()
      upstream.destroy()
      sockets.delete(client)
      sockets.delete(upstream)
    }
    client.on('close', end)
    upstream.on('close', end)
    client.on('error', end)
    upstream.on('error', end)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => {
      for (const socket of sockets)
        socket.destroy()
      server.close(() => resolve())
    }),
  }
}
