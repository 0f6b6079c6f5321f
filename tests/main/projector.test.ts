// The projector window: which display it goes to, its options (the main window's secure
// webPreferences), one window at most, the guards on its webContents, and that it closes with
// the main window. projector.ts against fake displays and windows.
import { describe, expect, it, vi } from 'vitest'
import {
  PROJECTOR_BACKGROUND,
  PROJECTOR_WINDOW_TITLE,
  chooseDisplay,
  createProjector,
  projectorUrl,
  projectorWindowOptions,
  type DisplayLike,
  type ScreenLike,
} from '../../src/main/projector'
import { hardenWebContents, secureWebPreferences } from '../../src/main/security'
import { mainWindowOptions } from '../../src/main/window'
import { FakeWindow, fakeEvent } from './fakes'

const PRIMARY: DisplayLike = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } }
const EXTERNAL: DisplayLike = { id: 2, bounds: { x: 1920, y: -120, width: 1280, height: 720 } }
const THIRD: DisplayLike = { id: 3, bounds: { x: -1024, y: 0, width: 1024, height: 768 } }
const PRELOAD = '/app/.vite/build/preload.js'
const ROUTE = '#/c/council-0001/m/meeting-0001/projector'
const ROUTE_2 = '#/c/council-0001/m/meeting-0002/projector'
const DEV = 'http://localhost:5173'

function fakeScreen(displays: DisplayLike[], primary: DisplayLike = displays[0]!): ScreenLike {
  return { getPrimaryDisplay: () => primary, getAllDisplays: () => displays }
}

function setup(options: { displays?: DisplayLike[]; devServerUrl?: string; devTools?: boolean } = {}) {
  const created: FakeWindow[] = []
  const onRefused = vi.fn()
  const log = vi.fn()
  const screen = fakeScreen(options.displays ?? [PRIMARY, EXTERNAL])
  const projector = createProjector({
    screen,
    preloadPath: PRELOAD,
    devTools: options.devTools ?? false,
    devServerUrl: options.devServerUrl,
    createWindow: (windowOptions) => {
      const window = new FakeWindow(windowOptions)
      created.push(window)
      return window
    },
    onRefused,
    log,
  })
  return { projector, created, onRefused, log }
}

describe('chooseDisplay', () => {
  it('picks a display other than the primary when one is connected', () => {
    expect(chooseDisplay(fakeScreen([PRIMARY, EXTERNAL]))).toEqual({ kind: 'external', display: EXTERNAL })
    // Wherever the primary is in the list.
    expect(chooseDisplay(fakeScreen([EXTERNAL, PRIMARY], PRIMARY))).toEqual({ kind: 'external', display: EXTERNAL })
    expect(chooseDisplay(fakeScreen([PRIMARY, EXTERNAL, THIRD])).kind).toBe('external')
    expect(chooseDisplay(fakeScreen([PRIMARY, EXTERNAL, THIRD])).display.id).not.toBe(PRIMARY.id)
  })

  it('falls back to the primary when it is the only display', () => {
    expect(chooseDisplay(fakeScreen([PRIMARY]))).toEqual({ kind: 'primary', display: PRIMARY })
  })
})

describe('projectorWindowOptions', () => {
  it('goes fullscreen on the bounds of an external display', () => {
    const options = projectorWindowOptions({ kind: 'external', display: EXTERNAL }, { preloadPath: PRELOAD })
    expect(options).toMatchObject({ x: 1920, y: -120, width: 1280, height: 720, fullscreen: true })
  })

  it('is a normal movable 1024×768 window on the primary, not fullscreen', () => {
    const options = projectorWindowOptions({ kind: 'primary', display: PRIMARY }, { preloadPath: PRELOAD })
    expect(options).toMatchObject({ width: 1024, height: 768, movable: true, resizable: true })
    // Not fullscreen; and not `fullscreen: false`, which would disable macOS's fullscreen button.
    expect(options.fullscreen).toBeUndefined()
    expect(options.fullscreenable).not.toBe(false)
    expect(options.x).toBeUndefined()
    expect(options.y).toBeUndefined()
  })

  it('has the projector title, a black background, and shows once painted', () => {
    for (const choice of [
      { kind: 'external', display: EXTERNAL },
      { kind: 'primary', display: PRIMARY },
    ] as const) {
      const options = projectorWindowOptions(choice, { preloadPath: PRELOAD })
      expect(options.title).toBe('Yishi — projector')
      expect(options.title).toBe(PROJECTOR_WINDOW_TITLE)
      expect(options.backgroundColor).toBe('#000000')
      expect(options.backgroundColor).toBe(PROJECTOR_BACKGROUND)
      expect(options.show).toBe(false)
    }
  })

  it('carries exactly the main window\'s secure webPreferences, with the same preload', () => {
    for (const devTools of [false, true]) {
      const options = projectorWindowOptions({ kind: 'external', display: EXTERNAL }, { preloadPath: PRELOAD, devTools })
      expect(options.webPreferences).toEqual(mainWindowOptions({ preloadPath: PRELOAD, devTools }).webPreferences)
      expect(options.webPreferences).toEqual(secureWebPreferences(PRELOAD, { devTools }))
      expect(options.webPreferences).toMatchObject({
        preload: PRELOAD,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webviewTag: false,
        webSecurity: true,
        devTools,
      })
    }
  })
})

describe('projectorUrl', () => {
  it('is the app page plus the route, or the dev server plus the route', () => {
    expect(projectorUrl(ROUTE)).toBe(`app://yishi/index.html${ROUTE}`)
    expect(projectorUrl(ROUTE, { devServerUrl: DEV })).toBe(`${DEV}${ROUTE}`)
    expect(new URL(projectorUrl(ROUTE, { devServerUrl: DEV })).hash).toBe(ROUTE)
  })
})

describe('createProjector', () => {
  it('opens fullscreen on the external display and loads app://yishi/index.html + route', () => {
    const { projector, created } = setup()
    expect(projector.open(ROUTE)).toEqual({ opened: true, display: 'external' })
    expect(created).toHaveLength(1)
    const window = created[0]!
    expect(window.options).toMatchObject({ x: EXTERNAL.bounds.x, y: EXTERNAL.bounds.y, fullscreen: true })
    expect(window.options.webPreferences).toEqual(mainWindowOptions({ preloadPath: PRELOAD }).webPreferences)
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith(`app://yishi/index.html${ROUTE}`)
    expect(projector.current()).toBe(window)
  })

  it('opens a window on the primary when it is the only display', () => {
    const { projector, created } = setup({ displays: [PRIMARY] })
    expect(projector.open(ROUTE)).toEqual({ opened: true, display: 'primary' })
    expect(created[0]!.options).toMatchObject({ width: 1024, height: 768, movable: true })
    expect(created[0]!.options.fullscreen).not.toBe(true)
  })

  it('loads the dev server URL + route under electron-forge start', () => {
    const { projector, created } = setup({ devServerUrl: DEV, devTools: true })
    projector.open(ROUTE)
    expect(created[0]!.loadURL).toHaveBeenCalledWith(`${DEV}${ROUTE}`)
    expect(created[0]!.options.webPreferences).toMatchObject({ devTools: true })
  })

  it('shows the window once painted', () => {
    const { projector, created } = setup()
    projector.open(ROUTE)
    expect(created[0]!.show).not.toHaveBeenCalled()
    created[0]!.emit('ready-to-show')
    expect(created[0]!.show).toHaveBeenCalledOnce()
  })

  it('keeps one window: a second open loads the new route into it and focuses it', () => {
    const { projector, created } = setup()
    projector.open(ROUTE)
    const window = created[0]!
    window.isMinimized = () => true
    expect(projector.open(ROUTE_2)).toEqual({ opened: true, display: 'external' })
    expect(created).toHaveLength(1)
    expect(window.loadURL).toHaveBeenLastCalledWith(`app://yishi/index.html${ROUTE_2}`)
    expect(window.loadURL).toHaveBeenCalledTimes(2)
    expect(window.restore).toHaveBeenCalledOnce()
    expect(window.focus).toHaveBeenCalledOnce()
  })

  it('answers with the display the open window is on, even if displays changed since', () => {
    let displays = [PRIMARY]
    const created: FakeWindow[] = []
    const projector = createProjector({
      screen: { getPrimaryDisplay: () => PRIMARY, getAllDisplays: () => displays },
      preloadPath: PRELOAD,
      createWindow: (o) => {
        created.push(new FakeWindow(o))
        return created.at(-1)!
      },
    })
    expect(projector.open(ROUTE).display).toBe('primary')
    displays = [PRIMARY, EXTERNAL]
    expect(projector.open(ROUTE_2).display).toBe('primary')
    expect(created).toHaveLength(1)
  })

  it('opens a new window after the user closed the old one', () => {
    const { projector, created } = setup()
    projector.open(ROUTE)
    created[0]!.close()
    expect(projector.current()).toBeNull()
    projector.open(ROUTE_2)
    expect(created).toHaveLength(2)
    expect(created[1]!.loadURL).toHaveBeenCalledWith(`app://yishi/index.html${ROUTE_2}`)
  })

  it('does not reuse a window that was destroyed without a closed event', () => {
    const { projector, created } = setup()
    projector.open(ROUTE)
    created[0]!.destroyed = true
    projector.open(ROUTE_2)
    expect(created).toHaveLength(2)
  })

  it('logs a failed load instead of throwing', async () => {
    const { projector, created, log } = setup()
    projector.open(ROUTE)
    created[0]!.loadURL.mockImplementationOnce(() => Promise.reject(new Error('ERR_FAILED')))
    expect(() => projector.open(ROUTE_2)).not.toThrow()
    await new Promise((resolve) => setImmediate(resolve))
    expect(log).toHaveBeenCalledWith('loading the projector failed', expect.any(Error))
  })

  it.each([
    '#/c/council-0001/m/meeting-0001/minutes',
    '#/c/x/m/y/projector',
    'javascript:alert(1)',
    `https://evil.example/${ROUTE}`,
    '',
  ])('refuses to open %j, whoever the caller', (route) => {
    const { projector, created } = setup()
    expect(() => projector.open(route)).toThrow()
    expect(created).toHaveLength(0)
  })
})

describe('the projector window is guarded like the main window', () => {
  function opened() {
    const fixture = setup()
    fixture.projector.open(ROUTE)
    return { ...fixture, window: fixture.created[0]! }
  }

  it('refuses navigation away from the app, frame navigations and redirects', () => {
    const { window, onRefused } = opened()
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'javascript:alert(1)']) {
      const event = fakeEvent(url)
      window.webContents.emit('will-navigate', event, url)
      expect(event.defaultPrevented()).toBe(true)
      expect(onRefused).toHaveBeenLastCalledWith('navigation', url)
    }
    const frame = fakeEvent('https://example.com/frame')
    window.webContents.emit('will-frame-navigate', frame)
    expect(frame.defaultPrevented()).toBe(true)
    const redirect = fakeEvent()
    window.webContents.emit('will-redirect', redirect, 'http://example.com/')
    expect(redirect.defaultPrevented()).toBe(true)

    const own = fakeEvent(`app://yishi/index.html${ROUTE_2}`)
    window.webContents.emit('will-navigate', own, own.url)
    expect(own.preventDefault).not.toHaveBeenCalled()
  })

  it('denies new windows and <webview>', () => {
    const { window } = opened()
    expect(window.webContents.windowOpenHandler?.()).toEqual({ action: 'deny' })
    const event = fakeEvent()
    window.webContents.emit('will-attach-webview', event)
    expect(event.defaultPrevented()).toBe(true)
  })

  it('denies every permission on its session', () => {
    const { window } = opened()
    for (const permission of ['media', 'geolocation', 'notifications', 'fullscreen']) {
      const callback = vi.fn()
      window.webContents.session.requestHandler?.({}, permission, callback)
      expect(callback).toHaveBeenCalledExactlyOnceWith(false)
    }
    expect(window.webContents.session.checkHandler?.()).toBe(false)
    expect(window.webContents.session.deviceHandler?.()).toBe(false)
  })

  it('adds no second set of guards when main.ts\'s web-contents-created hook ran first', () => {
    const onRefused = vi.fn()
    let window!: FakeWindow
    const projector = createProjector({
      screen: fakeScreen([PRIMARY, EXTERNAL]),
      preloadPath: PRELOAD,
      createWindow: (o) => {
        window = new FakeWindow(o)
        // What Electron does inside `new BrowserWindow`: 'web-contents-created', main.ts's hook.
        hardenWebContents(window.webContents, { onRefused })
        return window
      },
      onRefused,
    })
    projector.open(ROUTE)
    expect(window.webContents.listenerCount('will-navigate')).toBe(1)
    expect(window.webContents.listenerCount('will-frame-navigate')).toBe(1)
    const event = fakeEvent('https://example.com/')
    window.webContents.emit('will-navigate', event, 'https://example.com/')
    expect(onRefused).toHaveBeenCalledOnce()
  })
})

describe('closeWith', () => {
  it('closes the projector when the main window closes', () => {
    const { projector, created } = setup()
    const main = new FakeWindow({})
    projector.closeWith(main)
    projector.open(ROUTE)
    main.close()
    expect(created[0]!.close).toHaveBeenCalledOnce()
    expect(created[0]!.isDestroyed()).toBe(true)
    expect(projector.current()).toBeNull()
  })

  it('also covers a projector opened before closeWith, and is harmless with none open', () => {
    const { projector, created } = setup()
    projector.open(ROUTE)
    const main = new FakeWindow({})
    projector.closeWith(main)
    main.close()
    expect(created[0]!.close).toHaveBeenCalledOnce()

    const idle = setup()
    const otherMain = new FakeWindow({})
    idle.projector.closeWith(otherMain)
    expect(() => otherMain.close()).not.toThrow()
    expect(idle.created).toHaveLength(0)
  })

  it('does not close a projector the user already closed a second time', () => {
    const { projector, created } = setup()
    const main = new FakeWindow({})
    projector.closeWith(main)
    projector.open(ROUTE)
    created[0]!.close()
    main.close()
    expect(created[0]!.close).toHaveBeenCalledOnce()
  })
})
