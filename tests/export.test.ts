import type { RunningServer } from './helpers/test-server'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { matrixCells } from '../data/matrix'
import { sources } from '../data/sources'
import { talk } from '../data/talk'
import { top50 } from '../data/top50'
import { build } from '../scripts/build'
import { exportDeck, printedSlides } from '../scripts/export'
import { exportNotes } from '../scripts/export-notes'
import { handoutProblems } from '../scripts/lib/pdf-check'
import { resolveResults } from '../scripts/lib/results-source'
import { loadResultsFile } from '../vite/results-plugin'
import { launchBrowser } from './helpers/browser'
import { folded, inkPerPage, pdfPages, pdfText } from './helpers/pdf'
import { command, freshId, newPhone, presenterHeaders, startTestServer, tempDataDir, TEST_TOKEN, vote } from './helpers/test-server'

// A handout without --compare leaves the comparison slide out.
const outline = printedSlides()
const OUT = 'test-results/export'
let handout: string
let text: string

beforeAll(async () => {
  handout = await exportDeck({ output: `${OUT}/handout.pdf` })
  text = pdfText(handout)
})

describe('the PDF handout', () => {
  it('has one page per slide', () => {
    expect(pdfPages(handout)).toBe(outline.length)
  })

  it('holds every slide title', () => {
    for (const slide of outline) {
      const title = folded(slide.no === 1
        ? talk.title
        : slide.title)
      expect(text, `slide ${slide.no}`).toContain(title)
    }
  })

  it('prints all 50 products of the Top-50', () => {
    for (const p of top50)
      expect(text, p.name).toContain(p.name)
  })

  it('prints every matrix cell with all its examples', () => {
    for (const cell of matrixCells) {
      for (const example of cell.examples)
        expect(text, cell.id).toContain(folded(example))
    }
  })

  it('lists every source on the Sources slide', () => {
    for (const s of Object.values(sources))
      expect(text, s.title).toContain(folded(s.title))
  })

  it('shows animated figures at their final value, and per-slide footers', () => {
    expect(text).toContain('75 %')
    expect(text).toContain('120')
    expect(text).toMatch(/Ateliers \| Grenoble 2024 31/)
  })

  it('shows the matrix alone, with no live or broken placeholder, when there are no results', () => {
    expect(text).not.toContain('Vote hors ligne')
    expect(text).not.toContain('Résultats de la salle')
    expect(text).not.toContain('Votez sur')
    // The join slide says what its QR code was for, instead of an empty page.
    expect(text).toContain('un QR code affiché ici menait à la page de vote')
  })

  it('has no blank page', () => {
    const ink = inkPerPage(handout)
    expect(ink).toHaveLength(outline.length)
    ink.forEach((share, i) => expect(share, `page ${i + 1}`).toBeGreaterThan(0.005))
  })
})

describe('the PDF with the room\'s results', () => {
  let server: RunningServer
  afterAll(async () => server?.app.close())

  it('prints the results of a snapshot taken from a running vote server', async () => {
    server = await startTestServer({}, tempDataDir())
    for (const poll of ['warmup', 'verdict', 'placement'])
      await command(server.url, poll, 'open')
    for (let i = 0; i < 7; i++) {
      await vote(server.url, 'verdict', {
        verdicts: {
          'large.simple': i < 5
            ? 'Y'
            : 'N',
          'none.distinct': 'O',
        },
      })
      await vote(server.url, 'placement', {
        option: i < 4
          ? 'moderate.elaborate'
          : 'large.simple',
      })
      await vote(server.url, 'warmup', { option: 'sometimes' })
    }
    const snapshotFile = `${OUT}/results.json`
    writeFileSync(snapshotFile, await (await fetch(`${server.url}/api/results.json`, { headers: presenterHeaders })).text())

    const withResults = await exportDeck({ output: `${OUT}/handout-results.pdf`, results: snapshotFile })
    const resultsText = pdfText(withResults)
    // With ballots, the verdict and placement slides are printed too.
    expect(pdfPages(withResults)).toBe(printedSlides({
      results: loadResultsFile(snapshotFile),
    }).length)
    expect(pdfPages(withResults)).toBe(outline.length + 2)
    expect(resultsText).toContain('Résultats de la salle')
    // Each result page says whose results these are: 7 phones took part in each poll.
    expect(resultsText.match(/7\s?participants/g)?.length).toBeGreaterThanOrEqual(3)
    expect(resultsText).toMatch(/relevés le \d+ \S+ \d{4}/)
    expect(resultsText).toMatch(/N\s?2\s?·\s?O\s?0\s?·\s?Y\s?5/)
    expect(resultsText).toMatch(/4\s?projets/)
  })

  it('takes the snapshot from a running server\'s URL, with the presenter token', async () => {
    const saved = await resolveResults(server.url, `${OUT}/from-server.json`, TEST_TOKEN)
    const snapshot = JSON.parse(readFileSync(saved, 'utf8'))
    expect(snapshot.polls.find((p: { id: string }) => p.id === 'verdict').participants).toBe(7)
    expect(snapshot.polls.every((p: { tally: unknown }) => p.tally !== null)).toBe(true)
    await expect(resolveResults('http://127.0.0.1:9/', `${OUT}/never.json`)).rejects.toThrow(/Serveur de vote injoignable/)
  })

  it('refuses an invalid results file with a clear message', async () => {
    writeFileSync(`${OUT}/bad.json`, '{"version":1,"polls":"nope"}')
    await expect(exportDeck({ output: `${OUT}/never.pdf`, results: `${OUT}/bad.json` })).rejects.toThrow(/pas un relevé de résultats valide/)
    expect(existsSync(`${OUT}/never.pdf`)).toBe(false)
  })
})

describe('the PDF of one session, against the earlier rooms', () => {
  const dataDir = tempDataDir()
  let nantes: string

  beforeAll(async () => {
    const server = await startTestServer({}, dataDir)
    const json = { 'content-type': 'application/json', ...presenterHeaders }
    for (const [title, date, kind, verdict, count] of [
      [
        'Grenoble 2024',
        '2024-11-21',
        'real',
        'Y',
        5,
      ],
      [
        'Répétition',
        '2025-01-10',
        'rehearsal',
        'N',
        7,
      ],
      [
        'Nantes 2026',
        '2026-06-10',
        'real',
        'N',
        4,
      ],
    ] as const) {
      const res = await fetch(`${server.url}/api/sessions`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ title, date, kind }),
      })
      nantes = (await res.json() as { id: string }).id
      await command(server.url, 'verdict', 'open')
      for (let i = 0; i < count; i++) {
        await vote(server.url, 'verdict', {
          verdicts: { 'large.simple': verdict },
        })
      }
    }
    // Nantes's room asked two questions: one published and upvoted, one never validated.
    const asker = await newPhone(server.url)
    const ask = async (text: string) => (await (await fetch(`${server.url}/api/questions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'cookie': asker.cookie },
      body: JSON.stringify({
        text,
        idempotencyKey: freshId('question-key'),
      }),
    })).json() as { id: string }).id
    const shown = await ask('Comment associer les représentants du personnel ?')
    await ask('Une question restée en attente ?')
    await fetch(`${server.url}/api/presenter/questions/${shown}/publish`, { method: 'POST', headers: presenterHeaders })
    await fetch(`${server.url}/api/questions/${shown}/votes`, {
      method: 'POST',
      headers: { cookie: (await newPhone(server.url)).cookie },
    })
    await server.app.close()
  })

  it('bakes in that session\'s results, and the comparison pages with --compare', async () => {
    const file = await exportDeck({
      output: `${OUT}/session-compare.pdf`,
      session: nantes,
      compare: true,
      dataDir,
    })
    const pdf = pdfText(file)
    expect(pdfPages(file)).toBe(printedSlides({
      compare: true,
      results: loadResultsFile(file.replace(/\.pdf$/, '.json')),
    }).length)
    // Nobody placed a project in Nantes: that comparison has no page; the verdict's has one.
    expect(pdf).not.toContain('Vos projets face aux salles précédentes')
    expect(pdf).toContain('Votre salle face aux salles précédentes')
    expect(pdf).toMatch(/Résultats de la salle[\s\S]{0,120}Nantes 2026/)
    expect(pdf).toMatch(/avant 1\s?salle,\s?5\s?votants/)
    expect(pdf).toMatch(/Salles précédentes\s?:\s?Grenoble 2024/)
    expect(pdf).toMatch(/\+100\s?pts/)
    expect(pdf).not.toContain('Répétition')
  })

  it('leaves the comparison out without --compare, and refuses an unknown session', async () => {
    const file = await exportDeck({ output: `${OUT}/session.pdf`, session: nantes, dataDir })
    expect(pdfPages(file)).toBe(printedSlides({
      results: loadResultsFile(file.replace(/\.pdf$/, '.json')),
    }).length)
    const pdf = pdfText(file)
    expect(pdf).toMatch(/Résultats de la salle[\s\S]{0,120}Nantes 2026/)
    expect(pdf).not.toContain('Votre salle face aux salles précédentes')
    // The questions the room saw, with their votes; never one the speaker did not validate.
    expect(pdf).toMatch(/Comment associer les représentants du personnel\s?\?/)
    expect(pdf).not.toContain('restée en attente')
    await expect(exportDeck({ output: `${OUT}/never.pdf`, session: 'nope', dataDir })).rejects.toThrow(/séance inconnue : « nope »[\s\S]*Nantes 2026/)
    await expect(exportDeck({ output: `${OUT}/never.pdf`, compare: true })).rejects.toThrow(/--compare/)
  })
})

describe('export variants', () => {
  it('makes one page per click step with --with-clicks', async () => {
    const stepped = await exportDeck({ output: `${OUT}/handout-clicks.pdf`, withClicks: true })
    // The Top-50 alone adds a page per category.
    expect(pdfPages(stepped)).toBeGreaterThanOrEqual(outline.length + 8)
  })

  it('ships the PDF as a download in the built deck', async () => {
    await build({ withPdf: true })
    expect(pdfPages('dist/deck/atelier-ia-grenoble-2024.pdf')).toBe(outline.length)
  })
})

describe('the speaker notes PDF', () => {
  it('holds the notes of the talk', async () => {
    const notes = pdfText(await exportNotes(`${OUT}/notes.pdf`))
    expect(notes).toMatch(/Le\s+programme\s+nomme\s+sous\s+ce\s+titre\s+Pascal\s+Fortoul/)
    expect(notes).toMatch(/revenir\s+sur\s+les\s+cases\s+de\s+la\s+grille/)
  })
})

describe('an export that never lies', () => {
  it('tells a blank or incomplete PDF apart, in French', async () => {
    expect(await handoutProblems(handout, outline)).toEqual([])
    const browser = await launchBrowser()
    const page = await browser.newPage()
    await page.setContent('<html><body></body></html>')
    await page.pdf({ path: `${OUT}/blank.pdf` })
    await browser.close()
    const problems = await handoutProblems(`${OUT}/blank.pdf`, outline)
    expect(problems.join(' ; ')).toMatch(/page vide : 1/)
    expect(problems.join(' ; ')).toMatch(/1 pages pour \d+ diapositives/)
    expect(problems.join(' ; ')).toMatch(/titres absents/)
  })

  it('makes a good PDF ten times in a row, each on a fresh Vite cache', async () => {
    for (let i = 0; i < 10; i++) {
      rmSync('node_modules/.vite', { recursive: true, force: true })
      const file = await exportDeck({ output: `${OUT}/fresh-${i}.pdf` })
      // Checked again here by rendering (poppler), independently of the export's own check.
      expect(inkPerPage(file).filter(ink => ink <= 0.005), `export ${i}`).toEqual([])
    }
  }, 600_000)
})
