import { basename, dirname } from 'node:path'

/** `unreachable` and `refused` are the hosted database's (postgres-diagnosis.ts). */
export type StoreProblemKind = 'corrupt' | 'read-only' | 'full' | 'newer-schema' | 'locked' | 'unreachable' | 'refused' | 'unknown'

/** What is wrong with the data, in French, with what to do about it: for the speaker, not the phones. */
export interface StoreProblem {
  kind: StoreProblemKind
  message: string
}

interface SqliteError { code?: string, errcode?: number, errstr?: string, message?: string }

/** SQLite's primary result codes (the low byte of an extended code). */
const SQLITE = {
  BUSY: 5,
  LOCKED: 6,
  READONLY: 8,
  CORRUPT: 11,
  FULL: 13,
  CANTOPEN: 14,
  NOTADB: 26,
}

/** What can go wrong with the laptop's file. */
type FileProblemKind = Exclude<StoreProblemKind, 'unreachable' | 'refused'>

function kindOf(error: unknown): FileProblemKind {
  const e = (error ?? {}) as SqliteError
  const text = `${e.message ?? ''} ${e.errstr ?? ''}`
  const primary = (e.errcode ?? -1) & 0xFF
  if (/database schema \d+ is newer than this app/.test(text))
    return 'newer-schema'
  if (primary === SQLITE.NOTADB || primary === SQLITE.CORRUPT || /not a database|malformed/i.test(text))
    return 'corrupt'
  if (primary === SQLITE.FULL || e.code === 'ENOSPC' || /disk is full|database or disk is full/i.test(text))
    return 'full'
  if (primary === SQLITE.READONLY || primary === SQLITE.CANTOPEN || ['EACCES', 'EPERM', 'EROFS'].includes(e.code ?? '') || /readonly|read-only|unable to open/i.test(text))
    return 'read-only'
  if (primary === SQLITE.BUSY || primary === SQLITE.LOCKED || /locked|busy/i.test(text))
    return 'locked'
  return 'unknown'
}

/**
 * Names what is wrong with the store's file, in French, and what to do: which file, the
 * cause, and the command or step that fixes it. The phones never see this (they get a
 * short « réessayez »); the terminal, the presenter's screens and the scripts do.
 */
export function diagnose(error: unknown, file: string): StoreProblem {
  const kind = kindOf(error)
  const folder = dirname(file)
  const name = basename(file)
  const aside = `arrêtez le serveur, mettez ce fichier de côté (par exemple : mv "${file}" "${file}.abime"), puis relancez npm start : une base neuve sera créée`
  const messages: Record<FileProblemKind, string> = {
    'corrupt': `Le fichier de votes ${file} est endommagé : ce n’est plus une base lisible. Pour repartir, ${aside}. Si vous aviez exporté les séances (npm run sessions -- export FICHIER), réimportez-les ensuite (npm run sessions -- import FICHIER).`,
    'read-only': `Le fichier de votes ${file} (ou son dossier ${folder}) n’est pas accessible en écriture. Donnez-en les droits à l’utilisateur qui lance npm start (par exemple : chmod u+rw "${file}"), ou lancez le serveur sur un autre dossier : DATA_DIR=autre-dossier npm start.`,
    'full': `Le disque qui contient ${file} est plein : aucun vote ne peut être enregistré. Libérez de la place (les votes déjà enregistrés sont intacts), puis relancez npm start.`,
    'newer-schema': `Le fichier de votes ${file} a été écrit par une version plus récente de l’atelier. Mettez le projet à jour (git pull, puis npm install), ou lancez le serveur sur un autre dossier : DATA_DIR=autre-dossier npm start.`,
    'locked': `Le fichier de votes ${file} est verrouillé par un autre programme (un autre serveur de vote, une sauvegarde en cours ?). Fermez-le, puis relancez npm start.`,
    'unknown': `Le fichier de votes ${name} (dans ${folder}) ne peut pas être ouvert (${(error as SqliteError)?.message ?? String(error)}). Exportez d’abord ce qui peut l’être (npm run sessions -- export FICHIER), puis ${aside}.`,
  }
  return { kind, message: messages[kind] }
}
