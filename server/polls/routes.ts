import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { ServerConfig } from '../config'
import type { PollService } from './poll-service'
import { z } from 'zod'
import { pollIds, polls } from '../../data/polls'
import { ballotSchema, quoted, unknownPollMessage } from '../../poll/ballot'
import { pollCommands } from '../../poll/state'
import { HttpError } from '../errors'
import { participantOf } from '../guard/credentials'
import { presenterOnly } from '../guard/presenter'

const commandParams = z.object({
  pollId: z.enum(pollIds, {
    error: issue => unknownPollMessage(issue.input),
  }),
  command: z.enum(pollCommands, {
    error: issue => `Commande inconnue : ${quoted(issue.input)} (${pollCommands.join(', ')}).`,
  }),
})

export interface PollRoutesOptions {
  service: PollService
  config: Pick<ServerConfig, 'rateLimitPerParticipant'>
}

/**
 * Ballots in, poll states out. A ballot is validated here (against its poll's schema,
 * built from data/), stored by PollService (storage/), and reaches the screens through
 * live/screens.ts.
 */
export const pollRoutes: FastifyPluginAsyncZod<PollRoutesOptions> = async (app, { service, config }) => {
  // createRateLimit, not rateLimit: the global limit has already run on these requests,
  // and the plugin runs only one rateLimit handler per request.
  const ballotLimit = app.createRateLimit({
    max: config.rateLimitPerParticipant,
    timeWindow: '1 minute',
    keyGenerator: req => `ballots:${participantOf(req)}`,
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
        throw new HttpError(401, 'Ce téléphone n’est pas inscrit au vote : rechargez la page.', 'not_joined')
      const verdict = await ballotLimit(req)
      if (!verdict.isAllowed && verdict.isExceeded)
        throw new HttpError(429, 'Trop de votes depuis ce téléphone : patientez une minute.', 'rate_limited', verdict.ttlInSeconds)
      const ack = await service.cast(poll.id, { ...req.body, participantId })
      return { status: 'recorded', message: 'Vote enregistré.', ...ack }
    })
  }

  // Static routes win over this one: it answers only for a poll that does not exist.
  app.post('/api/polls/:pollId/ballots', { bodyLimit: 4096 }, async (req) => {
    throw new HttpError(404, unknownPollMessage((req.params as { pollId: string }).pollId), 'unknown_poll')
  })

  app.get('/api/polls', async () => service.snapshot('public'))

  app.post('/api/presenter/polls/:pollId/:command', {
    onRequest: presenterOnly,
    schema: { params: commandParams },
  }, async (req) => {
    const { pollId, command } = req.params
    await service.command(pollId, command)
    return service.snapshot('presenter').polls.find(p => p.id === pollId)
  })
}
