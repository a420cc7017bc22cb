import type { FastifyInstance, FastifyReply } from 'fastify'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import fastifyStatic from '@fastify/static'

const ASSET_PATH = /[/\\]assets[/\\]/
/** Deck routes (/12, /presenter/3, /overview…): plain segments only, so no dotted or encoded path ever gets a page. */
const DECK_ROUTE = /^(?:\/[\w-]+)*\/?(?:\?.*)?$/

/** Hashed assets never change; pages must be revalidated so a rebuild shows at once. */
function cacheHeaders(reply: FastifyReply, path: string): void {
  reply.header('cache-control', ASSET_PATH.test(path)
    ? 'public, max-age=31536000, immutable'
    : 'no-cache')
}

/** The built deck at `/` (a single-page app) and the phone page at `/vote`. */
export async function staticFiles(app: FastifyInstance, { deckDir, audienceDir }: { deckDir: string, audienceDir: string }): Promise<void> {
  const hasDeck = existsSync(join(deckDir, 'index.html'))
  const hasAudience = existsSync(join(audienceDir, 'index.html'))
  if (hasDeck) {
    // One wildcard route, files looked up on each request: after `npm run build` the new
    // assets are served at once, without a restart (a route per file would list the old ones).
    await app.register(fastifyStatic, {
      root: deckDir,
      prefix: '/',
      wildcard: true,
      index: 'index.html',
      setHeaders: cacheHeaders,
    })
  }
  if (hasAudience) {
    await app.register(fastifyStatic, {
      root: audienceDir,
      prefix: '/vote/',
      decorateReply: !hasDeck,
      preCompressed: true,
      setHeaders: cacheHeaders,
    })
    app.get('/vote', (_req, reply) => reply.header('cache-control', 'no-cache').sendFile('index.html', audienceDir, { cacheControl: false }))
    // The presenter's phone remote: the page is public, what it shows and does needs the session.
    app.get('/remote', (_req, reply) => reply.header('cache-control', 'no-cache').sendFile('remote.html', audienceDir, { cacheControl: false }))
    // The presenter's sessions page: public too, every request it makes needs the session.
    app.get('/seances', (_req, reply) => reply.header('cache-control', 'no-cache').sendFile('sessions.html', audienceDir, { cacheControl: false }))
    // The questions' moderation: the page is public, the queue and the steps need the presenter's session.
    app.get('/moderation', (_req, reply) => reply.header('cache-control', 'no-cache').sendFile('moderation.html', audienceDir, { cacheControl: false }))
  }

  // Rate-limited like every route: unknown addresses are not a free way to load the server.
  app.setNotFoundHandler({
    preHandler: app.rateLimit(),
  }, (req, reply) => {
    const wantsPage = req.method === 'GET' && DECK_ROUTE.test(req.url) && !req.url.startsWith('/api') && !req.url.startsWith('/vote/') && (req.headers.accept ?? '').includes('text/html')
    if (wantsPage && hasDeck)
      return reply.header('cache-control', 'no-cache').sendFile('index.html', deckDir, { cacheControl: false })
    return reply.code(404).send({ error: 'not_found', message: 'Adresse inconnue.' })
  })
}
