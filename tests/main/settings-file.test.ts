// The shell settings file in a real temporary folder: defaults when absent or damaged, only an
// absolute folder accepted, updates merged, written atomically and in order.
import { readFile, readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_SETTINGS, createSettingsFile, parseSettings } from '../../src/main/settingsFile'
import { tempFolder } from './ipc-fakes'

let dir = ''
let cleanup: () => Promise<void> = async () => undefined
let file = ''

beforeEach(async () => {
  ;({ dir, cleanup } = await tempFolder())
  file = path.join(dir, 'shell-settings.json')
})
afterEach(() => cleanup())

describe('createSettingsFile', () => {
  it('reads the defaults when there is no file yet, without complaint', async () => {
    const log = vi.fn()
    expect(await createSettingsFile(file, { log }).read()).toEqual(DEFAULT_SETTINGS)
    expect(log).not.toHaveBeenCalled()
  })

  it('remembers an update across instances (as across restarts)', async () => {
    const folder = path.join(dir, 'U盘', '议事备份')
    expect(await createSettingsFile(file).update({ backupFolder: folder })).toEqual({ backupFolder: folder })
    expect(await createSettingsFile(file).read()).toEqual({ backupFolder: folder })
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ backupFolder: folder })
    expect(await readdir(dir)).toEqual(['shell-settings.json'])
  })

  it('falls back to the defaults, and says so in the log, when the file is damaged', async () => {
    await writeFile(file, '{"backupFolder": "/mnt/usb"')
    const log = vi.fn()
    expect(await createSettingsFile(file, { log }).read()).toEqual(DEFAULT_SETTINGS)
    expect(log).toHaveBeenCalledWith('the settings file is damaged; using the defaults', expect.any(SyntaxError))
  })

  it('applies quick successive updates in order, losing none', async () => {
    const settings = createSettingsFile(file)
    const folders = ['a', 'b', 'c', 'd'].map((f) => path.join(dir, f))
    await Promise.all(folders.map((backupFolder) => settings.update({ backupFolder })))
    expect(await settings.read()).toEqual({ backupFolder: folders.at(-1) })
  })

  it('keeps the old file when a write fails', async () => {
    const settings = createSettingsFile(path.join(dir, 'missing-folder', 'shell-settings.json'))
    await expect(settings.update({ backupFolder: dir })).rejects.toMatchObject({ code: 'ENOENT' })
    // The queue goes on after a failure.
    expect(await settings.read()).toEqual(DEFAULT_SETTINGS)
  })
})

describe('parseSettings', () => {
  it.each([
    ['{}', DEFAULT_SETTINGS],
    ['[]', DEFAULT_SETTINGS],
    ['null', DEFAULT_SETTINGS],
    ['{"backupFolder": 7}', DEFAULT_SETTINGS],
    ['{"backupFolder": "relative/folder"}', DEFAULT_SETTINGS],
    ['{"backupFolder": ""}', DEFAULT_SETTINGS],
    [JSON.stringify({ backupFolder: path.resolve('/mnt/usb') }), { backupFolder: path.resolve('/mnt/usb') }],
    [JSON.stringify({ backupFolder: path.resolve('/mnt/usb'), other: 1 }), { backupFolder: path.resolve('/mnt/usb') }],
  ])('%s', (text, expected) => expect(parseSettings(text)).toEqual(expected))
})
