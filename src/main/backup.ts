// Backup files in the folder the user chose (a USB stick, a network share): an atomic write (a
// temporary file in the same folder, fsync, rename) and rotation that keeps the newest 30 of our
// files and nothing else. Names, errors, the listing and the bounded read are in backupFile.ts,
// re-exported here so callers import one module. Plain Node module: what goes into a backup is the
// renderer's (data/backup.ts), the format is shared/backup; the Electron wiring (folder dialog,
// timers, IPC) only calls these.
import { randomBytes } from 'node:crypto'
import { open, readdir, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { BackupFileError, NAME_PATTERN, backupFileName, errno, type BackupFileErrorCode, type BackupFolderState } from './backupFile'

export * from './backupFile'

/** How many backups rotation keeps in a folder. */
export const BACKUPS_KEPT = 30

/** Our own temporary files: `.` + the final name + random hex + `.tmp` (hidden, never matches NAME_PATTERN). */
const TEMP_PATTERN = /^\.yishi-backup-\d{8}-\d{6}\.yishibackup\.[0-9a-f]{16}\.tmp$/
/** A temporary file this old was left by a write that crashed (or a power cut), not one in progress. */
const STALE_TEMP_MS = 60 * 60 * 1000

/** The file operations writeBackup uses, replaceable so tests can make a write fail half way. */
export interface BackupIo {
  writeTemp(file: string, data: Uint8Array): Promise<void>
  rename(from: string, to: string): Promise<void>
}

const nodeIo: BackupIo = {
  async writeTemp(file, data) {
    // 'wx': never follow or reuse something already there under the temporary name.
    const handle = await open(file, 'wx')
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
  },
  rename,
}

/**
 * Whether backups can be written to `folder`. The folder is never created: an unplugged USB
 * stick leaves its mount point missing (or an empty folder on the local disk, which cannot be
 * told apart), and creating it would put the backup somewhere the user did not choose. Writable
 * is tested by creating and removing a small hidden file, since permission bits say little on
 * network shares and Windows.
 */
export async function checkBackupFolder(folder: string): Promise<BackupFolderState> {
  if (typeof folder !== 'string' || folder.includes('\0') || !path.isAbsolute(folder)) return 'notAbsolute'
  try {
    if (!(await stat(folder)).isDirectory()) return 'missing'
  } catch (e) {
    return errno(e) === 'EACCES' || errno(e) === 'EPERM' ? 'notWritable' : 'missing'
  }
  const probe = path.join(folder, `.yishi-probe-${randomBytes(8).toString('hex')}.tmp`)
  try {
    const handle = await open(probe, 'wx')
    await handle.close()
    await rm(probe, { force: true })
    return 'ok'
  } catch (e) {
    return errno(e) === 'ENOENT' ? 'missing' : 'notWritable'
  }
}

// One write at a time per folder in this process (a meeting closing during the daily backup),
// so rotation never races a write; the single-instance lock covers other processes.
const queues = new Map<string, Promise<unknown>>()

/**
 * Writes `data` as the backup taken at `now`, atomically: the bytes go to a temporary file in
 * the same folder, is fsynced, and is renamed to its final name, so a backup's name never shows
 * a partial file and a failed write leaves the earlier backups as they were. Then rotation keeps
 * the newest BACKUPS_KEPT backups (by the time in their names) and removes the older ones; files
 * that are not ours are never touched. A folder that is not usable throws BackupFileError with
 * its state, before anything is written.
 */
export function writeBackup(folder: string, data: Uint8Array, now: Date, io: BackupIo = nodeIo): Promise<{ path: string; removed: string[] }> {
  const key = String(folder)
  const run = (queues.get(key) ?? Promise.resolve()).catch(() => {}).then(() => writeNow(folder, data, now, io))
  queues.set(key, run)
  void run.finally(() => {
    if (queues.get(key) === run) queues.delete(key)
  }).catch(() => {})
  return run
}

async function writeNow(folder: string, data: Uint8Array, now: Date, io: BackupIo): Promise<{ path: string; removed: string[] }> {
  const state = await checkBackupFolder(folder)
  if (state !== 'ok') throw new BackupFileError(state)
  const name = backupFileName(now)
  const final = path.join(folder, name)
  const temp = path.join(folder, `.${name}.${randomBytes(8).toString('hex')}.tmp`)
  try {
    await io.writeTemp(temp, data)
    await io.rename(temp, final)
  } catch (e) {
    await rm(temp, { force: true }).catch(() => {})
    throw new BackupFileError(errorCodeOf(e), { cause: e })
  }
  await syncFolder(folder)
  return { path: final, removed: await rotate(folder, name) }
}

function errorCodeOf(e: unknown): BackupFileErrorCode {
  switch (errno(e)) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'noSpace'
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'notWritable'
    case 'ENOENT':
    case 'ENOTDIR':
    case 'ENODEV':
    case 'ENXIO':
      // The folder went away mid-write: the stick was pulled.
      return 'missing'
    default:
      return 'writeFailed'
  }
}

/** Makes the rename itself durable where the OS allows it (POSIX); Windows cannot open a folder. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    // Best effort: the file's own data was fsynced before the rename.
  }
}

/**
 * Removes our backups beyond the newest BACKUPS_KEPT, and our temporary files left by a crash.
 * Never the one just written, even when a wrong clock makes its name the oldest. Best effort: a
 * file that cannot be removed now is removed by a later rotation, and the backup stands.
 */
async function rotate(folder: string, written: string): Promise<string[]> {
  let entries
  try {
    entries = await readdir(folder, { withFileTypes: true })
  } catch {
    return []
  }
  const ours = entries
    .filter((e) => e.isFile() && NAME_PATTERN.test(e.name))
    .map((e) => e.name)
    .sort()
    .reverse()
  const removed: string[] = []
  for (const name of ours.slice(BACKUPS_KEPT)) {
    if (name === written) continue
    const file = path.join(folder, name)
    try {
      await rm(file)
      removed.push(file)
    } catch {
      // Left for the next rotation.
    }
  }
  const cutoff = Date.now() - STALE_TEMP_MS
  for (const e of entries) {
    if (!e.isFile() || !TEMP_PATTERN.test(e.name)) continue
    const file = path.join(folder, e.name)
    try {
      if ((await stat(file)).mtimeMs < cutoff) await rm(file)
    } catch {
      // Gone already, or not ours to remove now.
    }
  }
  return removed
}
