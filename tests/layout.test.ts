// Every slide, in every click state, as the room sees it at 1920×1080: nothing outside the
// frame, no icon without a size, no text over the footer, nothing the room must read under
// 24 px, section titles on the centre axis. Walked with the arrow key, as a clicker does.
import type { Browser } from 'playwright-chromium'
import type { ServerProcess } from '../scripts/lib/server-process'
import type { LayoutRules } from './helpers/layout-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deckOutline } from '../scripts/lib/deck-outline'
import { startServerProcess } from '../scripts/lib/server-process'
import { launchBrowser, slideOf } from './helpers/browser'
import { layoutProblems } from './helpers/layout-check'

const outline = deckOutline()
const RULES: Omit<LayoutRules, 'slide'> = {
  canvasWidth: 980,
  floorPx: 24,
  smallPrintFloorPx: 16,
  smallPrintSelector: '.atelier-footer, .source-note, .sources, .small-print',
}

let server: ServerProcess
let browser: Browser

beforeAll(async () => {
  server = await startServerProcess()
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('the projected deck\'s layout', () => {
  it('keeps every slide and click state inside the frame, readable and balanced', async () => {
    const page = await browser.newPage({
      viewport: { width: 1920, height: 1080 },
      reducedMotion: 'reduce',
    })
    await page.goto(`${server.url}/1`, { waitUntil: 'networkidle' })
    const problems: string[] = []
    let previous = ''
    for (let step = 0; step < 200; step++) {
      await page.waitForTimeout(600)
      const slide = slideOf(page, outline)
      const state = `${slide}${new URL(page.url()).search}`
      if (state === previous)
        break
      previous = state
      const found = await page.evaluate(layoutProblems, { ...RULES, slide })
      problems.push(...found.map(p => `slide ${slide} « ${outline[slide - 1]?.title} » ${new URL(page.url()).search}: ${p}`))
      await page.keyboard.press('ArrowRight')
    }
    expect(previous.startsWith(String(outline.length)), 'walked to the last slide').toBe(true)
    expect(problems).toEqual([])
    await page.close()
  }, 300_000)
})
