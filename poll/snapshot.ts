import type { PollDefinition } from '../data/polls.ts'
import type { PollState, PollView, ResultsSnapshot, Tally } from './types'
import { z } from 'zod'
import { publicQuestionSchema } from './question-schemas'
import { firstIssue, peerRoomsSchema, pollViewSchema, sessionSummarySchema } from './schemas.ts'

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

/** The results file given to `npm run export --results`, or served by `/api/results.json`. */
export const resultsSnapshotSchema = z.object({
  version: z.number().int().nonnegative(),
  generatedAt: z.iso.datetime(),
  polls: z.array(pollViewSchema),
  session: sessionSummarySchema.optional(),
  peers: peerRoomsSchema.optional(),
  questions: z.array(publicQuestionSchema).max(1000).optional(),
})

/** Parses a results snapshot, with a message that says what is wrong in it. */
export function parseResultsSnapshot(input: unknown): ResultsSnapshot {
  const parsed = resultsSnapshotSchema.safeParse(input)
  if (!parsed.success)
    throw new Error(firstIssue(parsed.error))
  return parsed.data as ResultsSnapshot
}
