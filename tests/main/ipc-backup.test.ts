// The backup channels through registerIpc with the real backup.ts and settings file on a
// temporary folder: choosing (and remembering) a folder, status, write, list, read by name
// only; an unplugged or read-only folder, and backup.ts's errors, as codes.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { IpcResult, ListBackupsResult, WriteBackupResult } from '../../src/shared/ipc'
import * as backupStore from '../../src/main/backup'
import { BackupFileError } from '../../src/main/backup'
import { createSettingsFile } from '../../src/main/settingsFile'
import { fakeInvokeEvent } from './fakes'
import { deps, fakeStore, memorySettings, setup, tempFolder } from './ipc-fakes'

let dir = ''
let cleanup: () => Promise<void> = async () => undefined
let folder = ''
let now = new Date(2025, 2, 1, 10, 0, 0)

beforeEach(async () => {
  ;({ dir, cleanup } = await tempFolder())
  folder = path.join(dir, 'usb', '议事备份')
  await mkdir(folder, { recursive: true })
  now = new Date(2025, 2, 1, 10, 0, 0)
})
afterEach(() => cleanup())

function realDeps(overrides: Parameters<typeof deps>[0] = {}) {
  const settings = createSettingsFile(path.join(dir, 'shell-settings.json'))
  return deps({ backups: { store: backupStore, settings, now: () => now }, ...overrides })
}

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)
const call = (d: ReturnType<typeof deps>, channel: string, ...args: unknown[]) => setup(d).invoke(channel, fakeInvokeEvent(), ...args)

async function chosen(d = realDeps()) {
  vi.mocked(d.showOpenDialog).mockResolvedValue({ canceled: false, filePaths: [folder] })
  expect(await call(d, 'backup:chooseFolder')).toEqual({ ok: true, value: { chosen: true, folder } })
  return d
}

describe('backup:chooseFolder', () => {
  it('asks for a folder in the language of the menu, then remembers it across restarts', async () => {
    const d = await chosen()
    expect(d.showOpenDialog).toHaveBeenCalledExactlyOnceWith(
      { id: 1 },
      { title: '选择备份文件夹', buttonLabel: '用作备份文件夹', defaultPath: '/home/a/Documents', properties: ['openDirectory', 'createDirectory'] },
    )
    const again = realDeps()
    expect(await call(again, 'backup:status')).toMatchObject({ ok: true, value: { folder, folderState: 'ok' } })
    // The next dialog starts in the folder already chosen.
    await call(again, 'backup:chooseFolder')
    expect(again.showOpenDialog).toHaveBeenCalledWith({ id: 1 }, expect.objectContaining({ defaultPath: folder }))
  })

  it('changes nothing when the user cancels', async () => {
    const d = realDeps()
    expect(await call(d, 'backup:chooseFolder')).toEqual({ ok: true, value: { chosen: false } })
    expect(await call(d, 'backup:status')).toEqual({ ok: true, value: { folder: null, folderState: 'none', last: null, count: 0 } })
  })

  it('refuses a read-only folder and keeps the previous choice', async () => {
    // Faked: permission bits do not stop root, whom CI containers often run as.
    const settings = memorySettings({ backupFolder: folder })
    const store = fakeStore({ checkBackupFolder: async (f) => (f === folder ? 'ok' : 'notWritable') })
    const d = deps({ backups: { store, settings, now: () => now } })
    vi.mocked(d.showOpenDialog).mockResolvedValue({ canceled: false, filePaths: ['/media/cdrom'] })
    expect(await call(d, 'backup:chooseFolder')).toEqual({ ok: false, error: 'folder-not-writable' })
    expect(settings.update).not.toHaveBeenCalled()
    expect(await call(d, 'backup:status')).toMatchObject({ ok: true, value: { folder, folderState: 'ok' } })
  })

  it('still lists and reads a folder that became read-only, and says so in the status', async () => {
    const entry = { name: 'yishi-backup-20250301-100000.yishibackup', path: '/media/cdrom/yishi-backup-20250301-100000.yishibackup', size: 2, mtime: '2025-03-01T02:00:00.000Z' }
    const store = fakeStore({ checkBackupFolder: async () => 'notWritable', listBackups: async () => [entry], readBackupFile: async () => bytes('{}') })
    const d = deps({ backups: { store, settings: memorySettings({ backupFolder: '/media/cdrom' }), now: () => now } })
    expect(await call(d, 'backup:status')).toEqual({
      ok: true,
      value: { folder: '/media/cdrom', folderState: 'notWritable', last: { name: entry.name, mtime: entry.mtime }, count: 1 },
    })
    expect(await call(d, 'backup:read', { name: entry.name })).toEqual({ ok: true, value: { name: entry.name, bytes: bytes('{}') } })
    expect(await call(d, 'backup:write', { data: bytes('{}') })).toMatchObject({ ok: true })
    expect(store.writeBackup).toHaveBeenCalledOnce()
  })

  it('refuses a folder that is gone by the time it is checked, and one without a window', async () => {
    const d = realDeps()
    vi.mocked(d.showOpenDialog).mockResolvedValue({ canceled: false, filePaths: [path.join(dir, 'gone')] })
    expect(await call(d, 'backup:chooseFolder')).toEqual({ ok: false, error: 'folder-missing' })
    expect(await call(realDeps({ windowFor: () => null }), 'backup:chooseFolder')).toEqual({ ok: false, error: 'no-window' })
  })
})

describe('backup:write, backup:status, backup:list, backup:read', () => {
  it('without a folder: no-folder for write, list and read', async () => {
    const d = realDeps()
    expect(await call(d, 'backup:write', { data: bytes('{}') })).toEqual({ ok: false, error: 'no-folder' })
    expect(await call(d, 'backup:list')).toEqual({ ok: false, error: 'no-folder' })
    expect(await call(d, 'backup:read', { name: 'yishi-backup-20250301-100000.yishibackup' })).toEqual({ ok: false, error: 'no-folder' })
  })

  it('writes to the remembered folder, then lists newest first and reads back by name', async () => {
    const d = await chosen()
    const first = await call(d, 'backup:write', { data: bytes('{"n":1}') })
    expect(first).toEqual({ ok: true, value: { path: path.join(folder, 'yishi-backup-20250301-100000.yishibackup'), removed: [] } })
    now = new Date(2025, 2, 1, 11, 30, 0)
    await call(d, 'backup:write', { data: bytes('{"n":2}') })

    const listed = (await call(d, 'backup:list')) as IpcResult<ListBackupsResult>
    expect(listed.ok && listed.value.backups.map((b) => [b.name, b.size])).toEqual([
      ['yishi-backup-20250301-113000.yishibackup', 7],
      ['yishi-backup-20250301-100000.yishibackup', 7],
    ])
    // Names, sizes and times only: no path goes to the renderer.
    expect(JSON.stringify(listed)).not.toContain(folder)
    expect(listed.ok && listed.value.backups.every((b) => !Number.isNaN(Date.parse(b.mtime)))).toBe(true)

    expect(await call(d, 'backup:status')).toEqual({
      ok: true,
      value: { folder, folderState: 'ok', last: { name: 'yishi-backup-20250301-113000.yishibackup', mtime: expect.any(String) }, count: 2 },
    })
    expect(await call(d, 'backup:read', { name: 'yishi-backup-20250301-100000.yishibackup' })).toEqual({
      ok: true,
      value: { name: 'yishi-backup-20250301-100000.yishibackup', bytes: bytes('{"n":1}') },
    })
  })

  it('reads only a name in the backup list: not another file of the folder, nor anything outside', async () => {
    const d = await chosen()
    await call(d, 'backup:write', { data: bytes('{}') })
    await writeFile(path.join(folder, 'notes.txt'), 'private')
    await writeFile(path.join(dir, 'secret.yishibackup'), 'private')
    expect(await call(d, 'backup:read', { name: 'notes.txt' })).toEqual({ ok: false, error: 'not-found' })
    expect(await call(d, 'backup:read', { name: 'yishi-backup-20250301-100001.yishibackup' })).toEqual({ ok: false, error: 'not-found' })
    expect(await call(d, 'backup:read', { name: '../../secret.yishibackup' })).toEqual({ ok: false, error: 'invalid-payload' })
    expect(await call(d, 'backup:read', { name: path.join(dir, 'secret.yishibackup') })).toEqual({ ok: false, error: 'invalid-payload' })
  })

  it('says folder-missing when the USB stick is unplugged, and shows it in the status', async () => {
    const d = await chosen()
    await call(d, 'backup:write', { data: bytes('{}') })
    await rm(path.join(dir, 'usb'), { recursive: true })
    expect(await call(d, 'backup:write', { data: bytes('{}') })).toEqual({ ok: false, error: 'folder-missing' })
    expect(await call(d, 'backup:list')).toEqual({ ok: false, error: 'folder-missing' })
    expect(await call(d, 'backup:read', { name: 'yishi-backup-20250301-100000.yishibackup' })).toEqual({ ok: false, error: 'folder-missing' })
    expect(await call(d, 'backup:status')).toEqual({ ok: true, value: { folder, folderState: 'missing', last: null, count: 0 } })
    // Plugged back in: backups go on.
    await mkdir(folder, { recursive: true })
    expect(await call(d, 'backup:write', { data: bytes('{}') })).toMatchObject({ ok: true })
  })

  it('turns backup.ts errors into the codes the renderer explains', async () => {
    const cases: [backupStore.BackupFileErrorCode, string][] = [
      ['noSpace', 'disk-full'],
      ['writeFailed', 'write-failed'],
      ['missing', 'folder-missing'],
      ['notWritable', 'folder-not-writable'],
    ]
    for (const [code, error] of cases) {
      const store = fakeStore({ writeBackup: () => Promise.reject(new BackupFileError(code)) })
      const d = deps({ backups: { store, settings: memorySettings({ backupFolder: '/media/usb' }), now: () => now } })
      expect(await call(d, 'backup:write', { data: bytes('{}') })).toEqual({ ok: false, error })
    }
    const entry = { name: 'yishi-backup-20250301-100000.yishibackup', path: '/media/usb/yishi-backup-20250301-100000.yishibackup', size: 1, mtime: '2025-03-01T02:00:00.000Z' }
    for (const [code, error] of [
      ['tooLarge', 'too-large'],
      ['notFile', 'not-a-file'],
      ['unreadable', 'read-failed'],
    ] as const) {
      const store = fakeStore({ listBackups: async () => [entry], readBackupFile: () => Promise.reject(new BackupFileError(code)) })
      const d = deps({ backups: { store, settings: memorySettings({ backupFolder: '/media/usb' }), now: () => now } })
      expect(await call(d, 'backup:read', { name: entry.name })).toEqual({ ok: false, error })
      expect(store.readBackupFile).toHaveBeenCalledWith(entry.path, 256 * 1024 * 1024)
    }
  })

  it('passes the whole file to backup.ts unchanged', async () => {
    const d = await chosen()
    const text = JSON.stringify({ format: 'yishi.backup/1', note: '议事会 😀' })
    const result = (await call(d, 'backup:write', { data: bytes(text) })) as IpcResult<WriteBackupResult>
    expect(result.ok && (await readFile(result.value.path, 'utf8'))).toBe(text)
  })
})
