import type { FastifyInstance } from 'fastify'
import type { PollService } from '../poll-service'
import type { SseHub } from '../sse-hub'
import { isPollCommand } from '../../poll/state'
import { requirePresenter } from '../auth'
import { HttpError } from '../errors'

export interface PresenterApiOptions {
  service: PollService
  hub: SseHub
  token: string
}

/** What only the speaker may do. Every route checks the token before anything else. */
export async function presenterApi(app: FastifyInstance, { service, hub, token }: PresenterApiOptions): Promise<void> {
  app.post<{ Params: { pollId: string, command: string } }>('/api/polls/:pollId/:command', async (req) => {
    requirePresenter(req, token)
    const { pollId, command } = req.params
    if (!isPollCommand(command))
      throw new HttpError(400, `Commande inconnue : « ${command.slice(0, 40)} » (open, close, reveal, hide ou reset).`, 'unknown_command')
    service.command(pollId, command)
    return service.snapshot('presenter').polls.find(p => p.id === pollId)
  })

  app.get('/api/presenter/stream', (req, reply) => {
    requirePresenter(req, token, true)
    reply.hijack()
    hub.add(reply.raw, 'presenter', req.ip)
  })

  // Lets the presenter view tell a rejected token (a restart changed it) from a network failure.
  app.get('/api/presenter/session', async (req, reply) => {
    requirePresenter(req, token)
    return reply.code(204).send()
  })
}
