// `npm start`: builds the deck, the phone page and the server when missing or stale,
// then runs the server as plain JavaScript (no TypeScript loader on stage).
import { spawn } from 'node:child_process'
import process from 'node:process'
import { build, SERVER_BUNDLE } from './build'
import { isStale } from './lib/freshness'
import { SERVER_NODE_FLAGS } from './lib/node-flags'
import { requireSupportedNode } from './lib/node-version'

async function main(): Promise<void> {
  requireSupportedNode()
  if (isStale(['dist/deck/index.html', 'dist/audience/index.html', SERVER_BUNDLE])) {
    console.log('Préparation de la présentation et de la page de vote (premier démarrage ou fichiers modifiés)…')
    await build()
  }
  const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, '--enable-source-maps', SERVER_BUNDLE], { stdio: 'inherit' })
  // Ctrl+C reaches both processes; the server shuts down cleanly and we exit with it.
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => server.kill(signal))
  server.on('exit', code => process.exit(code ?? 0))
}

main().catch((error: Error) => {
  console.error(`Le démarrage a échoué : ${error.message}`)
  process.exit(1)
})
