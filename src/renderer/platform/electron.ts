// The desktop platform: calls the named functions the preload exposes (src/shared/ipc.ts).
import type { IpcResult, YishiApi } from '../../shared/ipc'
import type { AppInfo, Platform } from './types'

/** A result of the preload API, or the error code as an Error (the UI translates it). */
function value<T>(r: IpcResult<T>): T {
  if (!r.ok) throw new Error(r.error)
  return r.value
}

export function electronPlatform(api: YishiApi): Platform {
  return {
    kind: 'electron',
    async getAppInfo(): Promise<AppInfo> {
      const r = await api.getAppInfo()
      if (!r.ok) throw new Error(r.error)
      return { version: r.value.version, platform: r.value.platform, dataLocation: { kind: 'folder', path: r.value.dataDir } }
    },
    async print() {
      const r = await api.print()
      if (!r.ok) throw new Error(r.error)
    },
    async saveFile({ suggestedName, kind, data }) {
      return { saved: value(await api.saveFile({ suggestedName, kind, data: typeof data === 'string' ? data : new Uint8Array(data) })).saved }
    },
    async openFiles(kind, multiple) {
      const { files } = value(await api.openFiles({ kind, multiple }))
      return files.map((f) => ({ name: f.name, size: f.bytes.byteLength, text: async () => new TextDecoder().decode(f.bytes), bytes: async () => f.bytes }))
    },
    backups: {
      chooseFolder: async () => ({ chosen: value(await api.chooseBackupFolder()).chosen }),
      status: async () => value(await api.backupStatus()),
      write: async (text) => value(await api.writeBackup({ text })),
      list: async () => value(await api.listBackups()).backups,
      read: async (name) => value(await api.readBackup({ name })).text,
    },
    onMenuCommand: (listener) => api.onMenuCommand(listener),
    async setLanguage(language) {
      value(await api.setLanguage({ language }))
    },
    async hostSync(councilId: string) {
      const r = await api.hostSync({ councilId })
      if (!r.ok) throw new Error(r.error)
      // Other devices in the room need a LAN address; with none (no network), this laptop alone.
      return { serverUrl: r.value.lanUrls[0] ?? r.value.localUrl }
    },
    async openProjector(route: string) {
      const r = await api.openProjector({ route })
      if (!r.ok) throw new Error(r.error)
    },
    async savePdf(suggestedName: string) {
      const r = await api.savePdf({ suggestedName })
      if (!r.ok) throw new Error(r.error)
      return { saved: r.value.saved }
    },
  }
}
