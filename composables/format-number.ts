/** French number formatting: « 1 000 », « 13 ». */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat('fr-FR').format(value)
}
