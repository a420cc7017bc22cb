import type { StoreProblem } from './diagnosis'
import type { Async, Store, StoreOperations } from './store'
import { SqliteDatabase } from './sqlite-database'

/** The operations of the port, by name: what the adapter passes through to the database. */
const OPERATIONS = [
  'hasReceipt',
  'cast',
  'saveState',
  'reset',
  'load',
  'purgeBefore',
  'isMember',
  'addParticipant',
  'setting',
  'saveSetting',
  'claimSetting',
  'listSessions',
  'getSession',
  'createSession',
  'updateSession',
  'removeSession',
  'importSessions',
  'ask',
  'questions',
  'moderate',
  'voteQuestion',
  'votedBy',
  'questionCounts',
  'resetQuestions',
  'dataVersion',
] as const satisfies readonly (keyof StoreOperations)[]

// A name left out of the list above fails to compile here.
type Missing = Exclude<keyof StoreOperations, (typeof OPERATIONS)[number]>
const _everyOperation: Missing extends never ? true : Missing = true

/**
 * The laptop's store: one SQLite file (sqlite-database.ts) behind the port. Each operation
 * runs at once, in the caller's turn, and resolves with its result. While a transaction is
 * open its work goes through `tx`; everyone else waits for it to end, so nothing joins a
 * transaction by accident and a rollback never undoes another caller's acknowledged write.
 */
class SqliteFileStore implements Omit<Store, keyof StoreOperations> {
  private readonly database: SqliteDatabase
  /** Resolves when the open transaction ends; null when none is open. */
  private transactionEnd: Promise<void> | null = null
  private readonly direct: Async<StoreOperations>
  private readonly gated: Async<StoreOperations>

  constructor(dir: string, busyTimeoutMs = 1000) {
    this.database = new SqliteDatabase(dir, busyTimeoutMs)
    this.direct = this.operations(false)
    this.gated = this.operations(true)
    Object.assign(this, this.gated)
    // The log's restart needs a moment without writers: they wait, as for a transaction.
    this.database.onLogLong = restart => void this.exclusive(restart).catch(() => {})
  }

  get location(): string {
    return this.database.location
  }

  /** The database file itself (tests and the sessions command read it). */
  get file(): string {
    return this.database.file
  }

  private operations(gated: boolean): Async<StoreOperations> {
    const database = this.database
    const entries = OPERATIONS.map(name => [
      name,
      async (...args: unknown[]) => {
        // The check and the work in one turn: nothing can open a transaction between them.
        if (gated) {
          while (this.transactionEnd)
            await this.transactionEnd
        }
        return (database[name] as (...a: unknown[]) => unknown).apply(database, args)
      },
    ])
    return Object.fromEntries(entries) as Async<StoreOperations>
  }

  /**
   * Runs `fn` alone: every other caller waits until it ends. The check and the claim sit in
   * one turn, with no await between them: two callers woken by the same end cannot both
   * find the store free.
   */
  private async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    while (this.transactionEnd)
      await this.transactionEnd
    let end!: () => void
    this.transactionEnd = new Promise(resolve => end = resolve)
    try {
      return await fn()
    }
    finally {
      this.transactionEnd = null
      end()
    }
  }

  async transaction<T>(fn: (tx: Async<StoreOperations>) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      this.database.begin()
      try {
        const result = await fn(this.direct)
        this.database.commit()
        return result
      }
      catch (error) {
        this.database.rollback()
        throw error
      }
    })
  }

  async check(): Promise<StoreProblem | null> {
    while (this.transactionEnd)
      await this.transactionEnd
    return this.database.check()
  }

  problem(): StoreProblem | null {
    return this.database.problem()
  }

  close(): Promise<void> {
    return this.database.close()
  }
}

/** The adapter with its operations, which the constructor copies onto each instance. */
export type SqliteStore = SqliteFileStore & Async<StoreOperations>

/** Opens (lazily, on the first operation) the SQLite store in `dir`. */
export function sqliteStore(dir: string, busyTimeoutMs?: number): SqliteStore {
  return new SqliteFileStore(dir, busyTimeoutMs) as SqliteStore
}
