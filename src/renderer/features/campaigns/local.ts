// This device's part in the campaigns, kept in Dexie settings (local, never synced): the name of
// the person recording (remembered so a canvasser types it once) and the device's label written
// beside every entry.
import { useEffect } from 'react'
import { useLiveQuery } from 'dexie-react-hooks'
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

/**
 * The device's label, made once ("web-3fa9c1"): stable across sessions, so two laptops'
 * entries for one household can be told apart. Two windows asking at once keep the first stored.
 */
export async function deviceLabel(db: YishiDb, kind: string): Promise<string> {
  const existing = text((await db.settings.get(DEVICE))?.value, MAX_DEVICE_LABEL)
  if (existing) return existing
  const fresh = `${kind}-${crypto.randomUUID().slice(0, 6)}`
  return db.transaction('rw', db.settings, async () => {
    const raced = text((await db.settings.get(DEVICE))?.value, MAX_DEVICE_LABEL)
    if (raced) return raced
    await db.settings.put({ key: DEVICE, value: fresh })
    return fresh
  })
}

export async function saveDeviceLabel(db: YishiDb, label: string): Promise<void> {
  const clean = label.trim().slice(0, MAX_DEVICE_LABEL)
  if (clean) await db.transaction('rw', db.settings, () => db.settings.put({ key: DEVICE, value: clean }))
}

/** The device's label, live; '' while it is being made (a live query only reads, so it is made apart). */
export function useDeviceLabel(db: YishiDb, kind: string): string | undefined {
  useEffect(() => {
    deviceLabel(db, kind).catch((e: unknown) => console.error('device label', e))
  }, [db, kind])
  return useLiveQuery(async () => text((await db.settings.get(DEVICE))?.value, MAX_DEVICE_LABEL), [db])
}
