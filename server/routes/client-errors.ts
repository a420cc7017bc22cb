import type { Socket } from 'node:net'
import { Buffer } from 'node:buffer'
import { STATUS_CODES } from 'node:http'

/** What Node's HTTP parser rejects before Fastify sees a request, with messages in French. */
function classify(code: string | undefined): { status: number, error: string, message: string } {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return { status: 408, error: 'request_timeout', message: 'Requête trop lente : la connexion est fermée.' }
  if (code === 'HPE_HEADER_OVERFLOW')
    return { status: 431, error: 'headers_too_large', message: 'En-têtes de requête trop volumineux.' }
  return { status: 400, error: 'bad_request', message: 'Requête HTTP mal formée.' }
}

/**
 * Fastify's `clientErrorHandler`: answers malformed, oversized or too slow requests
 * with the same JSON shape as every other error, then closes the connection.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed)
    return
  const { status, error: code, message } = classify(error.code)
  const body = JSON.stringify({ error: code, message })
  if (socket.writable)
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`)
  socket.destroy(error)
}
