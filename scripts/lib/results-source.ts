import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { parseResultsSnapshot } from '../../poll/snapshot'
import { loadResultsFile } from './results-plugin'

const HTTP_URL = /^https?:\/\//
const TRAILING_SLASH = /\/$/

/**
 * Turns `--results` into a validated snapshot file: either a file given as is, or
 * the results of a running vote server (fetched with the presenter token, so blind
 * polls are included), saved next to the PDF as the record of the session.
 */
export async function resolveResults(source: string, saveTo: string, token?: string): Promise<string> {
  if (!HTTP_URL.test(source)) {
    loadResultsFile(source)
    return resolve(source)
  }
  const url = `${source.replace(TRAILING_SLASH, '')}/api/results.json`
  let res: Response
  try {
    res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} })
  }
  catch (error) {
    throw new Error(`Cannot reach the vote server at ${url}: ${(error as Error).message}`)
  }
  if (!res.ok)
    throw new Error(`The vote server answered ${res.status} for ${url}`)
  const snapshot = parseResultsSnapshot(await res.json())
  if (!token && snapshot.polls.some(p => p.tally === null))
    console.warn('Some polls are blind and no PRESENTER_TOKEN was given: their results are not in the PDF.')
  mkdirSync(dirname(saveTo), { recursive: true })
  writeFileSync(saveTo, `${JSON.stringify(snapshot, null, 2)}\n`)
  return resolve(saveTo)
}
