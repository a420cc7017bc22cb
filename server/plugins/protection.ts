import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ServerConfig } from '../config'
import cookie from '@fastify/cookie'
import cors from '@fastify/cors'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import { hasPresenterSession, participantOf } from '../credentials'
import { HttpError } from '../errors'
import { cspFor } from '../security'

/**
 * Requests a minute from one signed-in phone: far above a person (a page load, a stream,
 * a few ballots), low enough that the few hundred credentials one address may be issued
 * do not add up to an unlimited budget.
 */
const PER_PARTICIPANT_PER_MINUTE = 120

/**
 * Who a request counts against: the participant when the phone has its credential,
 * so that one client behind the venue's shared address cannot spend everyone's budget;
 * the address otherwise.
 */
export function limitKey(req: FastifyRequest): string {
  const participant = participantOf(req)
  return participant
    ? `participant:${participant}`
    : `address:${req.ip}`
}

/** Cookies, security headers, CORS and the rate limit, for every route (404 included). */
export async function registerProtection(app: FastifyInstance, config: ServerConfig, secret: string): Promise<void> {
  await app.register(cookie, { secret })
  await app.register(helmet, {
    contentSecurityPolicy: false,
    crossOriginEmbedderPolicy: false,
    // Phones reach the laptop over plain HTTP on the venue's LAN: no HSTS, no forced upgrade.
    strictTransportSecurity: false,
  })
  app.addHook('onSend', async (req, reply) => {
    reply.header('content-security-policy', cspFor(req.url))
  })
  await app.register(cors, {
    origin: config.corsOrigins.length ? config.corsOrigins : false,
  })
  await app.register(rateLimit, {
    global: true,
    timeWindow: '1 minute',
    keyGenerator: limitKey,
    max: (_req, key) => key.startsWith('participant:')
      ? PER_PARTICIPANT_PER_MINUTE
      : config.rateLimitPerAddress,
    // The speaker's signed-in browser is never throttled, whatever the room does from the
    // same address. Not a Bearer token: the missing rate-limit headers would tell a script
    // that its guess was right.
    allowList: req => hasPresenterSession(req, config.presenterToken),
    errorResponseBuilder: () => new HttpError(429, 'Trop de requêtes : patientez quelques secondes avant de réessayer.', 'rate_limited'),
  })
}
