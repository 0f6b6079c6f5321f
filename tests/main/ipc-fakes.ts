// IPC test fixtures: fake dependencies for createHandlers (dialogs, disk, backups), handlers
// that only record calls, and one well-formed and several malformed requests per channel, so
// the generic tests cover every channel of the contract, including ones added later.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { vi } from 'vitest'
import { IPC_CHANNELS, type IpcChannel } from '../../src/shared/ipc'
import { createHandlers, registerIpc, type IpcDeps, type IpcHandlers } from '../../src/main/ipc-handlers'
import type { BackupStore } from '../../src/main/backupHandlers'
import { DEFAULT_SETTINGS, type SettingsFile, type ShellSettings } from '../../src/main/settingsFile'
import { menuText } from '../../src/main/shellText'
import { FakeIpcMain } from './fakes'

export interface Win {
  id: number
}

/** Settings held in memory, with the same read/update shape as settingsFile.ts. */
export function memorySettings(initial: Partial<ShellSettings> = {}): SettingsFile & { current: ShellSettings } {
  const state = { current: { ...DEFAULT_SETTINGS, ...initial } }
  return {
    get current() {
      return state.current
    },
    read: vi.fn(async () => ({ ...state.current })),
    update: vi.fn(async (patch: Partial<ShellSettings>) => {
      state.current = { ...state.current, ...patch }
      return { ...state.current }
    }),
  }
}

export function fakeStore(overrides: Partial<BackupStore> = {}): { [K in keyof BackupStore]: ReturnType<typeof vi.fn> & BackupStore[K] } {
  const store: BackupStore = {
    writeBackup: async (folder: string) => ({ path: `${folder}/yishi-backup-20250301-100000.yishibackup`, removed: [] }),
    listBackups: async () => [],
    readBackupFile: async () => new TextEncoder().encode('backup bytes'),
    checkBackupFolder: async () => 'ok' as const,
    ...overrides,
  }
  return Object.fromEntries(Object.entries(store).map(([k, f]) => [k, vi.fn(f as never)])) as never
}

export function deps(overrides: Partial<IpcDeps<Win>> = {}): IpcDeps<Win> {
  return {
    appInfo: () => ({ version: '0.1.0', platform: 'linux', dataDir: '/home/a/.config/Yishi' }),
    windowFor: () => ({ id: 1 }),
    showSaveDialog: vi.fn(async (_w: Win, o: { defaultPath: string }) => ({ canceled: false, filePath: o.defaultPath })),
    showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })),
    writeFile: vi.fn(async () => undefined),
    readFile: vi.fn(async () => new Uint8Array([1, 2, 3])),
    defaultSaveDir: () => '/home/a/Documents',
    text: menuText('zh-CN'),
    setLanguage: vi.fn(),
    backups: { store: fakeStore(), settings: memorySettings(), now: () => new Date('2025-03-01T10:00:00Z') },
    openProjector: vi.fn(() => ({ opened: true as const, display: 'external' as const })),
    hostSync: vi.fn(async () => ({ localUrl: 'ws://127.0.0.1:4455', lanUrls: ['ws://192.168.1.20:4455'] })),
    pinCertificate: vi.fn(async () => true),
    log: vi.fn(),
    ...overrides,
  }
}

export type SpyHandlers = IpcHandlers & Record<IpcChannel, ReturnType<typeof vi.fn>>

/** Handlers that record calls, to prove a refused request never reaches one. */
export function spyHandlers(): SpyHandlers {
  return Object.fromEntries(IPC_CHANNELS.map((c) => [c, vi.fn(async () => ({ ok: true, value: undefined }))])) as never
}

export function setup(d: IpcDeps<Win> = deps(), handlers: IpcHandlers = createHandlers(d)): FakeIpcMain {
  const ipcMain = new FakeIpcMain()
  registerIpc(ipcMain, d, handlers)
  return ipcMain
}

export const PROJECTOR_ROUTE = '#/c/council-0001/m/meeting-0001/projector'

/** A well-formed request for each channel: a refusal is then the sender's fault alone. */
export const VALID_ARGS: Record<IpcChannel, unknown[]> = {
  'app:getInfo': [],
  'app:print': [],
  'app:savePdf': [{ suggestedName: 'x' }],
  'app:openProjector': [{ route: PROJECTOR_ROUTE }],
  'app:setLanguage': [{ language: 'en' }],
  'sync:host': [{ councilId: 'c0ffee00-0000-4000-8000-000000000000' }],
  'sync:pinCertificate': [{ serverUrl: 'wss://192.168.1.20:4455', fingerprint: 'v8tBetR-B0RbkEmD2PlwFPR_iHiV6Kx7NrmWzYiArQg' }],
  'file:save': [{ suggestedName: '纪要', kind: 'docx', data: new Uint8Array([1]) }],
  'file:open': [{ kind: 'bundle', multiple: true }],
  'backup:chooseFolder': [],
  'backup:status': [],
  'backup:write': [{ data: new Uint8Array([0x1f, 0x8b]) }],
  'backup:list': [],
  'backup:read': [{ name: 'yishi-backup-20250301-100000.yishibackup' }],
}

const NONE = [[{}], ['x'], [null], [undefined, undefined]]

/** Malformed requests for each channel; every one must be refused before its handler runs. */
export const INVALID_ARGS: Record<IpcChannel, unknown[][]> = {
  'app:getInfo': NONE,
  'app:print': NONE,
  'app:savePdf': [[], [{ suggestedName: '../x' }], [{ suggestedName: 'x', extra: 1 }]],
  'app:openProjector': [[], [{ route: '#/' }]],
  'app:setLanguage': [[], [{ language: 'fr' }], [{ language: 'EN' }], ['en'], [{ language: 'en', x: 1 }]],
  'sync:host': [[], [{ councilId: '../x' }]],
  'sync:pinCertificate': [
    [],
    [{ serverUrl: 'ws://192.168.1.20:4455', fingerprint: 'v8tBetR-B0RbkEmD2PlwFPR_iHiV6Kx7NrmWzYiArQg' }],
    [{ serverUrl: 'wss://192.168.1.20:4455', fingerprint: 'sha256/v8tBetR+B0RbkEmD2PlwFPR/iHiV6Kx7NrmWzYiArQg=' }],
    [{ serverUrl: 'wss://192.168.1.20:4455', fingerprint: 'v8tBetR-B0RbkEmD2PlwFPR_iHiV6Kx7NrmWzYiArQg', extra: 1 }],
    [{ serverUrl: 'wss://user@192.168.1.20:4455', fingerprint: 'v8tBetR-B0RbkEmD2PlwFPR_iHiV6Kx7NrmWzYiArQg' }],
  ],
  'file:save': [
    [],
    [{ suggestedName: 'x', kind: 'exe', data: '' }],
    [{ suggestedName: '../x', kind: 'pdf', data: '' }],
    [{ suggestedName: 'x', kind: 'pdf', data: [1, 2] }],
    [{ suggestedName: 'x', kind: 'pdf', data: new Uint16Array(2) }],
    [{ suggestedName: 'x', kind: 'pdf' }],
    [{ suggestedName: 'x', kind: 'pdf', data: '', path: '/etc/passwd' }],
  ],
  'file:open': [[], [{ kind: 'bundle' }], [{ kind: 'exe', multiple: false }], [{ kind: 'bundle', multiple: 'yes' }], [{ kind: 'bundle', multiple: true, path: '/' }]],
  'backup:chooseFolder': [...NONE, [{ folder: '/tmp' }]],
  'backup:status': NONE,
  'backup:write': [[], [{ data: new Uint8Array(0) }], [{ data: 'x' }], [{ data: [1, 2] }], [{ text: '{}' }], [{ data: new Uint8Array(1), folder: '/tmp' }], [new Uint8Array(1)]],
  'backup:list': [...NONE, [{ folder: '/tmp' }]],
  'backup:read': [[], [{ name: '../../etc/passwd' }], [{ name: '/etc/passwd' }], [{ name: 'C:\\x' }], [{ name: '..' }], [{ name: 'x', path: '/etc/passwd' }]],
}

/** A fresh folder under the OS's temp folder, and the function that removes it. */
export async function tempFolder(prefix = 'yishi-main-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix))
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) }
}
