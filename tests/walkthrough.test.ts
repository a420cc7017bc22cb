// The whole talk as the room lives it: the projector is another machine, the speaker
// drives with a phone remote, the audience votes from phones, and the vote server dies
// for 30 s in the middle of a vote.
import type { Browser, BrowserContext, Page } from 'playwright-chromium'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deckOutline, slideNo } from '../scripts/lib/deck-outline'
import { startServerProcess } from '../scripts/lib/server-process'
import { launchBrowser, signIn, slideOf } from './helpers/browser'
import { results, TEST_TOKEN } from './helpers/test-server'

const outline = deckOutline()
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => browser?.close())

async function context(options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext, page: Page }> {
  const ctx = await browser.newContext(options)
  return { context: ctx, page: await ctx.newPage() }
}

describe('the atelier, end to end', () => {
  it('goes from the first slide to the last with a remote, through a 30 s outage mid-vote, nothing lost or counted twice', async () => {
    let server = await startServerProcess()
    const laptop = await context({
      viewport: { width: 1366, height: 768 },
    })
    await signIn(laptop.page, server.url, TEST_TOKEN)
    const projector = await context({
      viewport: { width: 1280, height: 720 },
    })
    await projector.page.goto(`${server.url}/1`, { waitUntil: 'networkidle' })
    const remote = await context({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    })
    await remote.page.goto(`${server.url}/api/presenter/login?token=${TEST_TOKEN}&next=remote`, { waitUntil: 'networkidle' })
    const next = remote.page.getByRole('button', { name: 'Suivant' })
    await next.waitFor()
    await expect.poll(() => next.isEnabled(), { timeout: 10_000 }).toBe(true)

    /** One press of the remote; resolves once the presenter view has moved. */
    const press = async () => {
      const before = laptop.page.url()
      await next.tap()
      await expect.poll(() => laptop.page.url(), { timeout: 5000 }).not.toBe(before)
    }
    const warmup = slideNo('echauffement', outline)
    while (slideOf(laptop.page, outline) < warmup)
      await press()
    await expect.poll(() => slideOf(projector.page, outline), { timeout: 5000 }).toBe(warmup)

    // The speaker opens the vote from the remote; three phones vote.
    await remote.page.getByRole('button', { name: 'Ouvrir le vote' }).tap()
    const phones = await Promise.all([0, 1, 2].map(() => context({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    })))
    for (const phone of phones) {
      await phone.page.goto(`${server.url}/vote`)
      await phone.page.getByText('Oui, chaque semaine').tap()
      await phone.page.getByRole('button', { name: 'Voter' }).tap()
      await phone.page.getByText('Vote enregistré').waitFor()
    }
    // The laptop's server dies for 30 s; two phones change their vote meanwhile.
    await server.kill9()
    for (const phone of phones.slice(0, 2)) {
      await phone.page.getByText('Non, pas encore').tap()
      await phone.page.getByRole('button', { name: 'Voter' }).tap()
    }
    await new Promise(r => setTimeout(r, 30_000))
    server = await startServerProcess({}, server.dataDir, server.port)
    const restartedAt = Date.now()
    const slide = projector.page.locator(`.slidev-page-${warmup}`)
    await slide.getByText('Non, pas encore').waitFor()
    await expect.poll(async () => {
      const view = (await results(server.url)).polls.find(p => p.id === 'warmup')!
      return view.tally?.kind === 'choice'
        ? view.tally.counts
        : null
    }, { timeout: 10_000 }).toEqual({ often: 1, sometimes: 0, never: 2 })
    await expect.poll(() => slide.locator('[data-testid="participants"]').textContent(), { timeout: 10_000 }).toBe('3')
    console.log(`after a 30 s outage, the projection was complete ${Date.now() - restartedAt} ms after the restart`)
    expect((await results(server.url)).polls.find(p => p.id === 'warmup')!.participants).toBe(3)

    // The laptop's presenter view is back too (it shows the room's count), then on to the
    // end of the talk, the projector following every press.
    await expect.poll(() => laptop.page.locator(`.slidev-page-${warmup} [data-testid="participants"]`).first().textContent(), { timeout: 10_000 }).toBe('3')
    while (slideOf(laptop.page, outline) < outline.length)
      await press()
    await expect.poll(() => slideOf(projector.page, outline), { timeout: 5000 }).toBe(outline.length)

    for (const c of [laptop, projector, remote, ...phones])
      await c.context.close()
    await server.stop()
  }, 300_000)
})
