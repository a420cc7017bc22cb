/** French number formatting: « 1 000 », « 13 ». */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat('fr-FR').format(value)
}

/** « agents territoriaux · 2021 », without saying the year twice when the population names it already. */
export function populationLine(population: string, year: number | undefined): string {
  return year === undefined || population.includes(String(year))
    ? population
    : `${population} · ${year}`
}
