/** Scales counts to 0..1 against the largest, for a heat map (all zero when nobody voted). */
export function heatOf<K extends string>(counts: Partial<Record<K, number>>): Partial<Record<K, number>> {
  const values = Object.values(counts) as number[]
  const max = Math.max(0, ...values)
  return Object.fromEntries(Object.entries(counts).map(([k, v]) => [
    k,
    max
      ? (v as number) / max
      : 0,
  ])) as Partial<Record<K, number>>
}
