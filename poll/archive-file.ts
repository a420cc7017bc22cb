import type { SessionResults } from './session'
import { z } from 'zod'
import { pollIds } from '../data/polls'
import { firstIssue, pollAggregateSchema, sessionInfoSchema } from './schemas'
import { tallyFits } from './session'

/** What `npm run sessions -- export` writes: aggregates per session, never an individual ballot. */
export const ARCHIVE_FORMAT = 'atelier-ia/archive-seances'
export const ARCHIVE_VERSION = 1
/**
 * An archive's bounds: far above a speaker's career (a talk a week for ten years is 500
 * sessions of about 1 kB each), far below what would weigh on the server.
 */
export const ARCHIVE_MAX_SESSIONS = 1000
export const ARCHIVE_MAX_BYTES = 4 * 1024 * 1024

const pollAggregate = pollAggregateSchema.refine(p => tallyFits(p.tally, p.id), {
  message: 'les résultats ne correspondent pas aux questions de ce sondage (options ou cases inconnues)',
})

const session = sessionInfoSchema.omit({ imported: true }).extend({
  id: z.string().regex(/^[\w-]{4,80}$/),
  polls: z.array(pollAggregate).max(pollIds.length),
})

const archiveSchema = z.strictObject({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.literal(ARCHIVE_VERSION),
  exportedAt: z.iso.datetime(),
  sessions: z.array(session).max(ARCHIVE_MAX_SESSIONS, `une archive compte au plus ${ARCHIVE_MAX_SESSIONS} séances`),
})

export type ArchiveFile = z.infer<typeof archiveSchema>
export type ArchivedSession = ArchiveFile['sessions'][number]

/** The archive of these sessions, ready to be written as JSON. */
export function archiveOf(results: readonly SessionResults[], now = new Date()): ArchiveFile {
  return {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    exportedAt: now.toISOString(),
    sessions: results.map(({ session: s, polls }) => ({
      id: s.id,
      title: s.title,
      date: s.date,
      kind: s.kind,
      expectedSize: s.expectedSize,
      createdAt: s.createdAt,
      participants: s.participants,
      polls: polls.map(p => ({ id: p.id, participants: p.participants, tally: p.tally })),
    })),
  }
}

/**
 * Reads an archive file's text. Anything else (not JSON, another tool's file, a newer
 * format, a tally that does not fit the polls) is refused with a French message that
 * says what is wrong, so that nothing half-read is ever imported.
 */
export function parseArchive(text: string): ArchiveFile {
  if (text.length > ARCHIVE_MAX_BYTES)
    throw new Error(`archive refusée : ${Math.round(text.length / 1024 / 1024)} Mo, plus que les ${ARCHIVE_MAX_BYTES / 1024 / 1024} Mo qu’une archive de séances peut peser (elle ne contient que des résultats agrégés).`)
  let json: unknown
  try {
    json = JSON.parse(text)
  }
  catch (error) {
    throw new Error(`fichier illisible : ce n'est pas du JSON valide (${(error as Error).message}).`)
  }
  const format = (json as { format?: unknown } | null)?.format
  if (format !== ARCHIVE_FORMAT)
    throw new Error(`ce fichier n'est pas une archive de séances de l'atelier (format attendu : « ${ARCHIVE_FORMAT} »).`)
  const version = (json as { version?: unknown }).version
  if (typeof version === 'number' && version > ARCHIVE_VERSION)
    throw new Error(`cette archive vient d'une version plus récente de l'atelier (version ${version}) : mettez l'atelier à jour avant de l'importer.`)
  const parsed = archiveSchema.safeParse(json)
  if (!parsed.success)
    throw new Error(`archive refusée. ${firstIssue(parsed.error)}.`)
  const ids = parsed.data.sessions.map(s => s.id)
  const twice = ids.find((id, i) => ids.indexOf(id) !== i)
  if (twice)
    throw new Error(`archive refusée : la séance « ${twice} » y figure deux fois.`)
  return parsed.data
}
