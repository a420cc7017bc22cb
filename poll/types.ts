import type { z } from 'zod'
import type { CellId, Verdict } from '../data/matrix'
import type { PollId } from '../data/polls'
import type { PublicQuestion } from './questions'
import type { pollStateSchema, pollViewSchema, tallySchema, verdictCountsSchema } from './schemas'
import type { PeerRooms, SessionSummary } from './session'

export type { CellId, PollId, Verdict }

/** What one participant chose in one poll. */
export type Choice
  = | { option: string }
    | { verdicts: Partial<Record<CellId, Verdict>> }

export type VerdictCounts = z.infer<typeof verdictCountsSchema>

export type Tally = z.infer<typeof tallySchema>

/** The lifecycle of one poll, as the presenter drives it. */
export type PollState = z.infer<typeof pollStateSchema>
export type PollStatus = PollState['status']

export type PollCommand = 'open' | 'close' | 'reveal' | 'hide' | 'reset'

/** One poll as clients see it. `tally` is null while results are hidden from this viewer. */
export type PollView = z.infer<typeof pollViewSchema>

/**
 * The room as a screen may see it. The projected deck gets the code to display;
 * the presenter also gets who is in, how fast people join, and the alarm.
 */
export interface RoomView {
  /** Needed to join when set: shown on the join and poll slides, carried by the QR code. */
  code: string | null
  registrationOpen?: boolean
  participants?: number
  joinsLastMinute?: number
  /** Joins refused in the last minute because one address joined too fast (a shared address). */
  joinsRefusedLastMinute?: number
  expectedSize?: number
  /** More participants than the speaker expects: someone may be stuffing the ballot box. */
  alarm?: boolean
}

/** Everything a client needs to draw the polls: sent whole on each update, so a reconnect is a resync. */
export interface ResultsSnapshot {
  /** Grows with each change; lets a client drop an out-of-order message. */
  version: number
  generatedAt: string
  polls: PollView[]
  /** Absent for phones and in a results file. */
  room?: RoomView
  /** The session these results belong to (deck screens and handouts; phones never get it). */
  session?: SessionSummary
  /** The earlier real rooms, for the comparison slide; absent when not compared. */
  peers?: PeerRooms
  /** The presenter only: what is wrong with the data and what to do, while votes cannot be stored. */
  storeProblem?: string
  /** In a handout of a session: its published and answered questions with their votes (no author). */
  questions?: PublicQuestion[]
}
