// What the renderer may ask of the machine it runs on; only platform/ implements it.
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
   * Saves a file the user exported (DOCX, bundle, review file): a download in the browser, where
   * the browser asks or saves to the downloads folder. Resolves saved: false when cancelled.
   */
  saveFile(suggestedName: string, data: Uint8Array | string, mime: string): Promise<{ saved: boolean }>
  /** Desktop only: renders the page to an A4 PDF and asks where to save it. */
  savePdf?: (suggestedName: string) => Promise<{ saved: boolean }>
  /**
   * Desktop only, when the shell offers it: starts the embedded sync server on this computer
   * for the council and gives the address other devices use. Not implemented on the web.
   */
  hostSync?: (councilId: string) => Promise<{ serverUrl: string }>
}
