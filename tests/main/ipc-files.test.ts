// file:save and file:open through registerIpc: the name main re-sanitizes, the dialog's folder
// and filters per kind, text written as UTF-8, cancelling, the per-file and total limits, and
// real files read from a temporary folder (a folder or a FIFO picked in the dialog is refused).
import { execFileSync } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { FILE_DATA_MAX, OPEN_FILES_MAX, type IpcResult, type OpenFileResult } from '../../src/shared/ipc'
import { FileReadError, readRegularFile } from '../../src/main/files'
import { menuText } from '../../src/main/shellText'
import { fakeInvokeEvent } from './fakes'
import { deps, memorySettings, fakeStore, setup, tempFolder } from './ipc-fakes'

let dir = ''
let cleanup: () => Promise<void> = async () => undefined
beforeEach(async () => {
  ;({ dir, cleanup } = await tempFolder())
})
afterEach(() => cleanup())

const save = (d: ReturnType<typeof deps>, payload: unknown) => setup(d).invoke('file:save', fakeInvokeEvent(), payload)
const open = (d: ReturnType<typeof deps>, payload: unknown) =>
  setup(d).invoke('file:open', fakeInvokeEvent(), payload) as Promise<IpcResult<OpenFileResult>>

describe('file:save', () => {
  it('suggests the sanitized name with its extension in Documents, filtered by kind, and writes the bytes', async () => {
    const d = deps()
    const data = new Uint8Array([0x50, 0x4b, 3, 4])
    const result = await save(d, { suggestedName: '清风社区居民议事会-2025-03-01-会议纪要', kind: 'docx', data })
    const expected = '/home/a/Documents/清风社区居民议事会-2025-03-01-会议纪要.docx'
    expect(d.showSaveDialog).toHaveBeenCalledExactlyOnceWith(
      { id: 1 },
      {
        title: '保存',
        defaultPath: expected,
        filters: [{ name: 'Word 文档', extensions: ['docx'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      },
    )
    expect(d.writeFile).toHaveBeenCalledExactlyOnceWith(expected, data)
    expect(result).toEqual({ ok: true, value: { saved: true, path: expected } })
  })

  it.each([
    ['bundle', '报送', '报送.yishi.json', 'json'],
    ['review', '审核意见', '审核意见.yishi-review.json', 'json'],
    ['backup', '备份', '备份.yishibackup', 'yishibackup'],
    ['csv', 'CON', '_CON.csv', 'csv'],
    ['xlsx', '名册:2025', '名册_2025.xlsx', 'xlsx'],
    ['html', '公示 ...', '公示.html', 'html'],
    ['pdf', '通知.PDF', '通知.PDF', 'pdf'],
  ])('%s: "%s" is offered as "%s" with the %s filter', async (kind, suggestedName, name, extension) => {
    const d = deps()
    await save(d, { suggestedName, kind, data: '' })
    expect(d.showSaveDialog).toHaveBeenCalledWith(
      { id: 1 },
      expect.objectContaining({ defaultPath: `/home/a/Documents/${name}`, filters: [{ name: expect.any(String), extensions: [extension] }] }),
    )
  })

  it('writes text as UTF-8, a BOM included when the renderer put one', async () => {
    const d = deps()
    await save(d, { suggestedName: '名册', kind: 'csv', data: '\uFEFF姓名\n张三\n' })
    const written = vi.mocked(d.writeFile).mock.calls[0]?.[1]
    expect(written).toEqual(new TextEncoder().encode('\uFEFF姓名\n张三\n'))
    expect(Array.from(written!.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf])
  })

  it('labels the filter in the language the renderer announced', async () => {
    const d = deps({ text: menuText('en') })
    await save(d, { suggestedName: 'x', kind: 'bundle', data: '{}' })
    expect(d.showSaveDialog).toHaveBeenCalledWith({ id: 1 }, expect.objectContaining({ title: 'Save', filters: [{ name: 'Yishi submission', extensions: ['json'] }] }))
  })

  it('answers saved: false and writes nothing when the user cancels', async () => {
    const d = deps({ showSaveDialog: async () => ({ canceled: true, filePath: '' }) })
    expect(await save(d, { suggestedName: 'x', kind: 'pdf', data: '' })).toEqual({ ok: true, value: { saved: false } })
    expect(d.writeFile).not.toHaveBeenCalled()
  })

  it('reports a full disk, another write failure, and no window as codes', async () => {
    const full = deps({ writeFile: () => Promise.reject(Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' })) })
    expect(await save(full, { suggestedName: 'x', kind: 'csv', data: 'a' })).toEqual({ ok: false, error: 'disk-full' })
    const denied = deps({ writeFile: () => Promise.reject(Object.assign(new Error('EACCES'), { code: 'EACCES' })) })
    expect(await save(denied, { suggestedName: 'x', kind: 'csv', data: 'a' })).toEqual({ ok: false, error: 'write-failed' })
    const windowless = deps({ windowFor: () => null })
    expect(await save(windowless, { suggestedName: 'x', kind: 'csv', data: 'a' })).toEqual({ ok: false, error: 'no-window' })
    expect(windowless.showSaveDialog).not.toHaveBeenCalled()
  })

  it('refuses data over the limit before any dialog opens', async () => {
    const d = deps()
    expect(await save(d, { suggestedName: 'x', kind: 'pdf', data: new Uint8Array(FILE_DATA_MAX + 1) })).toEqual({ ok: false, error: 'invalid-payload' })
    expect(d.showSaveDialog).not.toHaveBeenCalled()
  })
})

describe('file:open', () => {
  async function files(...entries: [string, string][]): Promise<string[]> {
    const paths = entries.map(([name]) => path.join(dir, name))
    await Promise.all(entries.map(([name, text]) => writeFile(path.join(dir, name), text)))
    return paths
  }

  it('answers an empty list when the user cancels', async () => {
    expect(await open(deps(), { kind: 'bundle', multiple: true })).toEqual({ ok: true, value: { files: [] } })
  })

  it('reads every chosen file, by name without its folder', async () => {
    const paths = await files(['a.yishi.json', '{"a":1}'], ['b.yishi.json', '{"b":2}'])
    const d = deps({ showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: paths })), readFile: readRegularFile })
    const result = await open(d, { kind: 'bundle', multiple: true })
    expect(result).toEqual({
      ok: true,
      value: {
        files: [
          { name: 'a.yishi.json', bytes: new TextEncoder().encode('{"a":1}') },
          { name: 'b.yishi.json', bytes: new TextEncoder().encode('{"b":2}') },
        ],
      },
    })
    expect(d.showOpenDialog).toHaveBeenCalledExactlyOnceWith(
      { id: 1 },
      { title: '打开', defaultPath: '/home/a/Documents', filters: [{ name: '议事报送文件', extensions: ['json'] }], properties: ['openFile', 'multiSelections'] },
    )
  })

  it.each([
    ['review', ['json']],
    ['backup', ['yishibackup']],
    ['register', ['csv', 'xlsx']],
  ])('filters %s files by %j and opens one file unless asked for several', async (kind, extensions) => {
    const d = deps()
    await open(d, { kind, multiple: false })
    expect(d.showOpenDialog).toHaveBeenCalledWith(
      { id: 1 },
      expect.objectContaining({ filters: [{ name: expect.any(String), extensions }], properties: ['openFile'] }),
    )
  })

  it('reads only the first file when one was asked for', async () => {
    const paths = await files(['a.csv', 'a'], ['b.csv', 'b'])
    const d = deps({ showOpenDialog: async () => ({ canceled: false, filePaths: paths }), readFile: vi.fn(readRegularFile) })
    const result = await open(d, { kind: 'register', multiple: false })
    expect(result.ok && result.value.files.map((f) => f.name)).toEqual(['a.csv'])
    expect(d.readFile).toHaveBeenCalledOnce()
  })

  it('starts a backup restore in the backup folder, and asks for up to the backup limit', async () => {
    const d = deps({ backups: { store: fakeStore(), settings: memorySettings({ backupFolder: '/media/usb/议事备份' }), now: () => new Date() } })
    vi.mocked(d.showOpenDialog).mockResolvedValue({ canceled: false, filePaths: ['/media/usb/议事备份/x.yishibackup'] })
    await open(d, { kind: 'backup', multiple: false })
    expect(d.showOpenDialog).toHaveBeenCalledWith({ id: 1 }, expect.objectContaining({ defaultPath: '/media/usb/议事备份' }))
    expect(d.readFile).toHaveBeenCalledWith('/media/usb/议事备份/x.yishibackup', 256 * 1024 * 1024)
    const other = deps({ showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: ['/x.csv'] })) })
    await open(other, { kind: 'register', multiple: false })
    expect(other.readFile).toHaveBeenCalledWith('/x.csv', FILE_DATA_MAX)
  })

  it('refuses a folder, a FIFO and a file over the limit picked in the dialog', async () => {
    const d = deps({ showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: [dir] })), readFile: readRegularFile })
    expect(await open(d, { kind: 'bundle', multiple: false })).toEqual({ ok: false, error: 'not-a-file' })
    if (process.platform !== 'win32') {
      const fifo = path.join(dir, 'pipe.csv')
      execFileSync('mkfifo', [fifo])
      vi.mocked(d.showOpenDialog).mockResolvedValue({ canceled: false, filePaths: [fifo] })
      expect(await open(d, { kind: 'register', multiple: false })).toEqual({ ok: false, error: 'not-a-file' })
    }
    const big = deps({
      showOpenDialog: async () => ({ canceled: false, filePaths: ['/big.yishi.json'] }),
      readFile: () => Promise.reject(new FileReadError('too-large', 'big')),
    })
    expect(await open(big, { kind: 'bundle', multiple: false })).toEqual({ ok: false, error: 'too-large' })
  })

  it('refuses more files than the limit, and files too big together, reading no further', async () => {
    const many = deps({ showOpenDialog: async () => ({ canceled: false, filePaths: Array.from({ length: OPEN_FILES_MAX + 1 }, (_, i) => `/f${i}.yishi.json`) }) })
    expect(await open(many, { kind: 'bundle', multiple: true })).toEqual({ ok: false, error: 'too-many-files' })
    expect(many.readFile).not.toHaveBeenCalled()
    const heavy = deps({
      showOpenDialog: async () => ({ canceled: false, filePaths: Array.from({ length: 10 }, (_, i) => `/f${i}.yishi.json`) }),
      // Each one under the per-file limit, but together past the total.
      readFile: vi.fn(async () => ({ byteLength: FILE_DATA_MAX }) as Uint8Array),
    })
    expect(await open(heavy, { kind: 'bundle', multiple: true })).toEqual({ ok: false, error: 'too-large' })
    expect(heavy.readFile).toHaveBeenCalledTimes(5)
  })

  it('reports an unreadable file as read-failed', async () => {
    const d = deps({
      showOpenDialog: async () => ({ canceled: false, filePaths: [path.join(dir, 'gone.csv')] }),
      readFile: readRegularFile,
    })
    expect(await open(d, { kind: 'register', multiple: false })).toEqual({ ok: false, error: 'read-failed' })
  })
})
