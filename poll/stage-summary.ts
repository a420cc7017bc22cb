import type { PeerRooms } from './session'
import type { Tally } from './types'
import { countOf } from '../composables/format-number'
import { frenchTypography } from '../data/french'
import { matrixCells } from '../data/matrix'
import { comparePlacement, compareVerdicts, STAND_OUT_POINTS } from './compare'
import { wholeShares } from './shares'
import { comparison } from './tally'

/**
 * The one line above each live-result grid, in French: what the room did, said so that
 * it can be read from the back row. Nothing here ever claims a difference without ballots
 * on both sides.
 */

/** « 25 votants · d'accord avec la grille sur 6 cases sur 9 · 2 désaccords ». */
export function verdictSummary(tally: Tally | null, participants: number): string {
  if (!tally || tally.kind !== 'verdict' || participants === 0)
    return frenchTypography(`${countOf(participants, 'votant')} · les résultats s'afficheront ici`)
  const stances = matrixCells.map(c => comparison(tally.cells[c.id] ?? { N: 0, O: 0, Y: 0 }, c.verdict))
  const agree = stances.filter(s => s === 'agree').length
  const disagree = stances.filter(s => s === 'disagree').length
  const parts = [
    countOf(participants, 'votant'),
    `d'accord avec la grille sur ${agree} ${agree < 2
      ? 'case'
      : 'cases'} sur ${matrixCells.length}`,
    disagree
      ? countOf(disagree, 'désaccord')
      : 'aucun désaccord',
  ]
  return frenchTypography(parts.join(' · '))
}

/** « Ici 25 votants · avant 2 salles, 42 votants · 2 écarts de 15 points ou plus ». */
export function verdictComparisonSummary(room: Tally | null, peers: PeerRooms | null, roomVoters: number, othersVoters: number): string {
  const cells = compareVerdicts(room, peers)
  const comparable = cells.filter(c => c.gap).length
  const standouts = cells.filter(c => c.standsOut).length
  const verdict = comparable === 0
    ? 'trop peu de votes pour comparer'
    : standouts
      ? `${countOf(standouts, 'écart')} de ${STAND_OUT_POINTS} points ou plus`
      : `aucun écart de ${STAND_OUT_POINTS} points ou plus`
  return frenchTypography(`Ici ${countOf(roomVoters, 'votant')} · avant ${countOf(peers?.sessions ?? 0, 'salle')}, ${countOf(othersVoters, 'votant')} · ${verdict}`)
}

/** « 25 projets placés · le plus cité : Projections Excel (24 %) ». */
export function placementSummary(tally: Tally | null): string {
  const counts = tally?.kind === 'choice'
    ? tally.counts
    : {}
  const total = Object.values(counts).reduce((a, b) => a + b, 0)
  if (total === 0)
    return frenchTypography('Aucun projet placé pour l\'instant : les réponses s\'afficheront ici')
  const top = [...matrixCells].sort((a, b) => (counts[b.id] ?? 0) - (counts[a.id] ?? 0))[0]!
  // The same whole share as the cell shows on the grid below.
  const share = wholeShares(matrixCells.map(c => counts[c.id] ?? 0))[matrixCells.indexOf(top)]
  return frenchTypography(`${countOf(total, 'projet placé', 'projets placés')} · le plus cité : ${top.name} (${share} %)`)
}

/** « Ici 25 projets · avant 42 projets · 1 écart de 15 points ou plus ». */
export function placementComparisonSummary(room: Tally | null, peers: PeerRooms | null): string {
  const cells = comparePlacement(room, peers)
  const total = (t: Tally | null | undefined) => t?.kind === 'choice'
    ? Object.values(t.counts).reduce((a, b) => a + b, 0)
    : 0
  const others = peers?.polls.find(p => p.id === 'placement')?.tally
  const standouts = cells.filter(c => c.gap !== null && Math.abs(c.gap) >= STAND_OUT_POINTS).length
  const verdict = cells.every(c => c.gap === null)
    ? 'trop peu de projets pour comparer'
    : standouts
      ? `${countOf(standouts, 'écart')} de ${STAND_OUT_POINTS} points ou plus`
      : `aucun écart de ${STAND_OUT_POINTS} points ou plus`
  return frenchTypography(`Ici ${countOf(total(room), 'projet')} · avant ${countOf(peers?.sessions ?? 0, 'salle')}, ${countOf(total(others), 'projet')} · ${verdict}`)
}
