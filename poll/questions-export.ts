import type { PublicQuestion } from './questions'
import { statusLabels } from './questions'
import { csvField } from './results-csv'

/** What leaves the laptop after the talk: text, state, votes and time. No participant id, no address. */
export interface ExportedQuestion {
  text: string
  name?: string
  status: PublicQuestion['status']
  state: string
  votes: number
  askedAt: string
}

export function exportedQuestions(questions: readonly PublicQuestion[]): ExportedQuestion[] {
  return questions.map(q => ({
    text: q.text,
    ...(q.name
      ? { name: q.name }
      : {}),
    status: q.status,
    state: statusLabels[q.status],
    votes: q.votes,
    askedAt: q.createdAt,
  }))
}

/** The same as CSV, for a spreadsheet (formulas defused). */
export function questionsCsv(questions: readonly PublicQuestion[]): string {
  const rows = [
    [
      'question',
      'prenom',
      'etat',
      'votes',
      'heure',
    ],
    ...exportedQuestions(questions).map(q => [
      q.text,
      q.name ?? '',
      q.state,
      q.votes,
      q.askedAt,
    ]),
  ]
  return `${rows.map(r => r.map(csvField).join(',')).join('\n')}\n`
}
