// Device settings in Dexie (not synced): the interface language.
import { isLanguage, DEFAULT_LANGUAGE, type Language } from '../../shared/i18n/languages'
import type { YishiDb } from './db'

export async function loadLanguage(db: YishiDb): Promise<Language> {
  const row = await db.settings.get('language')
  return isLanguage(row?.value) ? row.value : DEFAULT_LANGUAGE
}

export async function saveLanguage(db: YishiDb, language: Language): Promise<void> {
  await db.transaction('rw', db.settings, () => db.settings.put({ key: 'language', value: language }))
}
