// What every storage backend implements, apart from the factory that picks one (storage.ts): the
// backends (sqliteStorage.ts, fileStorage.ts, pgStorage.ts) import only this file, so no backend
// depends on another and nothing circles back through the factory (issue 17).
import type { Doc } from 'yjs'
import type { BallotCounts } from '../shared/domain/votes'

export type StorageKind = 'sqlite' | 'files' | 'postgres'

export interface DocumentBackend {
  /** The stored state of `name` (one Yjs update), or null if it was never stored. */
  fetch(name: string): Promise<Uint8Array | null>
  /**
   * Stores a Yjs update (usually a whole document state) MERGED with what is stored, never
   * overwriting it: two writers can never erase each other's edits. Resolves once it is durable.
   * `doc`, the live document `update` was encoded from, lets a backend that stores only what is
   * new (postgres) take the diff from it rather than parse the whole update.
   */
  store(name: string, update: Uint8Array, doc?: Doc): Promise<void>
  /** The stored meeting document `council/<any>/meeting/<meetingId>`, if any (ballot addresses carry only the meeting id). */
  meetingName(meetingId: string): Promise<string | null>
  /** Waits for pending stores; later calls reject. */
  close(): Promise<void>
}

/** Told when codes stop being valid (a revoked code; a new secret), to close live connections. */
export type CodesChangedElsewhere = (change: { councilId: string; codeId?: string }) => void

export interface RegistryBackend {
  // Reads are synchronous: CouncilRegistry.isRegistered / isRevoked are, and the backends answer
  // from a local file (SQLite) or from memory (files; postgres keeps a cache it is told about).
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
  /**
   * A shared registry (postgres) tells each instance of the codes another instance revoked or
   * rotated, so that it closes its own live connections of them. Returns the unsubscribe.
   */
  watchOthers?(listener: CodesChangedElsewhere): () => void
  /** Waits for pending writes; later writes reject. */
  close(): Promise<void>
}

/** What the host holds for one vote taking phone ballots until the seal (ballotStore.ts explains). */
export interface PendingBallots {
  meeting: string
  voteId: string
  counts: BallotCounts
  /** Hashes of the codes that voted, sorted. */
  used: string[]
  /** Receipts handed out, sorted. */
  receipts: string[]
  /**
   * retryToken(code hash, attempt, choice) -> the receipt given for that ballot, so a phone that
   * lost the reply gets the same receipt on retry. Links no code to a receipt or a choice for
   * anyone without the phone's attempt id (never stored here).
   */
  retries: Record<string, string>
  sealed: boolean
}

/** Where pending phone ballots are kept: files in the data folder, or a PostgreSQL table. */
export interface PendingBallotBackend {
  /** What is held for the vote (empty when nothing was ever cast). Throws UnreadableBallots. */
  get(meeting: string, voteId: string): Promise<PendingBallots>
  /** Writes the vote's state durably before resolving. */
  put(state: PendingBallots): Promise<void>
  /**
   * Runs `task` holding the vote's lock: no other cast or seal of the vote runs meanwhile, in this
   * process, and with postgres in any instance sharing the database.
   */
  locked<T>(meeting: string, voteId: string, task: () => Promise<T>): Promise<T>
  /** Waits for the locks held; later calls reject. */
  close(): Promise<void>
}

/** One opened storage: both backends, and what closes them. */
export interface Storage {
  readonly kind: StorageKind
  readonly documents: DocumentBackend
  readonly registry: RegistryBackend
  /** Pending phone ballots, when the storage keeps them (postgres); else files in the data folder. */
  readonly ballots?: PendingBallotBackend
  /** Closes both backends (pending writes finish first), then releases the folder. Idempotent. */
  close(): Promise<void>
}
