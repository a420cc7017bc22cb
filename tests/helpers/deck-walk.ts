import type { Page } from 'playwright-chromium'
import type { Verdict } from '../../data/matrix'
import type { SlideOutline } from '../../scripts/lib/deck-outline'
import { cellIds, matrixCells, verdictIds } from '../../data/matrix'
import { slideOf } from './browser'
import { command, newPhone, presenterHeaders, send, vote } from './test-server'

/** A room that has voted on every poll, with its results revealed: the result slides are full. */
export async function roomThatVoted(url: string, votes: number): Promise<void> {
  for (const poll of ['warmup', 'verdict', 'placement']) {
    await command(url, poll, 'open')
    await command(url, poll, 'reveal')
  }
  for (let i = 0; i < votes; i++) {
    await vote(url, 'warmup', { option: (['often', 'sometimes', 'never'] as const)[i % 3] })
    await vote(url, 'placement', { option: cellIds[i % cellIds.length] })
    await vote(url, 'verdict', {
      verdicts: Object.fromEntries(cellIds.map((c, j) => [c, verdictIds[(i + j) % 3]])),
    })
  }
}

/**
 * How a seeded room votes: `agreeing` mostly follows the speaker's grid and is cautious;
 * `bolder` sees one step further towards « Y » on two columns of three and places its
 * projects in the data-rich cells. Two moods make comparisons with real gaps.
 */
export type RoomMood = 'agreeing' | 'bolder'

/** A deterministic draw in 0..1 (mulberry32): the same room every run. */
function draw(seed: number): number {
  let t = (seed + 0x6D2B79F5) >>> 0
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

function verdictOf(voter: number, cell: number, speaker: Verdict, mood: RoomMood): Verdict {
  const step = mood === 'bolder' && cell % 3 !== 0
    ? 1
    : 0
  const leaning = verdictIds[Math.min(2, verdictIds.indexOf(speaker) + step)]!
  const r = draw(voter * 97 + cell * 13 + (mood === 'bolder'
    ? 7
    : 0))
  return r < 0.62
    ? leaning
    : verdictIds[Math.floor(draw(voter * 31 + cell) * 3)]!
}

/**
 * A room as real ones are: `voters` phones that each join once and answer the three polls,
 * with the spread of opinions of its `mood`. Polls are opened and revealed first.
 */
export async function realRoom(url: string, voters: number, mood: RoomMood): Promise<void> {
  for (const poll of ['warmup', 'verdict', 'placement']) {
    await command(url, poll, 'open')
    await command(url, poll, 'reveal')
  }
  const warmups = mood === 'bolder'
    ? ['often', 'often', 'sometimes', 'never']
    : [
        'often',
        'sometimes',
        'never',
        'never',
        'sometimes',
      ]
  const places = mood === 'bolder'
    ? [8, 8, 7, 5, 4, 2, 8, 1]
    : [4, 7, 0, 6, 3, 4, 8, 2]
  const one = async (i: number) => {
    const phone = await newPhone(url)
    await vote(url, 'warmup', { option: warmups[Math.floor(draw(i * 7) * warmups.length)] }, phone)
    await vote(url, 'verdict', {
      verdicts: Object.fromEntries(matrixCells.map((c, j) => [
        c.id,
        verdictOf(i, j, c.verdict, mood),
      ])),
    }, phone)
    await vote(url, 'placement', { option: cellIds[places[Math.floor(draw(i * 11 + 3) * places.length)]!] }, phone)
  }
  // A few phones at a time: a room's pace, and well inside the server's limits.
  for (let i = 0; i < voters; i += 25) {
    await Promise.all(Array.from({
      length: Math.min(25, voters - i),
    }, (_, k) => one(i + k)))
  }
}

/** Starts a new session of the archive, as the presenter does before each talk. */
export async function newSession(url: string, title: string, date?: string): Promise<void> {
  const res = await send(url, '/api/sessions', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...presenterHeaders },
    body: JSON.stringify(date
      ? { title, date }
      : { title }),
  })
  if (!res.ok)
    throw new Error(`session refused: ${res.status} ${await res.text()}`)
}

/** Waits until Mermaid has drawn every diagram of the slide (it renders after the slide mounts). */
export async function diagramsDrawn(page: Page, slide: number): Promise<void> {
  await page.waitForFunction((no) => {
    const diagrams = [
      ...document.querySelectorAll(`.slidev-page-${no} .mermaid`),
    ]
    return diagrams.every(d => d.shadowRoot?.querySelector('svg[viewBox]'))
  }, slide, { timeout: 10_000 })
}

/**
 * Walks the deck from where `page` is, slide by slide and click by click, with the arrow key
 * as a clicker does, calling `visit` on each state; returns the last state (`12?clicks=2`).
 */
export async function walkEveryStep(page: Page, outline: readonly SlideOutline[], visit: (slide: number, search: string) => Promise<void>, { settleMs = 600, maxSteps = 250 } = {}): Promise<string> {
  let previous = ''
  for (let step = 0; step < maxSteps; step++) {
    await page.waitForTimeout(settleMs)
    const slide = slideOf(page, outline as SlideOutline[])
    await diagramsDrawn(page, slide)
    const search = new URL(page.url()).search
    const state = `${slide}${search}`
    if (state === previous)
      break
    previous = state
    await visit(slide, search)
    await page.keyboard.press('ArrowRight')
  }
  return previous
}
