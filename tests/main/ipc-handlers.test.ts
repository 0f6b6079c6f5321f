// registerIpc: sender-frame checks, payload validation before any handler runs (on every
// channel), the Result shape whatever happens, and the print / PDF / app-info / projector /
// language handlers against fakes.
import { describe, expect, it } from 'vitest'
import { IPC_CHANNELS } from '../../src/shared/ipc'
import { PDF_OPTIONS } from '../../src/main/fileHandlers'
import { APP_PAGE, fakeFrame, fakeInvokeEvent, fakeSender } from './fakes'
import { INVALID_ARGS, PROJECTOR_ROUTE, VALID_ARGS, deps, setup, spyHandlers } from './ipc-fakes'

describe('registerIpc', () => {
  it('registers every channel of the contract exactly once', () => {
    expect([...setup().listeners.keys()].sort()).toEqual([...IPC_CHANNELS].sort())
  })

  it('answers a well-formed request from the app with { ok: true, value }', async () => {
    const result = await setup().invoke('app:getInfo', fakeInvokeEvent())
    expect(result).toEqual({ ok: true, value: { version: '0.1.0', platform: 'linux', dataDir: '/home/a/.config/Yishi' } })
  })

  it.each([
    ['wrong type', [{ suggestedName: 7 }]],
    ['extra key', [{ suggestedName: 'x', overwrite: true }]],
    ['oversize', [{ suggestedName: 'x'.repeat(201) }]],
    ['path separator', [{ suggestedName: '../../.bashrc' }]],
    ['control character', [{ suggestedName: 'a\u0000b' }]],
    ['no payload', []],
    ['two arguments', [{ suggestedName: 'x' }, { suggestedName: 'y' }]],
  ])('refuses app:savePdf with %s and never calls the handler', async (_label, args) => {
    const handlers = spyHandlers()
    const d = deps()
    const result = await setup(d, handlers).invoke('app:savePdf', fakeInvokeEvent(), ...args)
    expect(result).toEqual({ ok: false, error: 'invalid-payload' })
    expect(handlers['app:savePdf']).not.toHaveBeenCalled()
    expect(d.log).toHaveBeenCalledWith(expect.stringContaining('invalid payload'))
  })

  it.each(IPC_CHANNELS.map((c) => [c]))('refuses every malformed payload on %s before its handler runs', async (channel) => {
    const handlers = spyHandlers()
    const ipcMain = setup(deps(), handlers)
    for (const args of INVALID_ARGS[channel]) {
      expect(await ipcMain.invoke(channel, fakeInvokeEvent(), ...args), JSON.stringify(args)).toEqual({ ok: false, error: 'invalid-payload' })
    }
    // More than one argument is refused on every channel, even when the first is well-formed.
    expect(await ipcMain.invoke(channel, fakeInvokeEvent(), ...VALID_ARGS[channel], ...VALID_ARGS[channel], 'x')).toEqual({
      ok: false,
      error: 'invalid-payload',
    })
    expect(handlers[channel]).not.toHaveBeenCalled()
    // …and the well-formed request does reach it.
    await ipcMain.invoke(channel, fakeInvokeEvent(), ...VALID_ARGS[channel])
    expect(handlers[channel]).toHaveBeenCalledOnce()
  })

  it('refuses a payload on channels that take none', async () => {
    const handlers = spyHandlers()
    const ipcMain = setup(deps(), handlers)
    expect(await ipcMain.invoke('app:getInfo', fakeInvokeEvent(), { x: 1 })).toEqual({ ok: false, error: 'invalid-payload' })
    expect(await ipcMain.invoke('app:print', fakeInvokeEvent(), 'now')).toEqual({ ok: false, error: 'invalid-payload' })
    expect(handlers['app:getInfo']).not.toHaveBeenCalled()
    expect(handlers['app:print']).not.toHaveBeenCalled()
  })

  it.each([
    ['a foreign origin', fakeFrame('https://evil.example/')],
    ['a file: page', fakeFrame('file:///tmp/evil.html')],
    ['another app:// host', fakeFrame('app://other/index.html')],
    ['the dev server outside dev', fakeFrame('http://localhost:5173/')],
    ['a sub-frame of the app', fakeFrame(APP_PAGE, fakeFrame())],
    ['a destroyed frame', null],
  ])('refuses a sender from %s on every channel', async (_label, frame) => {
    const handlers = spyHandlers()
    const ipcMain = setup(deps(), handlers)
    for (const channel of IPC_CHANNELS) {
      const payload = VALID_ARGS[channel]
      expect(await ipcMain.invoke(channel, fakeInvokeEvent(frame), ...payload)).toEqual({
        ok: false,
        error: 'forbidden-sender',
      })
      expect(handlers[channel]).not.toHaveBeenCalled()
    }
  })

  it('refuses a frame that throws when inspected', async () => {
    const frame = {
      get url(): string {
        throw new Error('Render frame was disposed')
      },
      parent: null,
    }
    expect(await setup().invoke('app:getInfo', fakeInvokeEvent(frame))).toEqual({ ok: false, error: 'forbidden-sender' })
  })

  it('accepts the dev server page only when running against it', async () => {
    const devFrame = fakeFrame('http://localhost:5173/')
    const ipcMain = setup(deps({ devServerUrl: 'http://localhost:5173' }))
    expect(await ipcMain.invoke('app:getInfo', fakeInvokeEvent(devFrame))).toMatchObject({ ok: true })
  })

  it('turns a handler that throws into { ok: false, error: "internal" }', async () => {
    const d = deps({
      appInfo: () => {
        throw new Error('userData not available')
      },
    })
    expect(await setup(d).invoke('app:getInfo', fakeInvokeEvent())).toEqual({ ok: false, error: 'internal' })
    expect(d.log).toHaveBeenCalledWith('app:getInfo: handler threw', expect.any(Error))
  })

  it('turns a rejected dialog into an error result, not a crash', async () => {
    const d = deps({ showSaveDialog: () => Promise.reject(new Error('no display')) })
    const result = await setup(d).invoke('app:savePdf', fakeInvokeEvent(), { suggestedName: 'x' })
    expect(result).toEqual({ ok: false, error: 'internal' })
  })
})

describe('app:print', () => {
  it('prints the sender through the system dialog', async () => {
    const sender = fakeSender()
    expect(await setup().invoke('app:print', fakeInvokeEvent(fakeFrame(), sender))).toEqual({ ok: true, value: undefined })
    expect(sender.print).toHaveBeenCalledWith({ silent: false, printBackground: true }, expect.any(Function))
  })

  it('treats Cancel as success and a real failure as print-failed', async () => {
    const cancelled = fakeSender({ print: (_o, callback) => callback(false, 'Print job canceled') })
    const failed = fakeSender({ print: (_o, callback) => callback(false, 'Print job failed') })
    const ipcMain = setup()
    expect(await ipcMain.invoke('app:print', fakeInvokeEvent(fakeFrame(), cancelled))).toEqual({ ok: true, value: undefined })
    expect(await ipcMain.invoke('app:print', fakeInvokeEvent(fakeFrame(), failed))).toEqual({ ok: false, error: 'print-failed' })
  })
})

describe('app:savePdf', () => {
  it("renders with the page's CSS page size and margins, asks where to save, writes the bytes there", async () => {
    const sender = fakeSender()
    const d = deps()
    const result = await setup(d).invoke('app:savePdf', fakeInvokeEvent(fakeFrame(), sender), { suggestedName: '会议纪要' })
    // The print CSS sets A4 and the GB/T 9704 margins; preferCSSPageSize makes Chromium use them.
    expect(sender.printToPDF).toHaveBeenCalledExactlyOnceWith({
      pageSize: 'A4',
      preferCSSPageSize: true,
      printBackground: true,
      generateDocumentOutline: true,
    })
    expect(PDF_OPTIONS).not.toHaveProperty('margins')
    expect(d.showSaveDialog).toHaveBeenCalledWith(
      { id: 1 },
      expect.objectContaining({ defaultPath: '/home/a/Documents/会议纪要.pdf', filters: [{ name: 'PDF 文档', extensions: ['pdf'] }] }),
    )
    expect(d.writeFile).toHaveBeenCalledWith('/home/a/Documents/会议纪要.pdf', new Uint8Array([0x25, 0x50, 0x44, 0x46]))
    expect(result).toEqual({ ok: true, value: { saved: true, path: '/home/a/Documents/会议纪要.pdf' } })
  })

  it('answers saved:false and writes nothing when the user cancels', async () => {
    const d = deps({ showSaveDialog: async () => ({ canceled: true, filePath: '' }) })
    const result = await setup(d).invoke('app:savePdf', fakeInvokeEvent(), { suggestedName: 'x' })
    expect(result).toEqual({ ok: true, value: { saved: false } })
    expect(d.writeFile).not.toHaveBeenCalled()
  })

  it('reports pdf-failed, disk-full, write-failed and no-window as codes', async () => {
    const broken = fakeSender({ printToPDF: () => Promise.reject(new Error('renderer gone')) })
    expect(await setup().invoke('app:savePdf', fakeInvokeEvent(fakeFrame(), broken), { suggestedName: 'x' })).toEqual({
      ok: false,
      error: 'pdf-failed',
    })
    const diskFull = deps({ writeFile: () => Promise.reject(Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' })) })
    expect(await setup(diskFull).invoke('app:savePdf', fakeInvokeEvent(), { suggestedName: 'x' })).toEqual({
      ok: false,
      error: 'disk-full',
    })
    const readOnly = deps({ writeFile: () => Promise.reject(Object.assign(new Error('EROFS'), { code: 'EROFS' })) })
    expect(await setup(readOnly).invoke('app:savePdf', fakeInvokeEvent(), { suggestedName: 'x' })).toEqual({
      ok: false,
      error: 'write-failed',
    })
    const windowless = deps({ windowFor: () => null })
    expect(await setup(windowless).invoke('app:savePdf', fakeInvokeEvent(), { suggestedName: 'x' })).toEqual({
      ok: false,
      error: 'no-window',
    })
    expect(windowless.showSaveDialog).not.toHaveBeenCalled()
  })
})

describe('app:openProjector', () => {
  it('opens the projector at the validated route and answers where it went', async () => {
    const d = deps()
    const result = await setup(d).invoke('app:openProjector', fakeInvokeEvent(), { route: PROJECTOR_ROUTE })
    expect(d.openProjector).toHaveBeenCalledExactlyOnceWith(PROJECTOR_ROUTE)
    expect(result).toEqual({ ok: true, value: { opened: true, display: 'external' } })
  })

  it.each([
    ['another route', [{ route: '#/c/council-0001/m/meeting-0001/minutes' }]],
    ['a query string', [{ route: '#/c/x/m/y/projector?x=1' }]],
    ['javascript:', [{ route: 'javascript:alert(1)' }]],
    ['an uppercase id', [{ route: '#/c/COUNCIL-0001/m/meeting-0001/projector' }]],
    ['an extra key', [{ route: PROJECTOR_ROUTE, display: 'external' }]],
    ['a bare string', [PROJECTOR_ROUTE]],
    ['no payload', []],
    ['two arguments', [{ route: PROJECTOR_ROUTE }, { route: PROJECTOR_ROUTE }]],
  ])('refuses %s and opens nothing', async (_label, args) => {
    const handlers = spyHandlers()
    const d = deps()
    const result = await setup(d, handlers).invoke('app:openProjector', fakeInvokeEvent(), ...args)
    expect(result).toEqual({ ok: false, error: 'invalid-payload' })
    expect(handlers['app:openProjector']).not.toHaveBeenCalled()
    expect(d.openProjector).not.toHaveBeenCalled()
  })

  it.each([
    ['a foreign origin', fakeFrame('https://evil.example/')],
    ['another app:// host', fakeFrame('app://other/index.html')],
    ['a sub-frame of the app', fakeFrame(APP_PAGE, fakeFrame())],
    ['a destroyed frame', null],
  ])('refuses a sender from %s and opens nothing', async (_label, frame) => {
    const d = deps()
    const result = await setup(d).invoke('app:openProjector', fakeInvokeEvent(frame), { route: PROJECTOR_ROUTE })
    expect(result).toEqual({ ok: false, error: 'forbidden-sender' })
    expect(d.openProjector).not.toHaveBeenCalled()
  })

  it('accepts the projector page itself as a sender (it is one of our own pages)', async () => {
    const d = deps()
    const frame = fakeFrame(`app://yishi/index.html${PROJECTOR_ROUTE}`)
    expect(await setup(d).invoke('app:openProjector', fakeInvokeEvent(frame), { route: PROJECTOR_ROUTE })).toMatchObject({ ok: true })
  })

  it('turns a failure to create the window into "internal"', async () => {
    const d = deps({
      openProjector: () => {
        throw new Error('no display')
      },
    })
    expect(await setup(d).invoke('app:openProjector', fakeInvokeEvent(), { route: PROJECTOR_ROUTE })).toEqual({
      ok: false,
      error: 'internal',
    })
  })
})

describe('app:setLanguage', () => {
  it('hands the validated language to the menu', async () => {
    const d = deps()
    expect(await setup(d).invoke('app:setLanguage', fakeInvokeEvent(), { language: 'zh-TW' })).toEqual({ ok: true, value: undefined })
    expect(d.setLanguage).toHaveBeenCalledExactlyOnceWith('zh-TW')
  })
})

describe('sync:host', () => {
  it('starts hosting for a valid council id and answers the addresses; refuses anything else without starting', async () => {
    const d = deps()
    const ipc = setup(d)
    const ok = await ipc.invoke('sync:host', fakeInvokeEvent(), { councilId: 'c0ffee00-0000-4000-8000-000000000000' })
    expect(ok).toEqual({ ok: true, value: { localUrl: 'ws://127.0.0.1:4455', lanUrls: ['ws://192.168.1.20:4455'] } })
    expect(d.hostSync).toHaveBeenCalledTimes(1)
    expect(await ipc.invoke('sync:host', fakeInvokeEvent(), { councilId: '../x' })).toEqual({ ok: false, error: 'invalid-payload' })
    expect(d.hostSync).toHaveBeenCalledTimes(1)
  })
})
