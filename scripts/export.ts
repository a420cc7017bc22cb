import type { ResultsSnapshot } from '../poll/types'
import type { SlideOutline } from './lib/deck-outline'
// `npm run export`: the whole deck as a PDF handout, one page per slide (or per click
// step with --with-clicks), optionally with the room's results (--results FILE|URL).
import { existsSync, rmSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { printedInHandout } from '../poll/handout'
import { isEntry } from '../server/entry'
import { loadResultsFile } from '../vite/results-plugin'
import { frenchArgumentError } from './lib/arguments.mjs'
import { requireChromium } from './lib/chromium'
import { deckOutline } from './lib/deck-outline'
import { handoutProblems } from './lib/pdf-check'
import { resolveResults } from './lib/results-source'
import { bin, run } from './lib/run'
import { resolveSessionId, sessionResultsFile } from './lib/session-results'

const PDF_EXTENSION = /\.pdf$/

export const EXPORT_NAME = 'atelier-ia-grenoble-2024'
/** A bad render is retried this many times in all before the export gives up. */
const ATTEMPTS = 3
/** Vite's dependency cache: a half-made one reloads the page under the printer. */
const VITE_CACHE = 'node_modules/.vite'

export interface ExportOptions {
  output?: string
  withClicks?: boolean
  results?: string
  token?: string
  /** A session of this laptop's archive (`courante` for the one in progress), baked in. */
  session?: string
  /** Adds the comparison with the earlier rooms (the `comparaison` slide). */
  compare?: boolean
  /** Where the archive is, for --session (DATA_DIR). */
  dataDir?: string
}

/**
 * The slides a handout holds (poll/handout.ts, as setup/preparser.ts applies it): result
 * slides only with ballots behind them, comparisons only when asked for.
 */
export function printedSlides({ compare = false, results = null }: { compare?: boolean, results?: ResultsSnapshot | null } = {}): SlideOutline[] {
  return deckOutline().filter(s => printedInHandout({ layout: s.layout, poll: s.poll, comparison: s.comparison }, results, compare))
}

/**
 * Where a handout goes: `--out FILE`, or a name that says what it holds, the session's id
 * included (`courante` is resolved first), so that two sessions never share a file name.
 */
export async function outputPath(options: ExportOptions): Promise<string> {
  if (options.output)
    return resolve(options.output)
  const session = options.session
    ? `-${await resolveSessionId(options.session, options.dataDir)}`
    : ''
  const suffix = `${session}${options.results ? '-resultats' : ''}${options.compare ? '-comparaison' : ''}${options.withClicks ? '-etapes' : ''}`
  return resolve(`exports/${EXPORT_NAME}${suffix}.pdf`)
}

export async function exportDeck(options: ExportOptions = {}): Promise<string> {
  const executablePath = await requireChromium()
  if (options.compare && !options.session && !options.results)
    throw new Error('--compare compare une séance aux précédentes : précisez laquelle avec --session (ou --session courante).')
  if (options.session && options.results)
    throw new Error('--session et --results s’excluent : choisissez l’un des deux.')
  const output = await outputPath(options)
  const env: NodeJS.ProcessEnv = {}
  const saveTo = output.replace(PDF_EXTENSION, '.json')
  if (options.session)
    env.ATELIER_RESULTS_FILE = await sessionResultsFile(options.session, saveTo, { compare: !!options.compare, dataDir: options.dataDir })
  else if (options.results)
    env.ATELIER_RESULTS_FILE = await resolveResults(options.results, saveTo, options.token, { compare: !!options.compare })
  const args = [
    'export',
    'slides.md',
    '--output',
    output,
    '--executable-path',
    executablePath,
    '--timeout',
    '120000',
    '--wait-until',
    'networkidle',
  ]
  if (options.withClicks)
    args.push('--with-clicks')
  if (options.compare)
    env.ATELIER_COMPARE = '1'
  const slides = printedSlides({
    compare: !!options.compare,
    results: env.ATELIER_RESULTS_FILE
      ? loadResultsFile(env.ATELIER_RESULTS_FILE)
      : null,
  })
  let problems: string[] = []
  // Slidev can exit 0 with blank pages: check the PDF itself before saying it is done.
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    if (attempt > 1) {
      console.warn(`PDF incorrect (${problems.join(' ; ')}) : nouvel essai (${attempt}/${ATTEMPTS})…`)
      rmSync(VITE_CACHE, { recursive: true, force: true })
    }
    await run(bin('slidev'), args, env, { quiet: true })
    problems = existsSync(output) && statSync(output).size > 0
      ? await handoutProblems(output, slides, { withClicks: options.withClicks })
      : ['aucun fichier écrit']
    if (problems.length === 0)
      return output
  }
  rmSync(output, { force: true })
  throw new Error(`impossible de produire un bon PDF en ${ATTEMPTS} essais (${problems.join(' ; ')}). Rien n'a été enregistré.`)
}

const USAGE = 'Usage : npm run export -- [--session ID|courante [--compare]] [--results FICHIER|URL] [--with-clicks] [--out FICHIER] [--force]'

/** `npm run export -- …`: never replaces an existing handout unless asked to. */
export async function exportCommand(argv: string[]): Promise<string> {
  let values
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        'out': { type: 'string', short: 'o' },
        'output': { type: 'string' },
        'with-clicks': { type: 'boolean', short: 'c' },
        'results': { type: 'string', short: 'r' },
        'session': { type: 'string', short: 's' },
        'compare': { type: 'boolean' },
        'force': { type: 'boolean', short: 'f' },
      },
    }))
  }
  catch (error) {
    throw new Error(`${frenchArgumentError(error as Error)}\n${USAGE}`)
  }
  const options: ExportOptions = {
    output: values.out ?? values.output,
    withClicks: values['with-clicks'],
    results: values.results,
    session: values.session,
    compare: values.compare,
    token: process.env.PRESENTER_TOKEN,
  }
  const output = await outputPath(options)
  if (existsSync(output) && !values.force)
    throw new Error(`${output} existe déjà. Ajoutez --force pour le remplacer, ou choisissez un autre nom avec --out FICHIER.`)
  return exportDeck({ ...options, output })
}

if (isEntry(import.meta.url)) {
  exportCommand(process.argv.slice(2))
    .then(path => console.log(`PDF enregistré : ${path}`))
    .catch((error: Error) => {
      console.error(`L’export a échoué : ${error.message}`)
      process.exit(1)
    })
}
