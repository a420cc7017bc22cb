import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify'
import { createHash, timingSafeEqual } from 'node:crypto'
import { hasPresenterSession } from './credentials'
import { HttpError } from './errors'

const digest = (value: string) => createHash('sha256').update(value).digest()

/**
 * Checks the presenter token in constant time. Hashing first gives both sides the
 * same length, so neither the content nor the length of the token leaks through timing.
 */
export function tokenMatches(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected))
}

/** The token from `Authorization: Bearer …`: how scripts (export, bench) speak for the presenter. */
export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization
  return header?.startsWith('Bearer ')
    ? header.slice('Bearer '.length).trim()
    : undefined
}

/** The presenter's browser (signed-in cookie) or a script with the token. */
export function isPresenter(request: FastifyRequest, expected: string): boolean {
  const token = bearerToken(request)
  return token
    ? tokenMatches(token, expected)
    : hasPresenterSession(request, expected)
}

/** The hook that guards every presenter route. */
export function presenterOnly(expected: string): onRequestAsyncHookHandler {
  return async (request) => {
    if (isPresenter(request, expected))
      return
    if (bearerToken(request))
      throw new HttpError(403, 'Réservé au présentateur : jeton invalide.', 'bad_token')
    throw new HttpError(401, 'Réservé au présentateur : ouvrez le lien présentateur affiché dans le terminal.', 'not_signed_in')
  }
}
