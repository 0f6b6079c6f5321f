// The desktop platform: calls the named functions the preload exposes (src/shared/ipc.ts).
import type { YishiApi } from '../../shared/ipc'
import type { AppInfo, Platform } from './types'
import { downloadFile } from './download'

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
    // Electron's default download handling asks where to save (a native dialog of its own).
    saveFile: downloadFile,
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
