/**
 * Whole percentages of `counts` that add up to exactly 100 (the largest-remainder method):
 * a room's answers never total 99 % or 101 % on screen. Each share is its exact value
 * rounded down, and the points left go to the largest remainders (ties: the larger count,
 * then the earlier answer). All zero when there is nothing to share.
 */
export function wholeShares(counts: readonly number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0)
  if (total <= 0)
    return counts.map(() => 0)
  const exact = counts.map(c => 100 * c / total)
  const shares = exact.map(Math.floor)
  let left = 100 - shares.reduce((a, b) => a + b, 0)
  const order = exact
    .map((value, i) => ({ i, remainder: value - shares[i]!, count: counts[i]! }))
    .sort((a, b) => b.remainder - a.remainder || b.count - a.count || a.i - b.i)
  for (const { i } of order) {
    if (left <= 0)
      break
    shares[i]!++
    left--
  }
  return shares
}
