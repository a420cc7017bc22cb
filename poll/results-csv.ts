import type { ResultsSnapshot } from '../poll/types'
import { cellLabel } from '../data/matrix'
import { pollById } from '../data/polls'

const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES = /[",\n\r;]/
const HEADER = [
  'poll_id',
  'question',
  'item_id',
  'item_label',
  'verdict',
  'count',
  'participants',
  'status',
  'session_id',
  'session_title',
]

/** Quotes a CSV field, and defuses a leading =, +, -, @, tab or carriage return that a spreadsheet would run as a formula. */
export function csvField(value: string | number): string {
  let text = String(value)
  if (FORMULA_START.test(text))
    text = `'${text}`
  return NEEDS_QUOTES.test(text)
    ? `"${text.replaceAll('"', '""')}"`
    : text
}

/** One row per option (choice polls) or per cell and verdict (verdict poll). Aggregates only. */
export function resultsCsv(snapshot: ResultsSnapshot): string {
  const rows: (string | number)[][] = [HEADER]
  for (const view of snapshot.polls) {
    const poll = pollById(view.id)!
    const base = (item: string, label: string, verdict: string, count: number | string) =>
      [
        view.id,
        poll.question,
        item,
        label,
        verdict,
        count,
        view.participants,
        view.status,
        snapshot.session?.id ?? '',
        snapshot.session?.title ?? '',
      ]
    if (!view.tally) {
      rows.push(base('', 'résultats masqués', '', ''))
    }
    else if (view.tally.kind === 'choice' && poll.kind === 'choice') {
      for (const o of poll.options)
        rows.push(base(o.id, o.label, '', view.tally.counts[o.id] ?? 0))
    }
    else if (view.tally.kind === 'verdict') {
      for (const [cell, counts] of Object.entries(view.tally.cells)) {
        for (const [verdict, count] of Object.entries(counts))
          rows.push(base(cell, cellLabel(cell as Parameters<typeof cellLabel>[0]), verdict, count))
      }
    }
  }
  return `${rows.map(r => r.map(csvField).join(',')).join('\r\n')}\r\n`
}
