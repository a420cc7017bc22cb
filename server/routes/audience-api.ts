import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { ServerConfig } from '../config'
import type { PublicUrls } from '../network'
import type { PollService } from '../poll-service'
import type { JoinRefusal, Room } from '../room'
import type { SseHub } from '../sse-hub'
import type { StreamOwner } from '../stream-admission'
import { z } from 'zod'
import { polls } from '../../data/polls'
import { ballotSchema, unknownPollMessage } from '../../poll/ballot'
import { isPresenter } from '../auth'
import { issueParticipant, participantOf } from '../credentials'
import { HttpError } from '../errors'

export interface AudienceApiOptions {
  service: PollService
  hub: SseHub
  room: Room
  urls: PublicUrls
  config: ServerConfig
}

const REFUSALS: Record<JoinRefusal, string> = {
  registration_closed: 'Les inscriptions à ce vote sont closes : l\'intervenant les a fermées.',
  room_code: 'Code de salle manquant ou incorrect : il est affiché à l\'écran.',
}

const joinBody = z.strictObject({
  code: z.string().max(64).optional(),
}, { error: 'Attendu : { code?: texte }.' })

/** What phones and the projected deck use: no token, aggregates only. */
export const audienceApi: FastifyPluginAsyncZod<AudienceApiOptions> = async (app, { service, hub, room, urls, config }) => {
  // createRateLimit, not rateLimit: the global limit has already run on these requests,
  // and the plugin runs only one rateLimit handler per request.
  const joinLimit = app.createRateLimit({
    max: config.joinLimitPerAddress,
    timeWindow: config.joinWindowSeconds * 1000,
    keyGenerator: req => `join:${req.ip}`,
  })
  const ballotLimit = app.createRateLimit({
    max: config.rateLimitPerParticipant,
    timeWindow: '1 minute',
    keyGenerator: req => `ballots:${participantOf(req)}`,
  })
  const limited = async (limit: typeof joinLimit, req: Parameters<typeof joinLimit>[0], message: string) => {
    const verdict = await limit(req)
    if (!verdict.isAllowed && verdict.isExceeded)
      throw new HttpError(429, message, 'rate_limited', verdict.ttlInSeconds)
  }

  // The phone's credential: issued here, once, kept by the browser as an HttpOnly cookie.
  app.post('/api/participants', {
    schema: { body: joinBody },
  }, async (req, reply) => {
    const known = participantOf(req)
    // A phone from an earlier session (the same talk given again) joins this one anew.
    if (known && room.isMember(known))
      return { status: 'known' }
    await limited(joinLimit, req, 'Trop de nouvelles inscriptions depuis ce réseau : réessayez dans une minute.')
    const joined = room.join(req.body.code)
    if (!joined.ok)
      throw new HttpError(403, REFUSALS[joined.reason], joined.reason)
    issueParticipant(reply, joined.id)
    return reply.code(201).send({ status: 'joined' })
  })

  // One route per poll, so that each validates its ballot against its own schema (from data/).
  for (const poll of polls) {
    app.post(`/api/polls/${poll.id}/ballots`, {
      bodyLimit: 4096,
      schema: {
        body: ballotSchema(poll),
      },
    }, async (req) => {
      const participantId = participantOf(req)
      if (!participantId)
        throw new HttpError(401, 'Ce téléphone n\'est pas inscrit au vote : rechargez la page.', 'not_joined')
      await limited(ballotLimit, req, 'Trop de votes depuis ce téléphone : patientez une minute.')
      const ack = service.cast(poll.id, { ...req.body, participantId })
      return { status: 'recorded', message: 'Vote enregistré.', ...ack }
    })
  }

  // Static routes win over this one: it answers only for a poll that does not exist.
  app.post('/api/polls/:pollId/ballots', { bodyLimit: 4096 }, async (req) => {
    throw new HttpError(404, unknownPollMessage((req.params as { pollId: string }).pollId), 'unknown_poll')
  })

  app.get('/api/polls', async () => service.snapshot('public'))

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
    const owner: StreamOwner = isPresenter(req, config.presenterToken)
      ? { kind: 'presenter', address: req.ip }
      : participant
        ? { kind: 'participant', address: req.ip, participant }
        : { kind: 'anonymous', address: req.ip }
    reply.hijack()
    hub.add(reply.raw, req.query.view === 'phone'
      ? 'phone'
      : 'public', owner)
  })

  app.get('/api/info', async () => ({ audienceUrl: urls.audience, retentionDays: config.retentionDays }))
}
