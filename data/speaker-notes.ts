import type { AgendaPart } from './agenda.ts'
import type { PollDefinition } from './polls.ts'
import { budgetLine } from './agenda.ts'
import { frenchTypography } from './french.ts'

export interface NoteContext {
  /** The part of the talk the slide belongs to, with its clock times. */
  part?: AgendaPart & { from: number, to: number }
  /** The poll the slide runs, if any. */
  poll?: PollDefinition
}

/**
 * A slide's notes as the speaker reads them, everywhere (presenter view, phone remote,
 * notes PDF): on a poll slide, when to open, reveal and close it comes first, where a
 * laptop's screen shows it without scrolling; then the part's time budget; then the notes;
 * all in French typography.
 */
export function speakerNote(note: string | undefined, { part, poll }: NoteContext): string {
  return frenchTypography([
    poll?.cue ? `**Vote : ${poll.cue}**` : '',
    part ? `**${budgetLine(part)}**` : '',
    note?.trim() ?? '',
  ].filter(Boolean).join('\n\n'))
}

const POLL_STATUS = /<PollStatus\s[^>]*poll="(\w+)"/

/** The poll a slide runs: its frontmatter's `poll` (the live-result layout), or a `<PollStatus poll="…">` in it. */
export function pollOfSlide(content: string, frontmatter: Record<string, unknown>): string | undefined {
  return typeof frontmatter.poll === 'string'
    ? frontmatter.poll
    : POLL_STATUS.exec(content)?.[1]
}
