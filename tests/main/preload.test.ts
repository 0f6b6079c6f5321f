// preload.ts against a fake `electron`: it exposes exactly the YishiApi functions (never
// ipcRenderer), each invoking its own channel with the payload untouched, and onMenuCommand
// passes only contract commands (not the event) and unsubscribes.
import { EventEmitter } from 'node:events'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { MENU_COMMAND_CHANNEL, YISHI_API_CHANNELS, type YishiApi } from '../../src/shared/ipc'

async function loadPreload() {
  const exposed = new Map<string, unknown>()
  const ipcRenderer = Object.assign(new EventEmitter(), { invoke: vi.fn(async (...args: unknown[]) => ({ ok: true, value: args })) })
  const contextBridge = { exposeInMainWorld: vi.fn((key: string, api: unknown) => exposed.set(key, api)) }
  vi.resetModules()
  vi.doMock('electron', () => ({ contextBridge, ipcRenderer, default: { contextBridge, ipcRenderer } }))
  await import('../../src/main/preload')
  return { api: exposed.get('yishi') as YishiApi, exposed, ipcRenderer }
}

afterEach(() => {
  vi.doUnmock('electron')
})

describe('preload', () => {
  it('exposes window.yishi only, with one function per API entry', async () => {
    const { api, exposed } = await loadPreload()
    expect([...exposed.keys()]).toEqual(['yishi'])
    expect(Object.keys(api).sort()).toEqual([...Object.keys(YISHI_API_CHANNELS), 'onMenuCommand'].sort())
    for (const value of Object.values(api)) expect(typeof value).toBe('function')
  })

  it('invokes each channel with the payload as given (main validates it)', async () => {
    const { api, ipcRenderer } = await loadPreload()
    const payload = { anything: 'main refuses' }
    for (const [name, channel] of Object.entries(YISHI_API_CHANNELS)) {
      ipcRenderer.invoke.mockClear()
      await (api[name as keyof typeof YISHI_API_CHANNELS] as (p: unknown) => Promise<unknown>)(payload)
      const call = ipcRenderer.invoke.mock.calls[0]!
      expect(call[0]).toBe(channel)
      // Functions without a payload send none, whatever the page passes.
      if (call.length > 1) expect(call[1]).toBe(payload)
    }
  })

  it('forwards contract menu commands without the event, drops anything else, and unsubscribes', async () => {
    const { api, ipcRenderer } = await loadPreload()
    const listener = vi.fn()
    const stop = api.onMenuCommand(listener)
    ipcRenderer.emit(MENU_COMMAND_CHANNEL, { sender: ipcRenderer }, 'nextAgendaItem')
    ipcRenderer.emit(MENU_COMMAND_CHANNEL, { sender: ipcRenderer }, 'rm -rf')
    ipcRenderer.emit(MENU_COMMAND_CHANNEL, { sender: ipcRenderer }, { command: 'print' })
    expect(listener).toHaveBeenCalledExactlyOnceWith('nextAgendaItem')
    stop()
    ipcRenderer.emit(MENU_COMMAND_CHANNEL, { sender: ipcRenderer }, 'openVote')
    expect(listener).toHaveBeenCalledOnce()
    expect(ipcRenderer.listenerCount(MENU_COMMAND_CHANNEL)).toBe(0)
  })
})
