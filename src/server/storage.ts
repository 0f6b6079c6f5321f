// Where the sync server keeps its data, behind two small interfaces: DocumentBackend (the Yjs
// documents) and RegistryBackend (councils, their secrets, revoked codes; CouncilRegistry in
// registry.ts holds the rules, a RegistryBackend only the rows). Three implementations:
//   'sqlite' (sqliteStorage.ts): <data>/yishi.sqlite, WAL; several processes may share the folder.
//            The default of `npm run server`. better-sqlite3 is loaded only when this is opened.
//   'files'  (fileStorage.ts): <data>/docs/*.ydoc and <data>/registry.json, written atomically;
//            plain JavaScript, one process per folder. What the desktop app's embedded host uses:
//            inside Electron a native module would need building for Electron's ABI.
//   'postgres' (pgStorage.ts): one PostgreSQL database shared by every instance of a city's service
//            (documents, registry, pending phone ballots); pg is loaded only when this is opened.
// The interfaces are in storageTypes.ts: the backends import those, never this factory.
import { openFileStorage } from './fileStorage'
import { openSqliteStorage } from './sqliteStorage'
import type { Storage, StorageKind } from './storageTypes'

export type { DocumentBackend, PendingBallotBackend, PendingBallots, RegistryBackend, Storage, StorageKind } from './storageTypes'
export const STORAGE_KINDS: readonly StorageKind[] = ['sqlite', 'files', 'postgres']

export interface StorageLocation {
  /** The data folder (sqlite, files). */
  dataDir: string
  /** postgres: the connection string (postgres://user@host:port/db, or a unix socket with ?host=/dir). */
  databaseUrl?: string
}

/** Opens (creating if needed) the data folder `dataDir`, or the database, with the given backend. */
export async function openStorage(kind: StorageKind, where: string | StorageLocation): Promise<Storage> {
  const at: StorageLocation = typeof where === 'string' ? { dataDir: where } : where
  if (kind === 'sqlite') return openSqliteStorage(at.dataDir)
  if (kind === 'files') return openFileStorage(at.dataDir)
  if (kind === 'postgres') {
    if (!at.databaseUrl) throw new Error('storage postgres needs a database URL (--database-url or DATABASE_URL)')
    // Loaded only here, like better-sqlite3: importing server.ts never loads pg.
    const { openPostgresStorage } = await import('./pgStorage')
    return openPostgresStorage(at.databaseUrl)
  }
  throw new Error(`unknown storage: ${String(kind)} (expected sqlite, files or postgres)`)
}
