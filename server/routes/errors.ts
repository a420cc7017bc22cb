import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { frenchTypography } from '../../data/french'
import { HttpError, StoreUnavailableError } from '../errors'
import { STRICT_CSP } from '../guard/csp'
import { TokenBucket } from '../guard/token-bucket'

/** French messages for Fastify's own client errors, which reach phones as they are. */
const FASTIFY_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'Requête trop volumineuse.',
  FST_ERR_CTP_INVALID_JSON_BODY: 'Le corps de la requête n\'est pas du JSON valide.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Le corps de la requête est vide.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Type de contenu non pris en charge : envoyez du JSON.',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'Longueur de contenu incohérente.',
}

/** Every error as `{ error, message }`, the message in French (and its typography) and meant for the person. */
export function errorHandler(error: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (error instanceof StoreUnavailableError)
    req.log.error({ err: error.cause }, 'store unavailable')
  if (error instanceof HttpError) {
    if (error.retryAfterS !== undefined)
      reply.header('retry-after', String(error.retryAfterS))
    // The speaker (and the scripts) learn what is wrong with the data and what to do.
    const message = error instanceof StoreUnavailableError && error.problem && req.presenter?.via !== 'none'
      ? error.problem.message
      : error.message
    return reply.code(error.statusCode).send({
      ...error.details,
      error: error.code,
      message: frenchTypography(message),
    })
  }
  // The first problem only: a phone shows one message, and the schemas' messages are French.
  if (hasZodFastifySchemaValidationErrors(error)) {
    return reply.code(400).send({
      error: 'invalid_request',
      message: frenchTypography(error.validation[0]?.message ?? 'Requête invalide.'),
    })
  }
  const status = error.statusCode ?? 500
  if (status >= 400 && status < 500)
    return reply.code(status).send({ error: error.code ?? 'bad_request', message: FASTIFY_MESSAGES[error.code] ?? 'Requête invalide.' })
  req.log.error({ err: error }, 'unexpected error')
  return reply.code(500).send({ error: 'internal', message: 'Erreur interne du serveur de vote.' })
}

const FRAMEWORK_HEADERS = {
  'content-security-policy': STRICT_CSP,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'SAMEORIGIN',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
}

/**
 * Errors Fastify raises before routing (a malformed URL): no hook has run, so the
 * security headers are set here, with the same JSON shape as everywhere else, and the
 * rate limit too: `perMinute` malformed requests per address, as for any other route.
 */
export function frameworkErrors(perMinute: number) {
  const budget = new TokenBucket({ burst: perMinute, refillMs: 60_000 / perMinute })
  return (error: FastifyError, req: FastifyRequest, reply: FastifyReply): void => {
    if (!budget.take(req.ip)) {
      const wait = budget.retryAfterS(req.ip)
      void reply.code(429).headers({
        ...FRAMEWORK_HEADERS,
        'retry-after': String(wait),
      }).send({
        error: 'rate_limited',
        message: 'Trop de requêtes : patientez quelques secondes avant de réessayer.',
      })
      return
    }
    void reply.code(400).headers(FRAMEWORK_HEADERS).send({
      error: 'bad_url',
      message: error.code === 'FST_ERR_BAD_URL'
        ? 'Adresse mal formée.'
        : 'Requête invalide.',
    })
  }
}

export function registerErrors(app: FastifyInstance): void {
  app.setErrorHandler(errorHandler)
}
