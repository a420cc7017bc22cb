import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { ServerConfig } from '../config'
import type { MetricsMonitor } from '../metrics'
import type { PublicUrls } from '../network'
import type { PollService } from '../polls/poll-service'
import { z } from 'zod'
import { presenterOnly } from '../guard/presenter'

export interface ToolRoutesOptions {
  service: PollService
  urls: PublicUrls
  config: Pick<ServerConfig, 'retentionDays'>
  metrics: MetricsMonitor
  streams: () => number
  /** The built deck's outline (dist/outline.json), as JSON text; null when not built. */
  outline: string | null
  /** Alone (a laptop), or hosted: the one that publishes the tallies, or one that follows. */
  role: () => 'solo' | 'publisher' | 'follower'
}

/** Health, what the phone page needs to know, and the presenter's outline and metrics. */
export const toolRoutes: FastifyPluginAsyncZod<ToolRoutesOptions> = async (app, { service, urls, config, metrics, streams, outline, role }) => {
  app.get('/healthz', {
    config: { rateLimit: false },
  }, async () => ({
    status: 'ok',
    store: await service.tryLoad()
      ? 'ok'
      : 'unavailable',
    screens: streams(),
    instance: role(),
  }))

  app.get('/api/info', async () => ({ audienceUrl: urls.audience, retentionDays: config.retentionDays }))

  // Titles, notes and polls of the slides, for the phone remote (notes are the speaker's).
  app.get('/api/presenter/outline', { onRequest: presenterOnly }, async (_req, reply) => {
    if (!outline)
      return reply.code(404).send({ error: 'no_outline', message: 'Présentation non construite : lancez npm start ou npm run build.' })
    return reply.type('application/json').send(outline)
  })

  // Event-loop delay, memory and streams since the start or the last `?reset=1`.
  app.get('/api/presenter/metrics', {
    onRequest: presenterOnly,
    schema: {
      querystring: z.object({
        reset: z.enum(['0', '1']).optional(),
      }),
    },
  }, async req => metrics.read(req.query.reset === '1'))
}
