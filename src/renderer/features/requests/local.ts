// This device's part in the requests: the name of the person recording (登记人), remembered in
// Dexie settings (local, never synced) so a secretary types it once; written beside each entry.
import { useLiveQuery } from 'dexie-react-hooks'
import { MAX_SHORT_TEXT } from '../../../shared/matters/requests'
import type { YishiDb } from '../../data/db'

const RECORDER = 'requests.recorder'

export async function saveRecorder(db: YishiDb, name: string): Promise<void> {
  await db.transaction('rw', db.settings, () => db.settings.put({ key: RECORDER, value: name.trim().slice(0, MAX_SHORT_TEXT) }))
}

/** The remembered recorder's name ('' until someone records), live; undefined while loading. */
export function useRecorder(db: YishiDb): string | undefined {
  return useLiveQuery(async () => {
    const v = (await db.settings.get(RECORDER))?.value
    return typeof v === 'string' ? v : ''
  }, [db])
}
