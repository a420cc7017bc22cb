// `npm run dev`: Slidev's dev server (hot reload) on PORT, with /api and /vote
// forwarded to the vote server running beside it on ATELIER_API_PORT.
import { spawn } from 'node:child_process'
import process from 'node:process'
import { startServer } from '../server/main'
import { lanAddress } from '../server/network'
import { isStale } from './lib/freshness.mjs'
import { bin, run } from './lib/run'

async function main(): Promise<void> {
  const port = process.env.PORT ?? '3030'
  const apiPort = process.env.ATELIER_API_PORT ?? '3031'
  if (isStale(['dist/audience/index.html'], ['audience', 'data', 'poll']))
    await run(bin('vite'), ['build', '--config', 'audience/vite.config.ts'])
  // Slidev's dev server lets any connected browser drive the slides: keep it on this
  // machine unless DEV_HOST says otherwise (phones then reach /vote through it).
  const host = process.env.DEV_HOST ?? '127.0.0.1'
  const audienceHost = host === '127.0.0.1'
    ? 'localhost'
    : lanAddress()
  await startServer({
    // Rehearsal votes stay out of the real session's database.
    DATA_DIR: '.data/rehearsal',
    ...process.env,
    PORT: apiPort,
    HOST: '127.0.0.1',
    DECK_PORT: port,
    PUBLIC_URL: process.env.PUBLIC_URL ?? `http://${audienceHost}:${port}`,
    // Every request arrives from Slidev's proxy: trust what it says of the client's address,
    // so that limits apply per phone and not to everyone at once.
    TRUST_LOOPBACK_PROXY: '1',
  })
  const slidev = spawn(bin('slidev'), [
    'slides.md',
    '--port',
    port,
    '--bind',
    host,
  ], {
    stdio: 'inherit',
    env: { ...process.env, ATELIER_API_PORT: apiPort },
  })
  slidev.on('exit', code => process.exit(code ?? 0))
}

main().catch((error: Error) => {
  console.error(`npm run dev failed: ${error.message}`)
  process.exit(1)
})
