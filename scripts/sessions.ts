// `npm run sessions -- list | export FILE | import FILE`: the archive of sessions (aggregates
// only, never an individual ballot), to look at or to move between laptops. Works on the
// database in DATA_DIR (.data by default), with or without the vote server running.
import type { ImportReport } from '../server/storage/store'
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import process from 'node:process'
import { countOf } from '../composables/format-number'
import { ARCHIVE_MAX_BYTES, ARCHIVE_MAX_SESSIONS, archiveOf, parseArchive } from '../poll/archive-file'
import { formatSessionDate } from '../poll/session'
import { isEntry } from '../server/entry'
import { SessionArchive } from '../server/sessions/session-archive'
import { withStore } from '../server/storage/open'

const USAGE = `Usage :
  npm run sessions -- list             les séances enregistrées sur ce portable
  npm run sessions -- export FICHIER   écrit l'archive (résultats agrégés, aucun vote individuel)
  npm run sessions -- import FICHIER   ajoute les séances d'une archive (sans risque de doublon)`

/** Opens the store of DATA_DIR, runs `fn`, and always closes it. */
async function withArchive<T>(dataDir: string, fn: (archive: SessionArchive) => Promise<T>): Promise<T> {
  // DATABASE_URL set: the hosted database (moving sessions between a laptop and it works the same).
  return withStore({ dataDir, databaseUrl: process.env.DATABASE_URL || undefined }, store => fn(new SessionArchive(store)))
}

export async function listText(archive: SessionArchive): Promise<string> {
  const sessions = await archive.list()
  if (sessions.length === 0)
    return 'Aucune séance enregistrée.'
  return sessions.map(s => [
    `${formatSessionDate(s.date)} — ${s.title}`,
    `  ${s.kind === 'rehearsal'
      ? 'répétition'
      : 'séance réelle'} · ${countOf(s.participants, 'participant')}${s.imported
      ? ' · importée'
      : ''}`,
    `  identifiant : ${s.id}`,
  ].join('\n')).join('\n')
}

export function reportText(report: ImportReport): string {
  const line = (label: string, titles: string[]) => titles.length
    ? [`${label} (${titles.length}) : ${titles.join(' ; ')}`]
    : []
  const lines = [
    ...line('Ajoutées', report.added),
    ...line('Mises à jour', report.updated),
    ...line('Déjà présentes, inchangées', report.unchanged),
    ...line('Séances de ce portable, gardées telles quelles', report.kept),
  ]
  return lines.length
    ? lines.join('\n')
    : 'L\'archive ne contient aucune séance.'
}

export async function sessionsCommand(args: string[], dataDir = resolve(process.env.DATA_DIR ?? '.data')): Promise<string> {
  const [action, file] = args
  if (action === 'list')
    return withArchive(dataDir, listText)
  if (action === 'export' && file) {
    const target = resolve(file)
    const text = await withArchive(dataDir, async archive => `${JSON.stringify(archiveOf(await archive.allResults()), null, 2)}\n`)
    // Written beside, then renamed: an interrupted export never leaves half a file.
    writeFileSync(`${target}.tmp`, text, { mode: 0o600 })
    renameSync(`${target}.tmp`, target)
    const count = parseArchive(text).sessions.length
    return `Archive écrite : ${target} (${countOf(count, 'séance')}, résultats agrégés uniquement).`
  }
  if (action === 'import' && file) {
    const source = resolve(file)
    if (!existsSync(source))
      throw new Error(`fichier introuvable : ${source}`)
    if (statSync(source).size > ARCHIVE_MAX_BYTES)
      throw new Error(`archive refusée : ${source} pèse plus de ${ARCHIVE_MAX_BYTES / 1024 / 1024} Mo, ce qu’une archive de séances ne pèse jamais.`)
    // Parsed and checked whole before anything is written: a bad file changes nothing.
    const parsed = parseArchive(readFileSync(source, 'utf8'))
    return withArchive(dataDir, async (archive) => {
      const known = new Set((await archive.list()).map(s => s.id))
      const total = known.size + parsed.sessions.filter(s => !known.has(s.id)).length
      if (total > ARCHIVE_MAX_SESSIONS)
        throw new Error(`archive refusée : ce portable compterait ${total} séances, plus que les ${ARCHIVE_MAX_SESSIONS} qu’il garde. Supprimez d’anciennes séances (page Séances) avant d’importer.`)
      return reportText(await archive.import(parsed.sessions))
    })
  }
  throw new Error(`commande incomplète ou inconnue.\n${USAGE}`)
}

if (isEntry(import.meta.url)) {
  sessionsCommand(process.argv.slice(2))
    .then(text => console.log(text))
    .catch((error: Error) => {
      console.error(`Séances : ${error.message}`)
      process.exit(1)
    })
}
