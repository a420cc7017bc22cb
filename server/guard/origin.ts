import type { FastifyInstance, FastifyRequest } from 'fastify'
import { HttpError } from '../errors'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export interface OriginOptions {
  /** Origins allowed besides the server's own (CORS_ORIGINS, the public address). */
  allowed: readonly string[]
  /** The deck's port when it is not this server's (npm run dev): its pages call the API too. */
  deckPort?: number
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host
  }
  catch {
    return null
  }
}

/**
 * Whether a state-changing request comes from a page of this server. Browsers send
 * `Origin` with every cross-origin POST and `Sec-Fetch-Site` with every request; a page on
 * another port of the same host is the same *site* (so SameSite cookies go with it) but
 * not the same *origin*, and that is what is checked here. A script without either header
 * (the export, the bench) is not a browser: it carries no cookie of the speaker's.
 */
export function sameOrigin(request: FastifyRequest, options: OriginOptions): boolean {
  const origin = request.headers.origin
  if (origin === undefined) {
    const site = request.headers['sec-fetch-site']
    return site === undefined || site === 'same-origin' || site === 'none'
  }
  if (options.allowed.includes(origin))
    return true
  const host = hostOf(origin)
  if (!host)
    return false
  if (host === request.headers.host)
    return true
  if (options.deckPort !== undefined) {
    const deckHost = request.headers.host?.replace(/:\d+$/, `:${options.deckPort}`)
    return host === deckHost
  }
  return false
}

/** Refuses state-changing API requests that another site's page sends through the browser. */
export function registerOriginCheck(app: FastifyInstance, options: OriginOptions): void {
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method) || !request.url.startsWith('/api/'))
      return
    if (!sameOrigin(request, options))
      throw new HttpError(403, 'Requête refusée : elle ne vient pas d’une page de cette présentation.', 'cross_origin')
  })
}
