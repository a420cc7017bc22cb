// The room's machines: the projector is another computer (a browser of its own, not
// signed in), the speaker drives from the presenter view with a clicker (arrow keys).
import type { Browser } from 'playwright-chromium'
import type { ServerProcess } from '../scripts/lib/server-process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deckOutline } from '../scripts/lib/deck-outline'
import { startServerProcess } from '../scripts/lib/server-process'
import { launchBrowser, signIn, slideOf } from './helpers/browser'
import { TEST_TOKEN } from './helpers/test-server'

const outline = deckOutline()
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

describe('a projector on another machine', () => {
  it('follows the presenter, and ends on the presenter\'s slide however fast the keys go', async () => {
    const speakerContext = await browser.newContext({
      viewport: { width: 1366, height: 768 },
    })
    const speaker = await speakerContext.newPage()
    await signIn(speaker, server.url, TEST_TOKEN)
    await speaker.waitForLoadState('networkidle')
    const projectorContext = await browser.newContext({
      viewport: { width: 1280, height: 720 },
    })
    const projector = await projectorContext.newPage()
    await projector.goto(`${server.url}/1`, { waitUntil: 'networkidle' })

    await speaker.keyboard.press('ArrowRight')
    await expect.poll(() => slideOf(projector, outline), { timeout: 5000 }).toBe(slideOf(speaker, outline))
    // A clicker pressed as fast as it goes.
    for (let i = 0; i < 12; i++)
      await speaker.keyboard.press('ArrowRight')
    await speaker.waitForTimeout(500)
    const target = slideOf(speaker, outline)
    expect(target).toBeGreaterThan(2)
    await expect.poll(() => slideOf(projector, outline), { timeout: 5000 }).toBe(target)
    // The projector's own keys move nobody else.
    await projector.keyboard.press('ArrowLeft')
    await speaker.waitForTimeout(500)
    expect(slideOf(speaker, outline)).toBe(target)
    await speakerContext.close()
    await projectorContext.close()
  })

  it('joins late on the presenter\'s current slide', async () => {
    const speakerContext = await browser.newContext()
    const speaker = await speakerContext.newPage()
    await signIn(speaker, server.url, TEST_TOKEN)
    await speaker.goto(`${server.url}/presenter/5`, { waitUntil: 'networkidle' })
    await speaker.keyboard.press('ArrowRight')
    await speaker.waitForTimeout(500)
    const target = slideOf(speaker, outline)
    const late = await browser.newPage()
    await late.goto(`${server.url}/1`, { waitUntil: 'networkidle' })
    await expect.poll(() => slideOf(late, outline), { timeout: 5000 }).toBe(target)
    await late.close()
    await speakerContext.close()
  })
})

describe('a phone as the remote', () => {
  it('signs in by its own link, shows the slide and its notes, and moves the presenter view and the projector', async () => {
    const speakerContext = await browser.newContext({
      viewport: { width: 1366, height: 768 },
    })
    const speaker = await speakerContext.newPage()
    await signIn(speaker, server.url, TEST_TOKEN)
    await speaker.goto(`${server.url}/presenter/2`, { waitUntil: 'networkidle' })
    const projector = await browser.newPage()
    await projector.goto(`${server.url}/1`, { waitUntil: 'networkidle' })
    await speaker.keyboard.press('ArrowLeft')
    await expect.poll(() => slideOf(projector, outline), { timeout: 5000 }).toBe(slideOf(speaker, outline))

    const phoneContext = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    })
    const remote = await phoneContext.newPage()
    await remote.goto(`${server.url}/api/presenter/login?token=${TEST_TOKEN}&next=remote`, { waitUntil: 'networkidle' })
    expect(new URL(remote.url()).pathname).toBe('/remote')
    await remote.getByText(`Diapositive ${slideOf(speaker, outline)} sur ${outline.length}`).waitFor()
    await expect(remote.locator('#notes').textContent()).resolves.not.toBe('')
    const before = slideOf(speaker, outline)
    for (let i = 0; i < 3; i++)
      await remote.getByRole('button', { name: 'Suivant' }).tap()
    // The speaker moves on each tap as it arrives: the projector must reach where the speaker
    // has settled (the same slide and click on two looks 300 ms apart), and stay with it.
    let last = ''
    await expect.poll(() => {
      const speakerAt = `${slideOf(speaker, outline)}${new URL(speaker.url()).search}`
      const settled = speakerAt === last
      last = speakerAt
      return settled && slideOf(speaker, outline) > before && slideOf(projector, outline) === slideOf(speaker, outline)
    }, { timeout: 10_000, interval: 300 }).toBe(true)
    await remote.getByText(`Diapositive ${slideOf(speaker, outline)} sur`).waitFor()

    // Not signed in: the page says how, and can do nothing.
    const stranger = await browser.newPage()
    await stranger.goto(`${server.url}/remote`, { waitUntil: 'networkidle' })
    await stranger.getByText('Télécommande non connectée').waitFor()
    await expect(stranger.getByRole('button', { name: 'Suivant' }).isDisabled()).resolves.toBe(true)
    await stranger.close()
    await phoneContext.close()
    await projector.close()
    await speakerContext.close()
  })
})
