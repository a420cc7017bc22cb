// `npm start`: builds the deck, the phone page and the server when missing or stale, then
// runs the vote server in this very process. Plain JavaScript on purpose: once built, the
// speaker's laptop runs one Node process (npm aside), with no TypeScript loader beside it.
// The V8 flags of the server are on the command line in package.json (see lib/node-flags.ts).
import { spawnSync } from 'node:child_process'
import process from 'node:process'
import { pathToFileURL } from 'node:url'
import { isStale } from './lib/freshness.mjs'
import { requireSupportedNode } from './lib/node-version.mjs'

const SERVER_BUNDLE = 'dist/server/main.mjs'

requireSupportedNode()
if (isStale([
  'dist/deck/index.html',
  'dist/audience/index.html',
  'dist/outline.json',
  SERVER_BUNDLE,
])) {
  console.log('Préparation de la présentation et de la page de vote (premier démarrage ou fichiers modifiés)…')
  // The build needs TypeScript; it runs once, in a process of its own that ends with it.
  const built = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { stdio: 'inherit' })
  if (built.status !== 0) {
    console.error('Le démarrage a échoué : la construction de la présentation n\'a pas abouti (voir ci-dessus).')
    process.exit(1)
  }
}
const { startServer } = await import(pathToFileURL(SERVER_BUNDLE).href)
try {
  await startServer()
}
catch (error) {
  console.error(`Le serveur de vote n'a pas pu démarrer : ${error instanceof Error
    ? error.message
    : String(error)}`)
  process.exit(1)
}
