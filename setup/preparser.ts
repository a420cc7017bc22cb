import process from 'node:process'
import { definePreparserSetup } from '@slidev/types'
import { schedule } from '../data/agenda'
import { pollById } from '../data/polls'
import { pollOfSlide, speakerNote } from '../data/speaker-notes'

/**
 * Two steps on the slides as Slidev reads them:
 * - the notes: as data/speaker-notes.ts writes them (poll cue, time budget, French typography);
 * - the PDF: the comparison slides (`comparison: true`) are printed only when asked for
 *   (`npm run export -- --session ID --compare`, which sets ATELIER_COMPARE). A hidden
 *   slide leaves no page and no gap in the page numbers; the live deck always has them.
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
        if (mode === 'export' && frontmatter.comparison === true && process.env.ATELIER_COMPARE !== '1')
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
