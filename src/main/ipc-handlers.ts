// IPC handlers for the channels of shared/ipc (IPC_CONTRACT), and registerIpc(), which puts the
// sender check, the contract's payload validator and the Result shape in front of every one. Plain
// module: Electron objects arrive as parameters, so tests drive it with fakes.
import {
  IPC_CHANNELS,
  IPC_VALIDATORS,
  ipcErr,
  ipcOk,
  type AppInfo,
  type IpcChannel,
  type IpcPayloads,
  type IpcResult,
  type IpcValues,
  type OpenProjectorResult,
  type HostSyncResult,
} from '../shared/ipc'
import type { Language } from '../shared/i18n/languages'
import { createBackupHandlers, type BackupDeps } from './backupHandlers'
import { createFileHandlers, type PDF_OPTIONS } from './fileHandlers'
import { isOwnUrl, type OriginOptions } from './origin'

/** The sender's webContents, as far as these handlers use it. */
export interface SenderContents {
  print(
    options: { silent: false; printBackground: true },
    callback: (success: boolean, failureReason: string) => void,
  ): void
  printToPDF(options: typeof PDF_OPTIONS): Promise<Uint8Array>
}

/** The frame that sent the message; parent is null for a main frame. */
export interface SenderFrame {
  readonly url: string
  readonly parent: unknown
}

export interface InvokeEvent {
  readonly sender: SenderContents
  readonly senderFrame: SenderFrame | null
}

export interface FileFilter {
  name: string
  extensions: string[]
}

export interface SaveDialogOptions {
  title: string
  defaultPath: string
  filters: FileFilter[]
  properties: ('createDirectory' | 'showOverwriteConfirmation')[]
}

export interface OpenDialogOptions {
  title: string
  buttonLabel?: string
  defaultPath: string
  filters?: FileFilter[]
  properties: ('openFile' | 'openDirectory' | 'multiSelections' | 'createDirectory')[]
}

/** Everything the handlers need from Electron and Node, injected so tests can fake it. */
export interface IpcDeps<W> extends OriginOptions {
  appInfo(): AppInfo
  /** The window showing this webContents, used as the parent of the modal save dialog. */
  windowFor(contents: SenderContents): W | null
  showSaveDialog(window: W, options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string | undefined }>
  showOpenDialog(window: W, options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>
  /** Writes the whole file or leaves the old one (files.ts writeFileAtomic). */
  writeFile(filePath: string, data: Uint8Array): Promise<void>
  /** A regular file of at most maxBytes; FileReadError (files.ts) for anything else. */
  readFile(filePath: string, maxBytes: number): Promise<Uint8Array>
  /** Where the save and open dialogs start (the user's Documents folder). */
  defaultSaveDir(): string
  /** The shell's words (menu namespace) in the current language: dialog titles, file types. */
  text(key: string): string
  /** Rebuilds the menu in the renderer's language (menu.ts createAppMenu). */
  setLanguage(language: Language): void
  backups: BackupDeps
  /** Opens the projector window at a validated route, or reuses the open one (projector.ts). */
  openProjector(route: string): OpenProjectorResult
  /** Starts the embedded sync server once (syncHost.ts) and says where devices reach it. */
  hostSync(councilId: string): Promise<HostSyncResult>
  /** Records a certificate pin from a join code (certPins.ts); false if the address cannot be pinned. */
  pinCertificate(serverUrl: string, fingerprint: string): Promise<boolean>
  log?(message: string, detail?: unknown): void
}

export type Handler<C extends IpcChannel> = (
  sender: SenderContents,
  payload: IpcPayloads[C],
) => Promise<IpcResult<IpcValues[C]>>
export type IpcHandlers = { [C in IpcChannel]: Handler<C> }

function printContents(sender: SenderContents): Promise<IpcResult<void>> {
  return new Promise((resolve) => {
    sender.print({ silent: false, printBackground: true }, (success, failureReason) => {
      // Pressing Cancel in the system dialog is the user's choice, not an error.
      if (success || failureReason === 'Print job canceled') resolve(ipcOk(undefined))
      else resolve(ipcErr('print-failed'))
    })
  })
}

export function createHandlers<W>(deps: IpcDeps<W>): IpcHandlers {
  return {
    'app:getInfo': async () => ipcOk(deps.appInfo()),
    'app:print': (sender) => printContents(sender),
    'app:openProjector': async (_sender, { route }) => ipcOk(deps.openProjector(route)),
    'app:setLanguage': async (_sender, { language }) => {
      deps.setLanguage(language)
      return ipcOk(undefined)
    },
    'sync:host': async (_sender, { councilId }) => ipcOk(await deps.hostSync(councilId)),
    'sync:pinCertificate': async (_sender, { serverUrl, fingerprint }) => ((await deps.pinCertificate(serverUrl, fingerprint)) ? ipcOk(undefined) : ipcErr('invalid-payload')),
    ...createFileHandlers(deps),
    ...createBackupHandlers(deps),
  }
}

/**
 * Only the main frame of one of our own pages may call main. A sub-frame (should one ever
 * exist despite frame-src 'none'), a page that navigated elsewhere, or a frame already gone
 * (senderFrame null) is refused.
 */
export function isTrustedSender(event: InvokeEvent, options: OriginOptions = {}): boolean {
  try {
    const frame = event.senderFrame
    if (frame === null || frame.parent !== null) return false
    return isOwnUrl(frame.url, options)
  } catch {
    // Reading a destroyed frame throws; a frame we cannot inspect is not trusted.
    return false
  }
}

export interface DispatchOptions extends OriginOptions {
  log?(message: string, detail?: unknown): void
}

/** For the log only: the frame's URL, or why it has none. Never throws. */
function describeSender(event: InvokeEvent): string {
  try {
    return event.senderFrame === null ? '(no frame)' : event.senderFrame.url
  } catch {
    return '(frame disposed)'
  }
}

/** Sender check, then validation, then the handler; whatever happens, a Result comes back. */
export async function dispatchIpc<C extends IpcChannel>(
  channel: C,
  event: InvokeEvent,
  args: readonly unknown[],
  handlers: IpcHandlers,
  options: DispatchOptions = {},
): Promise<IpcResult<IpcValues[C]>> {
  if (!isTrustedSender(event, options)) {
    options.log?.(`${channel}: refused sender ${describeSender(event)}`)
    return ipcErr('forbidden-sender')
  }
  // Every channel takes at most one argument; more is a caller we did not write.
  const check = args.length <= 1 ? IPC_VALIDATORS[channel](args[0]) : { ok: false as const, reason: 'too many arguments' }
  if (!check.ok) {
    options.log?.(`${channel}: invalid payload (${check.reason})`)
    return ipcErr('invalid-payload')
  }
  try {
    const handler: Handler<C> = handlers[channel]
    return await handler(event.sender, check.payload)
  } catch (error) {
    options.log?.(`${channel}: handler threw`, error)
    return ipcErr('internal')
  }
}

/** The part of Electron's ipcMain used here. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>): void
}

/** Registers every channel of the contract; `handlers` is replaceable for tests. */
export function registerIpc<W>(ipcMain: IpcMainLike, deps: IpcDeps<W>, handlers: IpcHandlers = createHandlers(deps)): void {
  const options: DispatchOptions = {
    devServerUrl: deps.devServerUrl,
    log: (...entry) => deps.log?.(...entry),
  }
  for (const channel of IPC_CHANNELS) {
    ipcMain.handle(channel, (event, ...args) => dispatchIpc(channel, event, args, handlers, options))
  }
}
