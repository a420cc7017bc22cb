export type JoinResult
  = | { kind: 'joined' }
    /** A room code is needed (none given, or a wrong one). */
    | { kind: 'code', message: string }
    /** The speaker has closed registration: this phone cannot join any more. */
    | { kind: 'closed', message: string }
    | { kind: 'retry', message: string }

type Fetch = typeof fetch

/** Where a code typed on this phone is kept, for a reload. */
export const ROOM_CODE_KEY = 'atelier-room-code'

/**
 * Asks the server for this phone's credential (an HttpOnly cookie the page never sees).
 * A phone that already has one is simply recognised.
 */
export async function requestJoin(code: string | undefined, fetchFn: Fetch = fetch): Promise<JoinResult> {
  try {
    const res = await fetchFn('/api/participants', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(code
        ? { code }
        : {}),
    })
    if (res.ok)
      return { kind: 'joined' }
    const body = await res.json().catch(() => ({})) as { error?: string, message?: string }
    const message = body.message ?? `Erreur ${res.status}.`
    if (body.error === 'room_code')
      return { kind: 'code', message }
    if (body.error === 'registration_closed')
      return { kind: 'closed', message }
    return { kind: 'retry', message }
  }
  catch {
    return { kind: 'retry', message: 'Serveur de vote injoignable : nouvel essai automatique.' }
  }
}

/** The room code this phone was given: by the QR code's address, or typed earlier. */
export function roomCodeFrom(search: string, storage: Pick<Storage, 'getItem'>): string | undefined {
  return new URLSearchParams(search).get('code') ?? storage.getItem(ROOM_CODE_KEY) ?? undefined
}
