import type { PollId, PollView, ResultsSnapshot } from '../poll/types'

/** Keeps the newest snapshot: an older one (a late message after a resync) is ignored. */
export function newerSnapshot(current: ResultsSnapshot | null, incoming: ResultsSnapshot): ResultsSnapshot {
  if (current && incoming.generatedAt === current.generatedAt && incoming.version < current.version)
    return current
  return incoming
}

export function pollIn(snapshot: ResultsSnapshot | null, id: PollId): PollView | null {
  return snapshot?.polls.find(p => p.id === id) ?? null
}

/** « 26 novembre 2026 à 14:05 », for the handout. */
export function formatSnapshotDate(iso: string): string {
  return new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(new Date(iso))
}

/**
 * The tally a view may draw. A window can hold the presenter's snapshot (which
 * includes blind polls) and still be the projected one: only the presenter's own
 * view and the printed handout show results the speaker has not revealed.
 */
export function shownTally(view: PollView | null, where: 'presenter' | 'room' | 'print'): PollView['tally'] {
  if (!view)
    return null
  return where !== 'room' || view.resultsVisible
    ? view.tally
    : null
}
