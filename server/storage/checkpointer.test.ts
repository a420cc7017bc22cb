import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterEach, describe, expect, it } from 'vitest'
import { startCheckpointer } from './checkpointer'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0))
    rmSync(dir, { recursive: true, force: true })
})

describe('the checkpointer', () => {
  it('starts the log over while the writers wait, under a steady stream of writes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atelier-checkpoint-'))
    dirs.push(dir)
    const file = join(dir, 'ballots.sqlite')
    const db = new DatabaseSync(file, { timeout: 1000 })
    db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 0')
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)')
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)')
    let paused = false
    let restarts = 0
    let writesWhilePaused = 0
    let largestLog = 0
    const afterRestart: number[] = []
    const checkpointer = startCheckpointer(file, {
      intervalMs: 10,
      restartFrames: 64,
      onLogLong: (restart) => {
        paused = true
        void restart().then(() => {
          // Before any writer resumes, the log has started over.
          afterRestart.push(statSync(`${file}-wal`).size)
          restarts++
          paused = false
        })
      },
    })
    // A writer that never stops for long, as a room at 5,000 ballots/s: a passive
    // checkpoint alone would never let the log start over.
    const until = Date.now() + 1500
    while (Date.now() < until) {
      if (paused) {
        await new Promise(resolve => setTimeout(resolve, 1))
        continue
      }
      db.exec('BEGIN')
      for (let i = 0; i < 20; i++)
        insert.run('x'.repeat(2000))
      db.exec('COMMIT')
      if (paused)
        writesWhilePaused++
      largestLog = Math.max(largestLog, statSync(`${file}-wal`).size)
      await new Promise(resolve => setImmediate(resolve))
    }
    await checkpointer.stop()
    const rows = (db.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n
    db.close()
    expect(restarts).toBeGreaterThan(2)
    expect(afterRestart.every(size => size === 0)).toBe(true)
    expect(writesWhilePaused).toBe(0)
    // Without restarts these writes make a log of hundreds of MB; with them it stays
    // within what a few checkpoint intervals add (the first waits for the worker to start).
    expect(largestLog).toBeLessThan(48 * 1024 * 1024)
    expect(rows).toBeGreaterThan(1000)
  })
})
