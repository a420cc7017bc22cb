import type { Browser, Page } from 'playwright-chromium'
import type { ServerProcess } from '../scripts/lib/server-process'
import { mkdirSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deckOutline, slideNo } from '../scripts/lib/deck-outline'
import { startServerProcess } from '../scripts/lib/server-process'
import { launchBrowser, signIn } from './helpers/browser'
import { TEST_TOKEN } from './helpers/test-server'

const SHOTS = 'test-results/slides'
const outline = deckOutline()
let server: ServerProcess
let browser: Browser

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  server = await startServerProcess()
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** A page that records page errors and every request leaving the deck's origin. */
async function watchedPage(): Promise<{ page: Page, errors: string[], outside: string[] }> {
  const page = await browser.newPage({
    viewport: { width: 1280, height: 720 },
  })
  const errors: string[] = []
  const outside: string[] = []
  const origin = new URL(server.url).origin
  page.on('pageerror', e => errors.push(e.message))
  page.on('console', (m) => {
    if (m.type() === 'error')
      errors.push(m.text())
  })
  page.on('request', (r) => {
    const url = new URL(r.url())
    if (url.origin !== origin && !['data:', 'blob:'].includes(url.protocol))
      outside.push(r.url())
  })
  return { page, errors, outside }
}

describe('the built deck, served by the vote server', () => {
  // The notes say what the talk says (sometimes one line: a section's title) and mark the
  // rest « Suggestion : »; never empty, never a wall of text the speaker cannot glance at.
  it('has speaker notes of 1 to 8 sentences on every slide, beside its time and poll cue', () => {
    expect(outline.length).toBeGreaterThanOrEqual(28)
    for (const slide of outline) {
      const own = slide.note.split('\n\n').filter(p => !p.startsWith('**Temps') && !p.startsWith('**Vote')).join('\n\n')
      const sentences = own.split(/[.!?…](?:\s|$)/).filter(s => s.trim().length > 3)
      expect(sentences.length, `slide ${slide.no} « ${slide.title} »`).toBeGreaterThanOrEqual(1)
      expect(sentences.length, `slide ${slide.no} « ${slide.title} »`).toBeLessThanOrEqual(8)
    }
  })

  it('shows every slide with no page error and no request outside its origin', async () => {
    const { page, errors, outside } = await watchedPage()
    const collapsedIcons: string[] = []
    for (const slide of outline) {
      await page.goto(`${server.url}/${slide.no}`, { waitUntil: 'networkidle' })
      await page.locator(`.slidev-page-${slide.no}`).waitFor()
      // Let count-ups and Mermaid finish, so the screenshot shows the slide as projected.
      await page.waitForTimeout(900)
      // An icon is an empty span: without a size of its own it silently vanishes.
      const collapsed = await page.evaluate(no => [
        ...document.querySelectorAll(`.slidev-page-${no} [class^="i-"], .slidev-page-${no} [class*=" i-"]`),
      ]
        .filter(e => getComputedStyle(e).display !== 'none' && (e.getBoundingClientRect().width === 0 || e.getBoundingClientRect().height === 0))
        .length, slide.no)
      if (collapsed)
        collapsedIcons.push(`slide ${slide.no}: ${collapsed}`)
      await page.screenshot({ path: `${SHOTS}/${String(slide.no).padStart(2, '0')}.png` })
      if (slide.no > 1)
        await expect(page.locator(`.slidev-page-${slide.no} .atelier-footer`).textContent()).resolves.toMatch(new RegExp(`Ateliers \\| Grenoble 2024\\s*${slide.no}`))
    }
    expect(errors).toEqual([])
    expect(outside).toEqual([])
    expect(collapsedIcons).toEqual([])
    await page.close()
  })

  it('highlights a Top-50 category on each click step', async () => {
    const { page } = await watchedPage()
    const no = slideNo('top50', outline)
    await page.goto(`${server.url}/top50`, { waitUntil: 'networkidle' })
    const slide = page.locator(`.slidev-page-${no}`)
    await expect(slide.locator('.product').count()).resolves.toBe(50)
    await page.keyboard.press('ArrowRight')
    await expect(slide.locator('[data-testid="top50-summary"]').textContent()).resolves.toMatch(/\d+ produits sur 50/)
    // A lit row is tinted with its category's colour, not left white.
    const lit = await slide.locator('.product--on').first().evaluate(el => getComputedStyle(el).backgroundColor)
    expect(lit).not.toBe('rgb(255, 255, 255)')
    await page.close()
  })

  it('opens a matrix cell from the keyboard without leaving the slide', async () => {
    const { page } = await watchedPage()
    const no = slideNo('grille', outline)
    await page.goto(`${server.url}/grille`, { waitUntil: 'networkidle' })
    const url = page.url()
    const slide = page.locator(`.slidev-page-${no}`)
    await slide.locator('[data-cell="none.distinct"]').focus()
    // Tab order: across the first row, then on to the second.
    for (let i = 0; i < 4; i++)
      await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await expect(slide.locator('[data-testid="matrix-detail"]').textContent()).resolves.toContain('budget participatif')
    expect(page.url()).toBe(url)
    await page.close()
  })

  it('never traps a clicker: after a click in the matrix, arrows and Page Down still change slides', async () => {
    const { page } = await watchedPage()
    const no = slideNo('grille', outline)
    await page.goto(`${server.url}/grille`, { waitUntil: 'networkidle' })
    await page.locator(`.slidev-page-${no} [data-cell="large.simple"]`).click()
    await expect(page.locator(`.slidev-page-${no} [data-testid="matrix-detail"]`).textContent()).resolves.toContain('Tableaux de bord')
    // Slidev names a slide by its alias when it has one.
    const route = (n: number) => `/${outline[n - 1]!.alias ?? n}`
    const steps = [
      ['ArrowRight', no + 1],
      ['ArrowLeft', no],
      ['PageDown', no + 1],
      ['PageUp', no],
    ] as const
    for (const [key, expected] of steps) {
      await page.keyboard.press(key)
      await expect.poll(() => new URL(page.url()).pathname, { timeout: 5000 }).toBe(route(expected))
    }
    await page.close()
  })

  it('opens the presenter view with the notes and poll controls once signed in by the terminal\'s link', async () => {
    const { page, errors } = await watchedPage()
    const verdictNo = slideNo('verdict', outline)
    const landed = await signIn(page, server.url, TEST_TOKEN)
    expect(landed).toBe(`${server.url}/presenter/1`)
    await page.goto(`${server.url}/presenter/${verdictNo}`, { waitUntil: 'networkidle' })
    await expect(page.locator('[data-testid="poll-controls"] [data-action="open"]').first().isVisible()).resolves.toBe(true)
    await expect(page.locator('body').textContent()).resolves.toContain('votez N, O ou Y')
    // The speaker's screen speaks French: Slidev's own labels are rewritten by the build.
    const chrome = await page.locator('body').textContent()
    expect(chrome).toContain('En cours')
    expect(chrome).toContain('Suivante')
    expect(chrome).not.toMatch(/\bCurrent\b|Screen Mirror/)
    expect(page.url()).not.toContain(TEST_TOKEN)
    await page.screenshot({ path: `${SHOTS}/presenter.png` })
    expect(errors).toEqual([])
    await page.close()
  })

  it('never shows poll controls on the projected slide', async () => {
    const no = slideNo('verdict', outline)
    // The projection follows the presenter view: the speaker is on the poll slide too.
    const speaker = await browser.newPage({
      viewport: { width: 1366, height: 768 },
    })
    await signIn(speaker, server.url, TEST_TOKEN)
    await speaker.goto(`${server.url}/presenter/${no}`, { waitUntil: 'networkidle' })
    await speaker.locator('[data-testid="poll-controls"]:visible').first().waitFor()
    const { page } = await watchedPage()
    await page.goto(`${server.url}/verdict`, { waitUntil: 'networkidle' })
    await page.locator(`.slidev-page-${no} [data-testid="poll-live"]`).waitFor()
    await expect(page.locator('[data-testid="poll-controls"]').count()).resolves.toBe(0)
    await page.close()
    await speaker.close()
  })
})
