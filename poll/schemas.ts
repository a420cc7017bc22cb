import type { CellId, Verdict } from '../data/matrix.ts'
import type { PollId } from '../data/polls.ts'
import { z } from 'zod'
import { cellIds, verdictIds } from '../data/matrix.ts'
import { pollIds } from '../data/polls.ts'
import { isIsoDate } from './session.ts'

/**
 * One schema per shape that crosses a boundary (the network, a file, the database): the
 * types in types.ts and session.ts are inferred from these, so a shape is written once.
 */

const count = z.number().int().nonnegative()
/** A calendar date written YYYY-MM-DD (a real day: no 30 February). */
export const isoDate = z.string().refine(isIsoDate, 'date attendue au format AAAA-MM-JJ')

export const pollIdSchema = z.enum(pollIds as [PollId, ...PollId[]])
export const verdictSchema = z.enum(verdictIds as [Verdict, ...Verdict[]])
export const cellIdSchema = z.enum(cellIds as [CellId, ...CellId[]])

export const verdictCountsSchema = z.strictObject({ N: count, O: count, Y: count })

export const tallySchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('choice'),
    counts: z.record(z.string(), count),
  }),
  z.strictObject({
    kind: z.literal('verdict'),
    cells: z.partialRecord(cellIdSchema, verdictCountsSchema, {
      error: 'les résultats ne correspondent pas aux questions de ce sondage (cases inconnues ou manquantes)',
    }),
  }),
])

export const pollStateSchema = z.strictObject({
  status: z.enum(['closed', 'open']),
  /** When false, the audience sees the participant count but not the results. */
  resultsVisible: z.boolean(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
})

/** One poll as clients see it. `tally` is null while results are hidden from this viewer. */
export const pollViewSchema = pollStateSchema.extend({
  id: pollIdSchema,
  participants: count,
  tally: tallySchema.nullable(),
})

/** One poll's aggregates in a session: no individual ballot, nothing personal. */
export const pollAggregateSchema = z.strictObject({
  id: pollIdSchema,
  participants: count,
  tally: tallySchema,
})

/** A rehearsal never counts when rooms are compared. */
export const sessionKindSchema = z.enum(['real', 'rehearsal'], {
  error: 'type attendu : « real » (séance réelle) ou « rehearsal » (répétition)',
})

/** What the deck shows of the session in progress. */
export const sessionSummarySchema = z.strictObject({
  id: z.string().regex(/^[\w-]{4,100}$/, 'identifiant de séance invalide'),
  /** Place and event, as the speaker names it: « Lyon, mars 2027 ». */
  title: z.string().trim().min(1).max(120),
  /** The day of the talk, YYYY-MM-DD. */
  date: isoDate,
  kind: sessionKindSchema,
})

/** One delivery of the talk: Grenoble 2024, then Lyon 2027, then a training day… */
export const sessionInfoSchema = sessionSummarySchema.extend({
  /** More participants than this raises the alarm on the presenter view. */
  expectedSize: z.number().int().positive().max(100_000),
  createdAt: z.iso.datetime(),
  /** Phones that joined: a count, kept when the individual rows are purged. */
  participants: count,
  /** Came from another laptop's archive (`npm run sessions -- import`). */
  imported: z.boolean(),
})

/** Earlier real rooms, combined: what « the others » means on the comparison slide. */
export const peerRoomsSchema = z.strictObject({
  /** How many sessions are combined. */
  sessions: count,
  /** The latest few titles, oldest first, for the slide's footnote (`sessions` counts them all). */
  titles: z.array(z.string().max(120)),
  participants: count,
  /** Per poll, the combined tally and the number of ballots behind it. */
  polls: z.array(pollAggregateSchema),
})

/**
 * The first problem zod found, in French: one message, as phones show one. Files name the
 * field it is about; a ballot's messages already say it in words (`withField: false`).
 */
export function firstIssue(error: z.ZodError, { fallback = 'Données invalides.', withField = true } = {}): string {
  const issue = error.issues[0]
  if (!issue)
    return fallback
  const path = issue.path.join('.')
  return path && withField
    ? `Champ « ${path} » : ${issue.message}`
    : issue.message
}
