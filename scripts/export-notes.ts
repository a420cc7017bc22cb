// `npm run export:notes`: the speaker notes as an A4 PDF. Slidev's own `export-notes`
// cannot be given a browser path, and the built deck has no print page, so the notes
// are read from slides.md with Slidev's parser and printed by the installed Chromium.
import { mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, resolve } from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { parseSync } from '@slidev/parser'
import { chromium } from 'playwright-chromium'
import { talk } from '../data/talk'
import { isEntry } from '../server/entry'
import { CHROMIUM_ARGS, requireChromium } from './lib/chromium'
import { notesHtml } from './lib/notes-html'

const TAGS = /<[^>]+>/g
const MUSTACHES = /\{\{[^}]+\}\}/g

/** The deck's fonts, inlined so the PDF looks like the slides without any request. */
function interFontCss(): string {
  const require = createRequire(import.meta.url)
  return [400, 600, 800].map((weight) => {
    const file = require.resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.woff2`)
    const data = readFileSync(file).toString('base64')
    return `@font-face { font-family: Inter; font-weight: ${weight}; src: url(data:font/woff2;base64,${data}) format('woff2'); }`
  }).join('\n')
}

export async function exportNotes(output = 'exports/atelier-ia-grenoble-2024-notes.pdf', slidesFile = 'slides.md'): Promise<string> {
  const executablePath = await requireChromium()
  const deck = parseSync(readFileSync(slidesFile, 'utf8'), slidesFile)
  const entries = deck.slides.map((s, i) => ({
    no: i + 1,
    title: i === 0
      ? talk.title
      : (s.title ?? '').replace(TAGS, '').replace(MUSTACHES, '').trim(),
    note: s.note ?? '',
  }))
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
  const path = resolve(output)
  try {
    const page = await browser.newPage()
    await page.setContent(notesHtml(entries, interFontCss()), { waitUntil: 'load' })
    mkdirSync(dirname(path), { recursive: true })
    await page.pdf({
      path,
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: `<div style="font: 8pt sans-serif; width: 100%; text-align: center; color: #666">${talk.event} · <span class="pageNumber"></span> / <span class="totalPages"></span></div>`,
      margin: {
        top: '16mm',
        bottom: '18mm',
        left: '16mm',
        right: '16mm',
      },
    })
  }
  finally {
    await browser.close()
  }
  return path
}

if (isEntry(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      output: { type: 'string', short: 'o' },
    },
  })
  exportNotes(values.output)
    .then(path => console.log(`\nNotes enregistrées : ${path}`))
    .catch((error: Error) => {
      console.error(`L'export des notes a échoué : ${error.message}`)
      process.exit(1)
    })
}
