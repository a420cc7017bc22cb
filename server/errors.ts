/** An error whose message is meant for the person using the page (in French). */
export class HttpError extends Error {
  constructor(readonly statusCode: number, message: string, readonly code = 'error', readonly retryAfterS?: number) {
    super(message)
  }
}

/** The database cannot be written right now (locked, full, read-only…): try again later. */
export class StoreUnavailableError extends HttpError {
  constructor(readonly cause: unknown) {
    super(503, 'Le vote est momentanément indisponible. Votre choix n\'a pas été enregistré : réessayez dans un instant.', 'store_unavailable', 2)
  }
}
