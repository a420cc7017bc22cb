import type { FastifyReply, FastifyRequest } from 'fastify'
import { createHash } from 'node:crypto'

/** The phone's participant credential: issued by the server, signed, never readable by scripts. */
export const PARTICIPANT_COOKIE = 'atelier_participant'
/** The presenter's session, exchanged once for the token of the terminal's link. */
export const PRESENTER_COOKIE = 'atelier_presenter'

const PARTICIPANT_MAX_AGE_S = 60 * 60 * 24 * 30
const PRESENTER_MAX_AGE_S = 60 * 60 * 12

/**
 * The presenter cookie holds a digest of the token, not the token: it stays valid across
 * restarts while PRESENTER_TOKEN stays the same, and dies with a generated token.
 */
export const presenterProof = (token: string) => createHash('sha256').update(`atelier-presenter:${token}`).digest('base64url')

export function issueParticipant(reply: FastifyReply, id: string): void {
  reply.setCookie(PARTICIPANT_COOKIE, id, {
    signed: true,
    httpOnly: true,
    sameSite: 'strict',
    path: '/api',
    maxAge: PARTICIPANT_MAX_AGE_S,
  })
}

/**
 * Each request's participant, checked once: the rate limits and the route all ask, and
 * each check is an HMAC (three per ballot before).
 */
const checked = new WeakMap<FastifyRequest, string | null>()

/** The participant id of a request, when its cookie carries a valid signature. */
export function participantOf(request: FastifyRequest): string | null {
  const known = checked.get(request)
  if (known !== undefined)
    return known
  const raw = request.cookies[PARTICIPANT_COOKIE]
  const { valid, value } = raw
    ? request.unsignCookie(raw)
    : { valid: false, value: null }
  const participant = valid ? value : null
  checked.set(request, participant)
  return participant
}

export function issuePresenterSession(reply: FastifyReply, token: string): void {
  reply.setCookie(PRESENTER_COOKIE, presenterProof(token), {
    signed: true,
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    maxAge: PRESENTER_MAX_AGE_S,
  })
}

/** Whether the request comes from the presenter's signed-in browser. */
export function hasPresenterSession(request: FastifyRequest, token: string): boolean {
  const raw = request.cookies[PRESENTER_COOKIE]
  if (!raw)
    return false
  const { valid, value } = request.unsignCookie(raw)
  return valid && value === presenterProof(token)
}
