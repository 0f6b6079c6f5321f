// What the renderer may ask of the machine it runs on; only platform/ implements it.
import type { BackupEntry, BackupStatus, MenuCommand, OpenFileKind, SaveFileKind } from '../../shared/ipc'
import type { Language } from '../../shared/i18n/languages'

export interface SaveFileRequest {
  /** Council, meeting date, document kind: a name the user can sort by. */
  suggestedName: string
  kind: SaveFileKind
  data: Uint8Array | string
  mime: string
}

/** A file the user chose to open. */
export interface PickedFile {
  name: string
  size: number
  text(): Promise<string>
  bytes(): Promise<Uint8Array>
}

/** Desktop only: backups written to a folder the user chose (a USB stick, a network share). */
export interface BackupFolder {
  chooseFolder(): Promise<{ chosen: boolean }>
  status(): Promise<BackupStatus>
  write(text: string): Promise<{ path: string; removed: string[] }>
  list(): Promise<BackupEntry[]>
  read(name: string): Promise<string>
}
export interface AppInfo {
  version: string
  platform: string
  /** Where the data is: a folder (desktop) or the browser's storage for an origin (web). */
  dataLocation: { kind: 'folder'; path: string } | { kind: 'browser'; origin: string }
}

export interface Platform {
  kind: 'electron' | 'web'
  getAppInfo(): Promise<AppInfo>
  /** Opens the system print dialog for the current page. */
  print(): Promise<void>
  /** Opens the projector view (a hash route) in a second window or browser tab. */
  openProjector(route: string): Promise<void>
  /**
   * Saves a file the user exported (DOCX, bundle, review file, backup): the native save dialog on
   * the desktop, a download in the browser. Resolves saved: false when cancelled.
   */
  saveFile(request: SaveFileRequest): Promise<{ saved: boolean }>
  /** Desktop only: the native open dialog (the web build uses a file input instead). */
  openFiles?: (kind: OpenFileKind, multiple: boolean) => Promise<PickedFile[]>
  backups?: BackupFolder
  /** Desktop only: commands from the application menu and its shortcuts; returns an unsubscribe. */
  onMenuCommand?: (listener: (command: MenuCommand) => void) => () => void
  /** Desktop only: the menus follow the interface language. */
  setLanguage?: (language: Language) => Promise<void>
  /** Desktop only: renders the page to an A4 PDF and asks where to save it. */
  savePdf?: (suggestedName: string) => Promise<{ saved: boolean }>
  /**
   * Desktop only, when the shell offers it: starts the embedded sync server on this computer
   * for the council and gives the address other devices use. Not implemented on the web.
   */
  hostSync?: (councilId: string) => Promise<{ serverUrl: string }>
}
