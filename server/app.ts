import type { FastifyError, FastifyInstance } from 'fastify'
import type { ServerConfig } from './config'
import type { PublicUrls } from './network'
import { createServer } from 'node:http'
import cors from '@fastify/cors'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import Fastify from 'fastify'
import { hasZodFastifySchemaValidationErrors, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { clientErrorHandler } from './client-errors'
import { HttpError, StoreUnavailableError } from './errors'
import { MetricsMonitor } from './metrics'
import { publicUrls } from './network'
import { PollService } from './poll-service'
import { audienceApi } from './routes/audience-api'
import { presenterApi } from './routes/presenter-api'
import { resultsApi } from './routes/results-api'
import { staticFiles } from './routes/static-files'
import { cspFor } from './security'
import { SseHub } from './sse-hub'
import { BallotStore } from './store'

export interface VoteServer {
  app: FastifyInstance
  service: PollService
  hub: SseHub
  store: BallotStore
  urls: PublicUrls
}

const redactToken = (url: string) => url.replace(/([?&]token=)[^&]*/g, '$1[redacted]')

/** French messages for Fastify's own client errors, which reach phones as they are. */
const FASTIFY_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'Requête trop volumineuse.',
  FST_ERR_CTP_INVALID_JSON_BODY: 'Le corps de la requête n\'est pas du JSON valide.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Le corps de la requête est vide.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Type de contenu non pris en charge : envoyez du JSON.',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'Longueur de contenu incohérente.',
}

/** Fastify's own default, which it does not apply to a server the app supplies. */
export const KEEP_ALIVE_TIMEOUT_MS = 72_000

export interface BuildOptions {
  /** Fastify's logger: false in tests. */
  logger?: boolean
  /** Max time to receive a whole request, in ms (slow bodies get a 408). */
  requestTimeoutMs?: number
}

export async function buildApp(config: ServerConfig, options: BuildOptions = {}): Promise<VoteServer> {
  const { logger = true, requestTimeoutMs = 10_000 } = options
  const app = Fastify({
    logger: logger
      ? {
          level: config.logLevel,
          serializers: {
            req: req => ({
              method: req.method,
              url: redactToken(req.url),
              remoteAddress: req.ip,
            }),
          },
        }
      : false,
    bodyLimit: 8192,
    trustProxy: false,
    clientErrorHandler,
    // Fastify applies its timeouts only to a server it creates: this one sets them itself.
    // Node checks request deadlines every 30 s by default: too slow to shed a slow-body attack.
    // Idle keep-alive sockets stay open longer than clients keep theirs (Node's 5 s default
    // races them: a request sent on a socket the server is closing gets a reset).
    serverFactory: (handler) => {
      const server = createServer({
        requestTimeout: requestTimeoutMs,
        headersTimeout: Math.min(requestTimeoutMs, 60_000),
        connectionsCheckingInterval: 1000,
      }, handler)
      server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS
      return server
    },
  })

  // Route schemas are zod schemas; anything zod says without a message of ours is in French too.
  z.config(z.locales.fr())
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)

  const store = new BallotStore(config.dataDir, config.busyTimeoutMs)
  const service = new PollService(store)
  const hub = new SseHub({
    snapshot: a => service.snapshot(a),
    intervalMs: config.broadcastIntervalMs,
    perAddress: config.streamsPerAddress,
    total: config.maxStreams,
  })
  service.onChange(() => hub.markDirty())
  const purge = () => {
    try {
      const deleted = service.purgeOlderThan(config.retentionDays)
      if (deleted > 0)
        app.log.info({ deleted }, 'purged ballots past the retention period')
    }
    catch (error) {
      app.log.warn({ err: error }, 'retention purge failed; will retry')
    }
  }
  purge()
  const purgeTimer = setInterval(purge, 3_600_000).unref()
  const urls = publicUrls(config.deckPort, config.presenterToken, config.publicUrl)

  app.setErrorHandler((error: FastifyError, req, reply) => {
    if (error instanceof StoreUnavailableError) {
      req.log.error({ err: error.cause }, 'store unavailable')
      return reply.code(503).header('retry-after', '2').send({ error: error.code, message: error.message })
    }
    if (error instanceof HttpError)
      return reply.code(error.statusCode).send({ error: error.code, message: error.message })
    // The first problem only: a phone shows one message, and the schemas' messages are French.
    if (hasZodFastifySchemaValidationErrors(error))
      return reply.code(400).send({ error: 'invalid_request', message: error.validation[0]?.message ?? 'Requête invalide.' })
    const status = error.statusCode ?? 500
    if (status >= 400 && status < 500)
      return reply.code(status).send({ error: error.code ?? 'bad_request', message: FASTIFY_MESSAGES[error.code] ?? 'Requête invalide.' })
    req.log.error({ err: error }, 'unexpected error')
    return reply.code(500).send({ error: 'internal', message: 'Erreur interne du serveur de vote.' })
  })

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
    max: config.rateLimitPerAddress,
    timeWindow: '1 minute',
    errorResponseBuilder: () => new HttpError(429, 'Trop de requêtes : patientez quelques secondes avant de réessayer.', 'rate_limited'),
  })

  app.get('/healthz', {
    config: { rateLimit: false },
  }, async () => ({
    status: 'ok',
    store: service.tryLoad()
      ? 'ok'
      : 'unavailable',
    screens: hub.size,
  }))
  await app.register(audienceApi, {
    service,
    hub,
    urls,
    perParticipantPerMinute: config.rateLimitPerParticipant,
    retentionDays: config.retentionDays,
  })
  const metrics = new MetricsMonitor(() => hub.size)
  await app.register(presenterApi, {
    service,
    hub,
    token: config.presenterToken,
    metrics,
  })
  await app.register(resultsApi, { service, token: config.presenterToken })
  await app.register(staticFiles, { deckDir: config.deckDir, audienceDir: config.audienceDir })

  // Event streams never end by themselves: end them before the server waits for its connections.
  app.addHook('preClose', async () => hub.close())
  app.addHook('onClose', async () => {
    metrics.stop()
    clearInterval(purgeTimer)
    await store.close()
  })
  return { app, service, hub, store, urls }
}
