// An editor's read of the deck (issue 19): every slide and click state as the room sees it
// with results shown, every note as the speaker reads it, and every citation of data/.
// It fails on a typographic defect (data/french.ts, typographyDefects) and on a citation
// that neither the verified sources nor the talk itself vouch for.
import type { Browser } from 'playwright-chromium'
import type { ServerProcess } from '../scripts/lib/server-process'
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { typographyDefects } from '../data/french'
import { sources } from '../data/sources'
import { deckOutline } from '../scripts/lib/deck-outline'
import { startServerProcess } from '../scripts/lib/server-process'
import { launchBrowser } from './helpers/browser'
import { roomThatVoted, walkEveryStep } from './helpers/deck-walk'
import { presenterHeaders, send } from './helpers/test-server'

const outline = deckOutline()
const SHARED = resolve('..', 'shared')

let server: ServerProcess
let browser: Browser

beforeAll(async () => {
  server = await startServerProcess()
  browser = await launchBrowser()
  const json = { 'content-type': 'application/json', ...presenterHeaders }
  await send(server.url, '/api/sessions', {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ title: 'Grenoble, Ateliers 2024 — salle de l’atelier 5 et ses invités', date: '2024-11-21' }),
  })
  await roomThatVoted(server.url, 8)
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('an editor reading the deck', () => {
  it('finds no typographic defect on any slide, in any click state, results shown', async () => {
    const page = await browser.newPage({
      viewport: { width: 1920, height: 1080 },
      reducedMotion: 'reduce',
    })
    await page.goto(`${server.url}/1`, { waitUntil: 'networkidle' })
    const defects = new Set<string>()
    const last = await walkEveryStep(page, outline, async (slide) => {
      // innerText, not textContent: the text as laid out, line by line, as the room reads it.
      const text = await page.locator(`.slidev-page-${slide}`).first().innerText()
      for (const defect of typographyDefects(text))
        defects.add(`diapositive ${slide} : ${defect}`)
    }, { settleMs: 250 })
    expect(last.startsWith(String(outline.length)), 'walked to the last slide').toBe(true)
    expect([...defects]).toEqual([])
  })

  it('finds no typographic defect in the speaker notes, as the presenter view, the remote and the notes PDF show them', () => {
    const defects = outline.flatMap(s => typographyDefects(s.note.replace(/\*\*/g, '')).map(d => `notes ${s.no} : ${d}`))
    expect(defects).toEqual([])
  })

  it('cites only sources that the verified research or the talk itself vouches for', () => {
    const research = readFileSync(join(SHARED, 'research', 'sources.md'), 'utf8')
    const talk = readFileSync(join(SHARED, 'talk', 'atelier-grenoble-2024.txt'), 'utf8')
    const unvouched = Object.entries(sources)
      .filter(([, s]) => s.vouchedBy === 'talk'
        ? !talk.includes('KRIEF STEVE')
        : !research.includes(s.vouchedBy))
      .map(([id]) => id)
    expect(unvouched).toEqual([])
    // Every id cited anywhere in data/ is a known source.
    const known = new Set(Object.keys(sources))
    const cited = readdirSync('data').filter(f => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'sources.ts').flatMap(f => [
      ...readFileSync(join('data', f), 'utf8').matchAll(/sources?: (?:\[([^\]]*)\]|'([^']+)')/g),
    ]
      .flatMap(m => (m[1] ?? `'${m[2]}'`).match(/'[^']+'/g) ?? [])
      .map(q => q.slice(1, -1)))
    expect(cited.filter(id => !known.has(id))).toEqual([])
  })
})
