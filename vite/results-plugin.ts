import type { Plugin } from 'vite'
import type { ResultsSnapshot } from '../poll/types.ts'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseResultsSnapshot } from '../poll/snapshot.ts'

const ID = 'virtual:atelier-results'
const RESOLVED = `\0${ID}`

/** Reads and validates a results snapshot file; fails the build with a clear message. */
export function loadResultsFile(file: string): ResultsSnapshot {
  const path = resolve(file)
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  }
  catch (error) {
    throw new Error(`Impossible de lire le fichier de résultats ${path} : ${(error as Error).message}`)
  }
  try {
    return parseResultsSnapshot(JSON.parse(text))
  }
  catch (error) {
    throw new Error(`Le fichier ${path} n'est pas un relevé de résultats valide. ${(error as Error).message}`)
  }
}

/**
 * Provides `virtual:atelier-results`: the snapshot named by ATELIER_RESULTS_FILE,
 * baked into the bundle so that an exported PDF shows the room's results without
 * any request, or null when there is none.
 */
export function resultsSnapshotPlugin(file: string | undefined): Plugin {
  return {
    name: 'atelier:results-snapshot',
    resolveId: id => (id === ID
      ? RESOLVED
      : undefined),
    load(id) {
      if (id !== RESOLVED)
        return undefined
      const snapshot = file
        ? loadResultsFile(file)
        : null
      return `export default ${JSON.stringify(snapshot)}`
    },
  }
}
