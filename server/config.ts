import type { SessionKind } from '../poll/session'
import { resolve } from 'node:path'
import { z } from 'zod'

const int = (fallback: number) => z.coerce.number().int().positive().default(fallback)

const envSchema = z.object({
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3030),
  DATA_DIR: z.string().default('.data'),
  /** Given by the organiser (hosted: the same on every instance), or kept in the data folder. */
  PRESENTER_TOKEN: z.preprocess(value => value === ''
    ? undefined
    : value, z.string().superRefine((token, ctx) => {
    const weakness = tokenWeakness(token)
    if (weakness)
      ctx.addIssue({ code: 'custom', message: `PRESENTER_TOKEN refusé : ${weakness}` })
  }).optional()),
  /**
   * New participants from one address: JOIN_LIMIT_PER_ADDRESS at once (a whole room behind
   * one access point), refilled continuously over JOIN_WINDOW_SECONDS.
   */
  JOIN_LIMIT_PER_ADDRESS: int(300),
  JOIN_WINDOW_SECONDS: int(120),
  /** People expected in the room: more participants than that raises an alarm on the presenter view. */
  EXPECTED_ROOM_SIZE: int(200),
  /** A code required to join from the start (the presenter can also set one from the presenter view). */
  ROOM_CODE: z.string().regex(/^[\w-]{6,32}$/, 'ROOM_CODE : 6 à 32 lettres ou chiffres (un code plus court se devine).').optional(),
  /** Sockets from one address that have nothing in flight (never sent a request, or idle keep-alive). */
  IDLE_CONNECTIONS_PER_ADDRESS: int(512),
  /** Dev mode: requests come through Slidev's dev server on loopback, which says who the client is. */
  TRUST_LOOPBACK_PROXY: z.enum(['0', '1']).default('0'),
  /** Requests per minute from one address. A venue's Wi-Fi puts hundreds of phones behind one. */
  RATE_LIMIT_PER_ADDRESS: int(6000),
  /** Ballots per minute from one participant. */
  RATE_LIMIT_PER_PARTICIPANT: int(30),
  /** Requests per minute from one signed-in phone, all routes together (a bench raises it). */
  REQUESTS_PER_PARTICIPANT: int(120),
  /** Questions per minute from one phone. */
  QUESTIONS_PER_PARTICIPANT: int(5),
  /** Question upvotes per minute from one phone: enough to vote for every question, not to hammer. */
  QUESTION_VOTES_PER_PARTICIPANT: int(30),
  /** Result streams without a credential (projectors, not phones) from one address, and all streams. */
  STREAMS_PER_ADDRESS: int(20),
  MAX_STREAMS: int(10000),
  /** How often tallies are pushed to screens, in ms: updates in between are coalesced. */
  BROADCAST_INTERVAL_MS: int(100),
  /** How long a write waits for a locked database before answering 503, in ms. */
  SQLITE_BUSY_TIMEOUT_MS: int(1000),
  /** Hosted: postgres://user:password@host:port/base. Unset, the laptop's SQLite file in DATA_DIR. */
  DATABASE_URL: z.preprocess(value => value === ''
    ? undefined
    : value, z.string().regex(/^postgres(?:ql)?:\/\//, 'DATABASE_URL : une adresse postgres://utilisateur:mot-de-passe@serveur:5432/base.').optional()),
  /** Connections each instance may hold on the hosted database. */
  DATABASE_POOL_SIZE: int(10),
  /** Individual ballots are deleted this many days after their last change. */
  RETENTION_DAYS: int(30),
  /** Origins allowed to call the API from another site (comma-separated). Empty: CORS closed. */
  CORS_ORIGINS: z.string().default(''),
  /** Port of the page the speaker opens, when it is not this server's (npm run dev). */
  DECK_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** The public address printed and put in the QR code, when the LAN address is not the right one. */
  PUBLIC_URL: z.url().optional(),
  /** `npm start -- --session "Lyon, mars 2027"`: go on with that session, or start it. */
  ATELIER_SESSION: z.string().trim().min(1).max(120).optional(),
  /** `--repetition`: the session is a rehearsal, never counted in comparisons. */
  ATELIER_SESSION_KIND: z.enum(['real', 'rehearsal']).default('real'),
  LOG_LEVEL: z.enum([
    'fatal',
    'error',
    'warn',
    'info',
    'debug',
    'trace',
    'silent',
  ]).default('warn'),
})

/** Phrases that must never guard a real session: the README's example. */
const KNOWN_TOKENS = new Set(['une-longue-phrase-secrete', 'la-salle-7-vote-en-mars'])

/** Why a presenter token is too weak to guard the room, in French; null when it is fine. */
export function tokenWeakness(token: string): string | null {
  if (token.length < 16)
    return 'il doit compter au moins 16 caractères.'
  if (new Set(token).size < 6)
    return 'il doit mêler au moins 6 caractères différents.'
  if (KNOWN_TOKENS.has(token))
    return 'c\'est un exemple publié, que tout le monde connaît.'
  return null
}

export interface ServerConfig {
  host: string
  port: number
  /** Port in the presenter and projector addresses (the deck's, which differs in dev). */
  deckPort: number
  dataDir: string
  /** PRESENTER_TOKEN when set; otherwise the token kept in the data folder (guard/secret.ts). */
  presenterToken: string | undefined
  rateLimitPerAddress: number
  rateLimitPerParticipant: number
  requestsPerParticipant: number
  questionsPerParticipant: number
  questionVotesPerParticipant: number
  streamsPerAddress: number
  maxStreams: number
  joinLimitPerAddress: number
  joinWindowSeconds: number
  expectedRoomSize: number
  roomCode: string | undefined
  idleConnectionsPerAddress: number
  trustLoopbackProxy: boolean
  broadcastIntervalMs: number
  busyTimeoutMs: number
  /** The hosted database (PostgreSQL), when there is one; else the SQLite file in dataDir. */
  databaseUrl: string | undefined
  databasePoolSize: number
  retentionDays: number
  corsOrigins: string[]
  publicUrl: string | undefined
  /** The session asked for on the command line, if any. */
  session: { title: string, kind: SessionKind } | undefined
  logLevel: string
  /** Built deck (Slidev) and phone page. */
  deckDir: string
  audienceDir: string
  /** Slide titles, notes and polls written by the build, for the phone remote. */
  outlineFile: string
}

/** Reads the configuration from the environment; throws a readable message on a bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): ServerConfig {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map(i => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Configuration invalide :\n${lines.join('\n')}`)
  }
  const e = parsed.data
  return {
    host: e.HOST,
    port: e.PORT,
    deckPort: e.DECK_PORT ?? e.PORT,
    dataDir: resolve(root, e.DATA_DIR),
    presenterToken: e.PRESENTER_TOKEN,
    rateLimitPerAddress: e.RATE_LIMIT_PER_ADDRESS,
    rateLimitPerParticipant: e.RATE_LIMIT_PER_PARTICIPANT,
    requestsPerParticipant: e.REQUESTS_PER_PARTICIPANT,
    questionsPerParticipant: e.QUESTIONS_PER_PARTICIPANT,
    questionVotesPerParticipant: e.QUESTION_VOTES_PER_PARTICIPANT,
    streamsPerAddress: e.STREAMS_PER_ADDRESS,
    maxStreams: e.MAX_STREAMS,
    joinLimitPerAddress: e.JOIN_LIMIT_PER_ADDRESS,
    joinWindowSeconds: e.JOIN_WINDOW_SECONDS,
    expectedRoomSize: e.EXPECTED_ROOM_SIZE,
    roomCode: e.ROOM_CODE,
    idleConnectionsPerAddress: e.IDLE_CONNECTIONS_PER_ADDRESS,
    trustLoopbackProxy: e.TRUST_LOOPBACK_PROXY === '1',
    broadcastIntervalMs: e.BROADCAST_INTERVAL_MS,
    busyTimeoutMs: e.SQLITE_BUSY_TIMEOUT_MS,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    retentionDays: e.RETENTION_DAYS,
    corsOrigins: e.CORS_ORIGINS.split(',').map(s => s.trim()).filter(Boolean),
    publicUrl: e.PUBLIC_URL,
    session: e.ATELIER_SESSION
      ? { title: e.ATELIER_SESSION, kind: e.ATELIER_SESSION_KIND }
      : undefined,
    logLevel: e.LOG_LEVEL,
    deckDir: resolve(root, 'dist/deck'),
    audienceDir: resolve(root, 'dist/audience'),
    outlineFile: resolve(root, 'dist/outline.json'),
  }
}
