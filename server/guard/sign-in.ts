import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { issuePresenterSession } from './credentials'
import { SIGN_IN_PATH } from './presenter'

/** Where the sign-in link lands: the presenter view (where the talk is), the phone remote, a room PC's projection. */
const LANDING = {
  remote: '/remote',
  projector: '/',
  sessions: '/seances',
  moderation: '/moderation',
} as const

function page(title: string, text: string) {
  return `<!doctype html><html lang="fr"><meta charset="utf-8"><title>${title}</title>
<p>${text}</p></html>`
}

const REFUSED = page('Lien présentateur refusé', 'Ce lien présentateur n’est pas (ou plus) valable. Ouvrez le lien présentateur affiché dans le terminal où tourne <code>npm start</code>.')
const THROTTLED = (s: number) => page('Trop d’essais', `Trop de liens présentateur refusés depuis cette adresse : réessayez dans ${s} s, ou ouvrez le lien sur le portable qui fait tourner le serveur.`)

/**
 * The terminal's link signs the presenter in: the token it carries (checked by the identity
 * hook, guard/presenter.ts) is exchanged once for an HttpOnly session cookie, and the
 * browser lands on a clean address, so the token is never on screen, in the history or in
 * a later request. The cookie holds a digest of the token: it survives a restart.
 */
export interface SignInOptions {
  token: string
  /** The presenter view's address at the slide and click the talk is at (after a restart too). */
  presenterLanding: () => string
}

export const signInRoutes: FastifyPluginAsyncZod<SignInOptions> = async (app, { token, presenterLanding }) => {
  app.get(SIGN_IN_PATH, {
    // Its own budget, apart from the address's: the speaker signs in from a venue whose
    // shared address the room has used up. Guesses are bounded by the identity hook.
    config: {
      rateLimit: { max: 20, timeWindow: '1 minute' },
    },
    schema: {
      querystring: z.object({
        token: z.string().max(512).optional(),
        next: z.enum([
          'presenter',
          'remote',
          'projector',
          'sessions',
        ]).optional(),
      }),
    },
  }, async (req, reply) => {
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').type('text/html; charset=utf-8')
    const { presenter } = req
    if (presenter.refused === 'throttled')
      return reply.code(429).header('retry-after', String(presenter.retryAfterS ?? 6)).send(THROTTLED(presenter.retryAfterS ?? 6))
    if (presenter.via !== 'token')
      return reply.code(403).send(REFUSED)
    issuePresenterSession(reply, token)
    const next = req.query.next ?? 'presenter'
    return reply.redirect(next === 'presenter'
      ? presenterLanding()
      : LANDING[next], 303)
  })

  // Whether this browser is signed in as the presenter: asked by every deck window, so
  // it answers 200 either way (a 401 would be a console error on the projector).
  app.get('/api/presenter/session', async req => ({
    signedIn: req.presenter.via === 'session',
  }))
}
