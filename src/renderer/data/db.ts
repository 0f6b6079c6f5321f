// The local Dexie database: every version and upgrade lives in this one file. It holds what
// is never synced: the catalogue of councils on this device, the meeting list projections
// (rebuilt from the meeting documents on demand) and the device's settings.
import Dexie, { type EntityTable } from 'dexie'
import type { CouncilKind } from '../../shared/domain/council'
import type { MeetingStatus } from '../../shared/domain/meeting'

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

export type YishiDb = Dexie & {
  councils: EntityTable<CouncilRow, 'id'>
  meetings: EntityTable<MeetingRow, 'id'>
  settings: EntityTable<SettingRow, 'key'>
}

export const DB_NAME = 'yishi'

export function openDb(name = DB_NAME): YishiDb {
  const db = new Dexie(name) as YishiDb
  db.version(1).stores({
    councils: 'id, name, openedAt',
    meetings: 'id, councilId, [councilId+startsAt], [councilId+year], [councilId+status]',
    settings: 'key',
  })
  return db
}

export const normaliseSearch = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()
