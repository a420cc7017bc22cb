import type { Browser } from 'playwright-chromium'
import type { RunningServer } from './helpers/test-server'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { slideNo } from '../scripts/lib/deck-outline'
import { startServerProcess } from '../scripts/lib/server-process'
import { launchBrowser } from './helpers/browser'
import { command, eventually, join as joinRoom, pollOf, results, startTestServer, vote } from './helpers/test-server'
import { canMount, mountTmpfs, remount, unmount } from './helpers/tmpfs'

const MOUNTS = canMount()

describe('a crash in the middle of a storm of ballots', () => {
  it('keeps every acknowledged ballot after kill -9 and a restart', async () => {
    // Every phone of the storm joins from the same address: lift the issuance limit.
    const first = await startServerProcess({ JOIN_LIMIT_PER_ADDRESS: '1000000' })
    await command(first.url, 'placement', 'open')
    const acked: string[] = []
    const storm = { killed: false }
    const worker = async () => {
      while (!storm.killed) {
        const phone = await joinRoom(first.url).then(j => j.phone).catch(() => null)
        const res = phone && await vote(first.url, 'placement', { option: 'large.simple' }, phone).catch(() => null)
        if (phone && res?.status === 200)
          acked.push(phone.id)
      }
    }
    const workers = Array.from({ length: 16 }, worker)
    await eventually(() => expect(acked.length).toBeGreaterThanOrEqual(400), 60_000)
    await first.kill9()
    storm.killed = true
    await Promise.all(workers)

    const db = new DatabaseSync(join(first.dataDir, 'ballots.sqlite'), { readOnly: true })
    const rows = db.prepare('SELECT participant_id FROM ballots WHERE poll_id = \'placement\'').all() as { participant_id: string }[]
    const stored = new Set(rows.map(r => r.participant_id))
    db.close()
    expect(acked.filter(id => !stored.has(id))).toEqual([])

    const second = await startServerProcess({}, first.dataDir)
    const view = (await results(second.url)).polls.find(p => p.id === 'placement')!
    expect(view.participants).toBe(stored.size)
    expect(view.tally?.kind === 'choice' && view.tally.counts['large.simple']).toBe(stored.size)
    expect(view.status).toBe('open')
    await second.stop()
  })
})

describe('a restart while pages are connected', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => browser?.close())

  it('reconnects the projected slide and resyncs it within 5 s', async () => {
    const first = await startServerProcess()
    await command(first.url, 'placement', 'open')
    await vote(first.url, 'placement', { option: 'none.simple' })
    const page = await browser.newPage({
      viewport: { width: 1280, height: 720 },
    })
    const no = slideNo('projet')
    await page.goto(`${first.url}/projet`, { waitUntil: 'networkidle' })
    const slide = page.locator(`.slidev-page-${no}`)
    await expect(slide.locator('[data-testid="participants"]').textContent()).resolves.toBe('1')
    const phone = await browser.newPage({
      viewport: { width: 390, height: 844 },
    })
    await phone.goto(`${first.url}/vote`)
    await phone.getByRole('heading', { name: 'Où se situe votre projet ?' }).waitFor()

    await first.kill9()
    await slide.locator('[data-testid="poll-offline"]').waitFor()
    await phone.getByText('Serveur de vote injoignable').waitFor()
    const second = await startServerProcess({}, first.dataDir, first.port)
    const restartedAt = Date.now()
    await vote(second.url, 'placement', { option: 'none.simple' })
    await slide.locator('[data-testid="participants"]', { hasText: '2' }).waitFor({ timeout: 5000 })
    await phone.getByText('Connecté : un vote est ouvert.').waitFor({ timeout: 5000 })
    expect(Date.now() - restartedAt).toBeLessThan(5000)
    await page.close()
    await phone.close()
    await second.stop()
  })
})

describe('a long outage in the middle of a vote', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => browser?.close())

  it('delivers every vote cast while the server was down for 20 s, once, as soon as it is back', async () => {
    const PHONES = 5
    const first = await startServerProcess()
    await command(first.url, 'warmup', 'open')
    const projector = await browser.newPage({
      viewport: { width: 1280, height: 720 },
    })
    await projector.goto(`${first.url}/echauffement`, { waitUntil: 'networkidle' })
    const slide = projector.locator(`.slidev-page-${slideNo('echauffement')}`)
    const phones = []
    for (let i = 0; i < PHONES; i++) {
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
      })
      const page = await context.newPage()
      await page.goto(`${first.url}/vote`)
      await page.getByRole('button', { name: 'Voter' }).waitFor()
      phones.push({ context, page })
    }
    await first.kill9()
    // The room keeps voting: each ballot waits on its phone, which says so.
    for (const { page } of phones) {
      await page.getByText('Serveur de vote injoignable').waitFor()
      await page.getByText('Oui, de temps en temps').click()
      await page.getByRole('button', { name: 'Voter' }).click()
      await page.getByText('pas encore enregistré').waitFor()
    }
    await new Promise(r => setTimeout(r, 20_000))
    const second = await startServerProcess({}, first.dataDir, first.port)
    const restartedAt = Date.now()
    await slide.locator('[data-testid="participants"]', {
      hasText: String(PHONES),
    }).waitFor({ timeout: 10_000 })
    const tookMs = Date.now() - restartedAt
    console.log(`after a 20 s outage, the projector showed all ${PHONES} pending votes ${tookMs} ms after the restart`)
    for (const { page } of phones)
      await page.getByText('Vote enregistré').waitFor({ timeout: 5000 })
    const counts = (await results(second.url)).polls.find(p => p.id === 'warmup')!.tally
    expect(counts?.kind === 'choice' && counts.counts).toEqual({ often: 0, sometimes: PHONES, never: 0 })
    expect(tookMs).toBeLessThan(5000)
    for (const { context } of phones)
      await context.close()
    await projector.close()
    await second.stop()
  }, 120_000)
})

describe('a database that cannot be written', () => {
  let server: RunningServer | undefined
  const mounts: string[] = []
  afterEach(async () => {
    await server?.app.close()
    server = undefined
    for (const m of mounts.splice(0))
      unmount(m)
  })

  async function expectStoreRefusal(url: string): Promise<void> {
    const res = await vote(url, 'warmup', { option: 'often' })
    expect(res.status).toBe(503)
    expect(res.headers.get('retry-after')).toBe('2')
    expect((await res.json()).message).toMatch(/momentanément indisponible/)
    expect((await fetch(`${url}/healthz`)).status).toBe(200)
  }

  it('answers 503 while another process locks the file, then recovers', async () => {
    server = await startTestServer({ SQLITE_BUSY_TIMEOUT_MS: '200' })
    await command(server.url, 'warmup', 'open')
    expect((await vote(server.url, 'warmup', { option: 'often' })).status).toBe(200)
    const locker = new DatabaseSync(join(server.dataDir, 'ballots.sqlite'))
    locker.exec('BEGIN EXCLUSIVE')
    await expectStoreRefusal(server.url)
    locker.exec('COMMIT')
    locker.close()
    await eventually(async () => expect((await vote(server!.url, 'warmup', { option: 'often' })).status).toBe(200))
    const counts = pollOf(await results(server.url), 'warmup').tally
    expect(counts?.kind === 'choice' && counts.counts.often).toBe(2)
  })

  it.skipIf(!MOUNTS)('answers 503 on a full disk, then recovers when space is freed', async () => {
    const dir = mountTmpfs({ sizeKb: 512 })
    mounts.push(dir)
    server = await startTestServer({}, dir)
    await command(server.url, 'warmup', 'open')
    expect((await vote(server.url, 'warmup', { option: 'often' })).status).toBe(200)
    // Fill what is left of the disk.
    let size = 256 * 1024
    while (size >= 512) {
      try {
        writeFileSync(join(dir, `filler-${size}-${Math.random()}`), Buffer.alloc(size, 1))
      }
      catch {
        size >>= 1
      }
    }
    let refused = false
    for (let i = 0; i < 200 && !refused; i++) {
      const res = await vote(server.url, 'warmup', { option: 'often' })
      refused = res.status === 503
    }
    expect(refused).toBe(true)
    await expectStoreRefusal(server.url)
    const { readdirSync, rmSync } = await import('node:fs')
    for (const f of readdirSync(dir).filter(f => f.startsWith('filler-')))
      rmSync(join(dir, f))
    await eventually(async () => expect((await vote(server!.url, 'warmup', { option: 'never' })).status).toBe(200))
    const view = pollOf(await results(server.url), 'warmup')
    expect(view.tally?.kind === 'choice' && view.tally.counts.never).toBe(1)
  })

  it.skipIf(!MOUNTS)('answers 503 on a read-only file system, then recovers when it is writable again', async () => {
    const dir = mountTmpfs({ sizeKb: 4096, readOnly: true })
    mounts.push(dir)
    server = await startTestServer({}, dir)
    expect(await (await fetch(`${server.url}/healthz`)).json()).toMatchObject({ status: 'ok', store: 'unavailable' })
    await expectStoreRefusal(server.url)
    expect((await command(server.url, 'warmup', 'open')).status).toBe(503)
    remount(dir, 'rw')
    await eventually(async () => expect((await command(server!.url, 'warmup', 'open')).status).toBe(200))
    expect((await vote(server.url, 'warmup', { option: 'sometimes' })).status).toBe(200)
    expect(await (await fetch(`${server.url}/healthz`)).json()).toMatchObject({ store: 'ok' })
  })
})
