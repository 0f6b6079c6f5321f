// THE contract between renderer and main: channel names, payload and result types, and the
// pure validators main runs on every payload. Renderer, preload and main all import this file.
import { isLanguage, type Language } from './i18n/languages'

/** Every channel main answers with ipcMain.handle. Add a channel here first, then everywhere. */
export const IPC_CHANNELS = [
  'app:getInfo',
  'app:print',
  'app:savePdf',
  'app:openProjector',
  'app:setLanguage',
  'sync:host',
  'file:save',
  'file:open',
  'backup:chooseFolder',
  'backup:status',
  'backup:write',
  'backup:list',
  'backup:read',
] as const
export type IpcChannel = (typeof IPC_CHANNELS)[number]

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
 * The longest backup text, in UTF-16 code units; also the byte limit for reading a backup file.
 * The same number as MAX_BACKUP_CHARS in shared/backup/format.ts (a test keeps them equal; not
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
  /** The backup file's whole content, made by the renderer. */
  text: string
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
  text: string
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

/** What each channel receives (undefined: the channel takes no payload). */
export interface IpcPayloads {
  'app:getInfo': undefined
  'app:print': undefined
  'app:savePdf': SavePdfRequest
  'app:openProjector': OpenProjectorRequest
  'app:setLanguage': SetLanguageRequest
  'sync:host': HostSyncRequest
  'file:save': SaveFileRequest
  'file:open': OpenFileRequest
  'backup:chooseFolder': undefined
  'backup:status': undefined
  'backup:write': WriteBackupRequest
  'backup:list': undefined
  'backup:read': ReadBackupRequest
}

/** What each channel answers inside `{ ok: true, value }`. */
export interface IpcValues {
  'app:getInfo': AppInfo
  'app:print': void
  'app:savePdf': SavePdfResult
  'app:openProjector': OpenProjectorResult
  'app:setLanguage': void
  'sync:host': HostSyncResult
  'file:save': SaveFileResult
  'file:open': OpenFileResult
  'backup:chooseFolder': ChooseBackupFolderResult
  'backup:status': BackupStatus
  'backup:write': WriteBackupResult
  'backup:list': ListBackupsResult
  'backup:read': ReadBackupResult
}

/** What preload exposes as `window.yishi`: one named function per channel. */
export interface YishiApi {
  getAppInfo(): Promise<IpcResult<AppInfo>>
  /** Opens the system print dialog for the current page. Cancelling is not an error. */
  print(): Promise<IpcResult<void>>
  /** Renders the current page to an A4 PDF and asks where to save it. */
  savePdf(payload: SavePdfRequest): Promise<IpcResult<SavePdfResult>>
  /**
   * Opens the meeting's projector window at `route` (on a second display, fullscreen, when one
   * is connected), or loads `route` into the one already open and brings it forward.
   */
  openProjector(payload: OpenProjectorRequest): Promise<IpcResult<OpenProjectorResult>>
  /** Starts (once) the sync server inside the desktop app, for this council's devices on the LAN. */
  hostSync(payload: HostSyncRequest): Promise<IpcResult<HostSyncResult>>
  /** Tells main the interface language (on start and on every change): menus and dialogs follow it. */
  setLanguage(payload: SetLanguageRequest): Promise<IpcResult<void>>
  /** Asks where to save (native dialog, in Documents) and writes the data there. */
  saveFile(payload: SaveFileRequest): Promise<IpcResult<SaveFileResult>>
  /** Asks which file(s) to open (native dialog) and answers their bytes; cancelling answers none. */
  openFiles(payload: OpenFileRequest): Promise<IpcResult<OpenFileResult>>
  /** Asks for the folder automatic backups go to, checks it can be written, and remembers it. */
  chooseBackupFolder(): Promise<IpcResult<ChooseBackupFolderResult>>
  backupStatus(): Promise<IpcResult<BackupStatus>>
  /** Writes one backup file to the remembered folder (and prunes old ones). */
  writeBackup(payload: WriteBackupRequest): Promise<IpcResult<WriteBackupResult>>
  listBackups(): Promise<IpcResult<ListBackupsResult>>
  readBackup(payload: ReadBackupRequest): Promise<IpcResult<ReadBackupResult>>
  /** Calls `listener` for every menu command or shortcut; returns the function that stops it. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
}

/** The API functions that subscribe to events main sends, rather than invoking a channel. */
export const YISHI_API_EVENTS = {
  onMenuCommand: MENU_COMMAND_CHANNEL,
} as const satisfies Partial<Record<keyof YishiApi, string>>
export type YishiApiEvent = keyof typeof YISHI_API_EVENTS

/** Which channel each API function calls; preload and tests read it, so the two cannot drift. */
export const YISHI_API_CHANNELS = {
  getAppInfo: 'app:getInfo',
  print: 'app:print',
  savePdf: 'app:savePdf',
  openProjector: 'app:openProjector',
  hostSync: 'sync:host',
  setLanguage: 'app:setLanguage',
  saveFile: 'file:save',
  openFiles: 'file:open',
  chooseBackupFolder: 'backup:chooseFolder',
  backupStatus: 'backup:status',
  writeBackup: 'backup:write',
  listBackups: 'backup:list',
  readBackup: 'backup:read',
} as const satisfies Record<Exclude<keyof YishiApi, YishiApiEvent>, IpcChannel>

// ---- validators -------------------------------------------------------------------------

/** The reason is for main's log only; the renderer gets 'invalid-payload'. */
export type PayloadCheck<T> = { ok: true; payload: T } | { ok: false; reason: string }

export const SUGGESTED_NAME_MAX = 200

// C0 and C1 controls, DEL, and the bidi overrides and isolates that let a name like
// "minutes\u202Efdp.exe" display as something it is not.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN_CHARS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/u
const PATH_CHARS = /[/\\]/u

function isPlainObject(input: unknown): input is Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return false
  const proto: unknown = Object.getPrototypeOf(input)
  return proto === Object.prototype || proto === null
}

/** Exactly these keys, no more and no fewer: extra keys are refused, not ignored. */
function hasExactKeys(input: Record<string, unknown>, keys: readonly string[]): boolean {
  const own = Object.keys(input)
  return own.length === keys.length && keys.every((k) => Object.prototype.hasOwnProperty.call(input, k))
}

export function validateNoPayload(input: unknown): PayloadCheck<undefined> {
  return input === undefined ? { ok: true, payload: undefined } : { ok: false, reason: 'expected no payload' }
}

/** A single file name as the user might see it: no folders, no controls, not "." or "..". */
export function checkFileName(name: unknown, max = SUGGESTED_NAME_MAX): string | null {
  if (typeof name !== 'string') return 'not a string'
  if (name.trim().length === 0) return 'empty'
  if (name.length > max) return `longer than ${max}`
  if (FORBIDDEN_CHARS.test(name)) return 'control character'
  if (PATH_CHARS.test(name)) return 'path separator'
  if (/^\.+$/u.test(name.trim())) return 'only dots'
  return null
}

export function validateSavePdf(input: unknown): PayloadCheck<SavePdfRequest> {
  if (!isPlainObject(input)) return { ok: false, reason: 'not a plain object' }
  if (!hasExactKeys(input, ['suggestedName'])) return { ok: false, reason: 'unexpected keys' }
  const problem = checkFileName(input['suggestedName'])
  if (problem !== null) return { ok: false, reason: `suggestedName: ${problem}` }
  return { ok: true, payload: { suggestedName: input['suggestedName'] as string } }
}

/**
 * The projector route and nothing else: no query, no other screen, no extra or encoded
 * characters. Ids as in shared/domain/ids.ts. `$` without the m flag ends the string (no
 * trailing newline sneaks through).
 */
export const PROJECTOR_ROUTE_PATTERN = /^#\/c\/[0-9a-z-]{8,64}\/m\/[0-9a-z-]{8,64}\/projector$/u
/** The longest route the pattern admits: two 64-character ids. */
export const PROJECTOR_ROUTE_MAX = '#/c/'.length + 64 + '/m/'.length + 64 + '/projector'.length

export function isProjectorRoute(route: unknown): route is string {
  return typeof route === 'string' && route.length <= PROJECTOR_ROUTE_MAX && PROJECTOR_ROUTE_PATTERN.test(route)
}

/** The route the renderer passes to openProjector for one meeting. */
export function projectorRoute(councilId: string, meetingId: string): string {
  return `#/c/${councilId}/m/${meetingId}/projector`
}

export function validateOpenProjector(input: unknown): PayloadCheck<OpenProjectorRequest> {
  if (!isPlainObject(input)) return { ok: false, reason: 'not a plain object' }
  if (!hasExactKeys(input, ['route'])) return { ok: false, reason: 'unexpected keys' }
  const route = input['route']
  if (typeof route !== 'string') return { ok: false, reason: 'route: not a string' }
  if (route.length > PROJECTOR_ROUTE_MAX) return { ok: false, reason: `route: longer than ${PROJECTOR_ROUTE_MAX}` }
  if (!isProjectorRoute(route)) return { ok: false, reason: 'route: not a projector route' }
  return { ok: true, payload: { route } }
}

export function validateSetLanguage(input: unknown): PayloadCheck<SetLanguageRequest> {
  if (!isPlainObject(input)) return { ok: false, reason: 'not a plain object' }
  if (!hasExactKeys(input, ['language'])) return { ok: false, reason: 'unexpected keys' }
  const language = input['language']
  if (!isLanguage(language)) return { ok: false, reason: 'language: not one of the app languages' }
  return { ok: true, payload: { language } }
}

/**
 * UTF-8 length of a string without encoding it (shared has no Buffer). A lone surrogate
 * counts 3, as TextEncoder writes U+FFFD for it. Stops counting past `limit`.
 */
export function utf8Length(text: string, limit = Number.POSITIVE_INFINITY): number {
  let bytes = 0
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80) bytes += 1
    else if (code < 0x800) bytes += 2
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4
        i++
      } else bytes += 3
    } else bytes += 3
  }
  return bytes
}

/** Text or bytes no bigger than `max` bytes; null when fine, else the reason. */
function checkData(data: unknown, max: number): string | null {
  if (typeof data === 'string') {
    // Every UTF-16 unit is at least one UTF-8 byte: refuse the hopeless ones before counting.
    if (data.length > max || utf8Length(data, max) > max) return `larger than ${max} bytes`
    return null
  }
  if (data instanceof Uint8Array) return data.byteLength > max ? `larger than ${max} bytes` : null
  return 'neither text nor a Uint8Array'
}

function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value)
}

export function validateSaveFile(input: unknown): PayloadCheck<SaveFileRequest> {
  if (!isPlainObject(input)) return { ok: false, reason: 'not a plain object' }
  if (!hasExactKeys(input, ['suggestedName', 'kind', 'data'])) return { ok: false, reason: 'unexpected keys' }
  const { suggestedName, kind, data } = input
  const problem = checkFileName(suggestedName)
  if (problem !== null) return { ok: false, reason: `suggestedName: ${problem}` }
  if (!isOneOf(SAVE_FILE_KINDS, kind)) return { ok: false, reason: 'kind: unknown' }
  const dataProblem = checkData(data, FILE_DATA_MAX)
  if (dataProblem !== null) return { ok: false, reason: `data: ${dataProblem}` }
  return { ok: true, payload: { suggestedName: suggestedName as string, kind, data: data as string | Uint8Array } }
}

export function validateOpenFile(input: unknown): PayloadCheck<OpenFileRequest> {
  if (!isPlainObject(input)) return { ok: false, reason: 'not a plain object' }
  if (!hasExactKeys(input, ['kind', 'multiple'])) return { ok: false, reason: 'unexpected keys' }
  const { kind, multiple } = input
  if (!isOneOf(OPEN_FILE_KINDS, kind)) return { ok: false, reason: 'kind: unknown' }
  if (typeof multiple !== 'boolean') return { ok: false, reason: 'multiple: not a boolean' }
  return { ok: true, payload: { kind, multiple } }
}

export function validateWriteBackup(input: unknown): PayloadCheck<WriteBackupRequest> {
  if (!isPlainObject(input)) return { ok: false, reason: 'not a plain object' }
  if (!hasExactKeys(input, ['text'])) return { ok: false, reason: 'unexpected keys' }
  const text = input['text']
  if (typeof text !== 'string') return { ok: false, reason: 'text: not a string' }
  if (text.length === 0) return { ok: false, reason: 'text: empty' }
  if (text.length > BACKUP_TEXT_MAX) return { ok: false, reason: `text: longer than ${BACKUP_TEXT_MAX}` }
  return { ok: true, payload: { text } }
}

export function validateReadBackup(input: unknown): PayloadCheck<ReadBackupRequest> {
  if (!isPlainObject(input)) return { ok: false, reason: 'not a plain object' }
  if (!hasExactKeys(input, ['name'])) return { ok: false, reason: 'unexpected keys' }
  // Only a plain name passes here; main then looks it up in the folder's list.
  const problem = checkFileName(input['name'])
  if (problem !== null) return { ok: false, reason: `name: ${problem}` }
  return { ok: true, payload: { name: input['name'] as string } }
}

export const IPC_VALIDATORS: { [C in IpcChannel]: (input: unknown) => PayloadCheck<IpcPayloads[C]> } = {
  'app:getInfo': validateNoPayload,
  'app:print': validateNoPayload,
  'app:savePdf': validateSavePdf,
  'app:openProjector': validateOpenProjector,
  'app:setLanguage': validateSetLanguage,
  'sync:host': validateHostSync,
  'file:save': validateSaveFile,
  'file:open': validateOpenFile,
  'backup:chooseFolder': validateNoPayload,
  'backup:status': validateNoPayload,
  'backup:write': validateWriteBackup,
  'backup:list': validateNoPayload,
  'backup:read': validateReadBackup,
}

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
}

const COUNCIL_ID = /^[0-9a-z-]{8,64}$/u

export function validateHostSync(input: unknown): PayloadCheck<HostSyncRequest> {
  if (!isPlainObject(input)) return { ok: false, reason: 'not a plain object' }
  if (!hasExactKeys(input, ['councilId'])) return { ok: false, reason: 'unexpected keys' }
  const id = input['councilId']
  if (typeof id !== 'string' || !COUNCIL_ID.test(id)) return { ok: false, reason: 'councilId: not an id' }
  return { ok: true, payload: { councilId: id } }
}
