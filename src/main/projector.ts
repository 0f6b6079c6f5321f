// The projector window: the meeting's agenda item, motion, speaking timer and vote results in
// large type on a second display, without controls. Plain module: the screen and the window
// constructor arrive as parameters, so tests drive it with fakes; main.ts does the wiring.
import type { BrowserWindowConstructorOptions } from 'electron'
import { isProjectorRoute, type OpenProjectorResult, type ProjectorDisplay } from '../shared/ipc'
import { APP_INDEX_URL, isOwnUrl, type OriginOptions } from './origin'
import {
  hardenSession,
  hardenWebContents,
  type GuardableContents,
  type HardenableSession,
  type HardenOptions,
} from './security'
import { appWebPreferences, focusWindow, showWhenReady, type FocusableWindow, type MainWindowOptions, type ShowableWindow } from './window'

export const PROJECTOR_WINDOW_TITLE = 'Yishi — projector'
/** Black: a projected room stays dark around the text, and nothing flashes white on load. */
export const PROJECTOR_BACKGROUND = '#000000'
/** The window on the primary display when no second one is connected (e.g. mirrored projector). */
export const PROJECTOR_WINDOWED_SIZE = { width: 1024, height: 768 } as const

/** The part of Electron's Display used here. */
export interface DisplayLike {
  readonly id: number
  readonly bounds: { x: number; y: number; width: number; height: number }
}

/** The part of Electron's screen module used here (valid only after app 'ready'). */
export interface ScreenLike {
  getPrimaryDisplay(): DisplayLike
  getAllDisplays(): DisplayLike[]
}

export interface DisplayChoice {
  kind: ProjectorDisplay
  display: DisplayLike
}

/** A display other than the primary if one is connected (the first such), else the primary. */
export function chooseDisplay(screen: ScreenLike): DisplayChoice {
  const primary = screen.getPrimaryDisplay()
  const external = screen.getAllDisplays().find((d) => d.id !== primary.id)
  return external === undefined ? { kind: 'primary', display: primary } : { kind: 'external', display: external }
}

/**
 * Fullscreen on the external display's bounds, or a normal movable 1024×768 window on the
 * primary. webPreferences are the main window's (appWebPreferences in window.ts, from
 * security.ts): sandbox, contextIsolation, no Node, the same preload.
 */
export function projectorWindowOptions(choice: DisplayChoice, options: MainWindowOptions): BrowserWindowConstructorOptions {
  const placement: BrowserWindowConstructorOptions =
    choice.kind === 'external'
      ? { ...choice.display.bounds, fullscreen: true }
      : // Not fullscreen, but `fullscreen` left out: an explicit false would hide or disable
        // macOS's fullscreen button, and on a mirrored projector the user may want it.
        { ...PROJECTOR_WINDOWED_SIZE, movable: true, resizable: true, center: true }
  return {
    ...placement,
    title: PROJECTOR_WINDOW_TITLE,
    backgroundColor: PROJECTOR_BACKGROUND,
    // No controls on the projector: not even the default menu bar (Alt still shows it).
    autoHideMenuBar: true,
    show: false,
    webPreferences: appWebPreferences(options),
  }
}

/** app://yishi/index.html + route, or the dev server + route under `electron-forge start`. */
export function projectorUrl(route: string, options: OriginOptions = {}): string {
  const base = options.devServerUrl !== undefined && options.devServerUrl !== '' ? options.devServerUrl : APP_INDEX_URL
  return `${base}${route}`
}

/** The projector's webContents: guarded like every other, with its session's permissions denied. */
export interface ProjectorContents extends GuardableContents {
  readonly session: HardenableSession
}

/** The part of BrowserWindow the projector uses. */
export interface ProjectorWindow extends ShowableWindow, FocusableWindow {
  readonly webContents: ProjectorContents
  loadURL(url: string): Promise<unknown>
  on(event: 'closed', listener: () => void): unknown
  close(): void
  isDestroyed(): boolean
}

/** The main window, as far as closeWith needs it. */
export interface ClosingWindow {
  on(event: 'closed', listener: () => void): unknown
}

export interface ProjectorDeps<W extends ProjectorWindow> extends MainWindowOptions, OriginOptions {
  screen: ScreenLike
  /** `new BrowserWindow(options)` in main.ts. */
  createWindow(options: BrowserWindowConstructorOptions): W
  /** Told about every navigation the guards refuse (the same logger as the main window's). */
  onRefused?: HardenOptions['onRefused']
  log?(message: string, detail?: unknown): void
}

export interface Projector<W extends ProjectorWindow> {
  /** Opens the one projector window at `route`, or loads `route` into it and focuses it. */
  open(route: string): OpenProjectorResult
  /** Closes the projector window if one is open. */
  close(): void
  /** The open projector window, if any. */
  current(): W | null
  /** Closes the projector when `mainWindow` closes: no projector outlives the meeting's window. */
  closeWith(mainWindow: ClosingWindow): void
}

export function createProjector<W extends ProjectorWindow>(deps: ProjectorDeps<W>): Projector<W> {
  let open: { window: W; display: ProjectorDisplay } | null = null

  const load = (window: W, route: string): void => {
    const url = projectorUrl(route, deps)
    window.loadURL(url).catch((error: unknown) => deps.log?.('loading the projector failed', error))
  }

  const live = (): { window: W; display: ProjectorDisplay } | null => {
    if (open !== null && open.window.isDestroyed()) open = null
    return open
  }

  const close = (): void => {
    const existing = live()
    open = null
    existing?.window.close()
  }

  return {
    open(route) {
      // The IPC validator has checked this already; this module must not trust its caller either.
      if (!isProjectorRoute(route)) throw new Error('not a projector route')
      if (!isOwnUrl(projectorUrl(route, deps), deps)) throw new Error('projector URL is not the app')

      const existing = live()
      if (existing !== null) {
        load(existing.window, route)
        focusWindow(existing.window)
        return { opened: true, display: existing.display }
      }

      const choice = chooseDisplay(deps.screen)
      const window = deps.createWindow(projectorWindowOptions(choice, deps))
      // main.ts's 'web-contents-created' hook has guarded these already (then this adds nothing);
      // repeated here so the projector is never unguarded, whatever the wiring.
      hardenWebContents(window.webContents, { devServerUrl: deps.devServerUrl, onRefused: deps.onRefused })
      hardenSession(window.webContents.session)
      showWhenReady(window)
      const entry = { window, display: choice.kind }
      window.on('closed', () => {
        if (open === entry) open = null
      })
      open = entry
      load(window, route)
      return { opened: true, display: choice.kind }
    },

    close,

    current() {
      return live()?.window ?? null
    },

    closeWith(mainWindow) {
      mainWindow.on('closed', close)
    },
  }
}
