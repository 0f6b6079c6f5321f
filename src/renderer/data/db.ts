// The local Dexie database: every version and upgrade lives in this one file. It holds what
// is never synced: the catalogue of councils on this device, the meeting list projections
// (rebuilt from the meeting documents on demand), the device's settings, and the secret ballot
// box of a vote open on this device (ballotBox.ts).
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

export type YishiDb = Dexie & {
  councils: EntityTable<CouncilRow, 'id'>
  meetings: EntityTable<MeetingRow, 'id'>
  settings: EntityTable<SettingRow, 'key'>
  ballots: EntityTable<BallotRow, 'id'>
  checkOffs: Table<CheckOffRow, [string, string]>
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
  return db
}

export const normaliseSearch = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()
