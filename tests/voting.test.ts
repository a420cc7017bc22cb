import type { Browser, BrowserContext, Page } from 'playwright-chromium'
import type { ServerProcess } from '../scripts/lib/server-process'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cellIds, verdictIds } from '../data/matrix'
import { deckOutline, slideNo as slideNumber } from '../scripts/lib/deck-outline'
import { startServerProcess } from '../scripts/lib/server-process'
import { axeViolations, launchBrowser, signIn } from './helpers/browser'
import { TEST_TOKEN } from './helpers/test-server'

const PHONES = 20
const outline = deckOutline()
const slideNo = (alias: string) => slideNumber(alias, outline)

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

async function phone(options: { bypassCSP?: boolean } = {}): Promise<{ context: BrowserContext, page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    ...options,
  })
  const page = await context.newPage()
  await page.goto(`${server.url}/vote`)
  return { context, page }
}

/** The presenter view on a slide, signed in by the terminal's link. */
async function presenter(alias: string): Promise<Page> {
  const page = await browser.newPage({
    viewport: { width: 1400, height: 800 },
  })
  await signIn(page, server.url, TEST_TOKEN)
  await page.goto(`${server.url}/presenter/${slideNo(alias)}`, { waitUntil: 'networkidle' })
  return page
}

describe('live voting from phones', () => {
  it('projects exactly the room\'s verdicts once 20 phones have voted and the speaker reveals them', async () => {
    const speaker = await presenter('verdict')
    await speaker.locator('[data-action="open"]:visible').first().click()

    // Each phone votes on a few cells; the expected tally is computed from what they chose.
    const expected: Record<string, Record<string, number>> = Object.fromEntries(cellIds.map(c => [
      c,
      { N: 0, O: 0, Y: 0 },
    ]))
    const phones = []
    for (let i = 0; i < PHONES; i++) {
      const p = await phone()
      await p.page.getByRole('heading', { name: /l’IA générative est-elle prête/ }).waitFor()
      const cells = [cellIds[i % 9]!, cellIds[(i * 4 + 1) % 9]!]
      for (const cell of new Set(cells)) {
        const verdict = verdictIds[(i + cell.length) % 3]!
        await p.page.locator(`input[name="${cell}"][value="${verdict}"]`).check({ force: true })
        expected[cell]![verdict]!++
      }
      await p.page.getByRole('button', { name: 'Envoyer mes verdicts' }).click()
      phones.push(p)
    }
    for (const p of phones)
      await p.page.getByText('Vote enregistré').waitFor()

    const projector = await browser.newPage({
      viewport: { width: 1280, height: 720 },
    })
    await projector.goto(`${server.url}/verdict`, { waitUntil: 'networkidle' })
    const slide = projector.locator(`.slidev-page-${slideNo('verdict')}`)
    await expect(slide.locator('[data-testid="participants"]').textContent()).resolves.toBe(String(PHONES))
    // Blind poll: nothing shown before the reveal.
    await expect(slide.locator('[data-testid^="votes-"]').count()).resolves.toBe(0)

    await speaker.locator('[data-action="reveal"]:visible').first().click()
    await slide.locator('[data-testid="votes-large.simple"]').waitFor()
    for (const cell of cellIds) {
      for (const v of verdictIds) {
        const shown = await slide.locator(`[data-testid="votes-${cell}"] [data-verdict="${v}"] .count`).textContent()
        expect(Number(shown), `${cell} ${v}`).toBe(expected[cell]![v])
      }
    }
    await projector.screenshot({ path: 'test-results/slides/verdict-results.png' })

    await speaker.locator('[data-action="close"]:visible').first().click()
    await phones[0]!.page.getByText('Ce vote est clos').waitFor()
    for (const p of phones)
      await p.context.close()
    await projector.close()
    await speaker.close()
  })

  it('keeps blind results off the projected slide even in a window that holds the token', async () => {
    await fetch(`${server.url}/api/presenter/polls/verdict/reset`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_TOKEN}` },
    })
    await fetch(`${server.url}/api/presenter/polls/verdict/open`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_TOKEN}` },
    })
    const p = await phone()
    await p.page.locator('input[name="large.simple"][value="Y"]').check({ force: true })
    await p.page.getByRole('button', { name: 'Envoyer mes verdicts' }).click()
    await p.page.getByText('Vote enregistré').waitFor()
    // A projector window of the presenter's own browser shares its signed-in session.
    const projector = await browser.newPage({
      viewport: { width: 1280, height: 720 },
    })
    await signIn(projector, server.url, TEST_TOKEN)
    await projector.goto(`${server.url}/verdict`, { waitUntil: 'networkidle' })
    const slide = projector.locator(`.slidev-page-${slideNo('verdict')}`)
    await expect(slide.locator('[data-testid="participants"]').textContent()).resolves.toBe('1')
    await expect(slide.locator('[data-testid^="votes-"]').count()).resolves.toBe(0)
    await expect(slide.textContent()).resolves.toContain('résultats masqués')
    await fetch(`${server.url}/api/presenter/polls/verdict/close`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_TOKEN}` },
    })
    await projector.close()
    await p.context.close()
  })

  it('lets a phone change its vote, and counts it once', async () => {
    const speaker = await presenter('echauffement')
    await speaker.locator('[data-action="open"]:visible').first().click()
    const p = await phone()
    await p.page.getByText('Oui, chaque semaine').click()
    await p.page.getByRole('button', { name: 'Voter' }).click()
    await p.page.getByText('Vote enregistré').waitFor()
    await p.page.getByText('Non, pas encore').click()
    await p.page.getByRole('button', { name: 'Voter' }).click()
    await p.page.getByText('Vote enregistré').waitFor()
    const res = await (await fetch(`${server.url}/api/results.json`)).json()
    expect(res.polls.find((x: { id: string }) => x.id === 'warmup').tally.counts).toEqual({ often: 0, sometimes: 0, never: 1 })
    await speaker.locator('[data-action="close"]:visible').first().click()
    await p.context.close()
    await speaker.close()
  })

  it('says plainly when the poll is closed or no poll is open', async () => {
    const p = await phone()
    // The phone joins first, then listens: the banner says it once the stream is live.
    await p.page.locator('#connection', { hasText: /Aucun vote n’est ouvert/ }).waitFor()
    await p.context.close()
  })

  it('has no axe-core violations on the phone page, with or without an open poll', async () => {
    const speaker = await presenter('projet')
    // The page's CSP forbids injected scripts (good), so axe runs with CSP bypassed.
    const p = await phone({ bypassCSP: true })
    const audit = () => axeViolations(p.page)
    expect(await audit()).toEqual([])
    await speaker.locator('[data-action="open"]:visible').first().click()
    await p.page.getByRole('heading', { name: 'Où se situe votre projet ?' }).waitFor()
    expect(await audit()).toEqual([])
    await p.page.screenshot({ path: 'test-results/slides/phone-placement.png', fullPage: true })
    await speaker.locator('[data-action="close"]:visible').first().click()
    // The other two forms: the verdict grid and the warm-up question.
    for (const [poll, heading] of [
      ['verdict', /l’IA générative est-elle prête/],
      ['warmup', /Utilisez-vous déjà/],
    ] as const) {
      await fetch(`${server.url}/api/presenter/polls/${poll}/open`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TEST_TOKEN}` },
      })
      await p.page.getByRole('heading', { name: heading }).waitFor()
      expect(await audit(), poll).toEqual([])
      await p.page.screenshot({ path: `test-results/slides/phone-${poll}.png`, fullPage: true })
      await fetch(`${server.url}/api/presenter/polls/${poll}/close`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TEST_TOKEN}` },
      })
    }
    await p.context.close()
    await speaker.close()
  })

  it('keeps the phone page under 30 KB gzipped, fonts excepted', async () => {
    const { gzipSync } = await import('node:zlib')
    const { readdirSync } = await import('node:fs')
    const files = [
      'dist/audience/index.html',
      ...readdirSync('dist/audience/assets').filter(f => /\.(?:js|css)$/.test(f)).map(f => `dist/audience/assets/${f}`),
    ]
    const total = files.reduce((sum, f) => sum + gzipSync(readFileSync(f)).length, 0)
    expect(total).toBeLessThan(30 * 1024)
  })
})

describe('when the vote server goes away', () => {
  it('keeps the deck usable and says that voting is offline', async () => {
    const own = await startServerProcess()
    const page = await browser.newPage({
      viewport: { width: 1280, height: 720 },
    })
    await page.goto(`${own.url}/verdict`, { waitUntil: 'networkidle' })
    const slide = page.locator(`.slidev-page-${slideNo('verdict')}`)
    await slide.locator('[data-testid="poll-live"]').waitFor()
    await own.stop()
    await slide.locator('[data-testid="poll-offline"]').waitFor()
    // The grid stays on screen, each cell named, without the live figures.
    await expect(slide.locator('[data-cell="large.simple"]').textContent()).resolves.toContain('Projections Excel')
    await page.close()
  })
})

describe('the presenter token', () => {
  it('is never on screen after sign-in: not in the address bar, the history, or any request', async () => {
    const page = await browser.newPage({
      viewport: { width: 1400, height: 800 },
    })
    const requests: string[] = []
    page.on('request', r => requests.push(r.url()))
    const landed = await signIn(page, server.url, TEST_TOKEN)
    expect(landed).not.toContain(TEST_TOKEN)
    // The clicker: a few slides forward.
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('ArrowRight')
      await page.waitForTimeout(150)
      expect(page.url()).not.toContain(TEST_TOKEN)
    }
    // Only the sign-in link itself carried it.
    expect(requests.filter(u => u.includes(TEST_TOKEN))).toHaveLength(1)
    // Back through the whole history: no entry holds the token.
    for (let i = 0; i < 10; i++) {
      await page.goBack().catch(() => null)
      expect(page.url()).not.toContain(TEST_TOKEN)
    }
    await page.close()
  })
})

describe('a room code', () => {
  it('is asked for in an accessible form, refused when wrong, and lets the phone in when right', async () => {
    const change = (body: unknown) => fetch(`${server.url}/api/presenter/room`, {
      method: 'POST',
      headers: { 'authorization': `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    const { code } = await (await change({ requireCode: true })).json() as { code: string }
    const p = await phone({ bypassCSP: true })
    const field = p.page.getByLabel('Code de salle')
    await field.waitFor()
    expect(await axeViolations(p.page)).toEqual([])
    await field.fill('WRONG1')
    await p.page.getByRole('button', { name: 'Rejoindre le vote' }).tap()
    await p.page.getByText('Code de salle manquant ou incorrect').waitFor()
    expect(await axeViolations(p.page)).toEqual([])
    await p.page.screenshot({ path: 'test-results/slides/phone-room-code.png', fullPage: true })
    await field.fill(code.toLowerCase())
    await p.page.getByRole('button', { name: 'Rejoindre le vote' }).tap()
    await field.waitFor({ state: 'hidden' })
    await p.page.getByText('Aucun vote n’est ouvert').waitFor()
    await change({ requireCode: false })
    await p.context.close()
  })
})
