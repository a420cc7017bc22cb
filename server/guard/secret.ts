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
 * made now and saved there, or made now and kept in memory only (folder not writable).
 */
export type SecretSource = 'env' | 'kept' | 'new' | 'memory'

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
