import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod'
import type { MetricsMonitor } from '../metrics'
import type { NavSync } from '../nav-sync'
import type { PollService } from '../poll-service'
import type { Room } from '../room'
import type { SseHub } from '../sse-hub'
import type { TokenFailures } from '../token-failures'
import { z } from 'zod'
import { pollIds } from '../../data/polls'
import { quoted, unknownPollMessage } from '../../poll/ballot'
import { pollCommands } from '../../poll/state'
import { presenterOnly, tokenMatches } from '../auth'
import { hasPresenterSession, issuePresenterSession } from '../credentials'

export interface PresenterApiOptions {
  service: PollService
  hub: SseHub
  room: Room
  nav: NavSync
  token: string
  /** The built deck's outline (dist/outline.json), as JSON text; null when not built. */
  outline: string | null
  metrics: MetricsMonitor
  /** Wrong tokens by address, shared by every presenter route and the sign-in link. */
  failures: TokenFailures
}

const commandParams = z.object({
  pollId: z.enum(pollIds, {
    error: issue => unknownPollMessage(issue.input),
  }),
  command: z.enum(pollCommands, {
    error: issue => `Commande inconnue : ${quoted(issue.input)} (${pollCommands.join(', ')}).`,
  }),
})

const roomChange = z.strictObject({
  registrationOpen: z.boolean().optional(),
  requireCode: z.boolean().optional(),
}, { error: 'Attendu : { registrationOpen?: booléen, requireCode?: booléen }.' })

const navUpdate = z.strictObject({
  channel: z.string().min(1).max(200),
  seq: z.number().int().nonnegative(),
  state: z.record(z.string(), z.unknown()),
}, { error: 'Attendu : { channel, seq, state }.' })

/** Where the sign-in link lands: the presenter view, the phone remote, or a room PC's projection. */
const LANDING = {
  presenter: '/presenter/1',
  remote: '/remote',
  projector: '/',
  sessions: '/seances',
} as const

const LOGIN_FAILED = `<!doctype html><html lang="fr"><meta charset="utf-8"><title>Lien présentateur refusé</title>
<p>Ce lien présentateur n'est pas (ou plus) valable : le serveur a peut-être redémarré avec un nouveau jeton.
Ouvrez le lien présentateur affiché dans le terminal.</p></html>`

/**
 * What only the speaker may do. The terminal's link signs the presenter in: the token
 * it carries is exchanged once for an HttpOnly session cookie, and the browser lands on
 * a clean address, so the token is never on screen, in the history or in a later request.
 */
export const presenterApi: FastifyPluginAsyncZod<PresenterApiOptions> = async (app, { service, hub, room, nav, token, metrics, outline, failures }) => {
  app.get('/api/presenter/login', {
    schema: {
      querystring: z.object({
        token: z.string().max(512).optional(),
        // Where to land once signed in: the presenter view, or the phone remote.
        next: z.enum([
          'presenter',
          'remote',
          'projector',
          'sessions',
        ]).optional(),
      }),
    },
    config: {
      rateLimit: { max: 20, timeWindow: '1 minute' },
    },
  }, async (req, reply) => {
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer')
    if (failures.blocked(req.ip))
      return reply.code(429).header('retry-after', '60').type('text/html; charset=utf-8').send(LOGIN_FAILED)
    if (!req.query.token || !tokenMatches(req.query.token, token)) {
      failures.record(req.ip)
      return reply.code(403).type('text/html; charset=utf-8').send(LOGIN_FAILED)
    }
    issuePresenterSession(reply, token)
    return reply.redirect(LANDING[req.query.next ?? 'presenter'], 303)
  })

  // Whether this browser is signed in as the presenter: asked by every deck window, so
  // it answers 200 either way (a 401 would be a console error on the projector). The cookie
  // only: a Bearer token here would let a script test guesses at full speed.
  app.get('/api/presenter/session', async req => ({
    signedIn: hasPresenterSession(req, token),
  }))

  await app.register(async (scope) => {
    const guarded = scope.withTypeProvider<ZodTypeProvider>()
    guarded.addHook('onRequest', presenterOnly(token, failures))

    guarded.post('/api/presenter/polls/:pollId/:command', {
      schema: { params: commandParams },
    }, async (req) => {
      const { pollId, command } = req.params
      service.command(pollId, command)
      return service.snapshot('presenter').polls.find(p => p.id === pollId)
    })

    // The presenter's slide and click, for screens on any machine (Slidev's sync state).
    guarded.post('/api/presenter/nav', {
      schema: { body: navUpdate },
    }, async (req, reply) => {
      const { channel, seq, state } = req.body
      if (nav.update(channel, seq, state))
        hub.broadcast(nav.frame(channel)!, ['public', 'presenter'])
      return reply.code(204).send()
    })

    // The phone remote's Previous / Next: the presenter view carries them out, as a clicker's.
    guarded.post('/api/presenter/remote', {
      schema: {
        body: z.strictObject({
          action: z.enum(['next', 'prev']),
        }),
      },
    }, async (req, reply) => {
      hub.broadcast(`event: remote\ndata: ${JSON.stringify({ action: req.body.action })}\n\n`, ['presenter'])
      return reply.code(204).send()
    })

    guarded.post('/api/presenter/room', {
      schema: { body: roomChange },
    }, async (req) => {
      if (req.body.registrationOpen !== undefined)
        room.setRegistration(req.body.registrationOpen)
      if (req.body.requireCode !== undefined)
        room.requireCode(req.body.requireCode)
      return room.view('presenter')
    })

    guarded.get('/api/presenter/stream', { exposeHeadRoute: false }, (req, reply) => {
      reply.hijack()
      hub.add(reply.raw, 'presenter', { kind: 'presenter', address: req.ip })
    })

    // Titles, notes and polls of the slides, for the phone remote (notes are the speaker's).
    guarded.get('/api/presenter/outline', async (_req, reply) => {
      if (!outline)
        return reply.code(404).send({ error: 'no_outline', message: 'Présentation non construite : lancez npm start ou npm run build.' })
      return reply.type('application/json').send(outline)
    })

    // Event-loop delay, memory and streams since the start or the last `?reset=1`.
    guarded.get('/api/presenter/metrics', {
      schema: {
        querystring: z.object({
          reset: z.enum(['0', '1']).optional(),
        }),
      },
    }, async req => metrics.read(req.query.reset === '1'))
  })
}
