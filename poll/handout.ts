import type { ResultsSnapshot } from './types'

/**
 * Whether a slide is printed in the PDF handout. The handout reads as a document: a result
 * slide of a poll nobody answered (or an export without results) would be an empty panel,
 * or the grid again with nothing in it, so it is left out, page number and all. The
 * warm-up's slide stays: its title is the talk's own figure. Comparisons are printed only
 * when asked for (`--compare`).
 */
export function printedInHandout(frontmatter: Record<string, unknown>, results: ResultsSnapshot | null, compare: boolean): boolean {
  if (frontmatter.comparison === true && !compare)
    return false
  if (frontmatter.layout !== 'live-result' || frontmatter.poll === 'warmup')
    return true
  const poll = results?.polls.find(p => p.id === frontmatter.poll)
  return (poll?.participants ?? 0) > 0
}
