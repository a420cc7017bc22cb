import { realpathSync } from 'node:fs'
import process from 'node:process'
import { fileURLToPath } from 'node:url'

/**
 * Whether the module at `moduleUrl` is the script Node was asked to run. Compares real
 * paths, not strings: a checkout under « Mes présentations » has a space and an accent
 * that a file URL encodes, and a symlinked folder has two names.
 */
export function isEntry(moduleUrl: string, argv1 = process.argv[1]): boolean {
  if (!argv1)
    return false
  try {
    return realpathSync(fileURLToPath(moduleUrl)) === realpathSync(argv1)
  }
  catch {
    return false
  }
}
