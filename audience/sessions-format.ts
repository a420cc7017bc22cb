import type { SessionInfo } from '../poll/session'
import { formatSessionDate } from '../poll/session'

/** « 14 mars 2027 · séance réelle · 183 participants », for one line of the list. */
export function sessionLine(session: SessionInfo, current: boolean): string {
  const kind = session.kind === 'rehearsal'
    ? 'répétition'
    : 'séance réelle'
  const people = `${session.participants} participant${session.participants > 1
    ? 's'
    : ''}`
  return [
    formatSessionDate(session.date),
    kind,
    people,
    ...(session.imported
      ? ['importée']
      : []),
    ...(current
      ? ['en cours']
      : []),
  ].join(' · ')
}

/** The message of a refused request, in French (the server's, or a generic one). */
export async function refusal(res: Response): Promise<string> {
  const body = await res.json().catch(() => ({})) as { message?: string }
  if (res.status === 401)
    return 'Réservé à l\'intervenant : ouvrez d\'abord le lien présentateur affiché dans le terminal, sur ce portable.'
  return body.message ?? `Le serveur a répondu ${res.status}.`
}
