import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Cluster } from '../cluster/cluster'
import type { ServerConfig } from '../config'
import type { TokenBucket } from './token-bucket'
import cookie from '@fastify/cookie'
import cors from '@fastify/cors'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import { HttpError } from '../errors'
import { participantOf } from './credentials'
import { cspFor } from './csp'
import { registerOriginCheck } from './origin'
import { registerPresenterIdentity } from './presenter'
import { rateStore } from './rate-store'

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

export interface ProtectionOptions {
  /** Hosted, the phones' ballot and question budgets are counted across instances. */
  cluster: Cluster
  cookieSecret: string
  presenterToken: string
  guesses: TokenBucket
}

/**
 * Cookies, security headers, the presenter's identity, the origin check, CORS and the
 * rate limit, for every route (404 included), in that order: the rate limit knows who
 * the presenter is.
 */
export async function registerProtection(app: FastifyInstance, config: ServerConfig, options: ProtectionOptions): Promise<void> {
  await app.register(cookie, { secret: options.cookieSecret })
  await app.register(helmet, {
    contentSecurityPolicy: false,
    crossOriginEmbedderPolicy: false,
    // Phones reach the laptop over plain HTTP on the venue's LAN: no HSTS, no forced upgrade.
    strictTransportSecurity: false,
  })
  app.addHook('onSend', async (req, reply) => {
    reply.header('content-security-policy', cspFor(req.url))
  })
  registerPresenterIdentity(app, { token: options.presenterToken, throttle: options.guesses })
  registerOriginCheck(app, {
    allowed: [
      ...config.corsOrigins,
      ...(config.publicUrl
        ? [new URL(config.publicUrl).origin]
        : []),
    ],
    deckPort: config.deckPort === config.port
      ? undefined
      : config.deckPort,
  })
  await app.register(cors, {
    origin: config.corsOrigins.length ? config.corsOrigins : false,
  })
  await app.register(rateLimit, {
    store: rateStore(options.cluster),
    global: true,
    timeWindow: '1 minute',
    keyGenerator: limitKey,
    max: (_req, key) => key.startsWith('participant:')
      ? config.requestsPerParticipant
      : config.rateLimitPerAddress,
    // The speaker's signed-in browser is never throttled, whatever the room does from the
    // same address. Not a Bearer token: the missing rate-limit headers would tell a script
    // that its guess was right.
    allowList: req => req.presenter.via === 'session',
    errorResponseBuilder: () => new HttpError(429, 'Trop de requêtes : patientez quelques secondes avant de réessayer.', 'rate_limited'),
  })
}
