// No surprise on stage (issue 18): a restart mid-talk, a damaged data folder, a second
// server on the same folder, two exports in a row, a phone moving between two sessions.
import type { Browser } from 'playwright-chromium'
import type { RunningServer } from './helpers/test-server'
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { deckOutline } from '../scripts/lib/deck-outline'
import { startServerProcess } from '../scripts/lib/server-process'
import { sessionsCommand } from '../scripts/sessions'
import { launchBrowser, signIn, slideOf } from './helpers/browser'
import { command, eventually, pollOf, presenterHeaders, results, startTestServer, tempDataDir } from './helpers/test-server'
import { canMount, mountTmpfs, remount, unmount } from './helpers/tmpfs'

const outline = deckOutline()
let browser: Browser
let inProcess: RunningServer | undefined
beforeAll(async () => {
  browser = await launchBrowser()
})
afterEach(async () => {
  await inProcess?.app.close()
  inProcess = undefined
})
afterAll(async () => browser?.close())

/** `npm start`'s server (the built bundle), run to its end: its exit code and what it printed. */
function startOnce(dataDir: string, env: Record<string, string> = {}): { status: number | null, output: string } {
  const run = spawnSync(process.execPath, ['dist/server/main.mjs'], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dataDir,
      PRESENTER_TOKEN: '',
      LOG_LEVEL: 'error',
      ...env,
    },
    encoding: 'utf8',
    timeout: 20_000,
  })
  return { status: run.status, output: `${run.stdout}${run.stderr}` }
}

describe('a restart in the middle of the talk', () => {
  it('brings the presenter view, a projector and the sign-in link back to the slide where the talk was, with no sign-in', async () => {
    const dataDir = tempDataDir()
    let server = await startServerProcess({ PRESENTER_TOKEN: '' }, dataDir)
    const token = readFileSync(join(dataDir, 'presenter-token'), 'utf8').trim()
    const speakerContext = await browser.newContext({
      viewport: { width: 1366, height: 768 },
    })
    const speaker = await speakerContext.newPage()
    await signIn(speaker, server.url, token)
    const projector = await (await browser.newContext({
      viewport: { width: 1280, height: 720 },
    })).newPage()
    await projector.goto(`${server.url}/1`, { waitUntil: 'networkidle' })
    await speaker.goto(`${server.url}/presenter/21`, { waitUntil: 'networkidle' })
    await speaker.keyboard.press('ArrowRight')
    const at = slideOf(speaker, outline)
    expect(at).toBeGreaterThanOrEqual(21)
    await expect.poll(() => slideOf(projector, outline), { timeout: 5000 }).toBe(at)

    await server.kill9()
    server = await startServerProcess({ PRESENTER_TOKEN: '' }, dataDir, server.port)
    // The speaker's browser is still signed in, and has not moved.
    await expect.poll(() => speaker.evaluate(async () => (await (await fetch('/api/presenter/session')).json() as { signedIn: boolean }).signedIn), { timeout: 10_000 }).toBe(true)
    expect(slideOf(speaker, outline)).toBe(at)
    // The room's PC restarts its browser: it comes back on the talk's slide by itself.
    await projector.goto(`${server.url}/`, { waitUntil: 'networkidle' })
    await expect.poll(() => slideOf(projector, outline), { timeout: 10_000 }).toBe(at)
    // The speaker opens the terminal's link again, out of habit: the same slide, not the title.
    const again = await speakerContext.newPage()
    await signIn(again, server.url, token)
    expect(slideOf(again, outline)).toBe(at)
    expect(server.output()).toContain('reste valable après un redémarrage')
    await speakerContext.close()
    await server.stop()
  })
})

describe('a phone moving between two sessions', () => {
  it('forgets its answers of the previous session, even one queued offline during the switch, and the new room counts only its own', async () => {
    inProcess = await startTestServer()
    const { url } = inProcess
    await command(url, 'warmup', 'open')
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    })
    const phone = await context.newPage()
    await phone.goto(`${url}/vote`)
    await phone.getByText('Oui, chaque semaine').tap()
    await phone.getByRole('button', { name: 'Voter' }).tap()
    await phone.getByText('Vote enregistré').waitFor()

    // Offline, the person changes the answer; meanwhile the speaker starts the next session.
    await context.setOffline(true)
    await phone.getByText('Non, pas encore').tap()
    await phone.getByRole('button', { name: 'Voter' }).tap()
    await phone.getByText('pas encore enregistré').waitFor()
    const created = await fetch(`${url}/api/sessions`, {
      method: 'POST',
      headers: { ...presenterHeaders, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Lyon, congrès des DRH' }),
    })
    expect(created.status).toBe(201)
    await command(url, 'warmup', 'open')
    await context.setOffline(false)

    await phone.getByText('Nouvelle séance').waitFor({ timeout: 15_000 })
    // An empty form: nothing of the previous session is pre-filled.
    await expect.poll(() => phone.locator('input[type="radio"]:checked').count(), { timeout: 5000 }).toBe(0)
    await phone.waitForTimeout(1500)
    expect(pollOf(await results(url), 'warmup').participants).toBe(0)
    // A reload does not bring the old answer back either.
    await phone.reload()
    await phone.getByText('Oui, chaque semaine').waitFor()
    expect(await phone.locator('input[type="radio"]:checked').count()).toBe(0)
    // A vote of the new room counts, once.
    await phone.getByText('Oui, de temps en temps').tap()
    await phone.getByRole('button', { name: 'Voter' }).tap()
    await phone.getByText('Vote enregistré').waitFor()
    const warmup = pollOf(await results(url), 'warmup')
    expect(warmup.participants).toBe(1)
    expect(warmup.tally).toEqual({
      kind: 'choice',
      counts: { often: 0, sometimes: 1, never: 0 },
    })
    await context.close()
  })

  it('refuses, and says why, a ballot cast in an earlier session', async () => {
    inProcess = await startTestServer()
    const { url } = inProcess
    const before = (await results(url)).session!.id
    await fetch(`${url}/api/sessions`, {
      method: 'POST',
      headers: { ...presenterHeaders, 'content-type': 'application/json' },
      body: '{}',
    })
    await command(url, 'warmup', 'open')
    const joined = await fetch(`${url}/api/participants`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
    const cookie = joined.headers.get('set-cookie')!.split(';')[0]!
    const res = await fetch(`${url}/api/polls/warmup/ballots`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({
        idempotencyKey: 'stale-session-key-000001',
        choice: { option: 'often' },
        session: before,
      }),
    })
    expect(res.status).toBe(409)
    expect((await res.json() as { message: string }).message).toMatch(/La séance a changé/)
    expect(pollOf(await results(url), 'warmup').participants).toBe(0)
  })
})

describe('a damaged data folder', () => {
  it('refuses to start on a corrupt database, names the file and says what to do, in French', () => {
    const dataDir = tempDataDir()
    writeFileSync(join(dataDir, 'ballots.sqlite'), 'this is not a database, only a text file that took its place')
    const { status, output } = startOnce(dataDir)
    expect(status).toBe(1)
    expect(output).toContain(join(dataDir, 'ballots.sqlite'))
    expect(output).toMatch(/endommagé/)
    expect(output).toMatch(/mettez ce fichier de côté/)
    expect(output).not.toMatch(/serveur de vote prêt/)
  })

  it.skipIf(!canMount())('refuses to start on a read-only file system, and says how to fix it', async () => {
    const dataDir = mountTmpfs({ sizeKb: 4096 })
    try {
      await sessionsCommand(['list'], dataDir)
      remount(dataDir, 'ro')
      const { status, output } = startOnce(dataDir)
      expect(status).toBe(1)
      expect(output).toMatch(/n’est pas accessible en écriture/)
      expect(output).toMatch(/DATA_DIR=autre-dossier npm start/)
    }
    finally {
      unmount(dataDir)
    }
  })

  it('refuses a database written by a newer version, and the scripts say the same', async () => {
    const dataDir = tempDataDir()
    await sessionsCommand(['list'], dataDir)
    const { DatabaseSync } = await import('node:sqlite')
    const db = new DatabaseSync(join(dataDir, 'ballots.sqlite'))
    db.exec('PRAGMA user_version = 99')
    db.close()
    const { status, output } = startOnce(dataDir)
    expect(status).toBe(1)
    expect(output).toMatch(/version plus récente de l’atelier/)
    await expect(sessionsCommand(['list'], dataDir)).rejects.toThrow(/version plus récente de l’atelier/)
  })

  it('tells the presenter, not the phones, what is wrong when the database breaks mid-talk', async () => {
    inProcess = await startTestServer()
    const { url, dataDir } = inProcess
    await command(url, 'warmup', 'open')
    await inProcess.store.close()
    writeFileSync(join(dataDir, 'ballots.sqlite'), 'broken in the middle of the talk')
    await new Promise(r => setTimeout(r, 600))
    const joined = await fetch(`${url}/api/participants`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
    expect(joined.status).toBe(503)
    expect((await joined.json() as { message: string }).message).toMatch(/momentanément indisponible/)
    const presenter = await fetch(`${url}/api/sessions`, { headers: presenterHeaders })
    expect(presenter.status).toBe(503)
    expect((await presenter.json() as { message: string }).message).toMatch(/endommagé.*mettez ce fichier de côté/s)
    await eventually(async () => expect((await results(url)).storeProblem).toMatch(/endommagé/))
  })
})

describe('one server per data folder', () => {
  it('refuses a second server on the same folder, naming the first, and takes over the lock a crash left', async () => {
    const dataDir = tempDataDir()
    const first = await startServerProcess({}, dataDir)
    const second = startOnce(dataDir, {
      PORT: String(first.port + 1),
    })
    expect(second.status).toBe(1)
    expect(second.output).toContain(`processus ${first.child.pid}`)
    expect(second.output).toContain(`127.0.0.1:${first.port}`)
    expect(second.output).toMatch(/DATA_DIR=autre-dossier/)
    await first.kill9()
    const third = await startServerProcess({}, dataDir)
    expect((await fetch(`${third.url}/healthz`)).status).toBe(200)
    await third.stop()
  })
})
