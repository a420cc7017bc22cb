import { readFileSync } from 'node:fs'
import { parseSync } from '@slidev/parser'
import { schedule } from '../../data/agenda'
import { frenchTypography } from '../../data/french'
import { pollById } from '../../data/polls'
import { pollOfSlide, speakerNote } from '../../data/speaker-notes'

export interface SlideOutline {
  no: number
  title: string
  note: string
  alias?: string
  /** The poll this slide runs, when it shows one. */
  poll?: string
  /** This room against the earlier ones: printed only with `--compare`. */
  comparison?: boolean
  /** The slide's layout, when it names one (`live-result`…). */
  layout?: string
  /** The part of the talk this slide opens (data/agenda.ts). */
  part?: string
}

const HEADING = /^#\s+(\S.*)$/m
/**
 * Slide numbers, titles and notes, read from slides.md the way Slidev reads it; the notes
 * as the presenter view shows them (data/speaker-notes.ts), for the remote and the notes PDF.
 */
export function deckOutline(file = 'slides.md'): SlideOutline[] {
  const data = parseSync(readFileSync(file, 'utf8'), file)
  const parts = new Map(schedule().map(p => [p.id, p]))
  let part: ReturnType<typeof schedule>[number] | undefined
  return data.slides.map((s, i) => {
    if (typeof s.frontmatter.part === 'string')
      part = parts.get(s.frontmatter.part)
    const poll = pollOfSlide(s.content, s.frontmatter)
    return {
      no: i + 1,
      // The slide's own heading: on the first slide, Slidev's `title` is the deck's (headmatter).
      title: frenchTypography((HEADING.exec(s.content)?.[1] ?? s.title ?? '').replace(/<[^>]+>/g, '').replace(/\{\{[^}]+\}\}/g, '').trim()),
      note: speakerNote(s.note, {
        part,
        poll: poll
          ? pollById(poll)
          : undefined,
      }),
      alias: s.frontmatter.routeAlias as string | undefined,
      poll,
      ...(s.frontmatter.comparison === true
        ? { comparison: true }
        : {}),
      ...(typeof s.frontmatter.layout === 'string'
        ? { layout: s.frontmatter.layout }
        : {}),
      ...(typeof s.frontmatter.part === 'string'
        ? { part: s.frontmatter.part }
        : {}),
    }
  })
}

/** The number of the slide with this `routeAlias`; fails loudly if slides.md lost it. */
export function slideNo(alias: string, outline = deckOutline()): number {
  const slide = outline.find(s => s.alias === alias)
  if (!slide)
    throw new Error(`No slide has routeAlias: ${alias}`)
  return slide.no
}
