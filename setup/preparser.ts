import process from 'node:process'
import { definePreparserSetup } from '@slidev/types'
import { schedule } from '../data/agenda'
import { pollById } from '../data/polls'
import { pollOfSlide, speakerNote } from '../data/speaker-notes'
import { printedInHandout } from '../poll/handout'
import { loadResultsFile } from '../vite/results-plugin'

let snapshot: ReturnType<typeof loadResultsFile> | null | undefined
/** The results the export prints (ATELIER_RESULTS_FILE), read once. */
function results() {
  snapshot ??= process.env.ATELIER_RESULTS_FILE
    ? loadResultsFile(process.env.ATELIER_RESULTS_FILE)
    : null
  return snapshot
}

/**
 * Two steps on the slides as Slidev reads them:
 * - the notes: as data/speaker-notes.ts writes them (poll cue, time budget, French typography);
 * - the PDF: a result slide is printed only with the room's ballots behind it, and the
 *   comparisons only when asked for (poll/handout.ts). A hidden slide leaves no page and
 *   no gap in the page numbers; the live deck always has them.
 */
export default definePreparserSetup(({ mode }) => {
  const parts = new Map(schedule().map(p => [p.id, p]))
  // Slidev calls transformSlide then transformNote for each slide, in order.
  let part: ReturnType<typeof schedule>[number] | undefined
  let poll: string | undefined
  return [
    {
      name: 'atelier:notes-and-print',
      async transformRawLines() {
        part = undefined
      },
      async transformSlide(content, frontmatter) {
        if (typeof frontmatter.part === 'string')
          part = parts.get(frontmatter.part)
        poll = pollOfSlide(content, frontmatter)
        if (mode === 'export' && !printedInHandout(frontmatter, results(), process.env.ATELIER_COMPARE === '1'))
          frontmatter.hide = true
        return content
      },
      async transformNote(note) {
        return speakerNote(note, {
          part,
          poll: poll
            ? pollById(poll)
            : undefined,
        })
      },
    },
  ]
})
