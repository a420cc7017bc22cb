import type { Store } from '../storage/store'
import type { Cluster, ClusterTopic, PublishedPolls, SpendResult } from './cluster'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { sessionAggregates } from '../../poll/session'

const CHANGES = 'atelier_changes'
const TALLIES = 'atelier_tallies'
/** Any fixed number: whoever holds this session lock publishes the tallies. */
const PUBLISHER_LOCK = 7_402_184_312
const TOPICS = new Set<string>([
  'room',
  'session',
  'nav',
  'questions',
  'polls',
])
/** Upvotes come in storms: their announcements are gathered over this many ms. */
const QUESTIONS_COALESCE_MS = 100

export interface PostgresClusterOptions {
  url: string
  store: Store
  /** How often the publisher looks for a change (the issue asks for 100 to 200 ms). */
  publishEveryMs?: number
  /** How often an instance without the lock tries to take it: a dead publisher is replaced within this. */
  electEveryMs?: number
  log?: { warn: (o: object, m: string) => void, info: (o: object, m: string) => void }
}

/**
 * Several instances on one PostgreSQL database. One connection per instance listens
 * (LISTEN) and may hold the publisher's lock (a session-level advisory lock: it goes with
 * the connection, so a killed instance frees it at once). The publisher reads the session's
 * tallies and poll states when the receipts or states changed, and publishes them whole
 * with a sequence number (NOTIFY, at most one per `publishEveryMs`): never one per ballot,
 * whose NOTIFY would serialise every writer on the database's global notify lock.
 */
export class PostgresCluster implements Cluster {
  readonly shared = true
  private client: pg.Client | null = null
  private connecting: Promise<void> | null = null
  private closed = false
  private leader = false
  private epoch = ''
  private seq = 0
  private lastSignature = ''
  private lastBody = ''
  private readonly announceListeners = new Set<(topic: ClusterTopic) => void>()
  private readonly publishedListeners = new Set<(published: PublishedPolls) => void>()
  /** Queries that are not the listener's (the shared budgets). */
  private readonly pool: pg.Pool
  private readonly electTimer: NodeJS.Timeout
  private readonly publishTimer: NodeJS.Timeout
  private publishing = false
  private publishSoon = false
  private questionsPending: NodeJS.Timeout | null = null

  constructor(private readonly options: PostgresClusterOptions) {
    this.pool = new pg.Pool({
      connectionString: options.url,
      max: 2,
      connectionTimeoutMillis: 2000,
      idleTimeoutMillis: 30_000,
    })
    this.pool.on('error', () => {})
    this.electTimer = setInterval(() => void this.elect(), options.electEveryMs ?? 500).unref()
    this.publishTimer = setInterval(() => void this.publish(), options.publishEveryMs ?? 150).unref()
    void this.connect()
  }

  role(): 'publisher' | 'follower' {
    return this.leader
      ? 'publisher'
      : 'follower'
  }

  private async connect(): Promise<void> {
    if (this.closed || this.client)
      return
    this.connecting ??= (async () => {
      const client = new pg.Client({ connectionString: this.options.url, connectionTimeoutMillis: 2000 })
      client.on('error', () => this.lost(client))
      client.on('end', () => this.lost(client))
      client.on('notification', message => this.received(message.channel, message.payload ?? ''))
      try {
        await client.connect()
        await client.query(`LISTEN ${CHANGES}`)
        await client.query(`LISTEN ${TALLIES}`)
        this.client = client
      }
      catch {
        await client.end().catch(() => {})
      }
    })().finally(() => {
      this.connecting = null
    })
    return this.connecting
  }

  /** The connection went: the lock went with it. The next election reconnects. */
  private lost(client: pg.Client): void {
    if (this.client !== client)
      return
    this.client = null
    if (this.leader)
      this.options.log?.warn({}, 'tally publisher: connection lost, lock released')
    this.leader = false
    void client.end().catch(() => {})
  }

  private async elect(): Promise<void> {
    if (this.closed)
      return
    if (!this.client) {
      await this.connect()
      // Reconnected (after the database came back): what changed meanwhile is read again.
      if (this.client) {
        this.announceListeners.forEach(listener => [
          'room',
          'session',
          'nav',
          'questions',
          'polls',
        ].forEach(t => listener(t as ClusterTopic)))
      }
    }
    const client = this.client
    if (!client || this.leader)
      return
    try {
      const { rows } = await client.query<{ held: boolean }>('SELECT pg_try_advisory_lock($1) AS held', [PUBLISHER_LOCK])
      if (rows[0]?.held && this.client === client) {
        this.leader = true
        this.epoch = randomBytes(6).toString('base64url')
        this.seq = 0
        this.lastSignature = ''
        this.options.log?.info({ epoch: this.epoch }, 'tally publisher: this instance publishes')
        await this.publish()
      }
    }
    catch {
      this.lost(client)
    }
  }

  /** The publisher's turn: when receipts or states changed, read the polls whole and publish them. */
  private async publish(): Promise<void> {
    const client = this.client
    if (!this.leader || !client || this.closed)
      return
    if (this.publishing) {
      this.publishSoon = true
      return
    }
    this.publishing = true
    try {
      const { rows } = await client.query<{ session: string | null, receipts: string, states: string | null, joined: number | null }>(`SELECT
          (SELECT value FROM settings WHERE key = 'current_session') AS session,
          (SELECT count(*) FROM receipts)::text AS receipts,
          (SELECT participants FROM sessions WHERE id = (SELECT value FROM settings WHERE key = 'current_session')) AS joined,
          (SELECT string_agg(poll_id || status || results_visible::text || coalesce(opened_at, '') || coalesce(closed_at, ''), ',' ORDER BY poll_id)
            FROM poll_state WHERE session_id = (SELECT value FROM settings WHERE key = 'current_session')) AS states`)
      const row = rows[0]
      if (!row?.session)
        return
      const signature = `${row.session}|${row.receipts}|${row.joined ?? 0}|${row.states ?? ''}`
      if (signature === this.lastSignature)
        return
      const { ballots, archived, states } = await this.options.store.load(row.session)
      const polls = sessionAggregates(ballots, archived).map(a => ({ ...a, state: states.get(a.id) ?? null }))
      const body = JSON.stringify({ session: row.session, polls, joined: row.joined })
      this.lastSignature = signature
      if (body === this.lastBody)
        return
      this.lastBody = body
      const published: PublishedPolls = {
        session: row.session,
        epoch: this.epoch,
        seq: ++this.seq,
        polls,
        joined: row.joined ?? 0,
      }
      await client.query('SELECT pg_notify($1, $2)', [
        TALLIES,
        JSON.stringify(published),
      ])
    }
    catch (error) {
      this.options.log?.warn({ err: error }, 'tally publisher: could not publish; will retry')
      this.lastSignature = ''
    }
    finally {
      this.publishing = false
      if (this.publishSoon) {
        this.publishSoon = false
        setImmediate(() => void this.publish())
      }
    }
  }

  private received(channel: string, payload: string): void {
    if (channel === CHANGES && TOPICS.has(payload)) {
      if (payload === 'polls')
        void this.publish()
      for (const listener of this.announceListeners)
        listener(payload as ClusterTopic)
      return
    }
    if (channel === TALLIES) {
      let published: PublishedPolls
      try {
        published = JSON.parse(payload) as PublishedPolls
      }
      catch {
        return
      }
      for (const listener of this.publishedListeners)
        listener(published)
    }
  }

  announce(topic: ClusterTopic): void {
    // A storm of upvotes is one message per 100 ms, not one per upvote: every instance
    // re-reads the whole list on each.
    if (topic === 'questions') {
      if (this.questionsPending)
        return
      this.questionsPending = setTimeout(() => {
        this.questionsPending = null
        this.notify(topic)
      }, QUESTIONS_COALESCE_MS)
      return
    }
    this.notify(topic)
  }

  private notify(topic: ClusterTopic): void {
    const client = this.client
    if (!client)
      return
    // The announcing instance hears its own NOTIFY too: reading its own change again is harmless.
    client.query('SELECT pg_notify($1, $2)', [CHANGES, topic]).catch(() => {})
  }

  onAnnounce(listener: (topic: ClusterTopic) => void): void {
    this.announceListeners.add(listener)
  }

  /**
   * A token bucket in the database, on the database's clock: `burst` at once, then one every
   * `refillMs`, whichever instance the phone reaches. One statement spends, or refuses.
   */
  async take(key: string, burst: number, refillMs: number): Promise<SpendResult> {
    const now = `(extract(epoch from clock_timestamp()) * 1000)::bigint`
    const refilled = `LEAST($2::float8, b.level + (${now} - b.at_ms) / $3::float8)`
    const { rows } = await this.pool.query<{ level: number | null, spent: boolean }>(`WITH spend AS (
        INSERT INTO rate_buckets AS b (key, level, at_ms) VALUES ($1, $2::float8 - 1, ${now})
        ON CONFLICT (key) DO UPDATE SET level = ${refilled} - 1, at_ms = ${now}
        WHERE ${refilled} >= 1
        RETURNING 1
      )
      SELECT EXISTS (SELECT 1 FROM spend) AS spent,
        (SELECT ${refilled} FROM rate_buckets b WHERE b.key = $1) AS level`, [key, burst, refillMs])
    const row = rows[0]!
    if (row.spent)
      return { ok: true, retryAfterS: 0 }
    return {
      ok: false,
      retryAfterS: Math.max(1, Math.ceil((1 - (row.level ?? 0)) * refillMs / 1000)),
    }
  }

  /** A fixed window in the database, on its clock: the count in it after this one, and the ms left. */
  async count(key: string, windowMs: number): Promise<{ current: number, ttl: number }> {
    const now = `(extract(epoch from clock_timestamp()) * 1000)::bigint`
    const { rows } = await this.pool.query<{ current: number, ttl: string }>(`INSERT INTO rate_windows AS w (key, started_ms, count) VALUES ($1, ${now}, 1)
      ON CONFLICT (key) DO UPDATE SET
        count = CASE WHEN w.started_ms + $2 <= ${now} THEN 1 ELSE w.count + 1 END,
        started_ms = CASE WHEN w.started_ms + $2 <= ${now} THEN ${now} ELSE w.started_ms END
      RETURNING count AS current, (started_ms + $2 - ${now})::text AS ttl`, [key, windowMs])
    return {
      current: rows[0]!.current,
      ttl: Math.max(0, Number(rows[0]!.ttl)),
    }
  }

  onPublished(listener: (published: PublishedPolls) => void): void {
    this.publishedListeners.add(listener)
  }

  async close(): Promise<void> {
    this.closed = true
    if (this.questionsPending)
      clearTimeout(this.questionsPending)
    clearInterval(this.electTimer)
    clearInterval(this.publishTimer)
    const client = this.client
    this.client = null
    this.leader = false
    await client?.end().catch(() => {})
    await this.pool.end().catch(() => {})
  }
}
