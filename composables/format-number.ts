/** Ease-out cubic: fast start, gentle landing, so the final value is easy to read. */
export function easeOutCubic(t: number): number {
  const clamped = Math.min(1, Math.max(0, t))
  return 1 - (1 - clamped) ** 3
}

/** The number to show `elapsed` ms into a count-up of `duration` ms towards `target`. */
export function countUpValue(target: number, elapsed: number, duration: number): number {
  if (duration <= 0)
    return target
  return Math.round(target * easeOutCubic(elapsed / duration))
}

/** French number formatting: « 1 000 », « 13 ». */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat('fr-FR').format(value)
}
