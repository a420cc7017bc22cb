import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { parseResultsSnapshot } from '../../poll/snapshot'
import { loadResultsFile } from '../../vite/results-plugin'

const HTTP_URL = /^https?:\/\//
const TRAILING_SLASH = /\/$/

/**
 * Turns `--results` into a validated snapshot file: either a file given as is, or
 * the results of a running vote server (fetched with the presenter token, so blind
 * polls are included), saved next to the PDF as the record of the session.
 */
export async function resolveResults(source: string, saveTo: string, token?: string, { compare = false } = {}): Promise<string> {
  if (!HTTP_URL.test(source)) {
    const file = loadResultsFile(source)
    if (compare && !file?.peers)
      throw new Error(`${source} ne contient pas de comparaison avec d'autres séances : utilisez --session.`)
    return resolve(source)
  }
  const url = `${source.replace(TRAILING_SLASH, '')}/api/results.json`
  let res: Response
  try {
    res = await fetch(url, {
      headers: token
        ? { authorization: `Bearer ${token}` }
        : {},
    })
  }
  catch (error) {
    throw new Error(`Serveur de vote injoignable à ${url} : ${(error as Error).message}`)
  }
  if (!res.ok) {
    throw new Error(`Le serveur de vote a répondu ${res.status} pour ${url}${res.status === 403
      ? ' (jeton présentateur refusé)'
      : ''}`)
  }
  const { peers, ...snapshot } = parseResultsSnapshot(await res.json())
  if (compare && !peers)
    throw new Error('le serveur n\'a pas donné de comparaison : donnez PRESENTER_TOKEN, ou utilisez --session.')
  if (!token && snapshot.polls.some(p => p.tally === null))
    console.warn('Attention : des sondages sont à l\'aveugle et PRESENTER_TOKEN n\'est pas donné ; leurs résultats ne figurent pas dans le PDF.')
  mkdirSync(dirname(saveTo), { recursive: true })
  writeFileSync(saveTo, `${JSON.stringify(compare
    ? { ...snapshot, peers }
    : snapshot, null, 2)}\n`)
  return resolve(saveTo)
}
