import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import process from 'node:process'
import { handoutQuestions } from '../../poll/questions'
import { peersOf, sessionSnapshot } from '../../poll/session'
import { SessionArchive } from '../../server/sessions/session-archive'
import { withStore } from '../../server/storage/open'

/** `--session courante` (or `current`): the session in progress on this laptop. */
const CURRENT_ALIASES = new Set(['courante', 'current'])

/**
 * Writes one session's results, read from this laptop's archive, as the snapshot file the
 * deck bakes into a PDF (next to the PDF: the record of what it shows). With `compare`,
 * the earlier real rooms come with it.
 */
/** The id of a session named on the command line (`courante` for the one in progress). */
export async function resolveSessionId(session: string, dataDir?: string): Promise<string> {
  if (!CURRENT_ALIASES.has(session))
    return session
  return withStore({
    dataDir: resolve(dataDir ?? process.env.DATA_DIR ?? '.data'),
    databaseUrl: process.env.DATABASE_URL || undefined,
  }, async store => await store.setting('current_session') ?? session)
}

export async function sessionResultsFile(session: string, saveTo: string, options: { compare: boolean, dataDir?: string }): Promise<string> {
  return withStore({
    dataDir: resolve(options.dataDir ?? process.env.DATA_DIR ?? '.data'),
    databaseUrl: process.env.DATABASE_URL || undefined,
  }, async (store) => {
    const archive = new SessionArchive(store)
    const id = CURRENT_ALIASES.has(session)
      ? await store.setting('current_session') ?? session
      : session
    const results = await archive.results(id)
    if (!results) {
      const known = (await archive.list()).map(s => `  ${s.id}  (${s.title})`).join('\n')
      throw new Error(`séance inconnue : « ${session} ».${known
        ? `\nSéances enregistrées :\n${known}`
        : ' Aucune séance n\'est enregistrée sur ce portable.'}`)
    }
    const questions = handoutQuestions(await store.questions(id))
    const snapshot = {
      ...sessionSnapshot(results, options.compare
        ? peersOf(results.session, await archive.allResults())
        : undefined),
      ...(questions.length
        ? { questions }
        : {}),
    }
    mkdirSync(dirname(saveTo), { recursive: true })
    writeFileSync(saveTo, `${JSON.stringify(snapshot, null, 2)}\n`)
    return resolve(saveTo)
  })
}
