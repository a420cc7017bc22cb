import type { SourceId } from './sources'
import { typeset } from './french.ts'

/**
 * The readiness grid of the talk: how much data the project has (rows) against
 * what kind of data it handles (columns). The ids are stable: ballots refer to them.
 */
// `short`: the axis at stage scale, on the live-result slides (the full label is on the grid's slide).
const matrixRowsSource = [
  { id: 'none', label: 'Pas de jeu de données', short: 'Pas de données' },
  { id: 'moderate', label: 'Jeu de données modéré', short: 'Jeu modéré' },
  { id: 'large', label: 'Large jeu de données', short: 'Large jeu' },
] as const

const matrixColumnsSource = [
  { id: 'distinct', label: 'Données distinctes les unes des autres', hint: '', short: 'Distinctes' },
  { id: 'elaborate', label: 'Données standardisées et élaborées', hint: 'réponses qualitatives', short: 'Élaborées' },
  { id: 'simple', label: 'Données standardisées et simples', hint: 'quantitatif', short: 'Simples' },
] as const

export type RowId = typeof matrixRows[number]['id']
export type ColumnId = typeof matrixColumns[number]['id']
export type CellId = `${RowId}.${ColumnId}`

/**
 * Letter, symbol and words: the same on the slides and the phones, never the colour alone.
 * A washed-out projector loses hue first, so the three fills stand apart by lightness
 * alone, 3:1 each pair (dark N, mid Y, light O), and N and O also carry a hatch (`pattern`). `on` is the text
 * drawn on the fill; `text` the verdict's colour as text on the light paper (≥ 4.5:1).
 */
const verdictsSource = {
  N: { letter: 'N', symbol: '✕', label: 'Pas encore efficace', short: 'Pas encore', color: '#5C0E0E', on: '#FFFFFF', text: '#8F1D1D', pattern: 'cross' },
  O: { letter: 'O', symbol: '◐', label: 'Expérimentation à accompagner', short: 'À expérimenter', color: '#F8CE62', on: '#13203B', text: '#8A5300', pattern: 'stripes' },
  Y: { letter: 'Y', symbol: '✓', label: 'Déploiement à envisager', short: 'À envisager', color: '#2E8556', on: '#FFFFFF', text: '#22673F', pattern: 'none' },
} as const

export type Verdict = keyof typeof verdicts
export const verdictIds = Object.keys(verdictsSource) as Verdict[]

export interface MatrixCell {
  id: CellId
  row: RowId
  column: ColumnId
  /** The speaker's verdict. */
  verdict: Verdict
  examples: readonly string[]
  /** The cell named in two or three words, for the live-result slides read from the back row. */
  name: string
  /**
   * One line on why this verdict. Added by this deck, not said in the talk: the slide
   * shows it as a proposal, under `rationaleLabel`.
   */
  rationale: string
  sources?: readonly SourceId[]
}

const matrixTitleSource = 'Une première grille de l\'usage de l\'IA générative dans vos projets'
export const matrixSource: SourceId = 'krief-2024'
/** The talk gives each cell's verdict and examples; the reasoning under a cell is this deck's proposal. */
export const rationaleLabel = typeset('Piste de lecture proposée par ce support (absente de l\'atelier d\'origine)')

const matrixCellsSource: readonly MatrixCell[] = [
  {
    id: 'none.distinct',
    name: 'Analyse juridique',
    row: 'none',
    column: 'distinct',
    verdict: 'N',
    examples: ['Analyse juridique inédite'],
    rationale: 'Sans précédent ni corpus, l\'IA invente plus qu\'elle n\'analyse : le risque d\'erreur est trop élevé.',
  },
  {
    id: 'none.elaborate',
    name: 'Tickets DSI',
    row: 'none',
    column: 'elaborate',
    verdict: 'N',
    examples: ['Traitement des tickets d\'incident d\'une DSI'],
    rationale: 'Des réponses qualitatives sans historique à apprendre : l\'outil ne connaît ni le contexte ni les solutions maison.',
  },
  {
    id: 'none.simple',
    name: 'Cartes d\'identité',
    row: 'none',
    column: 'simple',
    verdict: 'O',
    examples: ['Traitement des cartes d\'identité'],
    rationale: 'Le format est normé, mais sans données de référence il faut vérifier chaque sortie : à tester sous contrôle.',
  },
  {
    id: 'moderate.distinct',
    name: 'Courriers',
    row: 'moderate',
    column: 'distinct',
    verdict: 'N',
    examples: ['Rédaction de courrier avec appréciation du contexte'],
    rationale: 'Chaque cas demande un jugement sur une situation singulière, que quelques exemples ne suffisent pas à transmettre.',
  },
  {
    id: 'moderate.elaborate',
    name: 'Budget participatif',
    row: 'moderate',
    column: 'elaborate',
    verdict: 'O',
    examples: [
      'Catégorisation des propositions d\'un budget participatif',
      'Interprétation des données d’entretiens professionnels pour le plan de formation',
    ],
    rationale: 'L\'IA trie et regroupe bien des textes comparables ; un agent valide les catégories et les cas limites.',
    sources: ['krief-2024'],
  },
  {
    id: 'moderate.simple',
    name: 'Graphiques',
    row: 'moderate',
    column: 'simple',
    verdict: 'Y',
    examples: ['Modélisations graphiques'],
    rationale: 'Des données chiffrées et propres : le résultat se vérifie d\'un coup d\'œil.',
  },
  {
    id: 'large.distinct',
    name: 'Fiches de poste',
    row: 'large',
    column: 'distinct',
    verdict: 'O',
    examples: ['Rédaction des fiches de poste'],
    rationale: 'Un large corpus de fiches existantes donne le ton et la structure ; le manager garde la main sur le contenu.',
    sources: ['krief-2024'],
  },
  {
    id: 'large.elaborate',
    name: 'Amendements',
    row: 'large',
    column: 'elaborate',
    verdict: 'Y',
    examples: ['Traitement des amendements (LLaMandement / DelibIA)'],
    rationale: 'Des volumes de textes normés que l\'IA résume et retrouve mieux qu\'une lecture humaine exhaustive.',
    sources: ['gesnouin-2024', 'delibia'],
  },
  {
    id: 'large.simple',
    name: 'Projections Excel',
    row: 'large',
    column: 'simple',
    verdict: 'Y',
    examples: ['Projections Excel', 'Tableaux de bord financiers'],
    rationale: 'Des séries chiffrées abondantes et structurées : c\'est le terrain le plus sûr pour gagner du temps.',
  },
]

export const cellIds = matrixCellsSource.map(c => c.id)

// French typography on every text above (data/french.ts).
export const matrixRows = typeset(matrixRowsSource)
export const matrixColumns = typeset(matrixColumnsSource)
export const verdicts = typeset(verdictsSource)
export const matrixTitle = typeset(matrixTitleSource)
export const matrixCells: readonly MatrixCell[] = typeset(matrixCellsSource)

export function cellById(id: CellId): MatrixCell {
  const cell = matrixCells.find(c => c.id === id)
  if (!cell)
    throw new Error(`Unknown matrix cell: ${id}`)
  return cell
}

export function cellAt(row: RowId, column: ColumnId): MatrixCell {
  return cellById(`${row}.${column}`)
}

export function cellLabel(id: CellId): string {
  const cell = cellById(id)
  const row = matrixRows.find(r => r.id === cell.row)!
  const column = matrixColumns.find(c => c.id === cell.column)!
  return `${row.label} × ${column.label}`
}
