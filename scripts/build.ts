// Builds what the vote server serves: the Slidev deck (dist/deck) and the phone page (dist/audience).
// `--with-pdf` also exports the handout and ships it as a download in the deck (Slidev's `download`).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import { build as esbuild } from 'esbuild'
import { isEntry } from '../server/entry'
import { EXPORT_NAME, exportDeck } from './export'
import { requireChromium } from './lib/chromium'
import { deckOutline } from './lib/deck-outline'
import { bin, run } from './lib/run'

export const SERVER_BUNDLE = 'dist/server/main.mjs'
/** `npm start` builds quietly: the build's log is shown only when it fails. */
const quiet = process.env.ATELIER_BUILD_QUIET === '1'
const COMPRESSIBLE = /\.(?:js|css|html|svg)$/

/** Phones on poor Wi-Fi get the smallest file the server has: .br or .gz next to each asset. */
function precompress(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name)
    if (entry.isFile() && COMPRESSIBLE.test(entry.name)) {
      const data = readFileSync(path)
      writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }))
      writeFileSync(`${path}.br`, brotliCompressSync(data))
    }
  }
}

/** The vote server as one plain-JS file: no TypeScript loader at run time, 35 MB less memory. */
export async function buildServer(): Promise<void> {
  await esbuild({
    entryPoints: ['server/main.ts'],
    outfile: SERVER_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22.12',
    packages: 'external',
    sourcemap: true,
    logLevel: quiet ? 'error' : 'warning',
  })
}

/** Titles, notes and polls of the slides, for the presenter's phone remote (served to the presenter only). */
export const OUTLINE_FILE = 'dist/outline.json'

export async function build(options: { withPdf?: boolean } = {}): Promise<void> {
  const deckArgs = [
    'build',
    'slides.md',
    '--out',
    'dist/deck',
  ]
  // Slidev exports the PDF during the build and shows a download button for it.
  if (options.withPdf)
    deckArgs.push('--download', '--executable-path', await requireChromium())
  await run(bin('slidev'), deckArgs, {}, { quiet })
  // Slidev's own PDF prints every slide; the handout leaves the comparison slides out
  // (setup/preparser.ts) and checks itself: it replaces Slidev's under the same name.
  if (options.withPdf)
    await exportDeck({ output: `dist/deck/${EXPORT_NAME}.pdf` })
  await run(bin('vite'), ['build', '--config', 'audience/vite.config.ts'], {}, { quiet })
  precompress('dist/audience')
  writeFileSync(OUTLINE_FILE, JSON.stringify(deckOutline()))
  await buildServer()
}

if (isEntry(import.meta.url)) {
  build({
    withPdf: process.argv.includes('--with-pdf'),
  }).catch((error: Error) => {
    console.error(error.message)
    process.exit(1)
  })
}
