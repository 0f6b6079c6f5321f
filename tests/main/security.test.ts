// The Electron shell's secure defaults: web preferences, CSP, navigation, new windows,
// permissions and <webview>, checked on the real functions with fake webContents and sessions.
import { describe, expect, it, vi } from 'vitest'
import {
  APP_CSP,
  denyWindowOpen,
  hardenSession,
  hardenWebContents,
  isAllowedNavigation,
  secureWebPreferences,
} from '../../src/main/security'
import { mainWindowOptions, showWhenReady, focusWindow } from '../../src/main/window'
import { FakeContents, FakeSession, fakeEvent } from './fakes'

const DEV = 'http://localhost:5173'

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/u)
      return [name, values] as const
    }),
  )
}

describe('secureWebPreferences', () => {
  const prefs = secureWebPreferences('/app/.vite/build/preload.js')

  it('isolates the page from Node and Electron', () => {
    expect(prefs).toMatchObject({
      preload: '/app/.vite/build/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    })
  })

  it('keeps DevTools closed unless asked for (dev server only)', () => {
    expect(prefs.devTools).toBe(false)
    expect(secureWebPreferences('/p.js', { devTools: true }).devTools).toBe(true)
  })

  it('is what the main window uses, with the window shown only once painted', () => {
    const options = mainWindowOptions({ preloadPath: '/p.js' })
    expect(options).toMatchObject({ width: 1280, height: 860, show: false })
    expect(options.minWidth).toBeGreaterThan(0)
    expect(options.minHeight).toBeGreaterThan(0)
    expect(options.title).toContain('议事')
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/iu)
    expect(options.webPreferences).toEqual(secureWebPreferences('/p.js'))
  })

  it('shows the window on ready-to-show, and focusWindow restores a minimised one', () => {
    const window = Object.assign(new FakeContents(), { show: vi.fn() })
    showWhenReady(window)
    expect(window.show).not.toHaveBeenCalled()
    window.emit('ready-to-show')
    expect(window.show).toHaveBeenCalledOnce()

    const minimised = { isMinimized: () => true, restore: vi.fn(), show: vi.fn(), focus: vi.fn() }
    focusWindow(minimised)
    expect(minimised.restore).toHaveBeenCalledOnce()
    expect(minimised.focus).toHaveBeenCalledOnce()
  })
})

describe('content security policy', () => {
  const csp = directives(APP_CSP)

  it('allows scripts from the app only: no unsafe-eval, no unsafe-inline, no data:', () => {
    const scripts = csp.get('script-src')
    expect(scripts).toEqual(["'self'"])
    expect(APP_CSP).not.toContain('unsafe-eval')
    expect(APP_CSP).not.toContain('unsafe-inline')
  })

  it('forbids plugins, frames, form posts and <base> rewrites', () => {
    expect(csp.get('object-src')).toEqual(["'none'"])
    expect(csp.get('frame-src')).toEqual(["'none'"])
    expect(csp.get('form-action')).toEqual(["'none'"])
    expect(csp.get('base-uri')).toEqual(["'none'"])
    expect(csp.get('default-src')).toEqual(["'self'"])
  })

  it('lets the sync client reach a council server (WebSocket and its HTTP side), and nothing else beyond the app', () => {
    expect(csp.get('connect-src')).toEqual(["'self'", 'ws:', 'wss:', 'http:', 'https:'])
  })
})

describe('isAllowedNavigation', () => {
  it.each(['app://yishi/', 'app://yishi/index.html', 'app://yishi/index.html#/councils/1', 'app://yishi/x?y=1'])(
    'allows the app itself: %s',
    (url) => expect(isAllowedNavigation(url)).toBe(true),
  )

  it.each([
    'https://example.com/',
    'http://localhost:5173/',
    'http://127.0.0.1/',
    'file:///etc/passwd',
    'file:///C:/Windows/win.ini',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'blob:app://yishi/1234',
    'app://other/index.html',
    'app://yishi.evil.com/',
    'app://yishi:8080/',
    'app://user:pw@yishi/',
    'apps://yishi/',
    'about:blank',
    'chrome://settings',
    'devtools://devtools/',
    '',
    'not a url',
  ])('refuses %s in production', (url) => expect(isAllowedNavigation(url)).toBe(false))

  it('allows the dev server only when given, and only its exact origin', () => {
    expect(isAllowedNavigation(`${DEV}/index.html`, { devServerUrl: DEV })).toBe(true)
    expect(isAllowedNavigation(`${DEV}/index.html`)).toBe(false)
    expect(isAllowedNavigation('http://localhost:5174/', { devServerUrl: DEV })).toBe(false)
    expect(isAllowedNavigation('https://localhost:5173/', { devServerUrl: DEV })).toBe(false)
    expect(isAllowedNavigation('http://evil.com/', { devServerUrl: DEV })).toBe(false)
    // A non-http "dev server" is never trusted.
    expect(isAllowedNavigation('file:///tmp/x.html', { devServerUrl: 'file:///tmp/' })).toBe(false)
  })
})

describe('hardenWebContents', () => {
  function hardened(options = {}): { contents: FakeContents; refused: ReturnType<typeof vi.fn> } {
    const contents = new FakeContents()
    const refused = vi.fn()
    hardenWebContents(contents, { ...options, onRefused: refused })
    return { contents, refused }
  }

  it('cancels navigation to a foreign page and reports it', () => {
    const { contents, refused } = hardened()
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'javascript:alert(1)']) {
      const event = fakeEvent(url)
      contents.emit('will-navigate', event, url)
      expect(event.defaultPrevented()).toBe(true)
      expect(refused).toHaveBeenLastCalledWith('navigation', url)
    }
  })

  it('lets the app navigate within its own origin', () => {
    const { contents, refused } = hardened()
    const event = fakeEvent('app://yishi/index.html')
    contents.emit('will-navigate', event, 'app://yishi/index.html')
    contents.emit('will-frame-navigate', event)
    expect(event.preventDefault).not.toHaveBeenCalled()
    expect(refused).not.toHaveBeenCalled()
  })

  it('guards frame navigations (URL on the event only) and redirects', () => {
    const { contents, refused } = hardened()
    const frame = fakeEvent('https://example.com/frame')
    contents.emit('will-frame-navigate', frame)
    expect(frame.defaultPrevented()).toBe(true)

    const redirect = fakeEvent()
    contents.emit('will-redirect', redirect, 'http://example.com/')
    expect(redirect.defaultPrevented()).toBe(true)
    expect(refused).toHaveBeenLastCalledWith('redirect', 'http://example.com/')
  })

  it('refuses a navigation whose URL it cannot read', () => {
    const { contents } = hardened()
    const event = fakeEvent()
    contents.emit('will-navigate', event)
    expect(event.defaultPrevented()).toBe(true)
  })

  it('allows the dev server page only in dev', () => {
    const dev = hardened({ devServerUrl: DEV })
    const ok = fakeEvent(`${DEV}/`)
    dev.contents.emit('will-navigate', ok, `${DEV}/`)
    expect(ok.preventDefault).not.toHaveBeenCalled()

    const prod = hardened()
    const refusedEvent = fakeEvent(`${DEV}/`)
    prod.contents.emit('will-navigate', refusedEvent, `${DEV}/`)
    expect(refusedEvent.defaultPrevented()).toBe(true)
  })

  it('denies every new window', () => {
    const { contents } = hardened()
    expect(contents.windowOpenHandler).toBe(denyWindowOpen)
    expect(contents.windowOpenHandler?.()).toEqual({ action: 'deny' })
  })

  it('guards a webContents once: a second call (projector.ts after the app hook) adds nothing', () => {
    const contents = new FakeContents()
    const first = vi.fn()
    const second = vi.fn()
    hardenWebContents(contents, { onRefused: first })
    hardenWebContents(contents, { onRefused: second })
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      expect(contents.listenerCount(event)).toBe(1)
    }
    contents.emit('will-navigate', fakeEvent('https://example.com/'), 'https://example.com/')
    expect(first).toHaveBeenCalledOnce()
    expect(second).not.toHaveBeenCalled()
  })

  it('prevents attaching a <webview>', () => {
    const { contents, refused } = hardened()
    const event = fakeEvent()
    contents.emit('will-attach-webview', event, { nodeIntegration: true }, { src: 'https://example.com/' })
    expect(event.defaultPrevented()).toBe(true)
    expect(refused).toHaveBeenCalledWith('webview', '')
  })
})

describe('hardenSession', () => {
  const session = new FakeSession()
  hardenSession(session)

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'midiSysex', 'openExternal', 'hid', 'serial', 'fullscreen'])(
    'denies the permission request %s',
    (permission) => {
      const callback = vi.fn()
      session.requestHandler?.({}, permission, callback)
      expect(callback).toHaveBeenCalledExactlyOnceWith(false)
    },
  )

  it('answers every permission check and device request with no', () => {
    expect(session.checkHandler?.()).toBe(false)
    expect(session.deviceHandler?.()).toBe(false)
  })
})
