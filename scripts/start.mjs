// `npm start`: builds the deck, the phone page and the server when missing or stale, then
// runs the vote server in this very process. Plain JavaScript on purpose: once built, the
// speaker's laptop runs one Node process (npm aside), with no TypeScript loader beside it.
// The V8 flags of the server are on the command line in package.json (see lib/node-flags.ts).
import { spawnSync } from 'node:child_process'
import process from 'node:process'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { frenchArgumentError } from './lib/arguments.mjs'
import { isStale } from './lib/freshness.mjs'
import { requireSupportedNode } from './lib/node-version.mjs'

const SERVER_BUNDLE = 'dist/server/main.mjs'

requireSupportedNode()
applySessionArguments()
if (isStale([
  'dist/deck/index.html',
  'dist/audience/index.html',
  'dist/outline.json',
  SERVER_BUNDLE,
])) {
  console.log('Préparation de la présentation et de la page de vote (premier démarrage ou fichiers modifiés : une à deux minutes)…')
  // The build needs TypeScript; it runs once, in a process of its own that ends with it.
  // Quiet: its log is shown only if it fails.
  const built = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], {
    stdio: 'inherit',
    env: {
      ...process.env,
      ATELIER_BUILD_QUIET: process.env.LOG_LEVEL === 'debug'
        ? '0'
        : '1',
    },
  })
  if (built.status !== 0) {
    console.error('Le démarrage a échoué : la construction de la présentation n’a pas abouti (voir ci-dessus).')
    process.exit(1)
  }
}
/**
 * `npm start -- --session "Lyon, mars 2027" [--repetition]`: go on with that session, or
 * start it. Without it, the session in progress goes on.
 */
function applySessionArguments() {
  let values
  try {
    ({ values } = parseArgs({
      options: {
        session: { type: 'string', short: 's' },
        repetition: { type: 'boolean' },
        rehearsal: { type: 'boolean' },
      },
    }))
  }
  catch (error) {
    console.error(`npm start : ${error instanceof Error
      ? frenchArgumentError(error)
      : String(error)}\nUsage : npm start -- [--session "Lyon, mars 2027"] [--repetition]`)
    process.exit(1)
  }
  if (values.repetition || values.rehearsal) {
    process.env.ATELIER_SESSION_KIND = 'rehearsal'
    if (!values.session)
      values.session = `Répétition du ${new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(new Date())}`
  }
  if (values.session)
    process.env.ATELIER_SESSION = values.session
}

const { startServer } = await import(pathToFileURL(SERVER_BUNDLE).href)
try {
  await startServer()
}
catch (error) {
  console.error(`Le serveur de vote n’a pas pu démarrer : ${error instanceof Error
    ? error.message
    : String(error)}`)
  process.exit(1)
}
