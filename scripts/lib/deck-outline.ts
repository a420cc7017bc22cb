import { readFileSync } from 'node:fs'
import { parseSync } from '@slidev/parser'

export interface SlideOutline {
  no: number
  title: string
  note: string
  alias?: string
  /** The poll this slide runs, when it shows one. */
  poll?: string
  /** This room against the earlier ones: printed only with `--compare`. */
  comparison?: boolean
  /** The part of the talk this slide opens (data/agenda.ts). */
  part?: string
}

const HEADING = /^#\s+(\S.*)$/m
const POLL = /<PollStatus\s[^>]*poll="(\w+)"/

/** Slide numbers, titles and notes, read from slides.md the way Slidev reads it. */
export function deckOutline(file = 'slides.md'): SlideOutline[] {
  const data = parseSync(readFileSync(file, 'utf8'), file)
  return data.slides.map((s, i) => ({
    no: i + 1,
    // The slide's own heading: on the first slide, Slidev's `title` is the deck's (headmatter).
    title: (HEADING.exec(s.content)?.[1] ?? s.title ?? '').replace(/<[^>]+>/g, '').replace(/\{\{[^}]+\}\}/g, '').trim(),
    note: s.note ?? '',
    alias: s.frontmatter.routeAlias as string | undefined,
    poll: POLL.exec(s.content)?.[1],
    ...(s.frontmatter.comparison === true
      ? { comparison: true }
      : {}),
    ...(typeof s.frontmatter.part === 'string'
      ? { part: s.frontmatter.part }
      : {}),
  }))
}

/** The number of the slide with this `routeAlias`; fails loudly if slides.md lost it. */
export function slideNo(alias: string, outline = deckOutline()): number {
  const slide = outline.find(s => s.alias === alias)
  if (!slide)
    throw new Error(`No slide has routeAlias: ${alias}`)
  return slide.no
}
