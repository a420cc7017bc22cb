import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { ServerConfig } from '../config'
import type { QuestionService } from './question-service'
import { z } from 'zod'
import { questionBodySchema } from '../../poll/question-schemas'
import { moderationActions } from '../../poll/questions'
import { exportedQuestions, questionsCsv } from '../../poll/questions-export'
import { HttpError } from '../errors'
import { participantOf } from '../guard/credentials'
import { presenterOnly } from '../guard/presenter'

const idParams = z.object({
  id: z.string().regex(/^[\w-]{1,40}$/, { error: 'Question inconnue.' }),
})
const moderationParams = idParams.extend({
  action: z.enum(moderationActions, {
    error: issue => `Action inconnue : « ${String(issue.input).slice(0, 20)} ».`,
  }),
})

export interface QuestionRoutesOptions {
  questions: QuestionService
  config: Pick<ServerConfig, 'questionsPerParticipant' | 'questionVotesPerParticipant'>
}

/**
 * The audience's questions (docs/api.md): phones ask and upvote with their participant
 * cookie; the presenter moderates, from the presenter's session or token only.
 */
export const questionRoutes: FastifyPluginAsyncZod<QuestionRoutesOptions> = async (app, { questions, config }) => {
  const limit = (name: string, max: number) => app.createRateLimit({
    max,
    timeWindow: '1 minute',
    keyGenerator: req => `${name}:${participantOf(req)}`,
  })
  const askLimit = limit('questions', config.questionsPerParticipant)
  const voteLimit = limit('question-votes', config.questionVotesPerParticipant)

  function participant(req: Parameters<typeof participantOf>[0]): string {
    const id = participantOf(req)
    if (!id)
      throw new HttpError(401, 'Ce téléphone n’est pas inscrit : rechargez la page.', 'not_joined')
    return id
  }

  async function within(req: Parameters<typeof participantOf>[0], check: typeof askLimit, message: string) {
    const verdict = await check(req)
    if (!verdict.isAllowed && verdict.isExceeded)
      throw new HttpError(429, message, 'rate_limited', verdict.ttlInSeconds)
  }

  app.post('/api/questions', {
    bodyLimit: 4096,
    schema: { body: questionBodySchema },
  }, async (req, reply) => {
    const id = participant(req)
    await within(req, askLimit, 'Trop de questions depuis ce téléphone : patientez une minute.')
    const asked = await questions.ask(id, req.body)
    return reply.code(asked.duplicate ? 200 : 201).send({ id: asked.id, status: asked.status })
  })

  app.get('/api/questions', async (req) => {
    const id = participantOf(req)
    return {
      ...await questions.room(),
      ...(id
        ? await questions.mine(id)
        : {}),
    }
  })

  for (const [method, up] of [
    ['POST', true],
    ['DELETE', false],
  ] as const) {
    app.route({
      method,
      url: '/api/questions/:id/votes',
      schema: { params: idParams },
      handler: async (req) => {
        const id = participant(req)
        await within(req, voteLimit, 'Trop de votes depuis ce téléphone : patientez une minute.')
        return questions.vote(id, req.params.id, up)
      },
    })
  }

  app.get('/api/presenter/questions', { onRequest: presenterOnly }, async () => questions.all())

  app.post('/api/presenter/questions/settings', {
    onRequest: presenterOnly,
    schema: {
      body: z.strictObject({
        approval: z.boolean({ error: 'Attendu : { approval: true | false }.' }),
      }),
    },
  }, async (req) => {
    await questions.setApproval(req.body.approval)
    return {
      approval: await questions.approval(),
    }
  })

  app.post('/api/presenter/questions/reset', { onRequest: presenterOnly }, async () => {
    await questions.reset()
    return { status: 'reset' }
  })

  app.get('/api/presenter/questions/export.json', { onRequest: presenterOnly }, async (_req, reply) => {
    reply.header('content-disposition', 'attachment; filename="questions-atelier.json"')
    return {
      questions: exportedQuestions((await questions.all()).questions),
    }
  })

  app.get('/api/presenter/questions/export.csv', { onRequest: presenterOnly }, async (_req, reply) => {
    reply.header('content-disposition', 'attachment; filename="questions-atelier.csv"')
    reply.type('text/csv; charset=utf-8')
    return `\uFEFF${questionsCsv((await questions.all()).questions)}`
  })

  app.post('/api/presenter/questions/:id/:action', {
    onRequest: presenterOnly,
    schema: { params: moderationParams },
  }, async req => questions.moderate(req.params.id, req.params.action))
}
