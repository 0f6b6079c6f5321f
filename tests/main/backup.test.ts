// Backup files on a real disk (temp folders): names that sort by time; an atomic write that
// leaves no temporary file and, when it fails half way, no partial backup and the earlier ones
// intact; rotation that keeps exactly the 30 newest of ours and never touches anything else; a
// missing or relative folder refused with a code and nothing written anywhere; a bounded read.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  BACKUPS_KEPT,
  BackupFileError,
  backupFileName,
  checkBackupFolder,
  isBackupFileName,
  listBackups,
  readBackupFile,
  writeBackup,
  type BackupFileErrorCode,
  type BackupIo,
} from '../../src/main/backup'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)
// ignoreBOM: keep a byte order mark, to see the bytes as they are on disk.
const textOf = (data: Uint8Array): string => new TextDecoder('utf-8', { ignoreBOM: true }).decode(data)

function tempFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'yishi-backup-test-'))
  dirs.push(dir)
  return dir
}

/** A local time `i` hours (and a few seconds) after a fixed start. */
const at = (i: number) => new Date(2025, 0, 31, 22, 59, 58 + i * 3607)

async function expectCode(p: Promise<unknown>, code: BackupFileErrorCode): Promise<void> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(BackupFileError)
  expect((error as BackupFileError).code).toBe(code)
}

const errnoError = (code: string) => Object.assign(new Error(code), { code })

describe('backupFileName', () => {
  it('is yishi-backup-YYYYMMDD-HHmmss.yishibackup in local time, zero-padded', () => {
    expect(backupFileName(new Date(2025, 2, 4, 5, 6, 7))).toBe('yishi-backup-20250304-050607.yishibackup')
    expect(backupFileName(new Date(2025, 11, 31, 23, 59, 59))).toBe('yishi-backup-20251231-235959.yishibackup')
    expect(isBackupFileName(backupFileName(new Date()))).toBe(true)
  })

  it('sorts by time across seconds, hours, days, months and years', () => {
    const times = [
      new Date(2024, 11, 31, 23, 59, 59),
      new Date(2025, 0, 1, 0, 0, 0),
      new Date(2025, 0, 1, 0, 0, 9),
      new Date(2025, 0, 1, 0, 0, 10),
      new Date(2025, 0, 1, 9, 0, 0),
      new Date(2025, 0, 1, 10, 0, 0),
      new Date(2025, 0, 9, 0, 0, 0),
      new Date(2025, 0, 10, 0, 0, 0),
      new Date(2025, 8, 30, 12, 0, 0),
      new Date(2025, 9, 1, 12, 0, 0),
      ...Array.from({ length: 40 }, (_, i) => at(i * 7)),
    ].sort((a, b) => a.getTime() - b.getTime())
    const names = times.map(backupFileName)
    // A fixed permutation (7 and 50 are coprime), then plain string order.
    const mixed = names.map((_, i) => names[(i * 7) % names.length]!)
    expect(mixed.sort()).toEqual(names)
  })
})

describe('writeBackup', () => {
  it('writes the text under its name, atomically: no temporary file remains', async () => {
    const folder = tempFolder()
    const text = '{"content":{"name":"锦江小区院落议事会"},"format":"yishi.backup/1"}'
    const { path, removed } = await writeBackup(folder, bytes(text), at(0))
    expect(path).toBe(join(folder, backupFileName(at(0))))
    expect(removed).toEqual([])
    expect(readFileSync(path, 'utf8')).toBe(text)
    expect(readdirSync(folder)).toEqual([backupFileName(at(0))])
  })

  it('a write that fails half way leaves no partial backup, no temporary file, and the earlier backups intact', async () => {
    const folder = tempFolder()
    await writeBackup(folder, bytes('first'), at(0))
    await writeBackup(folder, bytes('second'), at(1))
    const before = readdirSync(folder).map((n) => [n, readFileSync(join(folder, n), 'utf8')])

    const diskFull: BackupIo = {
      async writeTemp(file, data) {
        await writeFile(file, data.subarray(0, data.length / 2))
        throw errnoError('ENOSPC')
      },
      rename: () => Promise.reject(new Error('never reached')),
    }
    await expectCode(writeBackup(folder, bytes('x'.repeat(10_000)), at(2), diskFull), 'noSpace')
    // The rename fails after the temporary file was written in full (say, the share went read-only).
    const renameFails: BackupIo = {
      writeTemp: (file, data) => writeFile(file, data),
      rename: () => Promise.reject(errnoError('EROFS')),
    }
    await expectCode(writeBackup(folder, bytes('third'), at(2), renameFails), 'notWritable')
    const oddFailure: BackupIo = { writeTemp: () => Promise.reject(new Error('I/O')), rename: () => Promise.resolve() }
    await expectCode(writeBackup(folder, bytes('third'), at(2), oddFailure), 'writeFailed')

    expect(existsSync(join(folder, backupFileName(at(2))))).toBe(false)
    expect(readdirSync(folder).map((n) => [n, readFileSync(join(folder, n), 'utf8')])).toEqual(before)
  })

  it('rotation keeps exactly the 30 newest of 35 and never touches other files', async () => {
    const folder = tempFolder()
    const others = [
      'notes.txt',
      'yishi-backup-20000101-000000.yishibackup.bak',
      'yishi-backup-old.yishibackup',
      'Yishi-backup-20000101-000000.yishibackup',
      'yishi-backup-20000101-000000.yishibackup.copy',
      '.yishi-backup-20000101-000000.yishibackup.tmp',
    ]
    for (const name of others) writeFileSync(join(folder, name), name)
    // A folder that looks like an old backup is not a file of ours either.
    mkdirSync(join(folder, 'yishi-backup-19990101-000000.yishibackup'))

    // Written out of order: the time in the name decides, not the order of writing.
    const order = Array.from({ length: 35 }, (_, i) => (i * 13) % 35)
    const removed: string[] = []
    for (const i of order) removed.push(...(await writeBackup(folder, bytes(`backup ${i}`), at(i))).removed)

    const kept = Array.from({ length: BACKUPS_KEPT }, (_, k) => backupFileName(at(34 - k)))
    const listed = await listBackups(folder)
    expect(listed.map((b) => b.name)).toEqual(kept)
    expect(BACKUPS_KEPT).toBe(30)
    listed.forEach((b, k) => expect(readFileSync(b.path, 'utf8')).toBe(`backup ${34 - k}`))
    expect(removed.sort()).toEqual(Array.from({ length: 5 }, (_, i) => join(folder, backupFileName(at(i)))).sort())
    for (const name of others) expect(readFileSync(join(folder, name), 'utf8')).toBe(name)
    expect(existsSync(join(folder, 'yishi-backup-19990101-000000.yishibackup'))).toBe(true)
    expect(readdirSync(folder).sort()).toEqual([...kept, ...others, 'yishi-backup-19990101-000000.yishibackup'].sort())
  })

  it('never removes the backup just written, even when a wrong clock makes it the oldest', async () => {
    const folder = tempFolder()
    for (let i = 0; i < BACKUPS_KEPT; i++) writeFileSync(join(folder, backupFileName(at(100 + i))), String(i))
    const { path, removed } = await writeBackup(folder, bytes('clock says 2001'), new Date(2001, 0, 1))
    expect(removed).toEqual([])
    expect(readFileSync(path, 'utf8')).toBe('clock says 2001')
    expect((await listBackups(folder)).length).toBe(BACKUPS_KEPT + 1)
  })

  it('removes temporary files a crash left behind (an hour old), not a fresh one', async () => {
    const folder = tempFolder()
    const stale = join(folder, `.${backupFileName(at(0))}.0123456789abcdef.tmp`)
    const fresh = join(folder, `.${backupFileName(at(1))}.fedcba9876543210.tmp`)
    writeFileSync(stale, 'half')
    writeFileSync(fresh, 'in progress elsewhere')
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000)
    utimesSync(stale, old, old)
    await writeBackup(folder, bytes('new'), at(2))
    expect(existsSync(stale)).toBe(false)
    expect(existsSync(fresh)).toBe(true)
  })

  it('writes started together all land (one at a time per folder)', async () => {
    const folder = tempFolder()
    await Promise.all([0, 1, 2, 3].map((i) => writeBackup(folder, bytes(`n${i}`), at(i))))
    expect((await listBackups(folder)).map((b) => b.name)).toEqual([3, 2, 1, 0].map((i) => backupFileName(at(i))))
  })

  it('a missing folder (unplugged stick) is refused with a code; nothing is created or written anywhere', async () => {
    const parent = tempFolder()
    const stick = join(parent, 'USB-STICK')
    const cwdBefore = readdirSync(process.cwd())
    await expectCode(writeBackup(stick, bytes('data'), at(0)), 'missing')
    expect(existsSync(stick)).toBe(false)
    expect(readdirSync(parent)).toEqual([])
    // A path that names a file is not a folder either.
    writeFileSync(join(parent, 'file'), 'x')
    await expectCode(writeBackup(join(parent, 'file'), bytes('data'), at(0)), 'missing')
    await expectCode(writeBackup(join(parent, 'file', 'below'), bytes('data'), at(0)), 'missing')
    // A relative path would resolve against wherever the app happens to run.
    await expectCode(writeBackup('backups', bytes('data'), at(0)), 'notAbsolute')
    await expectCode(writeBackup('', bytes('data'), at(0)), 'notAbsolute')
    expect(readdirSync(parent)).toEqual(['file'])
    expect(readdirSync(process.cwd())).toEqual(cwdBefore)
  })
})

describe('checkBackupFolder', () => {
  it('says ok for a writable folder and leaves nothing behind; missing, notAbsolute otherwise', async () => {
    const folder = tempFolder()
    expect(await checkBackupFolder(folder)).toBe('ok')
    expect(readdirSync(folder)).toEqual([])
    expect(await checkBackupFolder(join(folder, 'gone'))).toBe('missing')
    expect(await checkBackupFolder('relative/folder')).toBe('notAbsolute')
    expect(await checkBackupFolder(`${folder}\0x`)).toBe('notAbsolute')
  })
})

describe('listBackups', () => {
  it('lists our files newest first with size and mtime; a missing folder is an error code', async () => {
    const folder = tempFolder()
    await writeBackup(folder, bytes('ab'), at(1))
    await writeBackup(folder, bytes('一二三'), at(2))
    writeFileSync(join(folder, 'other.yishibackup'), 'x')
    const list = await listBackups(folder)
    expect(list.map((b) => [b.name, b.size])).toEqual([
      [backupFileName(at(2)), 9],
      [backupFileName(at(1)), 2],
    ])
    for (const b of list) expect(Number.isNaN(Date.parse(b.mtime))).toBe(false)
    await expectCode(listBackups(join(folder, 'gone')), 'missing')
    await expectCode(listBackups('rel'), 'notAbsolute')
  })
})

describe('readBackupFile', () => {
  it('returns the text; refuses a folder, a FIFO, a missing file, a relative path and a file over the limit', async () => {
    const folder = tempFolder()
    const { path } = await writeBackup(folder, bytes('{"名称":"议事会"}'), at(0))
    expect(textOf(await readBackupFile(path, 1024))).toBe('{"名称":"议事会"}')
    const bom = join(folder, 'bom')
    writeFileSync(bom, '\ufeff{}')
    // Bytes as they are on disk: the format (shared/backup/format.ts) drops a version 1 text's byte order mark.
    expect(textOf(await readBackupFile(bom, 1024))).toBe('\ufeff{}')

    await expectCode(readBackupFile(folder, 1024), 'notFile')
    await expectCode(readBackupFile(join(folder, 'gone'), 1024), 'missing')
    await expectCode(readBackupFile('relative.yishibackup', 1024), 'notAbsolute')
    const size = Buffer.byteLength('{"名称":"议事会"}')
    expect(textOf(await readBackupFile(path, size))).toBe('{"名称":"议事会"}')
    await expectCode(readBackupFile(path, size - 1), 'tooLarge')
    if (process.platform !== 'win32') {
      const fifo = join(folder, 'pipe.yishibackup')
      execFileSync('mkfifo', [fifo])
      // Opening a FIFO for reading would block until a writer came: it is refused before that.
      await expectCode(readBackupFile(fifo, 1024), 'notFile')
    }
  })
})
