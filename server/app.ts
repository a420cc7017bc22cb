import type { FastifyInstance } from 'fastify'
import type { ResultsSnapshot } from '../poll/types'
import type { ServerConfig } from './config'
import type { PublicUrls } from './network'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import Fastify from 'fastify'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { summaryOf } from '../poll/session'
import { clientErrorHandler } from './client-errors'
import { ConnectionGuard } from './connection-guard'
import { MetricsMonitor } from './metrics'
import { NavSync } from './nav-sync'
import { publicUrls } from './network'
import { frameworkErrors, registerErrors } from './plugins/errors'
import { registerProtection } from './plugins/protection'
import { PollService } from './poll-service'
import { Room } from './room'
import { audienceApi } from './routes/audience-api'
import { presenterApi } from './routes/presenter-api'
import { resultsApi } from './routes/results-api'
import { sessionsApi } from './routes/sessions-api'
import { staticFiles } from './routes/static-files'
import { cookieSecret } from './secret'
import { SessionArchive } from './session-archive'
import { Sessions } from './sessions'
import { SseHub } from './sse-hub'
import { BallotStore } from './store'
import { TokenFailures } from './token-failures'

export interface VoteServer {
  app: FastifyInstance
  service: PollService
  room: Room
  hub: SseHub
  store: BallotStore
  sessions: Sessions
  guard: ConnectionGuard
  urls: PublicUrls
}

/** Fastify's own default, which it does not apply to a server the app supplies. */
export const KEEP_ALIVE_TIMEOUT_MS = 72_000
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1'])

function readOutline(file: string): string | null {
  try {
    return readFileSync(file, 'utf8')
  }
  catch {
    return null
  }
}

export interface BuildOptions {
  /** Fastify's logger: false in tests. */
  logger?: boolean
  /** Where the log goes, when not to standard output (tests read it). */
  logStream?: NodeJS.WritableStream
  /** Max time to receive a whole request, in ms (slow bodies get a 408). */
  requestTimeoutMs?: number
}

export async function buildApp(config: ServerConfig, options: BuildOptions = {}): Promise<VoteServer> {
  const { logger = true, logStream, requestTimeoutMs = 10_000 } = options
  const guard = new ConnectionGuard({
    idlePerAddress: config.idleConnectionsPerAddress,
    // In dev, every request comes from Slidev's proxy on loopback.
    exempt: address => config.trustLoopbackProxy && LOOPBACK.has(address),
  })
  const app = Fastify({
    logger: logger
      ? {
          level: config.logLevel,
          ...(logStream
            ? { stream: logStream }
            : {}),
          // The path only: a query string could carry a token, however its key is encoded.
          serializers: {
            req: req => ({ method: req.method, path: req.url.split('?')[0], remoteAddress: req.ip }),
          },
        }
      : false,
    bodyLimit: 8192,
    // In dev, Slidev's proxy on loopback says who the client is, so that limits apply per phone.
    trustProxy: config.trustLoopbackProxy
      ? [...LOOPBACK]
      : false,
    clientErrorHandler,
    frameworkErrors,
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
      guard.attach(server)
      return server
    },
  })

  // Route schemas are zod schemas; anything zod says without a message of ours is in French too.
  z.config(z.locales.fr())
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  registerErrors(app)

  const store = new BallotStore(config.dataDir, config.busyTimeoutMs)
  const archive = new SessionArchive(store)
  const sessions = new Sessions(archive, store, { expectedSize: config.expectedRoomSize })
  const service = new PollService(store, sessions)
  const room = new Room(store, sessions, { expectedSize: config.expectedRoomSize, initialCode: config.roomCode })
  const nav = new NavSync()
  const hub = new SseHub({
    // A screen that connects (or reconnects) goes straight to the presenter's slide.
    greeting: viewer => viewer === 'phone'
      ? []
      : nav.channelNames.map(c => nav.frame(c)!),
    snapshot: viewer => viewer === 'phone'
      ? service.snapshot(viewer)
      : {
          ...service.snapshot(viewer),
          room: room.view(viewer),
          ...sessionView(sessions),
        },
    intervalMs: config.broadcastIntervalMs,
    anonymousPerAddress: config.streamsPerAddress,
    total: config.maxStreams,
  })
  service.onChange(() => hub.markDirty())
  sessions.onChange((change) => {
    if (change === 'switch') {
      service.reload()
      room.startSession()
    }
    hub.markDirty()
  })
  if (config.session)
    startRequestedSession(sessions, config.session, app)
  room.onChange(() => hub.markDirty())
  // Joins in the last minute fall as time passes: the presenter's count follows.
  // An archive imported by another process while the server runs changes the comparison.
  const roomTicker = setInterval(() => {
    try {
      sessions.changedElsewhere()
    }
    catch {}
    hub.markDirty()
  }, 10_000).unref()
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
  const metrics = new MetricsMonitor(() => hub.size)
  // Wrong tokens, by address: the sign-in link and Bearer scripts share the same few tries.
  const failures = new TokenFailures()

  await registerProtection(app, config, cookieSecret(config.dataDir).secret)
  app.get('/healthz', {
    config: { rateLimit: false },
  }, async () => ({
    status: 'ok',
    store: service.tryLoad()
      ? 'ok'
      : 'unavailable',
    screens: hub.size,
  }))
  await app.register(audienceApi, { service, hub, room, urls, config })
  await app.register(presenterApi, {
    service,
    hub,
    room,
    nav,
    outline: readOutline(config.outlineFile),
    token: config.presenterToken,
    metrics,
    failures,
  })
  await app.register(resultsApi, { service, sessions, token: config.presenterToken })
  await app.register(sessionsApi, {
    sessions,
    archive,
    service,
    token: config.presenterToken,
    failures,
  })
  await app.register(staticFiles, { deckDir: config.deckDir, audienceDir: config.audienceDir })

  // Event streams never end by themselves: end them before the server waits for its connections.
  app.addHook('preClose', async () => hub.close())
  app.addHook('onClose', async () => {
    metrics.stop()
    clearInterval(purgeTimer)
    clearInterval(roomTicker)
    await store.close()
  })
  return {
    app,
    service,
    room,
    hub,
    store,
    sessions,
    guard,
    urls,
  }
}

/** The session and the earlier rooms, for the deck's screens; nothing while the database is unavailable. */
function sessionView(sessions: Sessions): Pick<ResultsSnapshot, 'session' | 'peers'> {
  try {
    return {
      session: summaryOf(sessions.current()),
      peers: sessions.peers(),
    }
  }
  catch {
    return {}
  }
}

/** `npm start -- --session "…"`: go on with that session, or start it. */
function startRequestedSession(sessions: Sessions, request: NonNullable<ServerConfig['session']>, app: FastifyInstance): void {
  try {
    const session = sessions.resume(request.title, request.kind)
    app.log.info({ session: session.id }, 'session in progress')
  }
  catch (error) {
    app.log.warn({ err: error }, 'cannot start the requested session: the database is unavailable')
  }
}
