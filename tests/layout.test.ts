// Every slide, in every click state, as the room sees it at 1920×1080: nothing outside the
// frame, no icon without a size, no text over the footer, nothing the room must read under
// 24 px, section titles on the centre axis. Walked with the arrow key, as a clicker does,
// after two rooms have voted: the result slides are checked full.
import type { Browser } from 'playwright-chromium'
import type { ServerProcess } from '../scripts/lib/server-process'
import type { LayoutRules } from './helpers/layout-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { matrixCells } from '../data/matrix'
import { deckOutline } from '../scripts/lib/deck-outline'
import { startServerProcess } from '../scripts/lib/server-process'
import { launchBrowser, signIn } from './helpers/browser'
import { roomThatVoted, walkEveryStep } from './helpers/deck-walk'
import { layoutProblems } from './helpers/layout-check'
import { command, presenterHeaders, send, TEST_TOKEN } from './helpers/test-server'

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
  // The result slides are drawn with figures in every cell, and compared with an earlier room.
  const json = { 'content-type': 'application/json', ...presenterHeaders }
  await send(server.url, '/api/sessions', {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ title: 'Salle précédente', date: '2024-11-21' }),
  })
  await roomThatVoted(server.url, 12)
  await send(server.url, '/api/sessions', {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ title: 'Cette salle' }),
  })
  await roomThatVoted(server.url, 9)
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
    const last = await walkEveryStep(page, outline, async (slide, search) => {
      const found = await page.evaluate(layoutProblems, { ...RULES, slide })
      problems.push(...found.map(p => `slide ${slide} « ${outline[slide - 1]?.title} » ${search}: ${p}`))
    })
    expect(last.startsWith(String(outline.length)), 'walked to the last slide').toBe(true)
    expect(problems).toEqual([])
    await page.close()
  }, 300_000)

  it('keeps the blind poll\'s slides inside the frame while its results are hidden (the larger QR code)', async () => {
    await command(server.url, 'verdict', 'hide')
    // Before any presenter view has opened: a projection would otherwise follow it.
    const room = await browser.newContext({
      viewport: { width: 1920, height: 1080 },
      reducedMotion: 'reduce',
    })
    const page = await room.newPage()
    const problems: string[] = []
    for (const alias of ['verdict', 'comparaison']) {
      const no = outline.find(s => s.alias === alias)!.no
      await page.goto(`${server.url}/${no}`, { waitUntil: 'networkidle' })
      await page.locator(`.slidev-page-${no} .join--medium`).waitFor()
      problems.push(...(await page.evaluate(layoutProblems, { ...RULES, slide: no })).map(p => `${alias}, hidden: ${p}`))
    }
    expect(problems).toEqual([])
    await room.close()
    await command(server.url, 'verdict', 'reveal')
  })

  it('opens the presenter\'s matrix cell on the projection too, over the grid and inside the frame', async () => {
    const no = outline.find(s => s.alias === 'grille')!.no
    const speaker = await browser.newPage({
      viewport: { width: 1366, height: 768 },
      reducedMotion: 'reduce',
    })
    await signIn(speaker, server.url, TEST_TOKEN)
    await speaker.goto(`${server.url}/presenter/${no}`, { waitUntil: 'networkidle' })
    // The projector: another browser profile, as a room PC would be.
    const room = await browser.newContext({
      viewport: { width: 1920, height: 1080 },
      reducedMotion: 'reduce',
    })
    const projector = await room.newPage()
    await projector.goto(`${server.url}/${no}`, { waitUntil: 'networkidle' })
    const problems: string[] = []
    for (const cell of matrixCells.filter(c => c.column === 'simple')) {
      await speaker.locator(`.slidev-page-${no} [data-cell="${cell.id}"]:visible`).first().click()
      await expect.poll(() => projector.locator(`.slidev-page-${no} [data-testid="matrix-detail"]`).textContent()).toContain(cell.rationale.slice(0, 30))
      problems.push(...(await projector.evaluate(layoutProblems, { ...RULES, slide: no })).map(p => `${cell.id} open: ${p}`))
    }
    expect(problems).toEqual([])
    await room.close()
    await speaker.close()
  })
})
