// `npm start`: builds the deck and phone page when missing or stale, then serves everything.
import { startServer } from '../server/main'
import { build } from './build'
import { isStale } from './lib/freshness'

async function main(): Promise<void> {
  if (isStale(['dist/deck/index.html', 'dist/audience/index.html'])) {
    console.log('Building the deck and the phone page (first start or files changed)…')
    await build()
  }
  await startServer()
}

main().catch((error: Error) => {
  console.error(`npm start failed: ${error.message}`)
  process.exit(1)
})
