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
