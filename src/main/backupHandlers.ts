// The backup channels: choose the folder (a directory dialog; main remembers it in the shell
// settings), status, write, list and read. The renderer makes a backup's bytes and names a
// backup to read; every path stays in main, and a name is only ever looked up in the folder's list.
import {
  BACKUP_TEXT_MAX,
  ipcErr,
  ipcOk,
  type BackupEntry,
  type BackupFolderState,
  type IpcErrorCode,
  type IpcResult,
} from '../shared/ipc'
import { BackupFileError, type BackupFileErrorCode, type BackupFileInfo } from './backup'
import type { IpcDeps, IpcHandlers } from './ipc-handlers'
import type { SettingsFile } from './settingsFile'

/** What backup.ts provides; injected so tests can fake the disk. */
export interface BackupStore {
  /** Throws BackupFileError (folder state, noSpace, writeFailed); writes nothing then. */
  writeBackup(folder: string, data: Uint8Array, now: Date): Promise<{ path: string; removed: string[] }>
  /** Newest first; mtime is an ISO instant. */
  listBackups(folder: string): Promise<BackupFileInfo[]>
  readBackupFile(path: string, maxBytes: number): Promise<Uint8Array>
  checkBackupFolder(folder: string): Promise<BackupFolderState>
}

export interface BackupDeps {
  store: BackupStore
  settings: SettingsFile
  now(): Date
}

type BackupChannels = 'backup:chooseFolder' | 'backup:status' | 'backup:write' | 'backup:list' | 'backup:read'

/** Why a folder cannot take a backup now, as the code the renderer explains. */
const FOLDER_ERRORS: Record<Exclude<BackupFolderState, 'ok'>, IpcErrorCode> = {
  missing: 'folder-missing',
  notWritable: 'folder-not-writable',
  // Only a damaged settings file could hold a relative path: as good as no folder at all.
  notAbsolute: 'no-folder',
}

/** What a BackupFileError means to the renderer. */
const FILE_ERRORS: Record<BackupFileErrorCode, IpcErrorCode> = {
  ...FOLDER_ERRORS,
  noSpace: 'disk-full',
  writeFailed: 'write-failed',
  notFile: 'not-a-file',
  tooLarge: 'too-large',
  unreadable: 'read-failed',
}

function errorCode(error: unknown, otherwise: IpcErrorCode): IpcErrorCode {
  return error instanceof BackupFileError ? FILE_ERRORS[error.code] : otherwise
}

/** The remembered folder, if it is there to read from. */
async function readableFolder({ store, settings }: BackupDeps): Promise<IpcResult<string>> {
  const folder = (await settings.read()).backupFolder
  if (folder === null) return ipcErr('no-folder')
  const state = await store.checkBackupFolder(folder)
  // A read-only folder still holds backups to list and restore.
  if (state === 'ok' || state === 'notWritable') return ipcOk(folder)
  return ipcErr(FOLDER_ERRORS[state])
}

/** Names, sizes and times only: paths stay in main. In backup.ts's order, newest first. */
async function entries(store: BackupStore, folder: string): Promise<BackupEntry[]> {
  return (await store.listBackups(folder)).map((b) => ({ name: b.name, size: b.size, mtime: b.mtime }))
}

type Handler<C extends BackupChannels> = IpcHandlers[C]
type Log = ((message: string, error: unknown) => void) | undefined

function chooseFolder<W>(deps: IpcDeps<W>): Handler<'backup:chooseFolder'> {
  const { store, settings } = deps.backups
  return async (sender) => {
    const window = deps.windowFor(sender)
    if (window === null) return ipcErr('no-window')
    const current = (await settings.read()).backupFolder
    const choice = await deps.showOpenDialog(window, {
      title: deps.text('dialog.chooseBackupFolder'),
      buttonLabel: deps.text('dialog.useAsBackupFolder'),
      defaultPath: current ?? deps.defaultSaveDir(),
      properties: ['openDirectory', 'createDirectory'],
    })
    const folder = choice.filePaths[0]
    if (choice.canceled || folder === undefined || folder === '') return ipcOk({ chosen: false })
    const state = await store.checkBackupFolder(folder)
    // A folder that cannot take a backup is not remembered: the previous choice stays.
    if (state !== 'ok') return ipcErr(FOLDER_ERRORS[state])
    await settings.update({ backupFolder: folder })
    return ipcOk({ chosen: true, folder })
  }
}

function status({ store, settings }: BackupDeps, log: Log): Handler<'backup:status'> {
  return async () => {
    const folder = (await settings.read()).backupFolder
    if (folder === null) return ipcOk({ folder: null, folderState: 'none', last: null, count: 0 })
    const folderState = await store.checkBackupFolder(folder)
    let list: BackupEntry[] = []
    if (folderState === 'ok' || folderState === 'notWritable') {
      try {
        list = await entries(store, folder)
      } catch (error) {
        log?.('listing the backups failed', error)
      }
    }
    const newest = list[0]
    return ipcOk({
      folder,
      folderState,
      last: newest === undefined ? null : { name: newest.name, mtime: newest.mtime },
      count: list.length,
    })
  }
}

function read(backups: BackupDeps, log: Log): Handler<'backup:read'> {
  return async (_sender, { name }) => {
    const folder = await readableFolder(backups)
    if (!folder.ok) return folder
    let found: { path: string; name: string } | undefined
    try {
      // The name is matched against what is in the folder; the path comes from that list.
      found = (await backups.store.listBackups(folder.value)).find((b) => b.name === name)
    } catch (error) {
      log?.('listing the backups failed', error)
      return ipcErr(errorCode(error, 'read-failed'))
    }
    if (found === undefined) return ipcErr('not-found')
    try {
      return ipcOk({ name: found.name, bytes: await backups.store.readBackupFile(found.path, BACKUP_TEXT_MAX) })
    } catch (error) {
      log?.('reading a backup failed', error)
      return ipcErr(errorCode(error, 'read-failed'))
    }
  }
}

export function createBackupHandlers<W>(deps: IpcDeps<W>): Pick<IpcHandlers, BackupChannels> {
  const backups = deps.backups
  const log: Log = (message, error) => deps.log?.(message, error)
  return {
    'backup:chooseFolder': chooseFolder(deps),
    'backup:status': status(backups, log),

    'backup:write': async (_sender, { data }) => {
      const folder = (await backups.settings.read()).backupFolder
      if (folder === null) return ipcErr('no-folder')
      try {
        // backup.ts checks the folder first and writes one backup at a time per folder.
        return ipcOk(await backups.store.writeBackup(folder, data, backups.now()))
      } catch (error) {
        log?.('writing a backup failed', error)
        return ipcErr(errorCode(error, 'write-failed'))
      }
    },

    'backup:list': async () => {
      const folder = await readableFolder(backups)
      if (!folder.ok) return folder
      try {
        return ipcOk({ backups: await entries(backups.store, folder.value) })
      } catch (error) {
        log?.('listing the backups failed', error)
        return ipcErr(errorCode(error, 'read-failed'))
      }
    },

    'backup:read': read(backups, log),
  }
}
