import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { diagnose } from './diagnosis'

const LOCK_FILE = 'server.lock'

export interface LockHolder {
  pid: number
  url: string
  startedAt: string
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  }
  catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
  // A pid reused by another program after a crash is not a vote server.
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('node')
  }
  catch {
    return true
  }
}

function readHolder(file: string): LockHolder | null {
  try {
    const holder = JSON.parse(readFileSync(file, 'utf8')) as LockHolder
    return typeof holder.pid === 'number'
      ? holder
      : null
  }
  catch {
    return null
  }
}

export interface FolderLock {
  /** Says where this server listens, for the next one that finds the lock. */
  update: (url: string) => void
  release: () => void
}

/**
 * One vote server per data folder: two on the same database would each keep their own
 * poll states in memory and disagree (a vote closed on one, open on the other). The lock
 * is a file created exclusively; one left by a crash (its process gone) is taken over.
 * Throws, in French, naming the server that holds the folder.
 */
export function lockDataFolder(dataDir: string, url: string): FolderLock {
  try {
    return takeLock(dataDir, url)
  }
  catch (error) {
    // A folder that cannot be written: the same French explanation as the database's.
    if (['EROFS', 'EACCES', 'EPERM', 'ENOSPC'].includes((error as NodeJS.ErrnoException).code ?? ''))
      throw new Error(diagnose(error, join(dataDir, 'ballots.sqlite')).message)
    throw error
  }
}

function takeLock(dataDir: string, url: string): FolderLock {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const file = join(dataDir, LOCK_FILE)
  const mine = (at: string): LockHolder => ({
    pid: process.pid,
    url: at,
    startedAt: new Date().toISOString(),
  })
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600)
      writeFileSync(fd, JSON.stringify(mine(url)))
      closeSync(fd)
      let released = false
      const release = () => {
        if (released)
          return
        released = true
        if (readHolder(file)?.pid === process.pid)
          rmSync(file, { force: true })
      }
      process.once('exit', release)
      return {
        update: at => writeFileSync(file, JSON.stringify(mine(at)), { mode: 0o600 }),
        release,
      }
    }
    catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
        throw error
      const holder = readHolder(file)
      if (holder && holder.pid !== process.pid && isAlive(holder.pid)) {
        throw new Error(`un serveur de vote utilise déjà le dossier de données ${dataDir} (processus ${holder.pid}, ${holder.url}, démarré le ${holder.startedAt}). `
          + `Deux serveurs sur les mêmes données se contrediraient. Arrêtez l’autre (Ctrl+C dans son terminal), ou lancez celui-ci sur un autre dossier : DATA_DIR=autre-dossier npm start.`)
      }
      // Left by a server that crashed: take it over.
      rmSync(file, { force: true })
    }
  }
  throw new Error(`impossible de prendre le verrou du dossier de données ${dataDir}.`)
}
