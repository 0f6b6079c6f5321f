// Electron entry: wiring only. Every decision lives in a plain module next to this file
// (security.ts, protocol.ts, ipc-handlers.ts, window.ts, projector.ts, menu.ts, files.ts…)
// where Vitest can check it.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell } from 'electron'
import { MENU_COMMAND_CHANNEL } from '../shared/ipc'
import * as backupStore from './backup'
import { readRegularFile, writeFileAtomic } from './files'
import { createAppMenu } from './menu'
import { createSettingsFile, SETTINGS_FILE_NAME } from './settingsFile'
import { languageForLocale } from './shellText'
import { APP_INDEX_URL, APP_SCHEME } from './origin'
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol'
import { hardenSession, hardenWebContents } from './security'
import { registerIpc } from './ipc-handlers'
import { createProjector, type Projector } from './projector'
import { createSyncHost } from './syncHost'
import { certificateVerifyProc, createPinStore, pinFor, PINS_FILE_NAME } from './certPins'
import { createSyncServer } from '../server/server'
import { networkInterfaces } from 'node:os'
import { askBeforeDiscardingInput, focusWindow, mainWindowOptions, showWhenReady, unsavedInputQuestion } from './window'

// Built as ESM (package.json has "type": "module"), so there is no __dirname.
const buildDir = path.dirname(fileURLToPath(import.meta.url))
// typeof: Forge replaces these at build time; anything else (a stray unbundled run) must not throw.
const devServerUrl =
  typeof MAIN_WINDOW_VITE_DEV_SERVER_URL === 'string' && MAIN_WINDOW_VITE_DEV_SERVER_URL !== ''
    ? MAIN_WINDOW_VITE_DEV_SERVER_URL
    : undefined
const rendererName = typeof MAIN_WINDOW_VITE_NAME === 'string' ? MAIN_WINDOW_VITE_NAME : 'main_window'

const log = (message: string, detail?: unknown): void => console.warn(`[yishi] ${message}`, detail ?? '')
const onRefused = (kind: string, url: string): void => log(`refused ${kind}`, url)
/** Main window and projector alike: the same preload, DevTools only under the dev server. */
const windowOptions = { preloadPath: path.join(buildDir, 'preload.js'), devTools: devServerUrl !== undefined }

let mainWindow: BrowserWindow | null = null
/** Created in start(): Electron's screen module answers only once the app is ready. */
let projector: Projector<BrowserWindow> | null = null

/** Main's own words (menus, dialogs), in the language the renderer last announced; set in start(). */
let shellText: (key: string) => string = (key) => key

function createMainWindow(): void {
  const window = new BrowserWindow(mainWindowOptions(windowOptions))
  showWhenReady(window)
  askBeforeDiscardingInput(window.webContents, () => dialog.showMessageBoxSync(window, unsavedInputQuestion(shellText)) === 0)
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null
  })
  // The projector belongs to the meeting on this window: it must not stay behind alone.
  projector?.closeWith(window)
  mainWindow = window
  window.loadURL(devServerUrl ?? APP_INDEX_URL).catch((error: unknown) => log('loading the app failed', error))
}

// Certificates this app accepts beyond the usual ones: a laptop hosting on the LAN, pinned by the
// fingerprint in its join code, and this laptop's own host (certPins.ts).
const pins = createPinStore(path.join(app.getPath('userData'), PINS_FILE_NAME), log)
/** Installed again after each new pin: the network service caches a verify proc's answers. */
function trustPinnedCertificates(): void {
  if (!app.isReady()) return
  const decide = certificateVerifyProc(pins.pins)
  // Waits for the pins file on the very first check; everything unpinned is Chromium's to verify.
  session.defaultSession.setCertificateVerifyProc((request, callback) => void pins.load().then(() => decide(request, callback)))
}

function start(): void {
  hardenSession(session.defaultSession)
  trustPinnedCertificates()
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({ rootDir: path.join(buildDir, '..', 'renderer', rendererName) }),
  )
  const windowProjector = createProjector({
    ...windowOptions,
    devServerUrl,
    screen,
    createWindow: (options) => new BrowserWindow(options),
    onRefused,
    log,
  })
  projector = windowProjector
  // In the OS's language until the renderer announces its own (app:setLanguage).
  const appMenu = createAppMenu(
    { buildFromTemplate: (template) => Menu.buildFromTemplate(template), setApplicationMenu: (menu) => Menu.setApplicationMenu(menu) },
    {
      language: languageForLocale(app.getLocale()),
      platform: process.platform,
      isDev: devServerUrl !== undefined,
      // Commands are for the secretary's window, even while the projector has the focus: the
      // projector shows no controls to act on them.
      send: (command) => {
        if (mainWindow !== null && !mainWindow.isDestroyed()) mainWindow.webContents.send(MENU_COMMAND_CHANNEL, command)
      },
      openDataFolder: () => {
        shell.openPath(app.getPath('userData')).then(
          (problem) => problem && log('opening the data folder failed', problem),
          (error: unknown) => log('opening the data folder failed', error),
        )
      },
      log,
    },
  )
  const settings = createSettingsFile(path.join(app.getPath('userData'), SETTINGS_FILE_NAME), { log })
  registerIpc(ipcMain, {
    devServerUrl,
    log,
    appInfo: () => ({ version: app.getVersion(), platform: process.platform, dataDir: app.getPath('userData') }),
    windowFor: (contents) => BrowserWindow.getAllWindows().find((w) => w.webContents === contents) ?? null,
    showSaveDialog: (window, options) => dialog.showSaveDialog(window, options),
    showOpenDialog: (window, options) => dialog.showOpenDialog(window, options),
    writeFile: writeFileAtomic,
    readFile: readRegularFile,
    defaultSaveDir: () => app.getPath('documents'),
    text: appMenu.text,
    setLanguage: appMenu.setLanguage,
    backups: { store: backupStore, settings, now: () => new Date() },
    openProjector: (route) => windowProjector.open(route),
    hostSync: () => syncHost.host(),
    pinCertificate: async (serverUrl, fingerprint) => {
      const pin = pinFor(serverUrl, fingerprint)
      if (!pin) return false
      await pins.add(pin)
      trustPinnedCertificates()
      return true
    },
  })
  shellText = appMenu.text
  createMainWindow()
}

// The embedded council server, started only when the secretary chooses to host; its documents
// live beside the app's own data. It also serves the phone ballot page, which Forge builds next
// to the main window's renderer (.vite/renderer/ballot).
const syncHost = createSyncHost({
  start: createSyncServer,
  dataDir: path.join(app.getPath('userData'), 'sync-host'),
  ballotPageDir: path.join(buildDir, '..', 'renderer', 'ballot'),
  networkInterfaces,
  log: (message, detail) => console.error(message, detail),
  // wss:// and https:// with a self-signed certificate kept here (0600); its fingerprint goes
  // into the join codes made on this laptop, and this laptop accepts it for its own addresses.
  certDir: path.join(app.getPath('userData'), 'sync-host-tls'),
  pinOwn: (hosts, port, fingerprint) => {
    pins.pinOwn(hosts, port, fingerprint)
    trustPinnedCertificates()
  },
})
app.on('will-quit', () => void syncHost.stop())

// A second copy would open the same IndexedDB and race the first one's writes: focus it instead.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  // Both must happen before 'ready'.
  app.enableSandbox()
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])

  app.on('second-instance', () => {
    if (mainWindow !== null) focusWindow(mainWindow)
  })
  // Every webContents, not only the main window's: whatever gets created is guarded.
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, { devServerUrl, onRefused })
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) createMainWindow()
  })
  app.whenReady().then(start, (error: unknown) => {
    log('startup failed', error)
    app.quit()
  })
}
