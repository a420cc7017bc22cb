import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { PublicUrls } from '../network'
import type { PollService } from '../poll-service'
import type { SseHub } from '../sse-hub'
import { z } from 'zod'
import { polls } from '../../data/polls'
import { ballotSchema } from '../../poll/ballot'
import { HttpError } from '../errors'

export interface AudienceApiOptions {
  service: PollService
  hub: SseHub
  urls: PublicUrls
  perParticipantPerMinute: number
  retentionDays: number
}

/** What phones and the projected deck use: no token, aggregates only. */
export const audienceApi: FastifyPluginAsyncZod<AudienceApiOptions> = async (app, { service, hub, urls, perParticipantPerMinute, retentionDays }) => {
  // createRateLimit, not rateLimit: the per-address limit has already run on this request,
  // and the plugin runs only one rateLimit handler per request.
  const perParticipant = app.createRateLimit({
    max: perParticipantPerMinute,
    timeWindow: '1 minute',
    // Keyed by the participant's id so that one phone cannot flood, whatever its address.
    keyGenerator: req => `participant:${(req.body as { participantId: string }).participantId}`,
  })

  // One route per poll, so that each validates its ballot against its own schema (from data/).
  for (const poll of polls) {
    app.post(`/api/polls/${poll.id}/ballots`, {
      bodyLimit: 4096,
      schema: {
        body: ballotSchema(poll),
      },
    }, async (req, reply) => {
      const limit = await perParticipant(req)
      if (!limit.isAllowed && limit.isExceeded) {
        reply.header('retry-after', String(limit.ttlInSeconds))
        throw new HttpError(429, 'Trop de votes depuis ce téléphone : patientez une minute.', 'rate_limited')
      }
      const ack = service.cast(poll.id, req.body)
      return { status: 'recorded', message: 'Vote enregistré.', ...ack }
    })
  }

  // Static routes win over this one: it answers only for a poll that does not exist.
  app.post('/api/polls/:pollId/ballots', { bodyLimit: 4096 }, async (req) => {
    throw new HttpError(404, `Sondage inconnu : « ${(req.params as { pollId: string }).pollId.slice(0, 40)} ».`, 'unknown_poll')
  })

  app.get('/api/polls', async () => service.snapshot('public'))

  // `?view=phone`: the phone page needs the polls' states only, not their counts.
  app.get('/api/stream', {
    schema: {
      querystring: z.object({
        view: z.enum(['deck', 'phone']).optional(),
      }),
    },
  }, (req, reply) => {
    if (!hub.accepts(req.ip))
      throw new HttpError(503, 'Trop d\'écrans connectés : réessayez dans un instant.', 'too_many_streams')
    reply.hijack()
    hub.add(reply.raw, req.query.view === 'phone'
      ? 'phone'
      : 'public', req.ip)
  })

  app.get('/api/info', async () => ({ audienceUrl: urls.audience, retentionDays }))
}
