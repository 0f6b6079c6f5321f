// The desktop platform, built on the preload API (YishiApi, derived from shared/ipc's contract):
// `call` invokes one contract function and unwraps its answer, so each method here is only the
// translation between the contract's shape and the renderer's (types.ts); the types follow the
// contract, and a test checks every contract function is reachable from here.
import type { IpcResult, YishiAnswer, YishiApi, YishiInvokeName } from '../../shared/ipc'
import { capabilityLookup, type AppInfo, type Platform } from './types'

type Call = <K extends YishiInvokeName>(name: K, ...payload: Parameters<YishiApi[K]>) => Promise<YishiAnswer<K>>

/** Invokes the contract function `name`; an error code comes back as an Error (the UI translates it). */
function caller(api: YishiApi): Call {
  return async (name, ...payload) => {
    const invoke = api[name] as (...args: unknown[]) => Promise<IpcResult<YishiAnswer<typeof name>>>
    const r = await invoke(...payload)
    if (!r.ok) throw new Error(r.error)
    return r.value
  }
}

export function electronPlatform(api: YishiApi): Platform {
  const call = caller(api)
  return {
    kind: 'electron',
    async getAppInfo(): Promise<AppInfo> {
      const info = await call('getAppInfo')
      return { version: info.version, platform: info.platform, dataLocation: { kind: 'folder', path: info.dataDir } }
    },
    print: () => call('print'),
    async saveFile({ suggestedName, kind, data }) {
      return { saved: (await call('saveFile', { suggestedName, kind, data: typeof data === 'string' ? data : new Uint8Array(data) })).saved }
    },
    async openProjector(route: string) {
      await call('openProjector', { route })
    },
    capability: capabilityLookup({
      async openFiles(kind, multiple) {
        const { files } = await call('openFiles', { kind, multiple })
        return files.map((f) => ({ name: f.name, size: f.bytes.byteLength, text: async () => new TextDecoder().decode(f.bytes), bytes: async () => f.bytes }))
      },
      backups: {
        chooseFolder: async () => ({ chosen: (await call('chooseBackupFolder')).chosen }),
        status: () => call('backupStatus'),
        write: (data) => call('writeBackup', { data }),
        list: async () => (await call('listBackups')).backups,
        read: async (name) => (await call('readBackup', { name })).bytes,
      },
      menu: {
        onCommand: (listener) => api.onMenuCommand(listener),
        setLanguage: (language) => call('setLanguage', { language }),
      },
      async savePdf(suggestedName) {
        return { saved: (await call('savePdf', { suggestedName })).saved }
      },
      async hostSync(councilId) {
        const { lanUrls, localUrl, fingerprint } = await call('hostSync', { councilId })
        // Other devices in the room need a LAN address; with none (no network), this laptop alone.
        return { serverUrl: lanUrls[0] ?? localUrl, ...(fingerprint ? { fingerprint } : {}) }
      },
      pinCertificate: (serverUrl, fingerprint) => call('pinCertificate', { serverUrl, fingerprint }),
    }),
  }
}
