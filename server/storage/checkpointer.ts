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
function checkpoint() {
  try {
    db ??= new DatabaseSync(workerData.file, { timeout: 0 })
    db.exec('PRAGMA wal_checkpoint(PASSIVE)')
  }
  catch {
    try { db?.close() } catch {}
    db = null
  }
}
const timer = setInterval(checkpoint, workerData.intervalMs)
parentPort.on('message', (message) => {
  if (message !== 'stop')
    return
  clearInterval(timer)
  checkpoint()
  try { db?.close() } catch {}
  parentPort.close()
})
`

export interface Checkpointer {
  /** Runs a last checkpoint and ends the worker. */
  stop: () => Promise<void>
}

/**
 * Moves SQLite's WAL checkpoints (and so its fsyncs) to a worker thread. The main
 * connection turns its own automatic checkpoints off (`wal_autocheckpoint = 0`).
 * Durability is unchanged: a commit is in the log before the ballot is acknowledged.
 */
export function startCheckpointer(file: string, intervalMs = 250): Checkpointer {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, intervalMs },
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
