import type { Page } from 'playwright-chromium'
import type { SlideOutline } from '../../scripts/lib/deck-outline'
import { cellIds, verdictIds } from '../../data/matrix'
import { slideOf } from './browser'
import { command, vote } from './test-server'

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
 * Walks the deck from where `page` is, slide by slide and click by click, with the arrow key
 * as a clicker does, calling `visit` on each state; returns the last state (`12?clicks=2`).
 */
export async function walkEveryStep(page: Page, outline: readonly SlideOutline[], visit: (slide: number, search: string) => Promise<void>, { settleMs = 600, maxSteps = 250 } = {}): Promise<string> {
  let previous = ''
  for (let step = 0; step < maxSteps; step++) {
    await page.waitForTimeout(settleMs)
    const slide = slideOf(page, outline as SlideOutline[])
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
