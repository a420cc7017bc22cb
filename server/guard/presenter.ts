import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify'
import type { TokenBucket } from './token-bucket'
import { createHash, timingSafeEqual } from 'node:crypto'
import { HttpError } from '../errors'
import { hasPresenterSession } from './credentials'

/**
 * Who the presenter is, decided once per request by one hook; no route reads a token.
 * - `session`: the speaker's signed-in browser (the cookie the sign-in link set);
 * - `token`: a script with `Authorization: Bearer …`, or the sign-in link's `?token=`;
 * - `none`: anyone else.
 * `refused` says why a token was not accepted (only the sign-in route reads it: every
 * other route has already answered 403 or 429).
 */
export interface PresenterIdentity {
  via: 'session' | 'token' | 'none'
  refused?: 'bad_token' | 'throttled'
  retryAfterS?: number
}

declare module 'fastify' {
  interface FastifyRequest {
    presenter: PresenterIdentity
  }
}

/** Where the sign-in link lands; the one route that reads a token from the query string. */
export const SIGN_IN_PATH = '/api/presenter/login'

const digest = (value: string) => createHash('sha256').update(value).digest()

/**
 * Checks the presenter token in constant time. Hashing first gives both sides the
 * same length, so neither the content nor the length of the token leaks through timing.
 */
export function tokenMatches(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected))
}

/** The token a request offers: `Authorization: Bearer …`, or the sign-in link's query. */
function offeredToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization
  if (header?.startsWith('Bearer '))
    return header.slice('Bearer '.length).trim()
  if (request.url.split('?')[0] === SIGN_IN_PATH) {
    const token = new URLSearchParams(request.url.split('?')[1] ?? '').get('token')
    return token ?? undefined
  }
  return undefined
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1'])

/**
 * The speaker's own laptop: a connection from loopback that no proxy forwarded. Its token
 * is always checked: a guesser elsewhere cannot lock the speaker out of his own machine
 * (and whoever sits at it can read the token in the data folder anyway).
 */
function fromThisMachine(request: FastifyRequest): boolean {
  return LOOPBACK.has(request.socket.remoteAddress ?? '') && request.headers['x-forwarded-for'] === undefined
}

export interface PresenterGuardOptions {
  token: string
  throttle: TokenBucket
}

/**
 * The one presenter check. Every request is identified here; every wrong token, on any
 * route, costs its address one guess; an address out of guesses has no token checked
 * until it has one again. The signed-in cookie is never throttled, and neither is a
 * token from the laptop itself, so a flood of wrong tokens never locks the speaker out.
 */
export function registerPresenterIdentity(app: FastifyInstance, { token, throttle }: PresenterGuardOptions): void {
  app.decorateRequest('presenter', null as unknown as PresenterIdentity)
  app.addHook('onRequest', async (request) => {
    const offered = offeredToken(request)
    if (offered === undefined) {
      request.presenter = {
        via: hasPresenterSession(request, token)
          ? 'session'
          : 'none',
      }
      return
    }
    const address = request.ip
    const exempt = fromThisMachine(request)
    if (!exempt && throttle.blocked(address)) {
      request.presenter = {
        via: 'none',
        refused: 'throttled',
        retryAfterS: throttle.retryAfterS(address),
      }
    }
    else if (tokenMatches(offered, token)) {
      request.presenter = { via: 'token' }
      return
    }
    else {
      if (!exempt)
        throttle.spend(address)
      request.presenter = { via: 'none', refused: 'bad_token' }
    }
    if (request.url.split('?')[0] !== SIGN_IN_PATH)
      throw refusal(request.presenter)
  })
}

function refusal(identity: PresenterIdentity): HttpError {
  return identity.refused === 'throttled'
    ? new HttpError(429, `Trop de jetons refusés depuis cette adresse : patientez ${identity.retryAfterS ?? 6} s.`, 'rate_limited', identity.retryAfterS)
    : new HttpError(403, 'Réservé au présentateur : jeton invalide.', 'bad_token')
}

/** Whether this request speaks for the presenter (signed-in browser or valid token). */
export const isPresenter = (request: FastifyRequest) => request.presenter.via !== 'none'

/** The `onRequest` of every presenter-only route (after the identity hook, before the body is read). */
export const presenterOnly: onRequestAsyncHookHandler = async (request) => {
  if (!isPresenter(request))
    throw new HttpError(401, 'Réservé au présentateur : ouvrez le lien présentateur affiché dans le terminal.', 'not_signed_in')
}
