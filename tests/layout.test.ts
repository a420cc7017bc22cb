// Every slide, in every click state, as the room sees it at 1920×1080: nothing outside the
// frame, no icon without a size, no text over the footer, nothing the room must read under
// 24 px, section titles on the centre axis. Walked with the arrow key, as a clicker does.
// Two earlier real rooms with long titles are seeded, then the current room is checked with
// 0, 40 and 500 ballots, blind and revealed: the live-result slides in each state.
import type { Browser } from 'playwright-chromium'
import type { ServerProcess } from '../scripts/lib/server-process'
import type { LayoutRules } from './helpers/layout-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { matrixCells } from '../data/matrix'
import { deckOutline } from '../scripts/lib/deck-outline'
import { startServerProcess } from '../scripts/lib/server-process'
import { launchBrowser, signIn } from './helpers/browser'
import { newSession, realRoom, walkEveryStep } from './helpers/deck-walk'
import { layoutProblems } from './helpers/layout-check'
import { command, TEST_TOKEN } from './helpers/test-server'

const outline = deckOutline()
const RULES: Omit<LayoutRules, 'slide'> = {
  canvasWidth: 976,
  floorPx: 24,
  smallPrintFloorPx: 16,
  smallPrintSelector: '.atelier-footer, .source-note, .sources, .small-print',
}

/** The live-result slides: checked in every room state, blind and revealed. */
const RESULT_SLIDES = [
  'echauffement',
  'verdict',
  'comparaison',
  'projet',
  'comparaison-projets',
]
const RESULT_POLLS = ['warmup', 'verdict', 'placement']
/** A claimed difference: a signed gap in points, or a cell flagged as standing out. */
const CLAIM = /[+−]\d+\s*pts|écart de \d+ points ou plus/

let server: ServerProcess
let browser: Browser

beforeAll(async () => {
  // A whole room behind the test's one address: as a venue's Wi-Fi would be, with the setting raised.
  server = await startServerProcess({ JOIN_LIMIT_PER_ADDRESS: '5000' })
  browser = await launchBrowser()
  // Two earlier real rooms with the long titles real rooms have (60 characters and more).
  await newSession(server.url, 'Grenoble, Ateliers 2024 — atelier 5, salle Belledonne et invités du réseau RH', '2024-11-21')
  await realRoom(server.url, 23, 'agreeing')
  await newSession(server.url, 'Lyon, congrès national des DRH de la fonction publique territoriale 2025', '2025-03-14')
  await realRoom(server.url, 19, 'agreeing')
  await newSession(server.url, 'Montpellier, séminaire des cadres de direction — édition de printemps 2026')
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** Each result slide as the projector shows it (no presenter session), with what is wrong on it. */
async function resultSlideProblems(state: string, { noClaims = false } = {}): Promise<string[]> {
  const room = await browser.newContext({
    viewport: { width: 1920, height: 1080 },
    reducedMotion: 'reduce',
  })
  const page = await room.newPage()
  const problems: string[] = []
  for (const alias of RESULT_SLIDES) {
    const no = outline.find(s => s.alias === alias)!.no
    await page.goto(`${server.url}/${no}`, { waitUntil: 'networkidle' })
    await page.locator(`.slidev-page-${no} [data-testid="poll-live"]`).waitFor()
    await page.waitForTimeout(500)
    problems.push(...(await page.evaluate(layoutProblems, { ...RULES, slide: no })).map(p => `${alias}, ${state}: ${p}`))
    const qr = await page.locator(`.slidev-page-${no} .qr`).boundingBox()
    if (!qr || qr.width < 280)
      problems.push(`${alias}, ${state}: the QR code is ${Math.round(qr?.width ?? 0)} px wide while the vote is open (280 px or more)`)
    if (noClaims) {
      const text = (await page.locator(`.slidev-page-${no}`).textContent())!.replace(/\s+/g, ' ')
      const claim = CLAIM.exec(text.replace(/aucun écart de \d+ points ou plus/g, ''))
      if (claim)
        problems.push(`${alias}, ${state}: claims a difference (« ${claim[0]} ») with no ballot here`)
    }
  }
  await room.close()
  return problems
}

async function inBothStates(state: string, options: { noClaims?: boolean } = {}): Promise<string[]> {
  for (const poll of RESULT_POLLS)
    await command(server.url, poll, 'hide')
  const blind = await resultSlideProblems(`${state}, blind`, options)
  for (const poll of RESULT_POLLS)
    await command(server.url, poll, 'reveal')
  return [
    ...blind,
    ...await resultSlideProblems(`${state}, revealed`, options),
  ]
}

describe('the projected deck\'s layout, with two earlier real rooms', () => {
  it('keeps the result slides in the frame with 0 ballots, and claims no difference', async () => {
    for (const poll of RESULT_POLLS)
      await command(server.url, poll, 'open')
    expect(await inBothStates('0 ballots', { noClaims: true })).toEqual([])
  }, 120_000)

  it('keeps every slide and click state inside the frame, readable and balanced, with 40 ballots', async () => {
    await realRoom(server.url, 40, 'bolder')
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
    problems.push(...await inBothStates('40 ballots'))
    expect(problems).toEqual([])
    await page.close()
  }, 300_000)

  it('keeps the result slides in the frame with 500 ballots', async () => {
    await realRoom(server.url, 460, 'bolder')
    expect(await inBothStates('500 ballots')).toEqual([])
  }, 300_000)

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
