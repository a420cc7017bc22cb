import { randomBytes } from 'node:crypto'
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** Files of the data folder that hold the server's secrets (owner-only, like the database). */
export const SECRET_FILES = {
  cookie: 'cookie-secret',
  presenter: 'presenter-token',
} as const

/**
 * Where a secret came from: the environment, the data folder (kept from an earlier start),
 * made now and saved there, made now and kept in memory only (folder not writable), or the
 * hosted database (shared by every instance).
 */
export type SecretSource = 'env' | 'kept' | 'new' | 'memory' | 'database'

export interface Secret {
  value: string
  source: SecretSource
}

/**
 * A secret kept in the data folder, so that it survives a restart: phones stay joined and
 * the speaker stays signed in when the laptop's server restarts mid-talk. Made on the first
 * start; deleting the file (server stopped) makes a new one at the next start.
 */
export function keptSecret(dataDir: string, name: string, minLength = 24): Secret {
  const file = join(dataDir, name)
  try {
    const saved = readFileSync(file, 'utf8').trim()
    if (saved.length >= minLength)
      return { value: saved, source: 'kept' }
  }
  catch {}
  const value = randomBytes(24).toString('base64url')
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 })
    writeFileSync(file, `${value}\n`, { mode: 0o600 })
    chmodSync(file, 0o600)
    return { value, source: 'new' }
  }
  catch {
    return { value, source: 'memory' }
  }
}

export interface ServerSecrets {
  /** Signs participant and presenter cookies. */
  cookie: Secret
  /** The presenter token: PRESENTER_TOKEN when set, else the data folder's. */
  presenter: Secret
}

export function serverSecrets(dataDir: string, presenterToken: string | undefined): ServerSecrets {
  return {
    cookie: keptSecret(dataDir, SECRET_FILES.cookie, 32),
    presenter: presenterToken
      ? { value: presenterToken, source: 'env' }
      : keptSecret(dataDir, SECRET_FILES.presenter),
  }
}

/**
 * Hosted, several instances serve one room: the secrets live in the database, claimed by
 * the first instance to start, so that a phone's cookie and the presenter's link are valid
 * on every instance. PRESENTER_TOKEN, when set, still wins.
 */
export async function databaseSecrets(claim: (key: string, value: string) => Promise<string>, presenterToken: string | undefined): Promise<ServerSecrets> {
  const fresh = () => randomBytes(24).toString('base64url')
  return {
    cookie: { value: await claim('secret.cookie', fresh()), source: 'database' },
    presenter: presenterToken
      ? { value: presenterToken, source: 'env' }
      : { value: await claim('secret.presenter', fresh()), source: 'database' },
  }
}
