// src/main/main.ts against a fake `electron` module (the real binary is not needed): the
// single-instance lock, what happens before and after 'ready', and that every webContents,
// the session, the protocol and IPC get the guards from the plain modules.
import { EventEmitter } from 'node:events'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { IPC_CHANNELS } from '../../src/shared/ipc'
import { APP_CSP } from '../../src/main/security'
import { FakeContents, FakeIpcMain, FakeSession, fakeEvent } from './fakes'

function fakeElectron(lock: boolean) {
  const order: string[] = []
  let ready!: () => void
  const readyPromise = new Promise<void>((resolve) => (ready = resolve))

  const app = Object.assign(new EventEmitter(), {
    requestSingleInstanceLock: vi.fn(() => lock),
    quit: vi.fn(),
    enableSandbox: vi.fn(() => order.push('enableSandbox')),
    whenReady: vi.fn(() => readyPromise),
    isReady: () => true,
    getVersion: () => '0.1.0',
    getPath: (name: string) => `/fake/${name}`,
  })
  const protocol = {
    registerSchemesAsPrivileged: vi.fn(() => order.push('registerSchemesAsPrivileged')),
    handle: vi.fn(() => order.push('protocol.handle')),
  }
  const windows: FakeWindow[] = []
  class FakeWindow extends EventEmitter {
    readonly webContents = new FakeContents()
    readonly loadURL = vi.fn(async () => undefined)
    readonly show = vi.fn()
    readonly focus = vi.fn()
    readonly restore = vi.fn()
    isMinimized = (): boolean => false
    constructor(readonly options: Record<string, unknown>) {
      super()
      windows.push(this)
    }
    static getAllWindows(): FakeWindow[] {
      return windows
    }
  }
  const electron = {
    app,
    protocol,
    session: { defaultSession: new FakeSession() },
    ipcMain: new FakeIpcMain(),
    dialog: { showSaveDialog: vi.fn() },
    BrowserWindow: FakeWindow,
  }
  return { electron, order, windows, ready: () => ready(), readyPromise }
}

async function startMain(lock = true) {
  const fake = fakeElectron(lock)
  vi.resetModules()
  vi.doMock('electron', () => ({ ...fake.electron, default: fake.electron }))
  await import('../../src/main/main')
  return fake
}

/** Lets 'ready' fire and the .then(start) callback run. */
async function becomeReady(fake: Awaited<ReturnType<typeof startMain>>): Promise<void> {
  fake.ready()
  await fake.readyPromise
  await new Promise((resolve) => setImmediate(resolve))
}

afterEach(() => {
  vi.doUnmock('electron')
})

describe('main.ts wiring', () => {
  it('quits at once, touching nothing else, when another instance holds the lock', async () => {
    const fake = await startMain(false)
    expect(fake.electron.app.quit).toHaveBeenCalledOnce()
    expect(fake.electron.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled()
    expect(fake.electron.app.whenReady).not.toHaveBeenCalled()
    expect(fake.windows).toHaveLength(0)
  })

  it('registers the privileged scheme and the sandbox before ready, and handles the protocol after', async () => {
    const fake = await startMain()
    expect(fake.order).toEqual(['enableSandbox', 'registerSchemesAsPrivileged'])
    expect(fake.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ])
    expect(fake.electron.protocol.handle).not.toHaveBeenCalled()

    await becomeReady(fake)
    expect(fake.order.at(-1)).toBe('protocol.handle')
    const [scheme, handler] = fake.electron.protocol.handle.mock.calls[0] as unknown as [string, (r: Request) => Promise<Response>]
    expect(scheme).toBe('app')
    // The folder does not exist under test: a 404 that still carries the CSP.
    const response = await handler(new Request('app://yishi/index.html'))
    expect(response.status).toBe(404)
    expect(response.headers.get('content-security-policy')).toBe(APP_CSP)
  })

  it('after ready: denies permissions, registers IPC, opens one secure window on app://yishi/', async () => {
    const fake = await startMain()
    await becomeReady(fake)

    const permission = vi.fn()
    fake.electron.session.defaultSession.requestHandler?.({}, 'media', permission)
    expect(permission).toHaveBeenCalledWith(false)
    expect(fake.electron.session.defaultSession.checkHandler?.()).toBe(false)

    expect([...fake.electron.ipcMain.listeners.keys()].sort()).toEqual([...IPC_CHANNELS].sort())

    expect(fake.windows).toHaveLength(1)
    const window = fake.windows[0]!
    expect(window.options).toMatchObject({
      width: 1280,
      height: 860,
      show: false,
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, devTools: false },
    })
    expect(String((window.options['webPreferences'] as { preload: string }).preload)).toMatch(/preload\.js$/u)
    expect(window.loadURL).toHaveBeenCalledWith('app://yishi/index.html')
    window.emit('ready-to-show')
    expect(window.show).toHaveBeenCalled()
  })

  it('guards every webContents Electron creates', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const fake = await startMain()
    const contents = new FakeContents()
    fake.electron.app.emit('web-contents-created', {}, contents)
    const event = fakeEvent('https://example.com/')
    contents.emit('will-navigate', event, 'https://example.com/')
    expect(event.defaultPrevented()).toBe(true)
    expect(warn).toHaveBeenCalledWith('[yishi] refused navigation', 'https://example.com/')
    expect(contents.windowOpenHandler?.()).toEqual({ action: 'deny' })
    warn.mockRestore()
  })

  it('focuses the existing window on a second launch and quits when all windows close', async () => {
    const fake = await startMain()
    await becomeReady(fake)
    const window = fake.windows[0]!
    window.isMinimized = () => true
    fake.electron.app.emit('second-instance')
    expect(window.restore).toHaveBeenCalledOnce()
    expect(window.focus).toHaveBeenCalledOnce()

    fake.electron.app.emit('window-all-closed')
    if (process.platform === 'darwin') expect(fake.electron.app.quit).not.toHaveBeenCalled()
    else expect(fake.electron.app.quit).toHaveBeenCalledOnce()
  })

  it('answers app:getInfo with the userData folder from the real wiring', async () => {
    const fake = await startMain()
    await becomeReady(fake)
    const result = await fake.electron.ipcMain.invoke('app:getInfo', {
      sender: fake.windows[0]!.webContents as never,
      senderFrame: { url: 'app://yishi/index.html', parent: null },
    })
    expect(result).toEqual({ ok: true, value: { version: '0.1.0', platform: process.platform, dataDir: '/fake/userData' } })
  })

  it('finds the window of the sender for the modal save dialog, in Documents', async () => {
    const fake = await startMain()
    await becomeReady(fake)
    const window = fake.windows[0]!
    Object.assign(window.webContents, { printToPDF: vi.fn(async () => new Uint8Array([1])) })
    fake.electron.dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' })
    const result = await fake.electron.ipcMain.invoke(
      'app:savePdf',
      { sender: window.webContents as never, senderFrame: { url: 'app://yishi/index.html', parent: null } },
      { suggestedName: '纪要' },
    )
    expect(result).toEqual({ ok: true, value: { saved: false } })
    expect(fake.electron.dialog.showSaveDialog).toHaveBeenCalledWith(
      window,
      expect.objectContaining({ defaultPath: expect.stringMatching(/^\/fake\/documents.纪要\.pdf$/u) }),
    )
  })
})
