import type { Server } from 'node:http'
import type { Socket } from 'node:net'

export interface ConnectionGuardOptions {
  /** Sockets with nothing in flight that one address may hold. */
  idlePerAddress: number
  /** A socket that sends no request this long after it opened is closed. */
  firstRequestTimeoutMs?: number
  /** Addresses the guard leaves alone (the dev server's proxy). */
  exempt?: (address: string) => boolean
}

/**
 * Caps the connections that take a file descriptor and do nothing: sockets that never
 * send a request, and keep-alive sockets between two requests. Past the cap, the oldest
 * idle socket of that address is closed: closing an idle keep-alive socket costs its
 * client one reconnection, while letting them pile up would starve the whole room of
 * descriptors. Streams and requests in flight are never touched.
 */
export class ConnectionGuard {
  private readonly idle = new Map<string, Set<Socket>>()
  /** Kept at connection: a closed socket no longer knows its remote address. */
  private readonly addresses = new WeakMap<Socket, string>()

  constructor(private readonly options: ConnectionGuardOptions) {}

  attach(server: Server): void {
    server.on('connection', socket => this.opened(socket))
    server.on('request', (req, res) => {
      this.busy(req.socket)
      const done = () => this.rest(req.socket)
      res.once('finish', done)
      res.once('close', done)
    })
  }

  private opened(socket: Socket): void {
    const address = socket.remoteAddress ?? ''
    if (this.options.exempt?.(address))
      return
    this.addresses.set(socket, address)
    const timer = setTimeout(() => socket.destroy(), this.options.firstRequestTimeoutMs ?? 10_000)
    timer.unref()
    socket.once('data', () => clearTimeout(timer))
    socket.once('close', () => {
      clearTimeout(timer)
      this.forget(socket)
    })
    this.rest(socket)
  }

  /** The socket has nothing in flight: count it, and close the address's oldest if over the cap. */
  private rest(socket: Socket): void {
    const address = this.addresses.get(socket)
    if (address === undefined || socket.destroyed)
      return
    let set = this.idle.get(address)
    if (!set)
      this.idle.set(address, set = new Set())
    set.delete(socket)
    set.add(socket)
    while (set.size > this.options.idlePerAddress) {
      const oldest = set.values().next().value!
      set.delete(oldest)
      oldest.destroy()
    }
  }

  private busy(socket: Socket): void {
    const address = this.addresses.get(socket)
    if (address !== undefined)
      this.idle.get(address)?.delete(socket)
  }

  private forget(socket: Socket): void {
    const address = this.addresses.get(socket) ?? ''
    const set = this.idle.get(address)
    set?.delete(socket)
    if (set?.size === 0)
      this.idle.delete(address)
  }

  /** Idle sockets held by this address now. */
  idleAt(address: string): number {
    return this.idle.get(address)?.size ?? 0
  }
}
