// The talk given again: three rooms with a rehearsal in between, a restart between them,
// and the third room sees itself against the first two on the projection.
import type { Browser } from 'playwright-chromium'
import type { ServerProcess } from '../scripts/lib/server-process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServerProcess, tempDataDir } from '../scripts/lib/server-process'
import { launchBrowser, signIn } from './helpers/browser'
import { command, presenterHeaders, send, TEST_TOKEN, vote } from './helpers/test-server'

const dataDir = tempDataDir()
let server: ServerProcess
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** One delivery: its session (started with `npm start -- --session`), and the room's verdicts. */
async function giveTheTalk(title: string, kind: 'real' | 'rehearsal', verdicts: ['Y' | 'O' | 'N', number][]): Promise<void> {
  await server?.stop()
  server = await startServerProcess({
    ATELIER_SESSION: title,
    ATELIER_SESSION_KIND: kind,
  }, dataDir)
  await command(server.url, 'verdict', 'open')
  for (const [verdict, count] of verdicts) {
    for (let i = 0; i < count; i++) {
      expect((await vote(server.url, 'verdict', {
        verdicts: { 'large.simple': verdict },
      })).status).toBe(200)
    }
  }
}

describe('three rooms and a rehearsal', () => {
  it('shows the third room against the first two on the projection, and never the rehearsal', async () => {
    await giveTheTalk('Grenoble 2024', 'real', [
      ['Y', 6],
      ['O', 2],
    ])
    await giveTheTalk('Répétition', 'rehearsal', [
      ['N', 9],
    ])
    await giveTheTalk('Lyon 2025', 'real', [
      ['Y', 2],
    ])
    await giveTheTalk('Nantes 2026', 'real', [
      ['N', 3],
      ['Y', 1],
    ])

    const projector = await browser.newPage({
      viewport: { width: 1920, height: 1080 },
    })
    await projector.goto(`${server.url}/comparaison`, { waitUntil: 'networkidle' })
    // The verdict poll is blind: nothing to compare until the speaker reveals it.
    await projector.getByTestId('comparison-hidden').waitFor()

    await command(server.url, 'verdict', 'reveal')
    const who = projector.getByTestId('comparison-who')
    await who.waitFor()
    expect(await who.textContent()).toMatch(/Ici 4\svotants · avant 2\ssalles, 10\svotants · /)
    const cell = projector.getByTestId('compare-large.simple')
    const row = async (side: string) => (await cell.locator(`[data-side="${side}"]`).textContent())!.replace(/\s+/g, ' ').trim()
    // Here: 3 N, 1 Y of 4. Before: 8 Y, 2 O of 10. The rehearsal's 9 N are nowhere. The cell
    // shows its largest gap, on N: 75 % here against 0 % before.
    expect(await row('room')).toMatch(/^ici 75 %$/)
    expect(await row('others')).toMatch(/^avant 0 %$/)
    expect((await cell.locator('.stage-figure').textContent())!.trim()).toBe('+75')
    // What the earlier rooms chose instead: Y, at 80 %.
    const before = cell.getByTestId('others-leader')
    expect(await before.locator('[data-verdict]').getAttribute('data-verdict')).toBe('Y')
    expect((await before.innerText()).replace(/\s+/g, ' ').trim()).toMatch(/^avant, surtout Y ✓ Déploiement à envisager 80 %$/)
    const text = (await cell.textContent())!
    expect(text).toMatch(/\+75 points de «\s?Pas encore\s?»/)
    expect(await projector.getByTestId('standout').count()).toBe(1)
    await projector.close()
  })

  it('lets the presenter start the next session from the sessions page, and a phone of the last one follows', async () => {
    // A phone of the Nantes room, still open when the next session starts.
    const phoneContext = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    })
    const phone = await phoneContext.newPage()
    await phone.goto(`${server.url}/vote`)
    await phone.locator('#connection', { hasText: /Aucun vote n’est ouvert|Connecté/ }).waitFor()

    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    })
    const page = await context.newPage()
    await signIn(page, server.url, TEST_TOKEN)
    await page.goto(`${server.url}/seances`)
    await page.locator('[data-session]').first().waitFor()
    expect(await page.locator('[data-session]').count()).toBe(4)
    await page.getByLabel('Titre (lieu, événement)').fill('Bordeaux 2027')
    await page.getByLabel('Date').fill('2027-05-20')
    await page.getByRole('radio', { name: 'Répétition' }).check()
    await page.getByRole('button', { name: 'Commencer cette séance' }).click()
    await page.getByText('Nouvelle séance en cours : « Bordeaux 2027 ».').waitFor()
    const list = await (await send(server.url, '/api/sessions', { headers: presenterHeaders })).json() as { current: string, sessions: { id: string, title: string, kind: string }[] }
    expect(list.sessions.find(s => s.id === list.current)).toMatchObject({ title: 'Bordeaux 2027', kind: 'rehearsal' })
    await context.close()

    // Its credential belongs to Nantes: the phone joins Bordeaux on its own, then its vote counts there.
    await command(server.url, 'warmup', 'open')
    await phone.getByText('Oui, chaque semaine').click()
    await phone.getByRole('button', { name: 'Voter' }).click()
    await phone.getByText('Vote enregistré').waitFor()
    const results = await (await send(server.url, '/api/results.json')).json() as { polls: { id: string, tally: { counts: Record<string, number> } }[] }
    expect(results.polls.find(p => p.id === 'warmup')!.tally.counts.often).toBe(1)
    await phoneContext.close()
  })
})
