/** Past this many keys, the ones whose bucket has refilled are forgotten. */
const SWEEP_ABOVE = 10_000

export interface TokenBucketOptions {
  /** How many at once, from a full bucket. */
  burst: number
  /** One more every this many ms, continuously: a burst never locks anyone out for long. */
  refillMs: number
  now?: () => number
}

/**
 * A token bucket per key (an address, a participant): `burst` at once, then one every
 * `refillMs`. Nothing is kept for a key whose bucket is full, so memory follows the keys
 * that are spending, not every key ever seen.
 */
export class TokenBucket {
  private readonly buckets = new Map<string, { level: number, at: number }>()
  private readonly now: () => number

  constructor(private readonly options: TokenBucketOptions) {
    this.now = options.now ?? Date.now
  }

  private level(key: string): number {
    const bucket = this.buckets.get(key)
    if (!bucket)
      return this.options.burst
    const level = Math.min(this.options.burst, bucket.level + (this.now() - bucket.at) / this.options.refillMs)
    if (level >= this.options.burst) {
      this.buckets.delete(key)
      return this.options.burst
    }
    return level
  }

  /** True while this key has nothing left to spend. */
  blocked(key: string): boolean {
    return this.level(key) < 1
  }

  /** Seconds until this key may spend again (0 when it may now). */
  retryAfterS(key: string): number {
    const missing = 1 - this.level(key)
    return missing <= 0
      ? 0
      : Math.ceil(missing * this.options.refillMs / 1000)
  }

  /** Spends one, even from an empty bucket (it then stays empty). */
  spend(key: string): void {
    this.buckets.set(key, {
      level: Math.max(0, this.level(key) - 1),
      at: this.now(),
    })
    if (this.buckets.size > SWEEP_ABOVE) {
      for (const known of [
        ...this.buckets.keys(),
      ])
        this.level(known)
    }
  }

  /** Spends one if there is one; false when the bucket is empty. */
  take(key: string): boolean {
    if (this.blocked(key))
      return false
    this.spend(key)
    return true
  }

  /** Keys spending now. */
  get size(): number {
    return this.buckets.size
  }
}

/**
 * Wrong presenter tokens: ten at once, then one every 6 s per address. An address out of
 * guesses gets no token checked at all (a check it could see would still tell it which
 * guess was right).
 */
export const guessThrottle = (now?: () => number) => new TokenBucket({ burst: 10, refillMs: 6_000, now })
