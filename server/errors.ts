/** An error whose message is meant for the person using the page (in French). */
export class HttpError extends Error {
  constructor(readonly statusCode: number, message: string, readonly code = 'error', readonly retryAfterS?: number, readonly details?: Record<string, unknown>) {
    super(message)
  }
}

/** What the speaker is told about a store failure (see storage/diagnosis.ts). */
export interface StoreProblemText { kind: string, message: string }

/**
 * The database cannot be written right now (locked, full, read-only…): try again later.
 * Phones get the short message; `problem` says, for the speaker, what is wrong and what to do.
 */
export class StoreUnavailableError extends HttpError {
  constructor(readonly cause: unknown, readonly problem?: StoreProblemText) {
    super(503, 'Le vote est momentanément indisponible. Votre choix n’a pas été enregistré : réessayez dans un instant.', 'store_unavailable', 2)
  }
}
