import type { IncomingHttpHeaders } from 'node:http'
import { Agent, request } from 'node:http'
import { connect } from 'node:net'

/**
 * A client that speaks from a chosen loopback address (127.0.0.2, 127.0.0.3…), to play
 * several machines of the venue's Wi-Fi against one server bound to 127.0.0.1.
 */
export interface LoopbackClient {
  address: string
  send: (method: string, path: string, options?: { body?: unknown, cookie?: string, headers?: Record<string, string> }) => Promise<{ status: number, headers: IncomingHttpHeaders, body: string }>
  /** Opens a stream and keeps it; resolves once the server answered, with a way to see if it ended. */
  stream: (path: string, cookie?: string, headers?: Record<string, string>) => Promise<{ status: number, ended: () => boolean, close: () => void }>
  /** A TCP connection that sends nothing; resolves when connected. */
  idleSocket: () => Promise<{ closed: () => boolean, destroy: () => void }>
  close: () => void
}

export function loopbackClient(serverUrl: string, address: string): LoopbackClient {
  const { hostname, port } = new URL(serverUrl)
  const agent = new Agent({ keepAlive: true, maxSockets: 64, localAddress: address })
  return {
    address,
    send: (method, path, options = {}) => new Promise((resolve, reject) => {
      const payload = options.body === undefined
        ? undefined
        : JSON.stringify(options.body)
      const req = request({
        agent,
        host: hostname,
        port,
        method,
        path,
        headers: {
          ...(payload
            ? {
                'content-type': 'application/json',
                'content-length': Buffer.byteLength(payload),
              }
            : {}),
          ...(options.cookie
            ? { cookie: options.cookie }
            : {}),
          ...options.headers,
        },
      }, (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (c: string) => {
          body += c
        })
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      })
      req.on('error', reject)
      req.end(payload)
    }),
    stream: (path, cookie, headers = {}) => new Promise((resolve, reject) => {
      let ended = false
      const req = request({
        host: hostname,
        port,
        path,
        localAddress: address,
        headers: {
          ...(cookie
            ? { cookie }
            : {}),
          ...headers,
        },
      }, (res) => {
        res.on('data', () => {})
        res.on('close', () => {
          ended = true
        })
        resolve({
          status: res.statusCode ?? 0,
          ended: () => ended,
          close: () => req.destroy(),
        })
      })
      req.on('error', (error) => {
        ended = true
        reject(error)
      })
      req.end()
    }),
    idleSocket: () => new Promise((resolve, reject) => {
      let closed = false
      const socket = connect({
        host: hostname,
        port: Number(port),
        localAddress: address,
      }, () => resolve({
        closed: () => closed,
        destroy: () => socket.destroy(),
      }))
      socket.on('close', () => {
        closed = true
      })
      socket.on('error', () => {
        closed = true
      })
      socket.once('error', reject)
    }),
    close: () => agent.destroy(),
  }
}

/** The credential cookie of a join answer, as a `cookie` header value. */
export const cookieOf = (headers: IncomingHttpHeaders) => headers['set-cookie']?.[0]?.split(';')[0]
