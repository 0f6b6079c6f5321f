// THE contract between renderer and main: channel names, payload and result types, and the
// pure validators main runs on every payload. Renderer, preload and main all import this file.

/** Every channel main answers with ipcMain.handle. Add a channel here first, then everywhere. */
export const IPC_CHANNELS = ['app:getInfo', 'app:print', 'app:savePdf', 'app:openProjector', 'sync:host'] as const
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

/** What each channel receives (undefined: the channel takes no payload). */
export interface IpcPayloads {
  'app:getInfo': undefined
  'app:print': undefined
  'app:savePdf': SavePdfRequest
  'app:openProjector': OpenProjectorRequest
  'sync:host': HostSyncRequest
}

/** What each channel answers inside `{ ok: true, value }`. */
export interface IpcValues {
  'app:getInfo': AppInfo
  'app:print': void
  'app:savePdf': SavePdfResult
  'app:openProjector': OpenProjectorResult
  'sync:host': HostSyncResult
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
}

/** Which channel each API function calls; preload and tests read it, so the two cannot drift. */
export const YISHI_API_CHANNELS = {
  getAppInfo: 'app:getInfo',
  print: 'app:print',
  savePdf: 'app:savePdf',
  openProjector: 'app:openProjector',
  hostSync: 'sync:host',
} as const satisfies Record<keyof YishiApi, IpcChannel>

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

export const IPC_VALIDATORS: { [C in IpcChannel]: (input: unknown) => PayloadCheck<IpcPayloads[C]> } = {
  'app:getInfo': validateNoPayload,
  'app:print': validateNoPayload,
  'app:savePdf': validateSavePdf,
  'app:openProjector': validateOpenProjector,
  'sync:host': validateHostSync,
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
