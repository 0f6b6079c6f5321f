// The application menu template: every label from the menu namespace in all three languages
// (checked against the real i18next set-up), platform conventions (macOS app menu; Quit under
// File elsewhere), dev-only items, and meeting shortcuts that clash with nothing.
import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { createI18n } from '../../src/shared/i18n'
import { LANGUAGES } from '../../src/shared/i18n/languages'
import { MENU_COMMANDS, type MenuCommand } from '../../src/shared/ipc'
import { FILE_ACCELERATORS, MEETING_ACCELERATORS, buildMenuTemplate, createAppMenu, type MenuOptions } from '../../src/main/menu'
import { languageForLocale, menuText } from '../../src/main/shellText'

type Item = MenuItemConstructorOptions
const PLATFORMS = ['darwin', 'win32', 'linux'] as const

function options(overrides: Partial<MenuOptions> = {}): MenuOptions {
  return { t: (key) => `«${key}»`, platform: 'linux', isDev: false, send: vi.fn(), openDataFolder: vi.fn(), ...overrides }
}

/** Every item of the template, depth first. */
function flatten(items: readonly Item[]): Item[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu as Item[]) : [])])
}

const labelled = (items: readonly Item[]) => flatten(items).filter((i) => i.type !== 'separator')
const byRole = (items: readonly Item[], role: string) => flatten(items).find((i) => i.role === role)
const byId = (items: readonly Item[], id: string) => flatten(items).find((i) => i.id === id)

/**
 * Electron's default accelerators for the roles (lib/browser/api/menu-item-roles.ts), used
 * when an item with a role sets none, plus the keys Chromium itself handles in text fields.
 */
function roleAccelerator(role: string, platform: NodeJS.Platform): string | undefined {
  const mac = platform === 'darwin'
  const table: Record<string, string | undefined> = {
    undo: 'CommandOrControl+Z',
    redo: platform === 'win32' ? 'Control+Y' : 'Shift+CommandOrControl+Z',
    cut: 'CommandOrControl+X',
    copy: 'CommandOrControl+C',
    paste: 'CommandOrControl+V',
    selectAll: 'CommandOrControl+A',
    reload: 'CmdOrCtrl+R',
    forceReload: 'Shift+CmdOrCtrl+R',
    toggleDevTools: mac ? 'Alt+Command+I' : 'Ctrl+Shift+I',
    resetZoom: 'CommandOrControl+0',
    zoomIn: 'CommandOrControl+Plus',
    zoomOut: 'CommandOrControl+-',
    togglefullscreen: mac ? 'Control+Command+F' : 'F11',
    quit: platform === 'win32' ? undefined : 'CommandOrControl+Q',
    close: 'CommandOrControl+W',
    minimize: 'CommandOrControl+M',
    hide: 'Command+H',
    hideOthers: 'Command+Alt+H',
  }
  return table[role]
}

const TEXT_FIELD_KEYS = (platform: NodeJS.Platform): string[] => [
  platform === 'darwin' ? 'Cmd+Alt+Shift+V' : 'CmdOrCtrl+Shift+V', // paste as plain text
  'CmdOrCtrl+B', // bold, italic, underline in contenteditable
  'CmdOrCtrl+I',
  'CmdOrCtrl+U',
  'CmdOrCtrl+Left', // word and line movement
  'CmdOrCtrl+Right',
  'CmdOrCtrl+Backspace',
  'CmdOrCtrl+Delete',
  'CmdOrCtrl+Home',
  'CmdOrCtrl+End',
  'CmdOrCtrl+Shift+Z',
  'CmdOrCtrl+Y',
]

/** One spelling per key combination on `platform`: "Shift+CommandOrControl+Z" ≡ "CmdOrCtrl+Shift+Z". */
function normalize(accelerator: string, platform: NodeJS.Platform): string {
  const mac = platform === 'darwin'
  const parts = accelerator.split('+').map((p) => p.toLowerCase())
  const key = parts.pop() ?? ''
  const modifiers = parts.map((m) => {
    if (m === 'cmdorctrl' || m === 'commandorcontrol') return 'primary'
    if (m === 'cmd' || m === 'command' || m === 'super' || m === 'meta') return mac ? 'primary' : 'super'
    if (m === 'ctrl' || m === 'control') return mac ? 'ctrl' : 'primary'
    if (m === 'option') return 'alt'
    return m
  })
  return [...new Set(modifiers)].sort().concat(key === 'plus' ? '+' : key).join('+')
}

/** Each item's effective accelerator on `platform`: its own, or its role's default. */
function accelerators(items: readonly Item[], platform: NodeJS.Platform): { what: string; keys: string }[] {
  return flatten(items).flatMap((item) => {
    const accelerator = item.accelerator ?? (item.role === undefined ? undefined : roleAccelerator(item.role, platform))
    return accelerator === undefined ? [] : [{ what: item.id ?? item.role ?? '?', keys: normalize(accelerator, platform) }]
  })
}

describe('buildMenuTemplate: labels', () => {
  it.each(PLATFORMS.flatMap((p) => [[p, true] as const, [p, false] as const]))('takes every label from t (%s, dev %s)', (platform, isDev) => {
    const template = buildMenuTemplate(options({ platform, isDev }))
    for (const item of labelled(template)) expect(item.label, JSON.stringify({ role: item.role, id: item.id })).toMatch(/^«[a-zA-Z.]+»$/u)
  })

  it.each(LANGUAGES.map((l) => [l]))('finds every key in %s with the real i18next set-up', async (language) => {
    const i18n = await createI18n(language)
    const keys = new Set<string>()
    for (const platform of PLATFORMS) {
      buildMenuTemplate(options({ platform, isDev: true, t: (key) => (keys.add(key), key) }))
    }
    expect(keys.size).toBeGreaterThan(30)
    for (const key of keys) {
      // The language's own resource, not the zh-CN fallback.
      expect(i18n.getResource(language, 'menu', key), `${language} menu:${key}`).toEqual(expect.any(String))
      expect(i18n.exists(`menu:${key}`, { lng: language })).toBe(true)
    }
    // And main's own lookup answers the same text, never the key.
    const t = menuText(language)
    for (const key of keys) expect(t(key)).toBe(i18n.getResource(language, 'menu', key))
  })

  it('builds the menu in each language', () => {
    const label = (language: (typeof LANGUAGES)[number]) => buildMenuTemplate(options({ t: menuText(language) })).map((m) => m.label)
    expect(label('zh-CN')).toEqual(['文件', '编辑', '视图', '会议', '帮助'])
    expect(label('zh-TW')).toEqual(['檔案', '編輯', '檢視', '會議', '說明'])
    expect(label('en')).toEqual(['File', 'Edit', 'View', 'Meeting', 'Help'])
  })
})

describe('buildMenuTemplate: platform conventions', () => {
  it('macOS: the app menu first (About, Services, Hide, Quit), a Window menu, Close under File', () => {
    const template = buildMenuTemplate(options({ platform: 'darwin' }))
    expect(template.map((m) => m.label)).toEqual(['«app.name»', '«file.label»', '«edit.label»', '«view.label»', '«meeting.label»', '«window.label»', '«help.label»'])
    const app = template[0]!.submenu as Item[]
    expect(app.filter((i) => i.role !== undefined).map((i) => i.role)).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit'])
    expect(byRole(template, 'quit')).toBe(app.at(-1))
    expect((template[1]!.submenu as Item[]).some((i) => i.role === 'quit')).toBe(false)
    expect(byRole(template, 'close')).toBeDefined()
    expect(template.at(-1)!.role).toBe('help')
  })

  it.each(['win32', 'linux'] as const)('%s: File / Edit / View / Meeting / Help, Quit last under File, About under Help', (platform) => {
    const template = buildMenuTemplate(options({ platform }))
    expect(template.map((m) => m.label)).toEqual(['«file.label»', '«edit.label»', '«view.label»', '«meeting.label»', '«help.label»'])
    expect((template[0]!.submenu as Item[]).at(-1)).toMatchObject({ role: 'quit', label: '«file.quit»' })
    expect((template.at(-1)!.submenu as Item[])[0]).toMatchObject({ role: 'about' })
    expect(byRole(template, 'services')).toBeUndefined()
    expect(byRole(template, 'close')).toBeUndefined()
  })

  it('has the standard editing and view roles', () => {
    const template = buildMenuTemplate(options())
    for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']) {
      expect(byRole(template, role), role).toBeDefined()
    }
  })

  it.each(PLATFORMS.map((p) => [p]))('%s: reload and DevTools only in development', (platform) => {
    const released = buildMenuTemplate(options({ platform, isDev: false }))
    for (const role of ['reload', 'forceReload', 'toggleDevTools']) expect(byRole(released, role)).toBeUndefined()
    const dev = buildMenuTemplate(options({ platform, isDev: true }))
    for (const role of ['reload', 'forceReload', 'toggleDevTools']) expect(byRole(dev, role)).toBeDefined()
  })
})

describe('buildMenuTemplate: commands and shortcuts', () => {
  it('sends each command from its item, and every command has one', () => {
    const send = vi.fn()
    const template = buildMenuTemplate(options({ send }))
    for (const command of MENU_COMMANDS) {
      const item = byId(template, command)
      expect(item, command).toBeDefined()
      item!.click?.(undefined as never, undefined, undefined as never)
      expect(send).toHaveBeenLastCalledWith(command satisfies MenuCommand)
    }
    expect(send).toHaveBeenCalledTimes(MENU_COMMANDS.length)
  })

  it('puts the meeting commands in the Meeting menu with their shortcuts', () => {
    const template = buildMenuTemplate(options())
    const meeting = template.find((m) => m.label === '«meeting.label»')!.submenu as Item[]
    const withKeys = meeting.filter((i) => i.accelerator !== undefined).map((i) => [i.id, i.accelerator])
    expect(withKeys).toEqual(Object.entries(MEETING_ACCELERATORS))
    for (const id of ['nextAgendaItem', 'toggleSpeakingTimer', 'recordSpeech', 'openVote']) expect(MEETING_ACCELERATORS).toHaveProperty(id)
    expect(byId(template, 'print')?.accelerator).toBe('CmdOrCtrl+P')
    expect(byId(template, 'newCouncil')?.accelerator).toBe(FILE_ACCELERATORS.newCouncil)
  })

  it.each(PLATFORMS.flatMap((p) => [[p, true] as const, [p, false] as const]))('%s (dev %s): no two items share a shortcut, role defaults included', (platform, isDev) => {
    const all = accelerators(buildMenuTemplate(options({ platform, isDev })), platform)
    const seen = new Map<string, string>()
    for (const { what, keys } of all) {
      expect(seen.get(keys), `${what} and ${seen.get(keys)} both use ${keys}`).toBeUndefined()
      seen.set(keys, what)
    }
    expect(all.length).toBeGreaterThanOrEqual(Object.keys(MEETING_ACCELERATORS).length + 8)
  })

  it.each(PLATFORMS.map((p) => [p]))('%s: meeting shortcuts leave the text-editing keys alone', (platform) => {
    const reserved = new Set(TEXT_FIELD_KEYS(platform).map((k) => normalize(k, platform)))
    for (const [command, accelerator] of Object.entries(MEETING_ACCELERATORS)) {
      expect(reserved.has(normalize(accelerator, platform)), `${command}: ${accelerator}`).toBe(false)
    }
  })

  it('opens the data folder from Help', () => {
    const openDataFolder = vi.fn()
    byId(buildMenuTemplate(options({ openDataFolder })), 'dataFolder')!.click?.(undefined as never, undefined, undefined as never)
    expect(openDataFolder).toHaveBeenCalledOnce()
  })
})

describe('createAppMenu', () => {
  it('installs the menu at once and rebuilds it on a language change; dialogs follow', () => {
    const built: Item[][] = []
    const menu = { buildFromTemplate: vi.fn((t: Item[]) => (built.push(t), { id: built.length })), setApplicationMenu: vi.fn() }
    const appMenu = createAppMenu(menu, { language: 'zh-CN', platform: 'win32', isDev: false, send: vi.fn(), openDataFolder: vi.fn() })
    expect(menu.setApplicationMenu).toHaveBeenLastCalledWith({ id: 1 })
    expect(built[0]![0]!.label).toBe('文件')
    expect(appMenu.text('dialog.chooseBackupFolder')).toBe('选择备份文件夹')

    appMenu.setLanguage('en')
    expect(menu.setApplicationMenu).toHaveBeenLastCalledWith({ id: 2 })
    expect(built[1]![0]!.label).toBe('File')
    expect(appMenu.text('dialog.chooseBackupFolder')).toBe('Choose a backup folder')
  })

  it('reports a missing key and shows the zh-CN text, or the key, rather than nothing', () => {
    const log = vi.fn()
    const t = menuText('en', (key) => log(key))
    expect(t('no.such.key')).toBe('no.such.key')
    expect(log).toHaveBeenCalledWith('no.such.key')
  })
})

describe('languageForLocale', () => {
  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-Hans-SG', 'zh-CN'],
    ['zh-TW', 'zh-TW'],
    ['zh-HK', 'zh-TW'],
    ['zh-Hant', 'zh-TW'],
    ['en-US', 'en'],
    ['en', 'en'],
    ['fr-FR', 'zh-CN'],
    ['', 'zh-CN'],
  ])('%s -> %s', (locale, language) => expect(languageForLocale(locale)).toBe(language))
})
