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
  /** The backup file's bytes (shared/backup/format.ts encodeBackup). */
  write(data: Uint8Array): Promise<{ path: string; removed: string[] }>
  list(): Promise<BackupEntry[]>
  /** The file's bytes, of any version: decodeBackup tells them apart. */
  read(name: string): Promise<Uint8Array>
}
export interface AppInfo {
  version: string
  platform: string
  /** Where the data is: a folder (desktop) or the browser's storage for an origin (web). */
  dataLocation: { kind: 'folder'; path: string } | { kind: 'browser'; origin: string }
}

/** The native open dialog (the web build uses a file input instead). */
export type OpenFiles = (kind: OpenFileKind, multiple: boolean) => Promise<PickedFile[]>

/** The application menu: its commands and shortcuts, and the language it is written in. */
export interface AppMenu {
  /** Calls `listener` for every menu command or shortcut; returns the unsubscribe. */
  onCommand(listener: (command: MenuCommand) => void): () => void
  /** The menus follow the interface language. */
  setLanguage(language: Language): Promise<void>
}

/** Renders the page to an A4 PDF and asks where to save it. */
export type SavePdf = (suggestedName: string) => Promise<{ saved: boolean }>

/**
 * Starts the embedded sync server on this computer for the council; answers the address other
 * devices use and, when it serves TLS, its certificate's fingerprint (for the join codes made here).
 */
export type HostSync = (councilId: string) => Promise<{ serverUrl: string; fingerprint?: string }>

/** Accepts exactly the certificate with this fingerprint for this server (a join code's pin; desktop only). */
export type PinCertificate = (serverUrl: string, fingerprint: string) => Promise<void>

/**
 * What a platform may offer beyond the core. A feature asks for the capability it needs
 * (`platform.capability('backups')`) and shows its controls only when it is there; it never asks
 * which platform it runs on. Today the desktop offers them all and the browser none.
 */
export interface Capabilities {
  openFiles: OpenFiles
  backups: BackupFolder
  menu: AppMenu
  savePdf: SavePdf
  hostSync: HostSync
  pinCertificate: PinCertificate
}
export type CapabilityName = keyof Capabilities

export type CapabilityLookup = <K extends CapabilityName>(name: K) => Capabilities[K] | undefined

/** A lookup over the capabilities a platform has. */
export function capabilityLookup(offered: Partial<Capabilities>): CapabilityLookup {
  return (name) => offered[name]
}

export interface Platform {
  /**
   * What kind of device this is, to name it to people ("this computer", "this browser"); never to
   * decide what a feature may do: ask `capability` for that.
   */
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
  /** The capability `name` when this platform offers it, else undefined. */
  capability: CapabilityLookup
}
