// The browser platform: the web build, the tests, and a second device using Yishi in a browser.
import { capabilityLookup, type AppInfo, type Platform } from './types'
import { downloadFile } from './download'

export const webPlatform: Platform = {
  kind: 'web',
  async getAppInfo(): Promise<AppInfo> {
    return { version: __APP_VERSION__, platform: 'web', dataLocation: { kind: 'browser', origin: window.location.origin } }
  },
  async print() {
    window.print()
  },
  saveFile: downloadFile,
  async openProjector(route: string) {
    // A named tab: opening it again reuses the same projector tab.
    const url = new URL(window.location.href)
    url.hash = route
    window.open(url.toString(), 'yishi-projector')
  },
  // The browser has no native open dialog (a file input instead), no backup folder, no menu,
  // no PDF rendering of its own (print to PDF) and cannot host a sync server.
  capability: capabilityLookup({}),
}
