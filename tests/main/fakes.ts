// Fakes of the Electron objects the main-process modules take as parameters: an EventEmitter
// webContents, a session that records its handlers, a BrowserWindow, IPC events with a chosen
// sender frame.
import { EventEmitter } from 'node:events'
import { vi } from 'vitest'
import type { BrowserWindowConstructorOptions } from 'electron'
import type { InvokeEvent, SenderContents, SenderFrame } from '../../src/main/ipc-handlers'

export class FakeContents extends EventEmitter {
  windowOpenHandler: (() => { action: 'deny' }) | undefined
  /** webContents.send: what main pushed to this page (menu commands). */
  readonly send = vi.fn()
  /** Its own session unless given one (a window on the default session shares it). */
  constructor(readonly session: FakeSession = new FakeSession()) {
    super()
  }
  setWindowOpenHandler(handler: () => { action: 'deny' }): void {
    this.windowOpenHandler = handler
  }
}

/** An event as Electron passes it: preventDefault plus, for will-frame-navigate, the URL. */
export function fakeEvent(url?: string): { url?: string; preventDefault: ReturnType<typeof vi.fn>; defaultPrevented: () => boolean } {
  const preventDefault = vi.fn()
  return { ...(url === undefined ? {} : { url }), preventDefault, defaultPrevented: () => preventDefault.mock.calls.length > 0 }
}

export type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void

export class FakeSession {
  requestHandler: PermissionRequestHandler | undefined
  checkHandler: (() => boolean) | undefined
  deviceHandler: (() => boolean) | undefined
  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.requestHandler = handler
  }
  setPermissionCheckHandler(handler: () => boolean): void {
    this.checkHandler = handler
  }
  setDevicePermissionHandler(handler: () => boolean): void {
    this.deviceHandler = handler
  }
  verifyProc: ((request: { hostname: string; certificate: { fingerprint: string; data?: string } }, callback: (result: number) => void) => void) | null = null
  setCertificateVerifyProc(proc: FakeSession['verifyProc']): void {
    this.verifyProc = proc
  }
}

/** A BrowserWindow: records its options and loads, closes like Electron ('closed', then destroyed). */
export class FakeWindow extends EventEmitter {
  readonly webContents: FakeContents
  readonly loadURL = vi.fn(async (_url: string): Promise<void> => undefined)
  readonly show = vi.fn()
  readonly focus = vi.fn()
  readonly restore = vi.fn()
  readonly close = vi.fn(() => {
    if (this.destroyed) return
    this.destroyed = true
    this.emit('closed')
  })
  destroyed = false
  isMinimized = (): boolean => false
  isDestroyed = (): boolean => this.destroyed
  constructor(
    readonly options: BrowserWindowConstructorOptions,
    session?: FakeSession,
  ) {
    super()
    this.webContents = new FakeContents(session)
  }
}

export const APP_PAGE = 'app://yishi/index.html'

export function fakeSender(overrides: Partial<SenderContents> = {}): SenderContents {
  return {
    print: vi.fn((_options, callback: (success: boolean, reason: string) => void) => callback(true, '')),
    printToPDF: vi.fn(async () => new Uint8Array([0x25, 0x50, 0x44, 0x46])),
    ...overrides,
  }
}

export function fakeFrame(url = APP_PAGE, parent: unknown = null): SenderFrame {
  return { url, parent }
}

export function fakeInvokeEvent(frame: SenderFrame | null = fakeFrame(), sender = fakeSender()): InvokeEvent {
  return { sender, senderFrame: frame }
}

/** Collects ipcMain.handle registrations so a test can invoke a channel like the renderer. */
export class FakeIpcMain {
  readonly listeners = new Map<string, (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>>()
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>): void {
    if (this.listeners.has(channel)) throw new Error(`second handler for ${channel}`)
    this.listeners.set(channel, listener)
  }
  invoke(channel: string, event: InvokeEvent, ...args: unknown[]): Promise<unknown> {
    const listener = this.listeners.get(channel)
    if (listener === undefined) throw new Error(`no handler for ${channel}`)
    return listener(event, ...args)
  }
}
