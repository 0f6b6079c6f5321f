// The application menu as a template: File / Edit / View / Meeting / Help (macOS: the app menu
// first and a Window menu), labels in the user's language, shortcuts for what a secretary
// repeats during a meeting. Pure: main.ts turns the template into Electron's Menu.
import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../shared/ipc'
import type { Language } from '../shared/i18n/languages'
import { menuText, type Translate } from './shellText'

/**
 * The meeting shortcuts. Chosen to clash with no role default below and with none of the
 * editing keys Chromium handles in text fields (Ctrl+Shift+V pastes plain text on Windows and
 * Linux, Ctrl+B/I/U format, Ctrl+arrows move by word), so a secretary typing the minutes can
 * press them without losing a keystroke's usual meaning. Print keeps CmdOrCtrl+P.
 */
export const MEETING_ACCELERATORS = {
  previousAgendaItem: 'CmdOrCtrl+[',
  nextAgendaItem: 'CmdOrCtrl+]',
  toggleSpeakingTimer: 'CmdOrCtrl+T',
  recordSpeech: 'CmdOrCtrl+Shift+S',
  openVote: 'CmdOrCtrl+Shift+B',
  openProjector: 'CmdOrCtrl+Shift+P',
} as const satisfies Partial<Record<MenuCommand, string>>

export const FILE_ACCELERATORS = {
  newCouncil: 'CmdOrCtrl+N',
  print: 'CmdOrCtrl+P',
} as const satisfies Partial<Record<MenuCommand, string>>

export interface MenuOptions {
  /** The `menu` namespace in the user's language (shellText.ts). */
  t: Translate
  platform: NodeJS.Platform
  /** Under `electron-forge start`: reload and DevTools appear. */
  isDev: boolean
  /** Sends a command to the app's renderer (main.ts: the `menu:command` event). */
  send: (command: MenuCommand) => void
  /** Opens the userData folder in the system's file manager. */
  openDataFolder: () => void
}

const separator: MenuItemConstructorOptions = { type: 'separator' }

/** Item makers in the menu's language: a command sent to the page, or one of Electron's roles. */
interface Makers {
  t: MenuOptions['t']
  command(id: MenuCommand, label: string, accelerator?: string): MenuItemConstructorOptions
  role(name: NonNullable<MenuItemConstructorOptions['role']>, label: string): MenuItemConstructorOptions
}

function makers({ t, send }: MenuOptions): Makers {
  return {
    t,
    command: (id, label, accelerator) => ({ id, label: t(label), ...(accelerator === undefined ? {} : { accelerator }), click: () => send(id) }),
    role: (name, label) => ({ role: name, label: t(label) }),
  }
}

/** macOS puts About, Hide and Quit under the application's own menu. */
function appMenu({ t, role }: Makers): MenuItemConstructorOptions {
  return {
    label: t('app.name'),
    submenu: [
      role('about', 'app.about'),
      separator,
      role('services', 'app.services'),
      separator,
      role('hide', 'app.hide'),
      role('hideOthers', 'app.hideOthers'),
      role('unhide', 'app.unhide'),
      separator,
      role('quit', 'app.quit'),
    ],
  }
}

function fileMenu({ t, command, role }: Makers, mac: boolean): MenuItemConstructorOptions {
  return {
    label: t('file.label'),
    submenu: [
      command('newCouncil', 'file.newCouncil', FILE_ACCELERATORS.newCouncil),
      command('reviewSubmissions', 'file.reviewSubmissions'),
      separator,
      command('backupNow', 'file.backupNow'),
      command('restoreBackup', 'file.restoreBackup'),
      separator,
      command('print', 'file.print', FILE_ACCELERATORS.print),
      // Windows and Linux quit from File; macOS closes the window here and quits from the app menu.
      ...(mac ? [separator, role('close', 'file.close')] : [separator, role('quit', 'file.quit')]),
    ],
  }
}

function editMenu({ t, role }: Makers): MenuItemConstructorOptions {
  return {
    label: t('edit.label'),
    submenu: [
      role('undo', 'edit.undo'),
      role('redo', 'edit.redo'),
      separator,
      role('cut', 'edit.cut'),
      role('copy', 'edit.copy'),
      role('paste', 'edit.paste'),
      role('selectAll', 'edit.selectAll'),
    ],
  }
}

function viewMenu({ t, role }: Makers, isDev: boolean): MenuItemConstructorOptions {
  return {
    label: t('view.label'),
    submenu: [
      ...(isDev
        ? [role('reload', 'view.reload'), role('forceReload', 'view.forceReload'), role('toggleDevTools', 'view.toggleDevTools'), separator]
        : []),
      role('resetZoom', 'view.resetZoom'),
      role('zoomIn', 'view.zoomIn'),
      role('zoomOut', 'view.zoomOut'),
      separator,
      role('togglefullscreen', 'view.toggleFullScreen'),
    ],
  }
}

function meetingMenu({ t, command }: Makers): MenuItemConstructorOptions {
  return {
    label: t('meeting.label'),
    submenu: [
      command('previousAgendaItem', 'meeting.previousAgendaItem', MEETING_ACCELERATORS.previousAgendaItem),
      command('nextAgendaItem', 'meeting.nextAgendaItem', MEETING_ACCELERATORS.nextAgendaItem),
      separator,
      command('toggleSpeakingTimer', 'meeting.toggleSpeakingTimer', MEETING_ACCELERATORS.toggleSpeakingTimer),
      command('recordSpeech', 'meeting.recordSpeech', MEETING_ACCELERATORS.recordSpeech),
      command('openVote', 'meeting.openVote', MEETING_ACCELERATORS.openVote),
      separator,
      command('openProjector', 'meeting.openProjector', MEETING_ACCELERATORS.openProjector),
    ],
  }
}

/** macOS only: the Window menu. */
function windowMenu({ t, role }: Makers): MenuItemConstructorOptions {
  return {
    role: 'windowMenu',
    label: t('window.label'),
    submenu: [role('minimize', 'window.minimize'), role('zoom', 'window.zoom'), separator, role('front', 'window.front')],
  }
}

function helpMenu({ t, role }: Makers, mac: boolean, openDataFolder: () => void): MenuItemConstructorOptions {
  return {
    // The help role gives macOS's Help menu its search field.
    ...(mac ? { role: 'help' as const } : {}),
    label: t('help.label'),
    submenu: [...(mac ? [] : [role('about', 'help.about'), separator]), { id: 'dataFolder', label: t('help.dataFolder'), click: () => openDataFolder() }],
  }
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin'
  const m = makers(options)
  return [
    ...(mac ? [appMenu(m)] : []),
    fileMenu(m, mac),
    editMenu(m),
    viewMenu(m, options.isDev),
    meetingMenu(m),
    ...(mac ? [windowMenu(m)] : []),
    helpMenu(m, mac, () => options.openDataFolder()),
  ]
}

/** The part of Electron's Menu used here; a fake in tests. */
export interface MenuApi<M> {
  buildFromTemplate(template: MenuItemConstructorOptions[]): M
  setApplicationMenu(menu: M | null): void
}

/** Builds the menu from the template and installs it as the application menu. */
export function installMenu<M>(menu: MenuApi<M>, options: MenuOptions): void {
  menu.setApplicationMenu(menu.buildFromTemplate(buildMenuTemplate(options)))
}

export interface AppMenu {
  /** Rebuilds the menu in `language`; dialogs opened from now on use it too. */
  setLanguage(language: Language): void
  /** The shell's words in the current language, for dialog titles and file-type names. */
  text: Translate
}

/** The application menu, installed at once in `language` and rebuilt on every change. */
export function createAppMenu<M>(
  menu: MenuApi<M>,
  options: Omit<MenuOptions, 't'> & { language: Language; log?(message: string, detail?: unknown): void },
): AppMenu {
  const { language: initial, log, ...rest } = options
  const translate = (language: Language): Translate => menuText(language, (key) => log?.('missing menu text', `${language}:${key}`))
  let t = translate(initial)
  const setLanguage = (language: Language): void => {
    t = translate(language)
    installMenu(menu, { ...rest, t })
  }
  setLanguage(initial)
  return { setLanguage, text: (key) => t(key) }
}
