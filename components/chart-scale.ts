/**
 * Left offset and width (in %) of a bar on a track that runs from -max to +max,
 * with zero in the middle, so that gains and reductions read from one axis.
 */
export function barGeometry(value: number, max: number): { left: string, width: string } {
  const clamped = Math.max(-max, Math.min(max, value))
  const half = 50 * Math.abs(clamped) / max
  const left = clamped >= 0
    ? 50
    : 50 - half
  return { left: `${left}%`, width: `${Math.max(half, 0.6)}%` }
}

/**
 * Widths (in % of the track) of bars for positive values on one scale: the largest gets
 * `longest`, leaving the rest of the track for the figure written after it.
 */
export function barWidths(values: readonly number[], longest = 78): number[] {
  const max = Math.max(0, ...values)
  return values.map(v => max > 0
    ? Math.round(10 * longest * Math.max(0, v) / max) / 10
    : 0)
}
