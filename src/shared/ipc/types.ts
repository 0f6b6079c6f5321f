// The IPC contract's vocabulary: error codes, the Result shape, every request and answer, the file
// kinds and limits, and the menu commands. Pure types and constants; contract.ts puts them together.
import type { Language } from '../i18n/languages'

/**
 * Errors cross the boundary as codes, never as messages: the renderer translates them, and
 * main's exceptions (paths, stack traces) stay in main's log.
 */
export const IPC_ERROR_CODES = [
  'invalid-payload', // the payload failed its validator
  'forbidden-sender', // the request came from a frame that is not the app's main frame
  'no-window', // the sender has no window to print or to attach a dialog to
  'print-failed',
  'pdf-failed',
  'write-failed',
  'disk-full', // nothing was written: the disk or the USB stick is full
  'read-failed',
  'not-a-file', // a directory, a device, a pipe: only regular files are opened
  'too-large', // a file (or all the files chosen together) over the size limit
  'too-many-files',
  'no-folder', // no backup folder chosen yet
  'folder-missing', // the backup folder is gone (a USB stick unplugged, a network share offline)
  'folder-not-writable',
  'not-found', // a backup name that is not in the backup folder's list
  'internal', // anything unexpected; details are in main's log
] as const
export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number]

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcErrorCode }

export const ipcOk = <T>(value: T): IpcResult<T> => ({ ok: true, value })
export const ipcErr = <T = never>(error: IpcErrorCode): IpcResult<T> => ({ ok: false, error })

export interface AppInfo {
  version: string
  platform: string
  /** app.getPath('userData'): shown to the user as "where your data is stored". */
  dataDir: string
}

export interface SavePdfRequest {
  /** A file name without folders; main sanitizes it further and adds ".pdf". */
  suggestedName: string
}

export type SavePdfResult = { saved: true; path: string } | { saved: false }

export interface OpenProjectorRequest {
  /**
   * The projector screen's hash route, exactly `#/c/<councilId>/m/<meetingId>/projector`
   * (see PROJECTOR_ROUTE_PATTERN); build it with projectorRoute().
   */
  route: string
}

/** Where the projector window went: a second display (fullscreen) or, lacking one, the primary (windowed). */
export type ProjectorDisplay = 'external' | 'primary'

export interface OpenProjectorResult {
  opened: true
  display: ProjectorDisplay
}

export interface SetLanguageRequest {
  /** The interface language: main rebuilds its menus and labels its dialogs in it. */
  language: Language
}

// ---- files ---------------------------------------------------------------------------------

/** What the renderer may save through the native save dialog. */
export const SAVE_FILE_KINDS = ['pdf', 'docx', 'bundle', 'review', 'backup', 'csv', 'xlsx', 'html'] as const
export type SaveFileKind = (typeof SAVE_FILE_KINDS)[number]

/** What the renderer may ask the user to open; a register is a CSV or XLSX spreadsheet. */
export const OPEN_FILE_KINDS = ['bundle', 'review', 'backup', 'register'] as const
export type OpenFileKind = (typeof OPEN_FILE_KINDS)[number]

/** The full suffix of each kind; main adds it to a suggested name that lacks it. */
export const FILE_EXTENSIONS: Record<SaveFileKind, string> = {
  pdf: '.pdf',
  docx: '.docx',
  bundle: '.yishi.json',
  review: '.yishi-review.json',
  backup: '.yishibackup',
  csv: '.csv',
  xlsx: '.xlsx',
  html: '.html',
}

/** The most a saved file, or one opened file other than a backup, may weigh (bytes). */
export const FILE_DATA_MAX = 64 * 1024 * 1024
/**
 * The largest backup file in bytes, read or written (a version 1 text was at most this many UTF-16
 * code units, a version 2 file is gzipped bytes). The same number as MAX_BACKUP_CHARS in
 * shared/backup/format.ts (a test keeps them equal; not
 * imported, so the preload does not bundle the backup format).
 */
export const BACKUP_TEXT_MAX = 256 * 1024 * 1024
/** The byte limit of one opened file, by kind. */
export const OPEN_FILE_MAX: Record<OpenFileKind, number> = {
  bundle: FILE_DATA_MAX,
  review: FILE_DATA_MAX,
  backup: BACKUP_TEXT_MAX,
  register: FILE_DATA_MAX,
}
/** How many files one open may return, and how much they may weigh together. */
export const OPEN_FILES_MAX = 20
export const OPEN_FILES_TOTAL_MAX = BACKUP_TEXT_MAX

export interface SaveFileRequest {
  /** A file name without folders; main sanitizes it again and makes it end in the kind's extension. */
  suggestedName: string
  kind: SaveFileKind
  /** Text is written as UTF-8 (put a BOM first for CSV that Excel should read as UTF-8). */
  data: string | Uint8Array
}

/** Where the file went, or saved: false when the user cancelled the dialog. */
export type SaveFileResult = { saved: true; path: string } | { saved: false }

export interface OpenFileRequest {
  kind: OpenFileKind
  multiple: boolean
}

export interface OpenedFile {
  /** The file's name without its folder. */
  name: string
  bytes: Uint8Array
}

/** Cancelling the dialog answers an empty list. */
export interface OpenFileResult {
  files: OpenedFile[]
}

// ---- backups -------------------------------------------------------------------------------

/** What main found at the backup folder; 'none' when none was chosen. */
export type BackupFolderState = 'ok' | 'missing' | 'notWritable' | 'notAbsolute'

export type ChooseBackupFolderResult = { chosen: true; folder: string } | { chosen: false }

export interface BackupStatus {
  folder: string | null
  folderState: BackupFolderState | 'none'
  /** The newest backup in the folder (mtime: ISO 8601), or null when there is none. */
  last: { name: string; mtime: string } | null
  count: number
}

export interface WriteBackupRequest {
  /** The backup file's whole content, made by the renderer (gzipped: shared/backup/packed.ts). */
  data: Uint8Array
}

export interface WriteBackupResult {
  path: string
  /** Older backups removed to keep the folder to its limit. */
  removed: string[]
}

export interface BackupEntry {
  /** The name to pass to readBackup: the renderer never sends a path. */
  name: string
  size: number
  /** ISO 8601. */
  mtime: string
}

export interface ListBackupsResult {
  /** Newest first. */
  backups: BackupEntry[]
}

export interface ReadBackupRequest {
  /** A name from listBackups, nothing else. */
  name: string
}

export interface ReadBackupResult {
  name: string
  /** The file as it is on disk; the renderer tells the versions apart (shared/backup/format.ts). */
  bytes: Uint8Array
}

// ---- the application menu ------------------------------------------------------------------

/** The event channel main sends menu commands on (ipcRenderer.on, not invoke). */
export const MENU_COMMAND_CHANNEL = 'menu:command'

/** What the menu and its shortcuts ask the renderer to do; the renderer decides what each means where it is. */
export const MENU_COMMANDS = [
  'newCouncil',
  'reviewSubmissions',
  'backupNow',
  'restoreBackup',
  'print',
  'previousAgendaItem',
  'nextAgendaItem',
  'toggleSpeakingTimer',
  'recordSpeech',
  'openVote',
  'openProjector',
] as const
export type MenuCommand = (typeof MENU_COMMANDS)[number]

export const isMenuCommand = (value: unknown): value is MenuCommand =>
  typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value)

// ---- hosting sync on this laptop ----------------------------------------------------------

export interface HostSyncRequest {
  /** The council to host; its secret stays in the renderer, which registers it over HTTP. */
  councilId: string
}

export interface HostSyncResult {
  /** For this laptop's own connection (loopback). */
  localUrl: string
  /** For the other devices in the room: one per LAN address of this laptop. */
  lanUrls: string[]
  /** The host's TLS certificate (SHA-256, base64url) that join codes made here carry; absent without TLS. */
  fingerprint?: string
}
