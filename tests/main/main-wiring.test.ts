// src/main/main.ts against a fake `electron` module (the real binary is not needed): the
// single-instance lock, what happens before and after 'ready', that every webContents, the
// session, the protocol and IPC get the guards from the plain modules, the projector, the
// menu (language, commands) and the file and backup channels' real dependencies.
import { EventEmitter } from 'node:events'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { IPC_CHANNELS, MENU_COMMAND_CHANNEL } from '../../src/shared/ipc'
import { APP_CSP } from '../../src/main/security'
import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions } from 'electron'
import { FakeContents, FakeIpcMain, FakeSession, FakeWindow, fakeEvent } from './fakes'
import { tempFolder } from './ipc-fakes'

const PRIMARY = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } }
const EXTERNAL = { id: 7, bounds: { x: 1920, y: 0, width: 1280, height: 720 } }
const ROUTE = '#/c/council-0001/m/meeting-0001/projector'
const APP_FRAME = { url: 'app://yishi/index.html', parent: null }

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
    getLocale: () => 'en-US',
  })
  const protocol = {
    registerSchemesAsPrivileged: vi.fn(() => order.push('registerSchemesAsPrivileged')),
    handle: vi.fn(() => order.push('protocol.handle')),
  }
  const session = { defaultSession: new FakeSession() }
  const display = { displays: [PRIMARY, EXTERNAL] }
  const screen = {
    getPrimaryDisplay: vi.fn(() => PRIMARY),
    getAllDisplays: vi.fn(() => display.displays),
  }
  /** Every window ever created, closed ones included; getAllWindows() lists the open ones. */
  const windows: WiredWindow[] = []
  class WiredWindow extends FakeWindow {
    constructor(options: BrowserWindowConstructorOptions) {
      super(options, session.defaultSession)
      windows.push(this)
      // As Electron does inside `new BrowserWindow`.
      app.emit('web-contents-created', {}, this.webContents)
    }
    static getAllWindows(): WiredWindow[] {
      return windows.filter((w) => !w.isDestroyed())
    }
  }
  const electron = {
    app,
    protocol,
    screen,
    session,
    ipcMain: new FakeIpcMain(),
    dialog: { showSaveDialog: vi.fn(), showOpenDialog: vi.fn() },
    BrowserWindow: WiredWindow,
    Menu: {
      buildFromTemplate: vi.fn((template: MenuItemConstructorOptions[]) => ({ template })),
      setApplicationMenu: vi.fn(),
    },
    shell: { openPath: vi.fn(async () => '') },
  }
  return { electron, order, windows, display, ready: () => ready(), readyPromise }
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
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
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

  it('installs a certificate verify proc after ready that leaves every unpinned certificate to Chromium', async () => {
    const fake = await startMain()
    expect(fake.electron.session.defaultSession.verifyProc).toBeNull()
    await becomeReady(fake)
    const proc = fake.electron.session.defaultSession.verifyProc!
    const answer = await new Promise<number>((resolve) => proc({ hostname: '192.168.1.20', certificate: { fingerprint: `sha256/${'A'.repeat(43)}=` } }, resolve))
    expect(answer).toBe(-3)
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

describe('main.ts wiring: menu, files and backups', () => {
  const APP_EVENT = (window: FakeWindow) => ({ sender: window.webContents as never, senderFrame: APP_FRAME })
  type Built = { template: MenuItemConstructorOptions[] }
  const installed = (fake: Awaited<ReturnType<typeof startMain>>): MenuItemConstructorOptions[] =>
    (fake.electron.Menu.setApplicationMenu.mock.calls.at(-1)?.[0] as Built).template

  function find(items: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions | undefined {
    for (const item of items) {
      if (item.id === id) return item
      const inside = Array.isArray(item.submenu) ? find(item.submenu as MenuItemConstructorOptions[], id) : undefined
      if (inside) return inside
    }
    return undefined
  }

  it("installs the menu in the OS's language, then in the one the renderer announces", async () => {
    const fake = await startMain()
    expect(fake.electron.Menu.setApplicationMenu).not.toHaveBeenCalled()
    await becomeReady(fake)
    expect(installed(fake).map((m) => m.label)).toContain('Meeting')
    const result = await fake.electron.ipcMain.invoke('app:setLanguage', APP_EVENT(fake.windows[0]!), { language: 'zh-TW' })
    expect(result).toEqual({ ok: true, value: undefined })
    expect(installed(fake).map((m) => m.label)).toContain('會議')
  })

  it("sends menu commands to the main window's page, and opens the data folder", async () => {
    const fake = await startMain()
    await becomeReady(fake)
    const window = fake.windows[0]!
    find(installed(fake), 'nextAgendaItem')!.click!(undefined as never, undefined, undefined as never)
    expect(window.webContents.send).toHaveBeenCalledExactlyOnceWith(MENU_COMMAND_CHANNEL, 'nextAgendaItem')
    find(installed(fake), 'dataFolder')!.click!(undefined as never, undefined, undefined as never)
    expect(fake.electron.shell.openPath).toHaveBeenCalledExactlyOnceWith('/fake/userData')
    // With the window closed, a shortcut goes nowhere rather than throwing.
    window.close()
    find(installed(fake), 'openVote')!.click!(undefined as never, undefined, undefined as never)
    expect(window.webContents.send).toHaveBeenCalledOnce()
  })

  it('saves a file through the dialog with the atomic write, and reads one through the open dialog', async () => {
    const { dir, cleanup } = await tempFolder()
    try {
      const fake = await startMain()
      await becomeReady(fake)
      const window = fake.windows[0]!
      const target = path.join(dir, '名册.csv')
      fake.electron.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target })
      const saved = await fake.electron.ipcMain.invoke('file:save', APP_EVENT(window), { suggestedName: '名册', kind: 'csv', data: '姓名\n' })
      expect(saved).toEqual({ ok: true, value: { saved: true, path: target } })
      expect(fake.electron.dialog.showSaveDialog).toHaveBeenCalledWith(window, expect.objectContaining({ defaultPath: path.join('/fake/documents', '名册.csv') }))
      expect(await readFile(target, 'utf8')).toBe('姓名\n')

      fake.electron.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [target] })
      const opened = await fake.electron.ipcMain.invoke('file:open', APP_EVENT(window), { kind: 'register', multiple: false })
      expect(opened).toEqual({ ok: true, value: { files: [{ name: '名册.csv', bytes: new TextEncoder().encode('姓名\n') }] } })
    } finally {
      await cleanup()
    }
  })

  it('answers the backup status from the settings in userData (none yet)', async () => {
    const fake = await startMain()
    await becomeReady(fake)
    const status = await fake.electron.ipcMain.invoke('backup:status', APP_EVENT(fake.windows[0]!))
    expect(status).toEqual({ ok: true, value: { folder: null, folderState: 'none', last: null, count: 0 } })
  })
})

describe('main.ts wiring: the projector', () => {
  async function ready() {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const fake = await startMain()
    await becomeReady(fake)
    const main = fake.windows[0]!
    const open = (route: string, frame: { url: string; parent: unknown } | null = APP_FRAME) =>
      fake.electron.ipcMain.invoke('app:openProjector', { sender: main.webContents as never, senderFrame: frame }, { route })
    return { fake, main, open, warn }
  }

  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('asks the screen nothing until a projector is opened', async () => {
    const { fake } = await ready()
    expect(fake.electron.screen.getAllDisplays).not.toHaveBeenCalled()
    expect(fake.electron.screen.getPrimaryDisplay).not.toHaveBeenCalled()
  })

  it('opens a second, secure, fullscreen window on the external display at the route', async () => {
    const { fake, main, open } = await ready()
    expect(await open(ROUTE)).toEqual({ ok: true, value: { opened: true, display: 'external' } })
    expect(fake.windows).toHaveLength(2)
    const projector = fake.windows[1]!
    expect(projector.options).toMatchObject({
      x: EXTERNAL.bounds.x,
      y: EXTERNAL.bounds.y,
      fullscreen: true,
      title: 'Yishi — projector',
      backgroundColor: '#000000',
    })
    expect(projector.options.webPreferences).toEqual(main.options.webPreferences)
    expect(projector.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false })
    expect(String(projector.options.webPreferences?.preload)).toMatch(/preload\.js$/u)
    expect(projector.loadURL).toHaveBeenCalledExactlyOnceWith(`app://yishi/index.html${ROUTE}`)
  })

  it('opens a 1024×768 window on the primary when it is the only display', async () => {
    const { fake, open } = await ready()
    fake.display.displays = [PRIMARY]
    expect(await open(ROUTE)).toEqual({ ok: true, value: { opened: true, display: 'primary' } })
    expect(fake.windows[1]!.options).toMatchObject({ width: 1024, height: 768 })
    expect(fake.windows[1]!.options.fullscreen).not.toBe(true)
  })

  it('guards the projector like every webContents, once, and denies its permissions', async () => {
    const { fake, open, warn } = await ready()
    await open(ROUTE)
    const contents = fake.windows[1]!.webContents
    expect(contents.listenerCount('will-navigate')).toBe(1)
    const event = fakeEvent('https://example.com/')
    contents.emit('will-navigate', event, 'https://example.com/')
    expect(event.defaultPrevented()).toBe(true)
    expect(warn).toHaveBeenCalledExactlyOnceWith('[yishi] refused navigation', 'https://example.com/')
    expect(contents.windowOpenHandler?.()).toEqual({ action: 'deny' })
    const permission = vi.fn()
    contents.session.requestHandler?.({}, 'media', permission)
    expect(permission).toHaveBeenCalledWith(false)
  })

  it('reuses the one projector window for a second open, loading the new route', async () => {
    const { fake, open } = await ready()
    await open(ROUTE)
    const route2 = '#/c/council-0001/m/meeting-0002/projector'
    expect(await open(route2)).toEqual({ ok: true, value: { opened: true, display: 'external' } })
    expect(fake.windows).toHaveLength(2)
    expect(fake.windows[1]!.loadURL).toHaveBeenLastCalledWith(`app://yishi/index.html${route2}`)
    expect(fake.windows[1]!.focus).toHaveBeenCalled()
  })

  it('closes the projector when the main window closes', async () => {
    const { fake, main, open } = await ready()
    await open(ROUTE)
    const projector = fake.windows[1]!
    main.close()
    expect(projector.close).toHaveBeenCalledOnce()
    expect(fake.electron.BrowserWindow.getAllWindows()).toHaveLength(0)
  })

  it('refuses a foreign sender and a malformed route, opening nothing', async () => {
    const { fake, open } = await ready()
    expect(await open(ROUTE, { url: 'https://evil.example/', parent: null })).toEqual({ ok: false, error: 'forbidden-sender' })
    expect(await open('#/c/x/m/y/projector?x=1')).toEqual({ ok: false, error: 'invalid-payload' })
    expect(fake.windows).toHaveLength(1)
  })
})
