import type { FastifyRateLimitOptions, FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit'
import type { Cluster } from '../cluster/cluster'
import { createRequire } from 'node:module'

type Counted = (error: Error | null, result?: { current: number, ttl: number }) => void
type LimitStore = FastifyRateLimitStore & { read?: (key: string, cb: Counted, timeWindow: number, max: number) => void }
interface StoreOptions { continueExceeding?: boolean, exponentialBackoff?: boolean, cache?: number }

/** @fastify/rate-limit's own in-memory store (CommonJS, typed here). */
const LocalStore = createRequire(import.meta.url)('@fastify/rate-limit/store/LocalStore') as new (continueExceeding?: boolean, exponentialBackoff?: boolean, cache?: number) => LimitStore

/** The limits every instance must share: a phone's ballots, questions and upvotes per minute. */
const SHARED = /^(?:ballots|questions|question-votes):/

/**
 * The rate limit's store. On a laptop, @fastify/rate-limit's own memory. Hosted, a phone's
 * ballots, questions and upvotes are counted in the database, so that a phone reaching
 * three instances gets its one budget, not three; the other limits (every request, per
 * address and per phone) stay in each instance's memory: one query per request would cost
 * more than they protect. While the database is away the count falls back to memory (the
 * request then fails on the store anyway, with a 503).
 */
export function rateStore(cluster: Cluster): FastifyRateLimitStoreCtor {
  return class SharedRateStore implements LimitStore {
    private readonly local: LimitStore
    private readonly options: StoreOptions

    constructor(options: FastifyRateLimitOptions | StoreOptions) {
      this.options = options as StoreOptions
      this.local = new LocalStore(this.options.continueExceeding, this.options.exponentialBackoff, this.options.cache)
    }

    incr(key: string, cb: Counted, timeWindow: number, max: number): void {
      const shared = SHARED.test(key)
        ? cluster.count(key, timeWindow)
        : null
      if (!shared) {
        this.local.incr(key, cb, timeWindow, max)
        return
      }
      shared.then(result => cb(null, result), () => this.local.incr(key, cb, timeWindow, max))
    }

    read(key: string, cb: Counted, timeWindow: number, max: number): void {
      this.local.read?.(key, cb, timeWindow, max)
    }

    child(options: object): LimitStore {
      return new SharedRateStore({
        ...this.options,
        ...options as StoreOptions,
      })
    }
  }
}
