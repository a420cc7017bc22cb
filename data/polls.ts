import type { CellId } from './matrix.ts'
import { typeset } from './french.ts'
import { cellIds, cellLabel } from './matrix.ts'

/**
 * The audience polls. `choice` polls take one option per participant; the
 * `verdict` poll takes N/O/Y for any subset of the matrix cells in one ballot.
 */
export interface PollOption {
  id: string
  label: string
}

interface PollBase {
  id: string
  question: string
  /** Short title for the phone page and results. */
  title: string
  /** False for a blind poll: the room sees its results only when the speaker reveals them. */
  resultsVisibleByDefault: boolean
  /** When to open, reveal and close it: added to the notes of the slide that runs it. */
  cue: string
}

export interface ChoicePoll extends PollBase {
  kind: 'choice'
  options: readonly PollOption[]
}

export interface VerdictPoll extends PollBase {
  kind: 'verdict'
  cells: readonly CellId[]
}

export type PollDefinition = ChoicePoll | VerdictPoll

const pollsSource = [
  {
    id: 'warmup',
    kind: 'choice',
    title: 'Échauffement',
    resultsVisibleByDefault: true,
    cue: 'Ouvrez le vote en arrivant sur la diapositive ; laissez 45 secondes (les résultats s\'affichent en direct), commentez, puis « Clore le vote » avant de passer à la suite.',
    question: 'Utilisez-vous déjà l\'IA générative dans votre travail ?',
    options: [
      { id: 'often', label: 'Oui, chaque semaine' },
      { id: 'sometimes', label: 'Oui, de temps en temps' },
      { id: 'never', label: 'Non, pas encore' },
    ],
  },
  {
    id: 'placement',
    kind: 'choice',
    title: 'Votre projet',
    resultsVisibleByDefault: true,
    cue: 'Ouvrez le vote, laissez une minute, commentez la carte qui se remplit, puis « Clore le vote ». Diapositive suivante : la comparaison avec les salles précédentes, s\'il y en a.',
    question: 'Où se situe votre projet ?',
    options: cellIds.map(id => ({
      id,
      label: cellLabel(id),
    })),
  },
  {
    id: 'verdict',
    kind: 'verdict',
    title: 'Votre verdict',
    resultsVisibleByDefault: false,
    cue: 'Vote à l\'aveugle : ouvrez-le, laissez deux minutes (le nombre de participants monte, pas les résultats), « Clore le vote », puis « Révéler ». Diapositive suivante : la comparaison avec les salles précédentes, s\'il y en a.',
    question: 'Pour chaque case de la grille : l\'IA générative est-elle prête ?',
    cells: cellIds,
  },
] as const satisfies readonly PollDefinition[]

export type PollId = typeof polls[number]['id']

export const pollIds = pollsSource.map(p => p.id) as PollId[]

// French typography on every text above (data/french.ts).
export const polls = typeset(pollsSource)

export function pollById(id: string): PollDefinition | undefined {
  return (polls as readonly PollDefinition[]).find(p => p.id === id)
}
