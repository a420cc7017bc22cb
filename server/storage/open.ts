import type { ServerConfig } from '../config'
import type { Store } from './store'
import { StoreUnavailableError } from '../errors'
import { diagnose } from './diagnosis'
import { sqliteStore } from './sqlite-store'

/** The store the configuration asks for: the SQLite file in the data folder. */
export function openStore(config: Pick<ServerConfig, 'dataDir'> & Partial<Pick<ServerConfig, 'busyTimeoutMs'>>): Store {
  return sqliteStore(config.dataDir, config.busyTimeoutMs)
}

/**
 * For scripts (`npm run sessions`, the export): opens the store, runs `fn`, closes it, and
 * turns a store failure into an error that says, in French, what is wrong and what to do.
 */
export async function withStore<T>(config: Pick<ServerConfig, 'dataDir'>, fn: (store: Store) => T | Promise<T>): Promise<T> {
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
