import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { HttpError, StoreUnavailableError } from '../errors'
import { STRICT_CSP } from '../security'

/** French messages for Fastify's own client errors, which reach phones as they are. */
const FASTIFY_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'Requête trop volumineuse.',
  FST_ERR_CTP_INVALID_JSON_BODY: 'Le corps de la requête n\'est pas du JSON valide.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Le corps de la requête est vide.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Type de contenu non pris en charge : envoyez du JSON.',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'Longueur de contenu incohérente.',
}

/** Every error as `{ error, message }`, the message in French and meant for the person. */
export function errorHandler(error: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (error instanceof StoreUnavailableError)
    req.log.error({ err: error.cause }, 'store unavailable')
  if (error instanceof HttpError) {
    if (error.retryAfterS !== undefined)
      reply.header('retry-after', String(error.retryAfterS))
    return reply.code(error.statusCode).send({ error: error.code, message: error.message })
  }
  // The first problem only: a phone shows one message, and the schemas' messages are French.
  if (hasZodFastifySchemaValidationErrors(error))
    return reply.code(400).send({ error: 'invalid_request', message: error.validation[0]?.message ?? 'Requête invalide.' })
  const status = error.statusCode ?? 500
  if (status >= 400 && status < 500)
    return reply.code(status).send({ error: error.code ?? 'bad_request', message: FASTIFY_MESSAGES[error.code] ?? 'Requête invalide.' })
  req.log.error({ err: error }, 'unexpected error')
  return reply.code(500).send({ error: 'internal', message: 'Erreur interne du serveur de vote.' })
}

/**
 * Errors Fastify raises before routing (a malformed URL): no hook has run, so the
 * security headers are set here, with the same JSON shape as everywhere else.
 */
export function frameworkErrors(error: FastifyError, _req: FastifyRequest, reply: FastifyReply) {
  return reply.code(400).headers({
    'content-security-policy': STRICT_CSP,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'SAMEORIGIN',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  }).send({
    error: 'bad_url',
    message: error.code === 'FST_ERR_BAD_URL'
      ? 'Adresse mal formée.'
      : 'Requête invalide.',
  })
}

export function registerErrors(app: FastifyInstance): void {
  app.setErrorHandler(errorHandler)
}
