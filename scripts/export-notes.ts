// `npm run export:notes`: the speaker notes as a PDF. Slidev's own `export-notes`
// cannot be given a browser path, so this opens the same page (/presenter/print)
// of the built deck, served by our server, in the installed Chromium.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { chromium } from 'playwright-core'
import { buildApp } from '../server/app'
import { loadConfig } from '../server/config'
import { build } from './build'
import { CHROMIUM_ARGS, requireChromium } from './lib/chromium'
import { isStale } from './lib/freshness'

export async function exportNotes(output = `exports/atelier-ia-grenoble-2024-notes.pdf`): Promise<string> {
  const executablePath = await requireChromium()
  if (isStale(['dist/deck/index.html', 'dist/audience/index.html']))
    await build()
  const dataDir = mkdtempSync(join(tmpdir(), 'atelier-notes-'))
  const { app } = await buildApp(loadConfig({ ...process.env, DATA_DIR: dataDir, PORT: '0' }), { logger: false })
  const url = await app.listen({ host: '127.0.0.1', port: 0 })
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
  const path = resolve(output)
  try {
    const page = await browser.newPage()
    await page.goto(`${url}/presenter/print`, { waitUntil: 'networkidle', timeout: 60_000 })
    await page.locator('#page-root, .slidev-page, body').first().waitFor()
    await page.emulateMedia({ media: 'screen' })
    mkdirSync(dirname(path), { recursive: true })
    await page.pdf({ path, printBackground: true, preferCSSPageSize: true, margin: { top: 0, right: 0, bottom: 0, left: 0 } })
  }
  finally {
    await browser.close()
    await app.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
  return path
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { output: { type: 'string', short: 'o' } } })
  exportNotes(values.output)
    .then(path => console.log(`\nNotes PDF written: ${path}`))
    .catch((error: Error) => {
      console.error(`Notes export failed: ${error.message}`)
      process.exit(1)
    })
}
