export interface BackoffOptions {
  /** Ceiling of the first wait, in ms. */
  baseMs?: number
  /** No wait is ever longer than this, however many failures. */
  capMs?: number
  random?: () => number
}

/**
 * How long to wait before try number `attempt` (0 for the first retry): exponential
 * growth with full jitter, a random wait between 0 and min(cap, base × 2^attempt).
 * The randomness spreads the reconnections of a whole room after a server restart;
 * the low cap keeps a phone from sleeping long after the server is back.
 */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const { baseMs = 500, capMs = 3000, random = Math.random } = options
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt))
  return Math.round(random() * ceiling)
}
