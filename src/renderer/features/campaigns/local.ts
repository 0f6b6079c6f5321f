// This device's part in the campaigns, kept in Dexie settings (local, never synced): the name of
// the person recording (remembered so a canvasser types it once) and the device's label written
// beside every entry: words a person understands ("李秘书的电脑"), never a random id.
import { useLiveQuery } from 'dexie-react-hooks'
import { useTranslation } from 'react-i18next'
import { MAX_DEVICE_LABEL, MAX_PERSON_NAME } from '../../../shared/domain/campaign'
import type { YishiDb } from '../../data/db'

const RECORDER = 'campaigns.recorder'
const DEVICE = 'campaigns.device'

const text = (v: unknown, max: number): string => (typeof v === 'string' ? v.slice(0, max) : '')

export async function saveRecorder(db: YishiDb, name: string): Promise<void> {
  await db.transaction('rw', db.settings, () => db.settings.put({ key: RECORDER, value: name.trim().slice(0, MAX_PERSON_NAME) }))
}

/** The remembered recorder's name ('' until someone records), live. */
export function useRecorder(db: YishiDb): string | undefined {
  return useLiveQuery(async () => text((await db.settings.get(RECORDER))?.value, MAX_PERSON_NAME), [db])
}

// Labels earlier versions made up ("web-3fa9c1"): read as not chosen, so the words below replace them.
const MADE_UP = /^(web|electron|desktop)-[0-9a-f]{6}$/

export async function saveDeviceLabel(db: YishiDb, label: string): Promise<void> {
  const clean = label.trim().slice(0, MAX_DEVICE_LABEL)
  if (clean) await db.transaction('rw', db.settings, () => db.settings.put({ key: DEVICE, value: clean }))
}

/**
 * The device's label, live: the one the recorder typed (stored once used), or until then words
 * from who records on what ("李秘书的电脑", "李秘书's browser"); undefined while loading.
 */
export function useDeviceLabel(db: YishiDb, kind: string, recorder: string): string | undefined {
  const { t } = useTranslation('campaigns')
  const stored = useLiveQuery(async () => text((await db.settings.get(DEVICE))?.value, MAX_DEVICE_LABEL), [db])
  if (stored === undefined) return undefined
  if (stored && !MADE_UP.test(stored)) return stored
  const on = kind === 'electron' ? 'computer' : 'browser'
  const name = recorder.trim()
  return (name ? t(`device.${on}Of`, { name }) : t(`device.${on}`)).slice(0, MAX_DEVICE_LABEL)
}
