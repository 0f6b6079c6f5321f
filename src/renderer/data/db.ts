// The local Dexie database: every version and upgrade lives in this one file. It holds what
// is never synced: the catalogue of councils on this device, the meeting list projections
// (rebuilt from the meeting documents on demand), the device's settings, and the secret ballot
// box of a vote open on this device (ballotBox.ts), and how this device syncs each council
// (syncSettings.ts): the server, its join code and, on devices that own the council, its secret.
import Dexie, { type EntityTable, type Table } from 'dexie'
import type { CouncilKind } from '../../shared/domain/council'
import type { MeetingStatus } from '../../shared/domain/meeting'
import type { Choice } from '../../shared/domain/votes'

export interface CouncilRow {
  id: string
  name: string
  kind: CouncilKind
  community: string
  street: string
  memberCount: number
  updatedAt: string
  openedAt: string
}

export interface MeetingRow {
  id: string
  councilId: string
  title: string
  /** Lower-cased, NFKC-normalised title for search. */
  search: string
  startsAt: string
  year: number
  status: MeetingStatus
  place: string
  itemCount: number
  updatedAt: string
}

export interface SettingRow {
  key: string
  value: unknown
}

/** A secret ballot waiting in the box: a random id, the vote, the choice. No time, no voter, no sequence. */
export interface BallotRow {
  id: string
  voteId: string
  choice: Choice
}

/** Who has voted in a secret ballot on this device (never what): kept until the vote is cleared. */
export interface CheckOffRow {
  voteId: string
  memberId: string
}

export type SyncAccess = 'rw' | 'ro'

/** How this device syncs one council. Never synced itself: the secret must not reach a Y.Doc. */
export interface CouncilSyncRow {
  councilId: string
  /** ws:// or wss:// address of the council server. */
  serverUrl: string
  /** The join code this device presents for the council's documents. */
  code: string
  access: SyncAccess
  /** The council secret, only on devices that own the council (it makes and revokes codes). */
  secret?: string
  lastSyncedAt: string | null
  updatedAt: string
  /**
   * Documents with changes made here that the server may not have yet (edited offline, or
   * closed before the server acknowledged): sent when the council next syncs.
   */
  unpushed?: string[]
}

/** A join code this device made for another device, kept so it can be shown again or revoked. */
export interface IssuedCodeRow {
  codeId: string
  councilId: string
  access: SyncAccess
  code: string
  serverUrl: string
  label: string
  issuedAt: string
  revokedAt: string | null
}

/**
 * This device's signing key for sealing minutes and review opinions: Ed25519, the private key
 * non-extractable (IndexedDB keeps the CryptoKey itself, never its bytes).
 */
export interface DeviceKeyRow {
  id: 'device'
  keyPair: CryptoKeyPair
  /** The raw public key, base64url: what bundles carry and reviewers see. */
  publicKey: string
  createdAt: string
}

/** A bundle a street-office reviewer opened on this device, and the opinion given on it. */
export interface ReviewRow {
  /** The bundle's annex-seal hash: the same file opened twice is one row. */
  bundleHash: string
  /** The bundle file as received (canonical JSON). */
  text: string
  fileName: string
  councilName: string
  meetingTitle: string
  meetingStartsAt: string
  openedAt: string
  /** The signed review file once the reviewer decided (accepted / returned). */
  decision: 'accepted' | 'returned' | null
  reviewFile: string | null
  decidedAt: string | null
}

/** An attached file's bytes, by content hash (blobs.ts); the documents hold only its reference. */
export interface BlobRow {
  hash: string
  bytes: Uint8Array
  size: number
  storedAt: string
  /** Councils whose server does not have it yet (multi-entry index: what to upload). */
  pendingFor: string[]
  uploadedTo: string[]
}

export type YishiDb = Dexie & {
  councils: EntityTable<CouncilRow, 'id'>
  meetings: EntityTable<MeetingRow, 'id'>
  settings: EntityTable<SettingRow, 'key'>
  ballots: EntityTable<BallotRow, 'id'>
  checkOffs: Table<CheckOffRow, [string, string]>
  councilSync: EntityTable<CouncilSyncRow, 'councilId'>
  issuedCodes: EntityTable<IssuedCodeRow, 'codeId'>
  deviceKeys: EntityTable<DeviceKeyRow, 'id'>
  reviews: EntityTable<ReviewRow, 'bundleHash'>
  blobs: EntityTable<BlobRow, 'hash'>
}

export const DB_NAME = 'yishi'

export function openDb(name = DB_NAME): YishiDb {
  const db = new Dexie(name) as YishiDb
  db.version(1).stores({
    councils: 'id, name, openedAt',
    meetings: 'id, councilId, [councilId+startsAt], [councilId+year], [councilId+status]',
    settings: 'key',
  })
  // Version 2 keeps version 1's stores and adds the secret ballot box.
  db.version(2).stores({
    ballots: 'id, voteId',
    checkOffs: '[voteId+memberId], voteId',
  })
  // Version 3 keeps the earlier stores and adds sync: per-council settings and issued codes.
  db.version(3).stores({
    councilSync: 'councilId',
    issuedCodes: 'codeId, councilId',
  })
  // Version 4 adds the device's signing key (minutes seals, review opinions) and the reviewer's bundles.
  db.version(4).stores({
    deviceKeys: 'id',
    reviews: 'bundleHash, openedAt',
  })
  // Version 5 adds the attached files' bytes, by content hash (blobs.ts).
  db.version(5).stores({
    blobs: 'hash, storedAt, *pendingFor',
  })
  return db
}

export const normaliseSearch = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()
