// The host phones reach for this council, as this device may use it (read-write sync settings):
// undefined while loading, null when the council does not sync through a server here.
import { useLiveQuery } from 'dexie-react-hooks'
import { useEnv } from '../../kit/env'
import { getSyncSettings } from '../../data/syncSettings'
import { phoneHostMissing, phoneHostOf, type PhoneHost } from './phoneActions'

export function usePhoneHost(councilId: string): PhoneHost | null | undefined {
  const { db } = useEnv()
  return useLiveQuery(async () => phoneHostOf(await getSyncSettings(db, councilId)), [db, councilId])
}

/** Why there is no host here (undefined while loading, null when there is one). */
export function usePhoneHostMissing(councilId: string): 'noSync' | 'readOnly' | null | undefined {
  const { db } = useEnv()
  return useLiveQuery(async () => phoneHostMissing(await getSyncSettings(db, councilId)), [db, councilId])
}
