import { Worker } from 'node:worker_threads'

/**
 * The worker's code, kept inline so that the bundled server has no second file to find.
 * It opens its own connection to the same database and copies the write-ahead log into
 * the main file on a timer: with `synchronous = NORMAL` that copy is where SQLite calls
 * fsync, and here it runs off the thread that answers phones.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const { DatabaseSync } = require('node:sqlite')
let db = null
let asked = false
function connection() {
  db ??= new DatabaseSync(workerData.file, { timeout: 0 })
  return db
}
function lost() {
  try { db?.close() } catch {}
  db = null
}
function checkpoint() {
  try {
    const done = connection().prepare('PRAGMA wal_checkpoint(PASSIVE)').get()
    if (!asked && done && done.log >= workerData.restartFrames) {
      asked = true
      parentPort.postMessage('log-long')
    }
  }
  catch {
    lost()
  }
}
const timer = setInterval(checkpoint, workerData.intervalMs)
parentPort.on('message', (message) => {
  if (message === 'restart') {
    let restarted = false
    try {
      restarted = connection().prepare('PRAGMA wal_checkpoint(TRUNCATE)').get()?.busy === 0
    }
    catch {
      lost()
    }
    asked = false
    parentPort.postMessage({ restarted })
    return
  }
  if (message !== 'stop')
    return
  clearInterval(timer)
  checkpoint()
  lost()
  parentPort.close()
})
`

/**
 * Past this many frames in the log (32 MB of 4 KB pages), the worker asks for a restart.
 * A passive checkpoint never blocks a writer, but under a steady stream of ballots it
 * never catches up either: SQLite starts the log over only when every frame has been
 * copied back, and there is always a newer one. Measured at 5,000 ballots/s: the log grew
 * to 2.6 GB in 45 s and the server stalled for up to 420 ms (docs/performance.md).
 */
const RESTART_FRAMES = 8192
const RESTART_TIMEOUT_MS = 2000

export interface CheckpointerOptions {
  intervalMs?: number
  restartFrames?: number
  /**
   * Called when the log has grown past `restartFrames`: the caller stops its writers, runs
   * `restart` (a TRUNCATE checkpoint in the worker, which needs a moment without writers)
   * and lets them go again. Run with writers still going, the restart may find the log
   * busy: the worker asks again at the next long log.
   */
  onLogLong?: (restart: () => Promise<void>) => void
}

export interface Checkpointer {
  /** Runs a last checkpoint and ends the worker. */
  stop: () => Promise<void>
}

/**
 * Moves SQLite's WAL checkpoints (and so its fsyncs) to a worker thread. The main
 * connection turns its own automatic checkpoints off (`wal_autocheckpoint = 0`).
 * Durability is unchanged: a commit is in the log before the ballot is acknowledged.
 */
export function startCheckpointer(file: string, options: CheckpointerOptions = {}): Checkpointer {
  const { intervalMs = 250, restartFrames = RESTART_FRAMES, onLogLong = (restart: () => Promise<void>) => void restart() } = options
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, intervalMs, restartFrames },
  })
  worker.on('message', (message: unknown) => {
    if (message !== 'log-long')
      return
    onLogLong(() => new Promise<void>((resolve) => {
      // A worker that never answers must not hold the writers: they resume after this long.
      const giveUp = setTimeout(resolve, RESTART_TIMEOUT_MS)
      worker.once('message', () => {
        clearTimeout(giveUp)
        resolve()
      })
      worker.postMessage('restart')
    }))
  })
  worker.unref()
  let exited = false
  worker.once('exit', () => {
    exited = true
  })
  // A worker that fails must not take the server down: ballots are still safe in the log,
  // SQLite checkpoints again when the database is next opened.
  worker.on('error', () => {})
  return {
    stop: () => new Promise((resolve) => {
      if (exited)
        return resolve()
      worker.once('exit', () => resolve())
      // Unreferenced, the worker would not keep a script alive until its last checkpoint:
      // the process would end with this promise never settled.
      worker.ref()
      worker.postMessage('stop')
      setTimeout(() => void worker.terminate(), 2000).unref()
    }),
  }
}
