import type { FastifyInstance } from 'fastify'
import type { PublicUrls } from '../network'
import type { PollService } from '../poll-service'
import type { SseHub } from '../sse-hub'
import { HttpError } from '../errors'

export interface AudienceApiOptions {
  service: PollService
  hub: SseHub
  urls: PublicUrls
  perParticipantPerMinute: number
  retentionDays: number
}

/** What phones and the projected deck use: no token, aggregates only. */
export async function audienceApi(app: FastifyInstance, { service, hub, urls, perParticipantPerMinute, retentionDays }: AudienceApiOptions): Promise<void> {
  // createRateLimit, not rateLimit: the per-address limit has already run on this request,
  // and the plugin runs only one rateLimit handler per request.
  const perParticipant = app.createRateLimit({
    max: perParticipantPerMinute,
    timeWindow: '1 minute',
    // Keyed by the participant's id so that one phone cannot flood, whatever its address.
    keyGenerator: (req) => {
      const id = (req.body as { participantId?: unknown } | null)?.participantId
      return typeof id === 'string' ? `participant:${id.slice(0, 64)}` : `address:${req.ip}`
    },
  })

  app.post<{ Params: { pollId: string } }>('/api/polls/:pollId/ballots', { bodyLimit: 4096 }, async (req, reply) => {
    const limit = await perParticipant(req)
    if (!limit.isAllowed && limit.isExceeded) {
      reply.header('retry-after', String(limit.ttlInSeconds))
      throw new HttpError(429, 'Trop de votes depuis ce téléphone : patientez une minute.', 'rate_limited')
    }
    const ack = service.cast(req.params.pollId, req.body)
    return { status: 'recorded', message: 'Vote enregistré.', ...ack }
  })

  app.get('/api/polls', async () => service.snapshot('public'))

  app.get('/api/stream', (req, reply) => {
    if (!hub.accepts(req.ip))
      throw new HttpError(503, 'Trop d\'écrans connectés : réessayez dans un instant.', 'too_many_streams')
    reply.hijack()
    hub.add(reply.raw, 'public', req.ip)
  })

  app.get('/api/info', async () => ({ audienceUrl: urls.audience, retentionDays }))
}
