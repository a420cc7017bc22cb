import type { StoreProblem } from './diagnosis'

interface PgError { code?: string, message?: string }

/** The database's address for messages and logs: never the password. */
export function postgresLocation(url: string): string {
  try {
    const parsed = new URL(url)
    parsed.password = ''
    return parsed.toString()
  }
  catch {
    return 'postgres://(adresse illisible)'
  }
}

/** Connection-level failures: the server is down, restarting, or out of reach. */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '53300',
])

/**
 * Names what is wrong with the hosted database, in French, and what the organiser's IT
 * team can do about it. The phones never see this; the terminal, the logs and the
 * presenter's screens do.
 */
export function diagnosePostgres(error: unknown, location: string): StoreProblem {
  const e = (error ?? {}) as PgError
  const code = e.code ?? ''
  const text = e.message ?? String(error)
  if (/database schema \d+ is newer than this app/.test(text))
    return { kind: 'newer-schema', message: `La base ${location} a été préparée par une version plus récente de l’atelier. Mettez à jour chaque instance (git pull, npm install) avant de les relancer.` }
  if (UNREACHABLE.has(code) || code.startsWith('08') || /timeout|terminat|Connection terminated|connect/i.test(text))
    return { kind: 'unreachable', message: `La base PostgreSQL ${location} ne répond pas (${text}). Les votes sont refusés, jamais perdus : les téléphones réessaient. Vérifiez que le serveur PostgreSQL tourne et qu’il est joignable depuis cette machine.` }
  if (code === '28P01' || code === '28000' || code === '3D000')
    return { kind: 'refused', message: `La base PostgreSQL ${location} refuse la connexion (${text}). Vérifiez l’utilisateur, le mot de passe et le nom de la base dans DATABASE_URL.` }
  if (code === '53100')
    return { kind: 'full', message: `Le disque du serveur PostgreSQL ${location} est plein : aucun vote ne peut être enregistré. Libérez de la place ; les votes déjà enregistrés sont intacts.` }
  if (code === '25006' || code === '42501')
    return { kind: 'read-only', message: `La base PostgreSQL ${location} refuse l’écriture (${text}). Donnez à l’utilisateur de DATABASE_URL les droits d’écriture, ou visez le serveur principal plutôt qu’une réplique.` }
  return { kind: 'unknown', message: `La base PostgreSQL ${location} a répondu par une erreur (${code
    ? `${code} : `
    : ''}${text}).` }
}
