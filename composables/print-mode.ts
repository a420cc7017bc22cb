/**
 * Whether this window renders the deck for print or PDF export. Slidev gives each
 * printed slide a fixed navigation object without `isPrintMode`, so the page's own
 * address is the reliable signal: `/print?print=true` (or `=clicks`), or `/export`.
 */
export function printModeOf(location: Pick<Location, 'search' | 'pathname'> | undefined): { print: boolean, withClicks: boolean } {
  if (!location)
    return { print: false, withClicks: false }
  const query = new URLSearchParams(location.search)
  return {
    print: query.has('print') || location.pathname.endsWith('/export'),
    withClicks: query.get('print') === 'clicks',
  }
}

export function currentPrintMode() {
  return printModeOf(typeof window === 'undefined'
    ? undefined
    : window.location)
}
