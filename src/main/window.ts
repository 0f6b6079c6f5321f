// The main window: its constructor options (secure webPreferences from security.ts) and the
// show-when-painted behaviour. Plain module; main.ts does the `new BrowserWindow`.
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron'
import { secureWebPreferences } from './security'

export const MAIN_WINDOW_SIZE = { width: 1280, height: 860 } as const
/** Below this the agenda and the vote panel no longer fit side by side. */
export const MAIN_WINDOW_MIN_SIZE = { width: 960, height: 640 } as const
/** Painted before the first frame so a slow start shows a calm page, not a white flash. */
export const MAIN_WINDOW_BACKGROUND = '#f7f6f3'
/** The title bar until the page sets its own <title> (in the user's language). */
export const MAIN_WINDOW_TITLE = '议事 Yishi'

export interface MainWindowOptions {
  preloadPath: string
  devTools?: boolean
}

/** The webPreferences of every window of the app (main and projector): one function, no drift. */
export function appWebPreferences(options: MainWindowOptions): WebPreferences {
  return secureWebPreferences(options.preloadPath, { devTools: options.devTools ?? false })
}

export function mainWindowOptions(options: MainWindowOptions): BrowserWindowConstructorOptions {
  return {
    ...MAIN_WINDOW_SIZE,
    minWidth: MAIN_WINDOW_MIN_SIZE.width,
    minHeight: MAIN_WINDOW_MIN_SIZE.height,
    title: MAIN_WINDOW_TITLE,
    backgroundColor: MAIN_WINDOW_BACKGROUND,
    // Shown on 'ready-to-show' (showWhenReady) so the window never appears half-drawn.
    show: false,
    webPreferences: appWebPreferences(options),
  }
}

/** The part of BrowserWindow showWhenReady needs. */
export interface ShowableWindow {
  once(event: 'ready-to-show', listener: () => void): unknown
  show(): void
}

export function showWhenReady(window: ShowableWindow): void {
  window.once('ready-to-show', () => window.show())
}

/** The part of BrowserWindow focusWindow needs. */
export interface FocusableWindow {
  isMinimized(): boolean
  restore(): void
  show(): void
  focus(): void
}

/** Brings an existing window forward, e.g. when the user starts the app a second time. */
export function focusWindow(window: FocusableWindow): void {
  if (window.isMinimized()) window.restore()
  window.show()
  window.focus()
}

/** The part of webContents askBeforeDiscardingInput needs. */
export interface UnloadGuardedContents {
  on(event: 'will-prevent-unload', listener: (event: { preventDefault(): void }) => void): unknown
}

/** The question main asks when the page holds unsaved input and the window is closing or reloading. */
export function unsavedInputQuestion(text: (key: string) => string) {
  return {
    type: 'question' as const,
    buttons: [text('dialog.leaveUnsaved'), text('dialog.stayUnsaved')],
    // Staying is the default and what Escape does: nothing typed is lost by accident.
    defaultId: 1,
    cancelId: 1,
    message: text('dialog.unsavedMessage'),
    detail: text('dialog.unsavedDetail'),
  }
}

/**
 * The page refuses to unload while a form on it holds unsaved input (renderer/app/unsaved.ts).
 * Electron then silently keeps the window open; instead ask the person, and close (or reload)
 * only when they choose to leave. `ask` returns true for "leave".
 */
export function askBeforeDiscardingInput(contents: UnloadGuardedContents, ask: () => boolean): void {
  contents.on('will-prevent-unload', (event) => {
    // preventDefault here overrides the page's refusal: the window goes on closing.
    if (ask()) event.preventDefault()
  })
}
