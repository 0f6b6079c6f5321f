// The one IPC map and everything derived from it agree: main registers a handler for exactly the
// contract's channels, preload exposes exactly the contract's functions (each on its own channel,
// a payload only where the channel takes one), and the renderer's desktop platform reaches every
// contract function, while the browser platform offers no desktop capability.
import { EventEmitter } from 'node:events'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { IPC_CHANNELS, IPC_CONTRACT, IPC_VALIDATORS, YISHI_API_CHANNELS, YISHI_API_EVENTS, type YishiApi } from '../../src/shared/ipc'
import { createHandlers } from '../../src/main/ipc-handlers'
import { electronPlatform } from '../../src/renderer/platform/electron'
import { webPlatform } from '../../src/renderer/platform/web'
import { deps, setup } from './ipc-fakes'

const CONTRACT_NAMES = Object.keys(IPC_CONTRACT).sort()
const CONTRACT_CHANNELS = Object.values(IPC_CONTRACT).map((spec) => spec.channel)

async function loadPreload(): Promise<{ api: YishiApi; invoke: ReturnType<typeof vi.fn> }> {
  let exposed: unknown
  const invoke = vi.fn(async () => ({ ok: true, value: undefined }))
  const ipcRenderer = Object.assign(new EventEmitter(), { invoke })
  const contextBridge = { exposeInMainWorld: (_key: string, api: unknown) => (exposed = api) }
  vi.resetModules()
  vi.doMock('electron', () => ({ contextBridge, ipcRenderer, default: { contextBridge, ipcRenderer } }))
  await import('../../src/main/preload')
  return { api: exposed as YishiApi, invoke }
}

afterEach(() => {
  vi.doUnmock('electron')
})

/** What a well-behaved main answers for each contract function, enough for the platform to translate. */
const ANSWERS: Record<string, unknown> = {
  getAppInfo: { version: '1.0.0', platform: 'linux', dataDir: '/home/a/.config/Yishi' },
  savePdf: { saved: false },
  saveFile: { saved: false },
  openFiles: { files: [{ name: 'a.json', bytes: new Uint8Array([123, 125]) }] },
  chooseBackupFolder: { chosen: false },
  listBackups: { backups: [] },
  readBackup: { name: 'b', bytes: new TextEncoder().encode('backup bytes') },
  hostSync: { localUrl: 'ws://127.0.0.1:4455', lanUrls: [] },
}

/** A preload API that records which function the platform called. */
function recordingApi(): { api: YishiApi; called: Set<string> } {
  const called = new Set<string>()
  const invokers = Object.fromEntries(
    Object.keys(IPC_CONTRACT).map((name) => [
      name,
      async () => {
        called.add(name)
        return { ok: true, value: ANSWERS[name] }
      },
    ]),
  )
  const api = {
    ...invokers,
    onMenuCommand: () => {
      called.add('onMenuCommand')
      return () => undefined
    },
  } as unknown as YishiApi
  return { api, called }
}

describe('one IPC map', () => {
  it('names each channel once, and derives the channel list, the validators and the API names from it', () => {
    expect(new Set(CONTRACT_CHANNELS).size).toBe(CONTRACT_CHANNELS.length)
    expect([...IPC_CHANNELS]).toEqual(CONTRACT_CHANNELS)
    expect(Object.keys(IPC_VALIDATORS).sort()).toEqual([...CONTRACT_CHANNELS].sort())
    expect(Object.keys(YISHI_API_CHANNELS).sort()).toEqual(CONTRACT_NAMES)
    for (const [name, spec] of Object.entries(IPC_CONTRACT)) {
      expect(YISHI_API_CHANNELS[name as keyof typeof YISHI_API_CHANNELS]).toBe(spec.channel)
      expect(IPC_VALIDATORS[spec.channel]).toBe(spec.validate)
    }
  })

  it('has a handler in main for exactly the contract channels, and registers exactly those', () => {
    expect(Object.keys(createHandlers(deps())).sort()).toEqual([...CONTRACT_CHANNELS].sort())
    expect([...setup().listeners.keys()].sort()).toEqual([...CONTRACT_CHANNELS].sort())
  })

  it('has preload expose exactly the contract functions and events, each on its own channel', async () => {
    const { api, invoke } = await loadPreload()
    expect(Object.keys(api).sort()).toEqual([...CONTRACT_NAMES, ...Object.keys(YISHI_API_EVENTS)].sort())
    for (const [name, spec] of Object.entries(IPC_CONTRACT)) {
      invoke.mockClear()
      await (api[name as keyof YishiApi] as (payload: unknown) => Promise<unknown>)({ sent: name })
      // A channel without a payload sends none, whatever the page passes: main would refuse it.
      expect(invoke.mock.calls).toEqual([spec.takesPayload ? [spec.channel, { sent: name }] : [spec.channel]])
    }
  })

  it('has the desktop platform reach every contract function through its core methods and capabilities', async () => {
    const { api, called } = recordingApi()
    const platform = electronPlatform(api)
    await platform.getAppInfo()
    await platform.print()
    await platform.openProjector('#/c/council-0001/m/meeting-0001/projector')
    await platform.saveFile({ suggestedName: 'x', kind: 'csv', data: 'a,b', mime: 'text/csv' })
    const [file] = await platform.capability('openFiles')!('bundle', false)
    expect(await file!.text()).toBe('{}')
    const backups = platform.capability('backups')!
    await backups.chooseFolder()
    await backups.status()
    await backups.write(Uint8Array.of(0x1f, 0x8b))
    await backups.list()
    expect(new TextDecoder().decode(await backups.read('b'))).toBe('backup bytes')
    const menu = platform.capability('menu')!
    menu.onCommand(() => undefined)()
    await menu.setLanguage('en')
    await platform.capability('savePdf')!('minutes')
    expect(await platform.capability('hostSync')!('council-0001')).toEqual({ serverUrl: 'ws://127.0.0.1:4455' })
    await platform.capability('pinCertificate')!('wss://example.org', 'f'.repeat(43))
    expect([...called].sort()).toEqual([...CONTRACT_NAMES, ...Object.keys(YISHI_API_EVENTS)].sort())
  })

  it('turns an error code from main into an Error the screens translate', async () => {
    const { api } = recordingApi()
    const failing = { ...api, print: async () => ({ ok: false as const, error: 'print-failed' as const }) }
    await expect(electronPlatform(failing).print()).rejects.toThrow('print-failed')
  })

  it('has the browser platform offer none of the desktop capabilities', () => {
    for (const name of ['openFiles', 'backups', 'menu', 'savePdf', 'hostSync', 'pinCertificate'] as const) {
      expect(webPlatform.capability(name)).toBeUndefined()
      expect(electronPlatform(recordingApi().api).capability(name)).toBeDefined()
    }
  })
})
