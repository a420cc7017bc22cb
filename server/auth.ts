import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify'
import { createHash, timingSafeEqual } from 'node:crypto'
import { HttpError } from './errors'

const digest = (value: string) => createHash('sha256').update(value).digest()

/**
 * Checks the presenter token in constant time. Hashing first gives both sides the
 * same length, so neither the content nor the length of the token leaks through timing.
 */
export function tokenMatches(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected))
}

/** The token from `Authorization: Bearer …`, or from `?token=` where a header cannot be set (EventSource). */
export function presentedToken(request: FastifyRequest, allowQuery = false): string | undefined {
  const header = request.headers.authorization
  if (header?.startsWith('Bearer '))
    return header.slice('Bearer '.length).trim()
  if (allowQuery) {
    const token = (request.query as Record<string, unknown> | undefined)?.token
    if (typeof token === 'string')
      return token
  }
  return undefined
}

/**
 * The hook that guards every presenter route. The token may come in the query only
 * for the event stream, which a browser opens without headers.
 */
export function presenterOnly(expected: string): onRequestAsyncHookHandler {
  return async (request) => {
    const token = presentedToken(request, request.routeOptions.url === '/api/presenter/stream')
    if (!token)
      throw new HttpError(401, 'Réservé au présentateur : jeton manquant.', 'missing_token')
    if (!tokenMatches(token, expected))
      throw new HttpError(403, 'Réservé au présentateur : jeton invalide.', 'bad_token')
  }
}

export function isPresenter(request: FastifyRequest, expected: string): boolean {
  const token = presentedToken(request)
  return !!token && tokenMatches(token, expected)
}
