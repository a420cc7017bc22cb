// « Des questions ? » end to end, on the real server and the real phone page: a question
// asked offline is sent once when the network returns, waits for the presenter, is
// published, upvoted by 20 phones, pinned and answered on the projected slide in the
// room's order, then exported. The phone page's question area passes axe-core at 320 px.
import type { Browser } from 'playwright-chromium'
import type { ServerProcess } from '../scripts/lib/server-process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deckOutline } from '../scripts/lib/deck-outline'
import { startServerProcess } from '../scripts/lib/server-process'
import { axeViolations, launchBrowser, signIn } from './helpers/browser'
import { eventually, freshId, newPhone, presenterHeaders, send, TEST_TOKEN } from './helpers/test-server'

const outline = deckOutline()
const questionsSlide = outline.find(s => s.part === 'questions')!.no

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

async function presenterQueue() {
  return await (await send(server.url, '/api/presenter/questions', { headers: presenterHeaders })).json() as { questions: { id: string, text: string, status: string, votes: number }[] }
}

describe('the audience\'s questions, from the phone page to the slide', () => {
  it('asks offline, sends once, and follows the question to the projected slide', async () => {
    // bypassCSP: axe-core is injected as an inline script, which the page's CSP rightly refuses.
    const context = await browser.newContext({
      viewport: { width: 320, height: 700 },
      isMobile: true,
      hasTouch: true,
      bypassCSP: true,
    })
    const phone = await context.newPage()
    await phone.goto(`${server.url}/vote`, { waitUntil: 'networkidle' })
    await phone.getByRole('heading', { name: 'Poser une question' }).waitFor()
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
    expect(await axeViolations(phone, '#questions')).toEqual([])

    await context.setOffline(true)
    await phone.getByLabel('Votre question').fill('Comment former les agents de catégorie C à l’IA ?')
    await phone.getByLabel(/Votre prénom/).fill('Nadia')
    await phone.getByRole('button', { name: 'Envoyer ma question' }).click()
    await phone.getByText('Réseau indisponible : votre question partira dès son retour.').waitFor()
    await context.setOffline(false)
    await phone.evaluate(() => window.dispatchEvent(new Event('online')))
    await phone.getByText('Question envoyée.').waitFor()
    await phone.locator('#my-questions').getByText('en attente de validation').waitFor()
    const queue = await presenterQueue()
    expect(queue.questions.map(q => q.text)).toEqual(['Comment former les agents de catégorie C à l’IA ?'])
    const id = queue.questions[0]!.id

    // The projection, before any moderation: the counts say one received, none shown.
    const room = await browser.newContext({
      viewport: { width: 1920, height: 1080 },
      reducedMotion: 'reduce',
    })
    const projector = await room.newPage()
    await projector.goto(`${server.url}/${questionsSlide}`, { waitUntil: 'networkidle' })
    await expect.poll(() => projector.getByTestId('question-counts').textContent()).toMatch(/1\s?question reçue · 0\s?affichée/)

    // The presenter publishes from the moderation page; 20 phones upvote a second question more.
    const speaker = await browser.newPage({
      viewport: { width: 390, height: 844 },
    })
    await signIn(speaker, server.url, TEST_TOKEN)
    await speaker.goto(`${server.url}/moderation`, { waitUntil: 'networkidle' })
    await speaker.locator(`[data-question="${id}"] [data-action="publish"]`).click()
    await phone.locator('#my-questions').getByText('affichée').waitFor()
    const other = await newPhone(server.url)
    const second = await (await send(server.url, '/api/questions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'cookie': other.cookie },
      body: JSON.stringify({
        text: 'Quel budget pour les licences ?',
        idempotencyKey: freshId('question-key'),
      }),
    })).json() as { id: string }
    await send(server.url, `/api/presenter/questions/${second.id}/publish`, { method: 'POST', headers: presenterHeaders })
    const voters = await Promise.all(Array.from({ length: 20 }, () => newPhone(server.url)))
    await Promise.all(voters.map(v => send(server.url, `/api/questions/${second.id}/votes`, {
      method: 'POST',
      headers: { cookie: v.cookie },
    })))
    // The phone upvotes the first one, twice: it counts once.
    await phone.locator('#room-questions li', { hasText: 'catégorie C' }).getByRole('button').click()
    await eventually(async () => expect((await presenterQueue()).questions.find(q => q.id === id)?.votes).toBe(1))
    await send(server.url, `/api/questions/${id}/votes`, {
      method: 'POST',
      headers: {
        cookie: (await context.cookies()).map(c => `${c.name}=${c.value}`).join('; '),
      },
    })
    expect((await presenterQueue()).questions.find(q => q.id === id)?.votes).toBe(1)

    // On the slide: the most upvoted first; then the pinned one large on top.
    await expect.poll(() => projector.getByTestId('room-question').allTextContents()).toEqual([
      expect.stringContaining('Quel budget'),
      expect.stringContaining('catégorie C'),
    ])
    await speaker.locator(`[data-question="${id}"] [data-action="pin"]`).click()
    await expect.poll(() => projector.getByTestId('pinned-question').textContent()).toContain('catégorie C')
    await speaker.locator(`[data-question="${id}"] [data-action="answer"]`).click()
    await phone.locator('#my-questions').getByText('répondue').waitFor()
    await expect.poll(() => projector.getByTestId('pinned-question').count()).toBe(0)

    const csv = await (await send(server.url, '/api/presenter/questions/export.csv', { headers: presenterHeaders })).text()
    expect(csv).toContain('Comment former les agents de catégorie C à l’IA ?,Nadia,répondue,1,')
    expect(csv).toContain('Quel budget pour les licences ?,,affichée,20,')
    await room.close()
    await context.close()
    await speaker.close()
  })

  it('keeps the moderation queue from a phone without the presenter\'s session', async () => {
    const page = await browser.newPage({
      viewport: { width: 390, height: 844 },
    })
    await page.goto(`${server.url}/moderation`, { waitUntil: 'networkidle' })
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/présentateur|intervenant|connect/i)
    expect(await page.locator('[data-question]').count()).toBe(0)
    await page.close()
  })
})
