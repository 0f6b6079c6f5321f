// What a finished restore says about council keys (issue 24): put back (this laptop can invite
// again), left as they were (this device already syncs under a newer key), or not restored at all
// (a backup without keys, or no passphrase given), with what to do then.
import type { TFunction } from 'i18next'
import type { InstalledKeys } from '../../data/backupKeys'

export function keysNoteOf(t: TFunction<['backup', 'common']>, keys: InstalledKeys | null, carried: boolean): { kind: 'ok' | 'info'; text: string } {
  if (keys === null) return { kind: 'info', text: t(carried ? 'backup:keys.skipped' : 'backup:keys.none') }
  const parts: string[] = []
  if (keys.installed.length) parts.push(t('backup:keys.restored', { count: keys.installed.length }))
  if (keys.mismatched.length) parts.push(t('backup:keys.mismatched', { count: keys.mismatched.length }))
  return { kind: keys.mismatched.length ? 'info' : 'ok', text: parts.join(' ') || t('backup:keys.noneInside') }
}
