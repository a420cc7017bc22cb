import type { DatabaseSync, SQLInputValue } from 'node:sqlite'

/** A prepared statement with the parameter and row types its SQL implies. */
export interface TypedStatement<P extends SQLInputValue[], R> {
  get: (...params: P) => R | undefined
  all: (...params: P) => R[]
  run: (...params: P) => { changes: number | bigint }
}

/** Prepares `sql` once; the types are the caller's promise about the SQL, as with any driver. */
export function typed<P extends SQLInputValue[], R = never>(db: DatabaseSync, sql: string): TypedStatement<P, R> {
  const statement = db.prepare(sql)
  return {
    get: (...params) => statement.get(...params) as R | undefined,
    all: (...params) => statement.all(...params) as R[],
    run: (...params) => statement.run(...params),
  }
}

/**
 * Runs `fn` in a write transaction taken at once (BEGIN IMMEDIATE), so two writers
 * never deadlock on an upgrade from read to write; rolls back if `fn` throws. Inside
 * another transaction (a group commit of ballots), it is a savepoint: its work is undone
 * alone if `fn` throws, and commits with the outer transaction.
 */
export function inTransaction<T>(db: DatabaseSync, fn: () => T): T {
  if (db.isTransaction)
    return inSavepoint(db, fn)
  db.exec('BEGIN IMMEDIATE')
  try {
    const result = fn()
    db.exec('COMMIT')
    return result
  }
  catch (error) {
    if (db.isOpen && db.isTransaction)
      db.exec('ROLLBACK')
    throw error
  }
}

function inSavepoint<T>(db: DatabaseSync, fn: () => T): T {
  db.exec('SAVEPOINT nested')
  try {
    const result = fn()
    db.exec('RELEASE nested')
    return result
  }
  catch (error) {
    if (db.isOpen && db.isTransaction)
      db.exec('ROLLBACK TO nested; RELEASE nested')
    throw error
  }
}
