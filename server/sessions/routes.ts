import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Screens } from '../live/screens'
import type { Sessions } from './sessions'
import { z } from 'zod'
import { resultsCsv } from '../../poll/results-csv'
import { sessionInfoSchema } from '../../poll/schemas'
import { presenterOnly } from '../guard/presenter'

export interface SessionRoutesOptions {
  sessions: Sessions
  screens: Screens
}

/** `courante` (or `current`) names the session in progress, for scripts that do not know its id. */
const CURRENT_ALIASES = new Set(['courante', 'current'])

/** What the presenter may set on a session: the session's own schema, every field optional. */
const sessionFields = sessionInfoSchema.pick({
  title: true,
  date: true,
  kind: true,
  expectedSize: true,
}).extend({
  title: z.string().trim().min(1, 'Donnez un titre à la séance (lieu, événement).').max(120, 'Titre trop long (120 caractères au plus).'),
}).partial()

const sessionBody = z.strictObject(sessionFields.shape, { error: 'Attendu : { title?, date?, kind?, expectedSize? }.' })

const idParam = z.object({
  id: z.string().min(1).max(100),
})

/** Safe in a Content-Disposition header: letters, digits and dashes. */
const fileNamePart = (id: string) => id.replace(/[^\w-]/g, '_')

/**
 * Sessions: one per delivery of the talk. Everything here is the presenter's: phones only
 * ever see the session in progress, through the usual routes.
 */
export const sessionRoutes: FastifyPluginAsyncZod<SessionRoutesOptions> = async (app, { sessions, screens }) => {
  const guarded = app.withTypeProvider<ZodTypeProvider>()
  guarded.addHook('onRequest', presenterOnly)
  guarded.addHook('onSend', async (_req, reply) => {
    reply.header('cache-control', 'no-store')
  })

  const resolveId = async (id: string) => CURRENT_ALIASES.has(id)
    ? (await sessions.ready()).id
    : id

  const snapshotOf = async (id: string) => screens.sessionResults(await resolveId(id))

  guarded.get('/api/sessions', async () => ({
    current: (await sessions.ready()).id,
    sessions: await sessions.list(),
  }))

  guarded.post('/api/sessions', {
    schema: { body: sessionBody },
  }, async (req, reply) => reply.code(201).send(await sessions.create(req.body)))

  guarded.patch('/api/sessions/:id', {
    schema: { params: idParam, body: sessionBody },
  }, async req => sessions.update(await resolveId(req.params.id), req.body))

  guarded.post('/api/sessions/:id/activate', {
    schema: { params: idParam },
  }, async req => sessions.activate(await resolveId(req.params.id)))

  guarded.delete('/api/sessions/:id', {
    schema: { params: idParam },
  }, async (req, reply) => {
    await sessions.remove(await resolveId(req.params.id))
    return reply.code(204).send()
  })

  guarded.get('/api/sessions/:id/results.json', {
    schema: { params: idParam },
  }, async req => snapshotOf(req.params.id))

  guarded.get('/api/sessions/:id/results.csv', {
    schema: { params: idParam },
  }, async (req, reply) => {
    const snapshot = await snapshotOf(req.params.id)
    reply.header('content-disposition', `attachment; filename="resultats-${fileNamePart(snapshot.session!.id)}.csv"`)
    reply.type('text/csv; charset=utf-8')
    return `\uFEFF${resultsCsv(snapshot)}`
  })
}
