import type { ServerConfig } from '../config'
import type { Store } from './store'
import { SqliteStore } from './sqlite-store'

/** The store the configuration asks for: the SQLite file in the data folder. */
export function openStore(config: Pick<ServerConfig, 'dataDir'> & Partial<Pick<ServerConfig, 'busyTimeoutMs'>>): Store {
  return new SqliteStore(config.dataDir, config.busyTimeoutMs)
}
