import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify'
import type { TokenFailures } from './token-failures'
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

/**
 * The hook that guards every presenter route. A script with a wrong token costs its address
 * one of a few tries a minute (shared with the sign-in link): guessing is too slow to work.
 */
export function presenterOnly(expected: string, failures: TokenFailures): onRequestAsyncHookHandler {
  return async (request) => {
    const token = bearerToken(request)
    if (!token) {
      if (hasPresenterSession(request, expected))
        return
      throw new HttpError(401, 'Réservé au présentateur : ouvrez le lien présentateur affiché dans le terminal.', 'not_signed_in')
    }
    if (failures.blocked(request.ip))
      throw new HttpError(429, 'Trop de jetons refusés depuis cette adresse : patientez une minute.', 'rate_limited', 60)
    if (tokenMatches(token, expected))
      return
    failures.record(request.ip)
    throw new HttpError(403, 'Réservé au présentateur : jeton invalide.', 'bad_token')
  }
}
