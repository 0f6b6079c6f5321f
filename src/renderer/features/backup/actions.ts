// Backups as the user meets them: one file with every council's documents and the safe local
// settings, written to the backup folder (desktop) or downloaded (browser); restoring verifies
// the file, shows what it holds, and merges it (a CRDT merge never loses newer edits).
import { decodeBackup, encodeBackup, type BackupDecodeError, type BackupSummary } from '../../../shared/backup/format'
import type { BackupContent } from '../../../shared/backup/format'
import { openKeys, type OpenKeysError } from '../../../shared/backup/sealedKeys'
import type { AppEnv } from '../../kit/env'
import { collectBackup, restoreBackup, type RestoreResult } from '../../sync/backup'

/** The backup file's name when downloaded in a browser (the desktop names its files itself). */
export const downloadName = (now: string): string => `yishi-backup-${now.slice(0, 19).replace(/[-:]/g, '').replace('T', '-')}.yishibackup`

/** The backup file's bytes; with a passphrase, it also carries this device's council keys sealed under it. */
async function backupBytes(env: AppEnv, passphrase?: string): Promise<Uint8Array> {
  const info = await env.platform.getAppInfo()
  return encodeBackup(await collectBackup(env, info.version, passphrase ? { passphrase } : {}))
}

/** Desktop: writes a backup into the chosen folder (the oldest beyond 30 are removed). */
export async function backupToFolder(env: AppEnv, passphrase?: string): Promise<{ path: string; removed: string[] }> {
  const backups = env.platform.capability('backups')
  if (!backups) throw new Error('no-folder')
  return backups.write(await backupBytes(env, passphrase))
}

/** Browser (or a copy anywhere on the desktop): saves the backup file where the user says. */
export async function backupToFile(env: AppEnv, passphrase?: string): Promise<{ saved: boolean }> {
  const data = await backupBytes(env, passphrase)
  return env.platform.saveFile({ suggestedName: downloadName(env.now()), kind: 'backup', data, mime: 'application/octet-stream' })
}

export type ReadBackup = { ok: true; content: BackupContent; summary: BackupSummary } | { ok: false; error: BackupDecodeError; appVersion?: string }

/** Reads and verifies a backup file (either version's bytes); nothing is written. */
export const readBackup = (bytes: Uint8Array): Promise<ReadBackup> => decodeBackup(bytes)

export type Restored = { ok: true; result: RestoreResult } | { ok: false; error: OpenKeysError }

/**
 * Merges a verified backup into this device's data. With a passphrase, the backup's council keys
 * are opened FIRST: a wrong passphrase (or damaged keys) restores nothing at all. Without one,
 * everything but the keys is restored.
 */
export async function restore(env: AppEnv, content: BackupContent, passphrase = ''): Promise<Restored> {
  let keys = null
  if (content.keys && passphrase) {
    const opened = await openKeys(content.keys, passphrase)
    if (!opened.ok) return opened
    keys = opened.keys
  }
  return { ok: true, result: await restoreBackup(env, content, keys) }
}

/** How long the desktop waits between automatic backups while it is open. */
export const DAILY_MS = 24 * 60 * 60 * 1000

/** Whether an automatic backup is due: a folder that is there, and none in the last day. */
export function backupDue(status: { folderState: string; last: { mtime: string } | null }, now: string): boolean {
  if (status.folderState !== 'ok') return false
  if (!status.last) return true
  return Date.parse(now) - Date.parse(status.last.mtime) >= DAILY_MS
}
