/**
 * Wrong presenter tokens, counted per address over a sliding minute. Past the limit the
 * address may not try any token at all, not even the right one, until the minute is up:
 * otherwise a script would still learn which guess was right. The presenter's signed-in
 * cookie is not a guess and is never blocked.
 */
export class TokenFailures {
  private readonly failures = new Map<string, number[]>()

  constructor(private readonly max = 10, private readonly windowMs = 60_000, private readonly now: () => number = Date.now) {}

  private recent(address: string): number[] {
    const since = this.now() - this.windowMs
    const times = (this.failures.get(address) ?? []).filter(t => t > since)
    if (times.length)
      this.failures.set(address, times)
    else this.failures.delete(address)
    return times
  }

  /** True while this address has used up its tries. */
  blocked(address: string): boolean {
    return this.recent(address).length >= this.max
  }

  record(address: string): void {
    this.failures.set(address, [
      ...this.recent(address),
      this.now(),
    ])
  }
}
