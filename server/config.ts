import { randomBytes } from 'node:crypto'
import { resolve } from 'node:path'
import { z } from 'zod'

const int = (fallback: number) => z.coerce.number().int().positive().default(fallback)

const envSchema = z.object({
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3030),
  DATA_DIR: z.string().default('.data'),
  /** Given by the speaker, or generated at start and shown only in the presenter URL. */
  PRESENTER_TOKEN: z.string().min(16, 'PRESENTER_TOKEN doit compter au moins 16 caractères').optional(),
  /** Requests per minute from one address. A venue's Wi-Fi puts hundreds of phones behind one. */
  RATE_LIMIT_PER_ADDRESS: int(6000),
  /** Ballots per minute from one participant. */
  RATE_LIMIT_PER_PARTICIPANT: int(30),
  /** Open result streams (screens and phones) allowed from one address, and in all. */
  STREAMS_PER_ADDRESS: int(3000),
  MAX_STREAMS: int(10000),
  /** How often tallies are pushed to screens, in ms: updates in between are coalesced. */
  BROADCAST_INTERVAL_MS: int(100),
  /** How long a write waits for a locked database before answering 503, in ms. */
  SQLITE_BUSY_TIMEOUT_MS: int(1000),
  /** Individual ballots are deleted this many days after their last change. */
  RETENTION_DAYS: int(30),
  /** Origins allowed to call the API from another site (comma-separated). Empty: CORS closed. */
  CORS_ORIGINS: z.string().default(''),
  /** Port of the page the speaker opens, when it is not this server's (npm run dev). */
  DECK_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** The public address printed and put in the QR code, when the LAN address is not the right one. */
  PUBLIC_URL: z.url().optional(),
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

export interface ServerConfig {
  host: string
  port: number
  /** Port in the presenter and projector addresses (the deck's, which differs in dev). */
  deckPort: number
  dataDir: string
  presenterToken: string
  /** True when the token was generated at start (then it is printed in the presenter URL). */
  generatedToken: boolean
  rateLimitPerAddress: number
  rateLimitPerParticipant: number
  streamsPerAddress: number
  maxStreams: number
  broadcastIntervalMs: number
  busyTimeoutMs: number
  retentionDays: number
  corsOrigins: string[]
  publicUrl: string | undefined
  logLevel: string
  /** Built deck (Slidev) and phone page. */
  deckDir: string
  audienceDir: string
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
    presenterToken: e.PRESENTER_TOKEN ?? randomBytes(18).toString('base64url'),
    generatedToken: !e.PRESENTER_TOKEN,
    rateLimitPerAddress: e.RATE_LIMIT_PER_ADDRESS,
    rateLimitPerParticipant: e.RATE_LIMIT_PER_PARTICIPANT,
    streamsPerAddress: e.STREAMS_PER_ADDRESS,
    maxStreams: e.MAX_STREAMS,
    broadcastIntervalMs: e.BROADCAST_INTERVAL_MS,
    busyTimeoutMs: e.SQLITE_BUSY_TIMEOUT_MS,
    retentionDays: e.RETENTION_DAYS,
    corsOrigins: e.CORS_ORIGINS.split(',').map(s => s.trim()).filter(Boolean),
    publicUrl: e.PUBLIC_URL,
    logLevel: e.LOG_LEVEL,
    deckDir: resolve(root, 'dist/deck'),
    audienceDir: resolve(root, 'dist/audience'),
  }
}
