// The host phones reach for this council (phone ballots, satisfaction surveys), as this device may
// use it (read-write sync settings): undefined while loading, null when the council does not sync
// through a server here.
import { useLiveQuery } from 'dexie-react-hooks'
import { useEnv } from './env'
import type { CouncilSyncRow } from '../data/db'
import { getSyncSettings } from '../data/syncSettings'

/** The council's sync server as the phones' host, as this device may use it: read-write only. */
export interface PhoneHost {
  serverUrl: string
  /** The council's read-write join code on this device: proves the right to seal. */
  code: string
}

export const phoneHostOf = (row: CouncilSyncRow | null | undefined): PhoneHost | null =>
  row && row.access === 'rw' && row.serverUrl && row.code ? { serverUrl: row.serverUrl, code: row.code } : null

/** Why this device has no phones' host, so the screen says the true reason: it does not sync this
 *  council at all, or it joined read-only (only a read-write device may seal phone ballots). */
export const phoneHostMissing = (row: CouncilSyncRow | null | undefined): 'noSync' | 'readOnly' | null =>
  phoneHostOf(row) ? null : row?.serverUrl && row.access === 'ro' ? 'readOnly' : 'noSync'


export function usePhoneHost(councilId: string): PhoneHost | null | undefined {
  const { db } = useEnv()
  return useLiveQuery(async () => phoneHostOf(await getSyncSettings(db, councilId)), [db, councilId])
}

/** Why there is no host here (undefined while loading, null when there is one). */
export function usePhoneHostMissing(councilId: string): 'noSync' | 'readOnly' | null | undefined {
  const { db } = useEnv()
  return useLiveQuery(async () => phoneHostMissing(await getSyncSettings(db, councilId)), [db, councilId])
}
