/** French number formatting: « 1 000 », « 13 ». */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat('fr-FR').format(value)
}

/**
 * « 0 salle », « 1 salle », « 3 salles », « 1 000 votants »: a real plural (French puts 0 and
 * 1 in the singular), the number kept on one line with its noun (no-break space).
 */
export function countOf(value: number, singular: string, plural = `${singular}s`): string {
  return `${formatNumber(value)}\u00A0${nounFor(value, singular, plural)}`
}

/** The noun alone, for a template that sets the number apart: « participant » or « participants ». */
export function nounFor(value: number, singular: string, plural = `${singular}s`): string {
  return Math.abs(value) < 2
    ? singular
    : plural
}

/** « agents territoriaux · 2021 », without saying the year twice when the population names it already. */
export function populationLine(population: string, year: number | undefined): string {
  return year === undefined || population.includes(String(year))
    ? population
    : `${population} · ${year}`
}
