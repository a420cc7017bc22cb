import { randomBytes } from 'node:crypto'
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const FILE = 'cookie-secret'

/**
 * The key that signs participant and presenter cookies. Kept in the data directory
 * (owner-only) so that phones stay signed in across a restart of the server; a fresh
 * one in memory when the directory cannot be written (phones then rejoin after a restart).
 */
export function cookieSecret(dataDir: string): { secret: string, persisted: boolean } {
  const file = join(dataDir, FILE)
  try {
    const saved = readFileSync(file, 'utf8').trim()
    if (saved.length >= 32)
      return { secret: saved, persisted: true }
  }
  catch {}
  const secret = randomBytes(32).toString('base64url')
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 })
    writeFileSync(file, secret, { mode: 0o600 })
    chmodSync(file, 0o600)
    return { secret, persisted: true }
  }
  catch {
    return { secret, persisted: false }
  }
}
