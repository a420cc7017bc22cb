import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod'
import type { PollService } from '../poll-service'
import type { SessionArchive } from '../session-archive'
import type { Sessions } from '../sessions'
import type { TokenFailures } from '../token-failures'
import { z } from 'zod'
import { isIsoDate, peersOf, sessionSnapshot } from '../../poll/session'
import { presenterOnly } from '../auth'
import { HttpError } from '../errors'
import { resultsCsv } from '../results-csv'

export interface SessionsApiOptions {
  sessions: Sessions
  archive: SessionArchive
  service: PollService
  token: string
  failures: TokenFailures
}

/** `courante` (or `current`) names the session in progress, for scripts that do not know its id. */
const CURRENT_ALIASES = new Set(['courante', 'current'])

const fields = {
  title: z.string().trim().min(1, 'Donnez un titre à la séance (lieu, événement).').max(120, 'Titre trop long (120 caractères au plus).'),
  date: z.string().refine(isIsoDate, 'Date attendue au format AAAA-MM-JJ.'),
  kind: z.enum(['real', 'rehearsal'], { error: 'Type attendu : « real » (séance réelle) ou « rehearsal » (répétition).' }),
  expectedSize: z.number().int().min(1).max(100_000),
}

const newSession = z.strictObject({
  title: fields.title.optional(),
  date: fields.date.optional(),
  kind: fields.kind.optional(),
  expectedSize: fields.expectedSize.optional(),
}, { error: 'Attendu : { title?, date?, kind?, expectedSize? }.' })

const sessionPatch = z.strictObject({
  title: fields.title.optional(),
  date: fields.date.optional(),
  kind: fields.kind.optional(),
  expectedSize: fields.expectedSize.optional(),
}, { error: 'Attendu : { title?, date?, kind?, expectedSize? }.' })

const idParam = z.object({
  id: z.string().min(1).max(100),
})

/** Safe in a Content-Disposition header: letters, digits and dashes. */
const fileNamePart = (id: string) => id.replace(/[^\w-]/g, '_')

/**
 * Sessions: one per delivery of the talk. Everything here is the presenter's: phones only
 * ever see the session in progress, through the usual routes.
 */
export const sessionsApi: FastifyPluginAsyncZod<SessionsApiOptions> = async (app, { sessions, archive, service, token, failures }) => {
  const guarded = app.withTypeProvider<ZodTypeProvider>()
  guarded.addHook('onRequest', presenterOnly(token, failures))
  guarded.addHook('onSend', async (_req, reply) => {
    reply.header('cache-control', 'no-store')
  })

  const resolveId = (id: string) => CURRENT_ALIASES.has(id)
    ? sessions.currentId()
    : id

  /** A session's results as the deck draws them, with the earlier rooms it is compared with. */
  const snapshotOf = (id: string) => {
    const results = archive.results(resolveId(id))
    if (!results)
      throw new HttpError(404, `Séance inconnue : « ${id.slice(0, 80)} ».`, 'unknown_session')
    // The session in progress: the live tallies (same figures, and no second read of the rows).
    const live = results.session.id === sessions.currentId()
      ? service.snapshot('presenter').polls
      : null
    const snapshot = sessionSnapshot(results, peersOf(results.session, archive.allResults()))
    return live
      ? { ...snapshot, polls: live }
      : snapshot
  }

  guarded.get('/api/sessions', async () => ({
    current: sessions.currentId(),
    sessions: sessions.list(),
  }))

  guarded.post('/api/sessions', {
    schema: { body: newSession },
  }, async (req, reply) => reply.code(201).send(sessions.create(req.body)))

  guarded.patch('/api/sessions/:id', {
    schema: { params: idParam, body: sessionPatch },
  }, async req => sessions.update(resolveId(req.params.id), req.body))

  guarded.post('/api/sessions/:id/activate', {
    schema: { params: idParam },
  }, async req => sessions.activate(resolveId(req.params.id)))

  guarded.delete('/api/sessions/:id', {
    schema: { params: idParam },
  }, async (req, reply) => {
    sessions.remove(resolveId(req.params.id))
    return reply.code(204).send()
  })

  guarded.get('/api/sessions/:id/results.json', {
    schema: { params: idParam },
  }, async req => snapshotOf(req.params.id))

  guarded.get('/api/sessions/:id/results.csv', {
    schema: { params: idParam },
  }, async (req, reply) => {
    const snapshot = snapshotOf(req.params.id)
    reply.header('content-disposition', `attachment; filename="resultats-${fileNamePart(snapshot.session!.id)}.csv"`)
    reply.type('text/csv; charset=utf-8')
    return `\uFEFF${resultsCsv(snapshot)}`
  })
}
