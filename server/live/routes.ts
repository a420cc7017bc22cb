import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Screens } from './screens'
import type { StreamOwner } from './stream-admission'
import { z } from 'zod'
import { resultsCsv } from '../../poll/results-csv'
import { participantOf } from '../guard/credentials'
import { isPresenter, presenterOnly } from '../guard/presenter'

const navUpdate = z.strictObject({
  channel: z.string().min(1).max(200),
  seq: z.number().int().nonnegative(),
  state: z.record(z.string(), z.unknown()),
}, { error: 'Attendu : { channel, seq, state }.' })

/**
 * The streams screens and phones listen to, the presenter's navigation they follow, and
 * the results as files (the snapshot the PDF export bakes in, and CSV). Blind polls stay
 * hidden unless the presenter asks.
 */
export const liveRoutes: FastifyPluginAsyncZod<{ screens: Screens }> = async (app, { screens }) => {
  // `?view=phone`: the phone page needs the polls' states only, not their counts.
  // No HEAD route: a stream is held open, and a HEAD must be answered at once.
  app.get('/api/stream', {
    exposeHeadRoute: false,
    schema: {
      querystring: z.object({
        view: z.enum(['deck', 'phone']).optional(),
      }),
    },
  }, (req, reply) => {
    const participant = participantOf(req)
    const owner: StreamOwner = isPresenter(req)
      ? { kind: 'presenter', address: req.ip }
      : participant
        ? { kind: 'participant', address: req.ip, participant }
        : { kind: 'anonymous', address: req.ip }
    reply.hijack()
    screens.hub.add(reply.raw, req.query.view === 'phone'
      ? 'phone'
      : 'public', owner)
  })

  app.get('/api/presenter/stream', { exposeHeadRoute: false, onRequest: presenterOnly }, (req, reply) => {
    reply.hijack()
    screens.hub.add(reply.raw, 'presenter', { kind: 'presenter', address: req.ip })
  })

  // The presenter's slide and click, for screens on any machine (Slidev's sync state).
  app.post('/api/presenter/nav', {
    onRequest: presenterOnly,
    schema: { body: navUpdate },
  }, async (req, reply) => {
    screens.navigate(req.body.channel, req.body.seq, req.body.state)
    return reply.code(204).send()
  })

  // The phone remote's Previous / Next: the presenter view carries them out, as a clicker's.
  app.post('/api/presenter/remote', {
    onRequest: presenterOnly,
    schema: {
      body: z.strictObject({
        action: z.enum(['next', 'prev']),
      }),
    },
  }, async (req, reply) => {
    screens.remote(req.body.action)
    return reply.code(204).send()
  })

  app.get('/api/results.json', async (req, reply) => {
    reply.header('cache-control', 'no-store')
    return {
      ...screens.results(isPresenter(req)),
      generatedAt: new Date().toISOString(),
    }
  })

  app.get('/api/results.csv', async (req, reply) => {
    reply.header('cache-control', 'no-store')
    reply.header('content-disposition', 'attachment; filename="resultats-atelier.csv"')
    reply.type('text/csv; charset=utf-8')
    return `\uFEFF${resultsCsv(screens.results(isPresenter(req)))}`
  })
}
