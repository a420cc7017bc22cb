import type { ServerConfig } from '../config'
import type { Store } from './store'
import { StoreUnavailableError } from '../errors'
import { diagnose } from './diagnosis'
import { PostgresStore } from './postgres-store'
import { sqliteStore } from './sqlite-store'

type StoreConfig = Pick<ServerConfig, 'dataDir'> & Partial<Pick<ServerConfig, 'busyTimeoutMs' | 'databaseUrl' | 'databasePoolSize'>>

/** The store the configuration asks for: PostgreSQL when DATABASE_URL is set, else the SQLite file in the data folder. */
export function openStore(config: StoreConfig): Store {
  return config.databaseUrl
    ? new PostgresStore({ url: config.databaseUrl, poolSize: config.databasePoolSize })
    : sqliteStore(config.dataDir, config.busyTimeoutMs)
}

/**
 * For scripts (`npm run sessions`, the export): opens the store, runs `fn`, closes it, and
 * turns a store failure into an error that says, in French, what is wrong and what to do.
 */
export async function withStore<T>(config: StoreConfig, fn: (store: Store) => T | Promise<T>): Promise<T> {
  const store = openStore(config)
  try {
    return await fn(store)
  }
  catch (error) {
    if (error instanceof StoreUnavailableError)
      throw new Error(error.problem?.message ?? diagnose(error.cause, store.location).message)
    throw error
  }
  finally {
    await store.close()
  }
}
