import type { FastifyInstance } from 'fastify'
import type { Cluster } from './cluster/cluster'
import type { ServerConfig } from './config'
import type { ServerSecrets } from './guard/secret'
import type { PublicUrls } from './network'
import type { Store } from './storage/store'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import Fastify from 'fastify'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { soloCluster } from './cluster/cluster'
import { PostgresCluster } from './cluster/postgres-cluster'
import { ConnectionGuard } from './guard/connection-guard'
import { registerProtection } from './guard/protection'
import { databaseSecrets, serverSecrets } from './guard/secret'
import { signInRoutes } from './guard/sign-in'
import { guessThrottle } from './guard/token-bucket'
import { liveRoutes } from './live/routes'
import { Screens } from './live/screens'
import { MetricsMonitor } from './metrics'
import { publicUrls } from './network'
import { PollService } from './polls/poll-service'
import { pollRoutes } from './polls/routes'
import { QuestionService } from './questions/question-service'
import { questionRoutes } from './questions/routes'
import { Room } from './room/room'
import { roomRoutes } from './room/routes'
import { clientErrorHandler } from './routes/client-errors'
import { frameworkErrors, registerErrors } from './routes/errors'
import { staticFiles } from './routes/static-files'
import { toolRoutes } from './routes/tools'
import { startRetentionPurge } from './sessions/retention'
import { sessionRoutes } from './sessions/routes'
import { SessionArchive } from './sessions/session-archive'
import { Sessions } from './sessions/sessions'
import { openStore } from './storage/open'

export interface VoteServer {
  app: FastifyInstance
  service: PollService
  room: Room
  screens: Screens
  store: Store
  sessions: Sessions
  guard: ConnectionGuard
  urls: PublicUrls
  secrets: ServerSecrets
}

/** Fastify's own default, which it does not apply to a server the app supplies. */
export const KEEP_ALIVE_TIMEOUT_MS = 72_000
const LOOPBACK = ['127.0.0.1', '::1', '::ffff:127.0.0.1']

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

/** The Fastify instance with its HTTP server, logger and schema compilers. */
function createFastify(config: ServerConfig, guard: ConnectionGuard, { logger = true, logStream, requestTimeoutMs = 10_000 }: BuildOptions): FastifyInstance {
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
    trustProxy: config.trustLoopbackProxy ? LOOPBACK : false,
    clientErrorHandler,
    frameworkErrors: frameworkErrors(config.rateLimitPerAddress),
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
  return app
}

/** Builds the vote server: its parts, then the guard and each feature's routes. */
export async function buildApp(config: ServerConfig, options: BuildOptions = {}): Promise<VoteServer> {
  const guard = new ConnectionGuard({
    idlePerAddress: config.idleConnectionsPerAddress,
    // In dev, every request comes from Slidev's proxy on loopback.
    exempt: address => config.trustLoopbackProxy && LOOPBACK.includes(address),
  })
  const app = createFastify(config, guard, options)

  const store = openStore(config)
  // Hosted, every instance shares the database's secrets; a laptop keeps its own in DATA_DIR.
  const secrets = config.databaseUrl
    ? await databaseSecrets((key, value) => store.claimSetting(key, value), config.presenterToken).catch(async (error: unknown) => {
        await store.close()
        throw new Error(store.problem()?.message ?? String(error))
      })
    : serverSecrets(config.dataDir, config.presenterToken)
  // Hosted on PostgreSQL, other instances may serve the same room: they hear of each change.
  const cluster: Cluster = config.databaseUrl
    ? new PostgresCluster({ url: config.databaseUrl, store, log: app.log })
    : soloCluster
  const archive = new SessionArchive(store)
  const sessions = new Sessions(archive, store, {
    expectedSize: config.expectedRoomSize,
    saved: () => cluster.announce('session'),
  })
  const service = new PollService(store, sessions, undefined, cluster)
  const room = new Room(store, sessions, {
    expectedSize: config.expectedRoomSize,
    initialCode: config.roomCode,
    saved: () => cluster.announce('room'),
  })
  const questions = new QuestionService(store, sessions)
  const screens = new Screens({
    store,
    service,
    questions,
    room,
    sessions,
    archive,
    config,
    cluster,
  })
  if (config.session)
    await startRequestedSession(sessions, config.session, app)
  await readEverything({ sessions, service, room, screens })
  const purge = startRetentionPurge(service, config.retentionDays, app.log)
  const urls = publicUrls(config.deckPort, secrets.presenter.value, config.publicUrl)
  const metrics = new MetricsMonitor(() => screens.hub.size)

  await registerProtection(app, config, {
    cluster,
    cookieSecret: secrets.cookie.value,
    presenterToken: secrets.presenter.value,
    guesses: guessThrottle(),
  })
  await app.register(signInRoutes, {
    token: secrets.presenter.value,
    presenterLanding: () => screens.presenterLanding(),
  })
  await app.register(roomRoutes, { room, config, cluster })
  await app.register(pollRoutes, { service, config })
  await app.register(questionRoutes, { questions, config })
  await app.register(liveRoutes, { screens })
  await app.register(sessionRoutes, { sessions, screens })
  await app.register(toolRoutes, {
    service,
    urls,
    config,
    metrics,
    streams: () => screens.hub.size,
    outline: readOutline(config.outlineFile),
    role: () => cluster.role(),
  })
  await app.register(staticFiles, { deckDir: config.deckDir, audienceDir: config.audienceDir })

  // Event streams never end by themselves: end them before the server waits for its connections.
  app.addHook('preClose', async () => screens.close())
  app.addHook('onClose', async () => {
    metrics.stop()
    purge.stop()
    await cluster.close()
    await store.close()
  })
  return {
    app,
    service,
    room,
    screens,
    store,
    sessions,
    guard,
    urls,
    secrets,
  }
}

/** `npm start -- --session "…"`: go on with that session, or start it. */
async function startRequestedSession(sessions: Sessions, request: NonNullable<ServerConfig['session']>, app: FastifyInstance): Promise<void> {
  try {
    const session = await sessions.resume(request.title, request.kind)
    app.log.info({ session: session.id }, 'session in progress')
  }
  catch (error) {
    app.log.warn({ err: error }, 'cannot start the requested session: the database is unavailable')
  }
}

/**
 * Reads what the screens show before the server answers: the session, its polls, the room,
 * the comparison, the presenter's slide and the questions. A store that is away now is read
 * later, on demand (each piece retries by itself); the server starts all the same.
 */
async function readEverything({ sessions, service, room, screens }: { sessions: Sessions, service: PollService, room: Room, screens: Screens }): Promise<void> {
  await sessions.ready().catch(() => {})
  await Promise.all([
    service.tryLoad(),
    room.load(),
    sessions.peers().catch(() => {}),
    screens.nav.restored,
    screens.questionsSettled(),
  ])
}
