// readRegularFile and writeFileAtomic on a real temporary folder: regular files only (a folder,
// a FIFO, a device are refused without blocking), a byte limit, and writes that replace a file
// whole or not at all, leaving no temporary file behind.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FileReadError, readRegularFile, writeFileAtomic } from '../../src/main/files'
import { tempFolder } from './ipc-fakes'

let dir = ''
let cleanup: () => Promise<void> = async () => undefined

beforeEach(async () => {
  ;({ dir, cleanup } = await tempFolder())
})
afterEach(() => cleanup())

async function problemOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
    return 'none'
  } catch (error) {
    return error instanceof FileReadError ? error.problem : `other: ${String(error)}`
  }
}

describe('readRegularFile', () => {
  it('reads a regular file whole, and an empty one', async () => {
    const file = path.join(dir, '名册.csv')
    await writeFile(file, '姓名,房号\n张三,1-101\n')
    expect(new TextDecoder().decode(await readRegularFile(file, 1000))).toBe('姓名,房号\n张三,1-101\n')
    await writeFile(path.join(dir, 'empty'), '')
    expect(await readRegularFile(path.join(dir, 'empty'), 10)).toEqual(new Uint8Array())
  })

  it('reads exactly the limit and refuses one byte more', async () => {
    const file = path.join(dir, 'x.bin')
    await writeFile(file, new Uint8Array(100))
    expect((await readRegularFile(file, 100)).byteLength).toBe(100)
    expect(await problemOf(readRegularFile(file, 99))).toBe('too-large')
  })

  it('follows a symbolic link to a regular file', async () => {
    const file = path.join(dir, 'real.json')
    await writeFile(file, '{}')
    await symlink(file, path.join(dir, 'link.json'))
    expect(await readRegularFile(path.join(dir, 'link.json'), 10)).toEqual(new TextEncoder().encode('{}'))
  })

  it('refuses a folder', async () => {
    expect(await problemOf(readRegularFile(dir, 1000))).toBe('not-a-file')
  })

  it.skipIf(process.platform === 'win32')('refuses a device without reading it', async () => {
    expect(await problemOf(readRegularFile('/dev/zero', 1000))).toBe('not-a-file')
  })

  it.skipIf(process.platform === 'win32')('refuses a FIFO at once, without waiting for a writer', async () => {
    const fifo = path.join(dir, 'pipe.yishi.json')
    execFileSync('mkfifo', [fifo])
    expect(await problemOf(readRegularFile(fifo, 1000))).toBe('not-a-file')
  })

  it('lets a missing file fail as an ordinary error', async () => {
    expect(await problemOf(readRegularFile(path.join(dir, 'gone'), 10))).toMatch(/^other: .*ENOENT/u)
  })
})

describe('writeFileAtomic', () => {
  it('writes a new file and replaces an old one whole, leaving no temporary file', async () => {
    const file = path.join(dir, '纪要.pdf')
    await writeFileAtomic(file, new Uint8Array([0x25, 0x50, 0x44, 0x46]))
    expect(await readFile(file, 'latin1')).toBe('%PDF')
    await writeFileAtomic(file, 'second')
    expect(await readFile(file, 'utf8')).toBe('second')
    expect(await readdir(dir)).toEqual(['纪要.pdf'])
  })

  it('keeps the old file and removes its temporary file when the rename fails', async () => {
    // A folder where the file should be: the rename onto it fails after the data was written.
    const target = path.join(dir, 'occupied')
    await mkdir(path.join(target, 'inside'), { recursive: true })
    await expect(writeFileAtomic(target, 'data')).rejects.toThrow()
    expect(existsSync(path.join(target, 'inside'))).toBe(true)
    expect((await readdir(dir)).sort()).toEqual(['occupied'])
  })

  it('fails, creating nothing, in a folder that does not exist', async () => {
    await expect(writeFileAtomic(path.join(dir, 'no-such-folder', 'x.pdf'), 'x')).rejects.toMatchObject({ code: 'ENOENT' })
    expect(await readdir(dir)).toEqual([])
  })
})
