import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { MetricsMonitor } from '../metrics'
import type { PollService } from '../poll-service'
import type { SseHub } from '../sse-hub'
import { z } from 'zod'
import { pollIds } from '../../data/polls'
import { pollCommands } from '../../poll/state'
import { presenterOnly } from '../auth'

export interface PresenterApiOptions {
  service: PollService
  hub: SseHub
  token: string
  metrics: MetricsMonitor
}

const quoted = (value: unknown) => `« ${String(value).slice(0, 40)} »`

const commandParams = z.object({
  pollId: z.enum(pollIds, {
    error: issue => `Sondage inconnu : ${quoted(issue.input)}.`,
  }),
  command: z.enum(pollCommands, {
    error: issue => `Commande inconnue : ${quoted(issue.input)} (${pollCommands.join(', ')}).`,
  }),
})

/** What only the speaker may do: one hook checks the token before any route of this plugin runs. */
export const presenterApi: FastifyPluginAsyncZod<PresenterApiOptions> = async (app, { service, hub, token, metrics }) => {
  app.addHook('onRequest', presenterOnly(token))

  app.post('/api/presenter/polls/:pollId/:command', {
    schema: { params: commandParams },
  }, async (req) => {
    const { pollId, command } = req.params
    service.command(pollId, command)
    return service.snapshot('presenter').polls.find(p => p.id === pollId)
  })

  app.get('/api/presenter/stream', (req, reply) => {
    reply.hijack()
    hub.add(reply.raw, 'presenter', req.ip)
  })

  // Event-loop delay, memory and streams since the start or the last `?reset=1`.
  app.get('/api/presenter/metrics', {
    schema: {
      querystring: z.object({
        reset: z.enum(['0', '1']).optional(),
      }),
    },
  }, async req => metrics.read(req.query.reset === '1'))

  // Lets the presenter view tell a rejected token (a restart changed it) from a network failure.
  app.get('/api/presenter/session', async (_req, reply) => reply.code(204).send())
}
