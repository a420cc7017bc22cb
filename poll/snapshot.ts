import type { PollDefinition } from '../data/polls.ts'
import type { PollState, PollView, ResultsSnapshot, Tally } from './types'
import { z } from 'zod'
import { pollIds } from '../data/polls.ts'
import { isIsoDate } from './session.ts'

export interface PollRecord {
  definition: PollDefinition
  state: PollState
  participants: number
  tally: Tally
}

/**
 * Who looks at the polls: the projected deck (`public`), the speaker (`presenter`),
 * or a phone, which needs to know only which polls are open: no counts, so that a
 * ballot costs the room's Wi-Fi nothing.
 */
export type Viewer = 'public' | 'presenter' | 'phone'

/**
 * Builds what one kind of viewer may see. The audience never gets a hidden poll's
 * tally; the presenter (and the handout) always does; a phone never gets one.
 */
export function viewOf(record: PollRecord, viewer: Viewer): PollView {
  const visible = viewer === 'presenter' || (viewer === 'public' && record.state.resultsVisible)
  return {
    id: record.definition.id as PollView['id'],
    ...record.state,
    participants: viewer === 'phone'
      ? 0
      : record.participants,
    tally: visible
      ? structuredClone(record.tally)
      : null,
  }
}

const counts = z.record(z.string(), z.number().int().nonnegative())
const tallySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('choice'),
    counts,
  }),
  z.object({
    kind: z.literal('verdict'),
    cells: z.record(z.string(), z.object({
      N: z.number().int().nonnegative(),
      O: z.number().int().nonnegative(),
      Y: z.number().int().nonnegative(),
    })),
  }),
])

const pollViewSchema = z.object({
  id: z.enum(pollIds as [string, ...string[]]),
  status: z.enum(['open', 'closed']),
  resultsVisible: z.boolean(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  participants: z.number().int().nonnegative(),
  tally: tallySchema.nullable(),
})

const sessionSummarySchema = z.object({
  id: z.string().min(1).max(100),
  title: z.string().min(1).max(120),
  date: z.string().refine(isIsoDate, 'date attendue au format AAAA-MM-JJ'),
  kind: z.enum(['real', 'rehearsal']),
})

const peersSchema = z.object({
  sessions: z.number().int().nonnegative(),
  titles: z.array(z.string().max(120)),
  participants: z.number().int().nonnegative(),
  polls: z.array(z.object({
    id: z.enum(pollIds as [string, ...string[]]),
    participants: z.number().int().nonnegative(),
    tally: tallySchema,
  })),
})

/** The results file given to `npm run export --results`, or served by `/api/results.json`. */
export const resultsSnapshotSchema = z.object({
  version: z.number().int().nonnegative(),
  generatedAt: z.iso.datetime(),
  polls: z.array(pollViewSchema),
  session: sessionSummarySchema.optional(),
  peers: peersSchema.optional(),
})

/** Parses a results snapshot, with a message that says what is wrong in it. */
export function parseResultsSnapshot(input: unknown): ResultsSnapshot {
  const parsed = resultsSnapshotSchema.safeParse(input)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new Error(`Champ « ${issue.path.join('.') || '(racine)'} » : ${issue.message}`)
  }
  return parsed.data as ResultsSnapshot
}
