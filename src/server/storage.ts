// Where the sync server keeps its data, behind two small interfaces: DocumentBackend (the Yjs
// documents) and RegistryBackend (councils, their secrets, revoked codes; CouncilRegistry in
// registry.ts holds the rules, a RegistryBackend only the rows). Two implementations:
//   'sqlite' (sqliteStorage.ts): <data>/yishi.sqlite, WAL; several processes may share the folder.
//            The default of `npm run server`. better-sqlite3 is loaded only when this is opened.
//   'files'  (fileStorage.ts): <data>/docs/*.ydoc and <data>/registry.json, written atomically;
//            plain JavaScript, one process per folder. What the desktop app's embedded host uses:
//            inside Electron a native module would need building for Electron's ABI.
import { openFileStorage } from './fileStorage'
import { openSqliteStorage } from './sqliteStorage'

export type StorageKind = 'sqlite' | 'files'
export const STORAGE_KINDS: readonly StorageKind[] = ['sqlite', 'files']

export interface DocumentBackend {
  /** The stored state of `name` (one Yjs update), or null if it was never stored. */
  fetch(name: string): Promise<Uint8Array | null>
  /**
   * Stores a Yjs update (usually a whole document state) MERGED with what is stored, never
   * overwriting it: two writers can never erase each other's edits. Resolves once it is durable.
   */
  store(name: string, update: Uint8Array): Promise<void>
  /** The stored meeting document `council/<any>/meeting/<meetingId>`, if any (ballot addresses carry only the meeting id). */
  meetingName(meetingId: string): Promise<string | null>
  /** Waits for pending stores; later calls reject. */
  close(): Promise<void>
}

export interface RegistryBackend {
  // Reads are synchronous: CouncilRegistry.isRegistered / isRevoked are, and both backends
  // answer from a local file (SQLite) or from memory (files).
  /** Every registered council's id. */
  councilIds(): string[]
  /** After secrets were rewritten (sealed): leave no older copy of them in the folder. */
  forgetOldSecrets?(): Promise<void>
  /** The council's stored secret, or null if it is not registered. */
  secretOf(councilId: string): string | null
  isRevoked(councilId: string, codeId: string): boolean
  /** Adds a council unless it exists; false if it did (another registration won). */
  addCouncil(councilId: string, secret: string, registeredAt: string): Promise<boolean>
  /** Compare-and-set: replaces the secret only if it is still `expected`; false otherwise. */
  replaceSecret(councilId: string, expected: string, next: string): Promise<boolean>
  /** Records a revoked code (idempotent: revoking it again changes nothing). */
  addRevoked(councilId: string, codeId: string, revokedAt: string): Promise<void>
  /** Waits for pending writes; later writes reject. */
  close(): Promise<void>
}

/** One opened data folder: both backends, and what closes them. */
export interface Storage {
  readonly kind: StorageKind
  readonly documents: DocumentBackend
  readonly registry: RegistryBackend
  /** Closes both backends (pending writes finish first), then releases the folder. Idempotent. */
  close(): Promise<void>
}

/** Opens (creating if needed) the data folder `dataDir` with the given backend. */
export function openStorage(kind: StorageKind, dataDir: string): Promise<Storage> {
  if (kind === 'sqlite') return openSqliteStorage(dataDir)
  if (kind === 'files') return openFileStorage(dataDir)
  return Promise.reject(new Error(`unknown storage: ${String(kind)} (expected sqlite or files)`))
}
