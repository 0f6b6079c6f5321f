// The secure defaults of the Electron shell in one place: web preferences, navigation and
// window-open guards, permission denial, webview denial. Plain module: Electron is only a type
// here, so all of it runs under Vitest in Node with fake webContents and sessions.
import type { WebPreferences } from 'electron'
import { contentSecurityPolicy, SYNC_CONNECT_SRC } from '../shared/csp'
import { isOwnUrl, type OriginOptions } from './origin'

/**
 * The CSP sent on every app:// response. Same options as the <meta> tag of the web build
 * (vite.renderer.config.ts): the council server's WebSocket and its HTTP side, nothing else
 * beyond 'self'.
 */
export const APP_CSP = contentSecurityPolicy({ connectSrc: SYNC_CONNECT_SRC })

export interface SecureWebPreferencesOptions {
  /** DevTools are for `electron-forge start`; packaged builds keep them closed. */
  devTools?: boolean
}

export function secureWebPreferences(
  preloadPath: string,
  options: SecureWebPreferencesOptions = {},
): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    // The dictionary would be downloaded from Google on first use: the app is offline-first.
    spellcheck: false,
    // Dropping a file on the window must not navigate away from the meeting being recorded.
    navigateOnDragDrop: false,
    safeDialogs: true,
    devTools: options.devTools ?? false,
  }
}

/** Anything that can cancel the default action: Electron's Event, or a fake in tests. */
export interface PreventableEvent {
  preventDefault(): void
}

/** Electron 45 passes the URL on the event object for will-frame-navigate, as a 2nd argument elsewhere. */
export interface NavigationEvent extends PreventableEvent {
  url?: string
}

export function isAllowedNavigation(url: string, options: OriginOptions = {}): boolean {
  return isOwnUrl(url, options)
}

/** New windows are never opened: not by window.open, target=_blank, nor middle-click. */
export function denyWindowOpen(): { action: 'deny' } {
  return { action: 'deny' }
}

/**
 * Camera, microphone, geolocation, notifications, clipboard reading, HID, serial…: none is
 * needed to run a meeting, and each would be a way to surprise the residents in the room.
 */
export function denyPermissionRequest(
  _contents: unknown,
  _permission: string,
  callback: (granted: boolean) => void,
): void {
  callback(false)
}

export function denyPermissionCheck(): boolean {
  return false
}

export function denyDevicePermission(): boolean {
  return false
}

/** The part of Electron's Session this file configures; a plain object in tests. */
export interface HardenableSession {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void
  setPermissionCheckHandler(handler: () => boolean): void
  setDevicePermissionHandler(handler: () => boolean): void
}

export function hardenSession(session: HardenableSession): void {
  session.setPermissionRequestHandler(denyPermissionRequest)
  session.setPermissionCheckHandler(denyPermissionCheck)
  session.setDevicePermissionHandler(denyDevicePermission)
}

/** The part of Electron's WebContents this file guards; an EventEmitter in tests. */
export interface GuardableContents {
  on(event: 'will-navigate', listener: (event: NavigationEvent, url: string) => void): unknown
  on(event: 'will-frame-navigate', listener: (event: NavigationEvent) => void): unknown
  on(event: 'will-redirect', listener: (event: NavigationEvent, url: string) => void): unknown
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown
  setWindowOpenHandler(handler: () => { action: 'deny' }): void
}

export type RefusalKind = 'navigation' | 'redirect' | 'webview'

export interface HardenOptions extends OriginOptions {
  /** Told about every refusal, so a blocked navigation shows up in the log. */
  onRefused?: (kind: RefusalKind, url: string) => void
}

/** The webContents already guarded, so a second call (e.g. from projector.ts) adds nothing twice. */
const hardened = new WeakSet<GuardableContents>()

/**
 * Attaches every guard to one webContents. main.ts calls it from app 'web-contents-created',
 * so it covers every webContents Electron ever creates, not only the main window's. Calling it
 * again on the same webContents does nothing: the first call's guards stay, none is doubled.
 */
export function hardenWebContents(contents: GuardableContents, options: HardenOptions = {}): void {
  if (hardened.has(contents)) return
  hardened.add(contents)
  const refuse = (kind: RefusalKind, event: PreventableEvent, url: string): void => {
    event.preventDefault()
    options.onRefused?.(kind, url)
  }
  const guard =
    (kind: RefusalKind) =>
    (event: NavigationEvent, url?: string): void => {
      // Prefer the event's own URL (Electron 45 sets it); an unknown URL is refused.
      const target = event.url ?? url ?? ''
      if (!isAllowedNavigation(target, options)) refuse(kind, event, target)
    }

  contents.on('will-navigate', guard('navigation'))
  // Covers sub-frames too (an <iframe> navigating), which will-navigate does not.
  contents.on('will-frame-navigate', guard('navigation'))
  contents.on('will-redirect', guard('redirect'))
  // webviewTag is false already; this also stops a page that manages to create one anyway.
  contents.on('will-attach-webview', (event) => refuse('webview', event, ''))
  contents.setWindowOpenHandler(denyWindowOpen)
}
