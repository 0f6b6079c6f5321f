// Our backup files as files: their names (which sort by time), the errors a file operation
// reports, the listing of a folder, and the bounded read of one file (backup.ts writes and rotates).
import { constants } from 'node:fs'
import { open, readdir, stat } from 'node:fs/promises'
import path from 'node:path'

export const BACKUP_EXTENSION = '.yishibackup'

/** yishi-backup-YYYYMMDD-HHmmss.yishibackup: fixed width, so name order is time order. */
export const NAME_PATTERN = /^yishi-backup-\d{8}-\d{6}\.yishibackup$/

/**
 * The same states as shared/ipc.ts's BackupFolderState. A path that names a file rather than a
 * folder reads as 'missing': the folder the user chose is not there.
 */
export type BackupFolderState = 'ok' | 'missing' | 'notWritable' | 'notAbsolute'

export type BackupFileErrorCode =
  | Exclude<BackupFolderState, 'ok'>
  /** The disk is full: nothing was written under a backup's name. */
  | 'noSpace'
  /** Any other failure while writing: nothing was written under a backup's name. */
  | 'writeFailed'
  | 'notFile'
  | 'tooLarge'
  | 'unreadable'

/** A backup file operation that failed; `code` is what the UI translates. */
export class BackupFileError extends Error {
  constructor(
    readonly code: BackupFileErrorCode,
    options?: { cause?: unknown },
  ) {
    super(`backup file: ${code}`, options)
    this.name = 'BackupFileError'
  }
}

export interface BackupFileInfo {
  name: string
  path: string
  size: number
  /** Last modified, ISO instant (informative: the time in the name is what orders backups). */
  mtime: string
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** `yishi-backup-YYYYMMDD-HHmmss.yishibackup` in local time: what a person reading the folder expects. */
export function backupFileName(now: Date): string {
  const day = `${pad(now.getFullYear(), 4)}${pad(now.getMonth() + 1)}${pad(now.getDate())}`
  const time = `${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`
  return `yishi-backup-${day}-${time}${BACKUP_EXTENSION}`
}

export const isBackupFileName = (name: string): boolean => NAME_PATTERN.test(name)

export const errno = (e: unknown): string | undefined => (e as NodeJS.ErrnoException | null)?.code

/** Our backups in `folder`, newest first (by the time in their names). Throws BackupFileError for an unusable folder. */
export async function listBackups(folder: string): Promise<BackupFileInfo[]> {
  if (typeof folder !== 'string' || !path.isAbsolute(folder)) throw new BackupFileError('notAbsolute')
  let entries
  try {
    entries = await readdir(folder, { withFileTypes: true })
  } catch (e) {
    const code = errno(e)
    throw new BackupFileError(code === 'EACCES' || code === 'EPERM' ? 'notWritable' : 'missing', { cause: e })
  }
  const names = entries
    .filter((e) => e.isFile() && NAME_PATTERN.test(e.name))
    .map((e) => e.name)
    .sort()
    .reverse()
  const out: BackupFileInfo[] = []
  for (const name of names) {
    const file = path.join(folder, name)
    try {
      const s = await stat(file)
      out.push({ name, path: file, size: s.size, mtime: s.mtime.toISOString() })
    } catch {
      // Removed since the listing (another device's rotation on a shared folder).
    }
  }
  return out
}

/**
 * The bytes of a backup file, refusing anything but a regular file of at most `maxBytes` (pass
 * MAX_BACKUP_CHARS from shared/backup/format.ts). A FIFO or device is refused before it is
 * opened, and opened without blocking in case it was swapped in since. Bytes, not text: a
 * version 2 backup is gzipped, and the renderer tells the versions apart (a version 1 text's byte
 * order mark, an editor's, is dropped there).
 */
export async function readBackupFile(file: string, maxBytes: number): Promise<Uint8Array> {
  if (typeof file !== 'string' || file.includes('\0') || !path.isAbsolute(file)) throw new BackupFileError('notAbsolute')
  let size: number
  try {
    const s = await stat(file)
    if (!s.isFile()) throw new BackupFileError('notFile')
    size = s.size
  } catch (e) {
    if (e instanceof BackupFileError) throw e
    throw new BackupFileError(errno(e) === 'ENOENT' || errno(e) === 'ENOTDIR' ? 'missing' : 'unreadable', { cause: e })
  }
  if (size > maxBytes) throw new BackupFileError('tooLarge')
  let handle
  try {
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  } catch (e) {
    throw new BackupFileError(errno(e) === 'ENOENT' ? 'missing' : 'unreadable', { cause: e })
  }
  try {
    const s = await handle.stat()
    if (!s.isFile()) throw new BackupFileError('notFile')
    // Read one byte past the limit, whatever the size said, in case the file grew since.
    const buffer = Buffer.alloc(Math.min(s.size, maxBytes) + 1)
    let length = 0
    for (;;) {
      // Full: past the limit, or longer than it was a moment ago (being written): not a backup to trust.
      if (length === buffer.length) throw new BackupFileError(length > maxBytes ? 'tooLarge' : 'unreadable')
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length)
      if (bytesRead === 0) break
      length += bytesRead
    }
    return new Uint8Array(buffer.buffer, buffer.byteOffset, length)
  } catch (e) {
    if (e instanceof BackupFileError) throw e
    throw new BackupFileError('unreadable', { cause: e })
  } finally {
    await handle.close()
  }
}
