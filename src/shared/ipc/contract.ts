// THE one map between renderer and main: each API function of window.yishi, the channel it
// invokes, the validator main runs on its payload, and (as a type) what it answers. Everything
// else is derived from IPC_CONTRACT: the channel list main registers, the validators, the
// preload's functions and the YishiApi type the renderer's platform is built on. Adding a
// channel is one entry here plus its handler in src/main (TypeScript then asks for it).
import type {
  AppInfo,
  BackupStatus,
  ChooseBackupFolderResult,
  HostSyncResult,
  IpcResult,
  ListBackupsResult,
  MenuCommand,
  OpenFileResult,
  OpenProjectorResult,
  ReadBackupResult,
  SaveFileResult,
  SavePdfResult,
  WriteBackupResult,
} from './types'
import { MENU_COMMAND_CHANNEL } from './types'
import {
  validateHostSync,
  validateNoPayload,
  validateOpenFile,
  validateOpenProjector,
  validateReadBackup,
  validateSaveFile,
  validateSavePdf,
  validateSetLanguage,
  validateWriteBackup,
  type PayloadCheck,
} from './validators'
import { validatePinCertificate } from '../sync/pinRequest'

/** One entry: channel name, payload validator, and the answer's type V (a type only, never a value). */
export interface ChannelSpec<C extends string, P, V> {
  readonly channel: C
  readonly validate: (input: unknown) => PayloadCheck<P>
  /** False for channels without a payload: preload then sends none, whatever the page passes. */
  readonly takesPayload: boolean
  /** Never set: carries the answer's type to the derived types below. */
  readonly answer?: V
}

/** `channel<Answer>()(name, validator)`: the answer type is given, the payload type follows from the validator. */
const channel =
  <V>() =>
  <C extends string, P>(name: C, validate: (input: unknown) => PayloadCheck<P>): ChannelSpec<C, P, V> => ({
    channel: name,
    validate,
    takesPayload: validate !== validateNoPayload,
  })

export const IPC_CONTRACT = {
  getAppInfo: channel<AppInfo>()('app:getInfo', validateNoPayload),
  /** Opens the system print dialog for the current page. Cancelling is not an error. */
  print: channel<void>()('app:print', validateNoPayload),
  /** Renders the current page to an A4 PDF and asks where to save it. */
  savePdf: channel<SavePdfResult>()('app:savePdf', validateSavePdf),
  /**
   * Opens the meeting's projector window at `route` (on a second display, fullscreen, when one
   * is connected), or loads `route` into the one already open and brings it forward.
   */
  openProjector: channel<OpenProjectorResult>()('app:openProjector', validateOpenProjector),
  /** Starts (once) the sync server inside the desktop app, for this council's devices on the LAN. */
  hostSync: channel<HostSyncResult>()('sync:host', validateHostSync),
  /** Accepts exactly this certificate for this server from now on (a join code's fingerprint; main/certPins.ts). */
  pinCertificate: channel<void>()('sync:pinCertificate', validatePinCertificate),
  /** Tells main the interface language (on start and on every change): menus and dialogs follow it. */
  setLanguage: channel<void>()('app:setLanguage', validateSetLanguage),
  /** Asks where to save (native dialog, in Documents) and writes the data there. */
  saveFile: channel<SaveFileResult>()('file:save', validateSaveFile),
  /** Asks which file(s) to open (native dialog) and answers their bytes; cancelling answers none. */
  openFiles: channel<OpenFileResult>()('file:open', validateOpenFile),
  /** Asks for the folder automatic backups go to, checks it can be written, and remembers it. */
  chooseBackupFolder: channel<ChooseBackupFolderResult>()('backup:chooseFolder', validateNoPayload),
  backupStatus: channel<BackupStatus>()('backup:status', validateNoPayload),
  /** Writes one backup file to the remembered folder (and prunes old ones). */
  writeBackup: channel<WriteBackupResult>()('backup:write', validateWriteBackup),
  listBackups: channel<ListBackupsResult>()('backup:list', validateNoPayload),
  readBackup: channel<ReadBackupResult>()('backup:read', validateReadBackup),
} as const

type Contract = typeof IPC_CONTRACT
/** The names of the API functions that invoke a channel. */
export type YishiInvokeName = keyof Contract
type PayloadOf<S> = S extends ChannelSpec<string, infer P, unknown> ? P : never
type AnswerOf<S> = S extends ChannelSpec<string, unknown, infer V> ? V : never

export type IpcChannel = Contract[YishiInvokeName]['channel']
type SpecFor<C extends IpcChannel> = Extract<Contract[YishiInvokeName], { channel: C }>
/** What each channel receives (undefined: the channel takes no payload). */
export type IpcPayloads = { [C in IpcChannel]: PayloadOf<SpecFor<C>> }
/** What each channel answers inside `{ ok: true, value }`. */
export type IpcValues = { [C in IpcChannel]: AnswerOf<SpecFor<C>> }
/** What the API function `K` answers inside `{ ok: true, value }`. */
export type YishiAnswer<K extends YishiInvokeName> = AnswerOf<Contract[K]>

type Invoker<S> = [PayloadOf<S>] extends [undefined]
  ? () => Promise<IpcResult<AnswerOf<S>>>
  : (payload: PayloadOf<S>) => Promise<IpcResult<AnswerOf<S>>>
/** One function per contract entry, as preload exposes them. */
export type YishiInvokeApi = { [K in YishiInvokeName]: Invoker<Contract[K]> }

/** What preload exposes as `window.yishi`: the contract's functions and the menu's event. */
export interface YishiApi extends YishiInvokeApi {
  /** Calls `listener` for every menu command or shortcut; returns the function that stops it. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
}

/** The API functions that subscribe to events main sends, rather than invoking a channel. */
export const YISHI_API_EVENTS = {
  onMenuCommand: MENU_COMMAND_CHANNEL,
} as const satisfies Partial<Record<keyof YishiApi, string>>
export type YishiApiEvent = keyof typeof YISHI_API_EVENTS

const entries = Object.entries(IPC_CONTRACT) as [YishiInvokeName, Contract[YishiInvokeName]][]

/** Which channel each API function calls. */
export const YISHI_API_CHANNELS = Object.fromEntries(entries.map(([name, spec]) => [name, spec.channel])) as {
  readonly [K in YishiInvokeName]: Contract[K]['channel']
}

/** Every channel main answers with ipcMain.handle. */
export const IPC_CHANNELS: readonly IpcChannel[] = entries.map(([, spec]) => spec.channel)

/** The validator main runs on each channel's payload. */
export const IPC_VALIDATORS = Object.fromEntries(entries.map(([, spec]) => [spec.channel, spec.validate])) as {
  readonly [C in IpcChannel]: (input: unknown) => PayloadCheck<IpcPayloads[C]>
}
