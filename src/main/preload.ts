// Preload: exposes window.yishi (YishiApi from shared/ipc.ts) as named functions. Runs
// sandboxed, bundled to one CommonJS file by Forge; imports only electron and shared/ipc.ts.
import { contextBridge, ipcRenderer } from 'electron'
import { YISHI_API_CHANNELS, type YishiApi } from '../shared/ipc'

// ipcRenderer itself is never exposed: a page holding it could call any channel with any
// arguments. Payloads are passed through unchanged; main validates them, and refusing a
// malformed one there (rather than repairing it here) is what the tests check.
const api: YishiApi = {
  // ipcRenderer.invoke resolves to `any`; main answers these channels with IpcResult only.
  getAppInfo: () => ipcRenderer.invoke(YISHI_API_CHANNELS.getAppInfo),
  print: () => ipcRenderer.invoke(YISHI_API_CHANNELS.print),
  savePdf: (payload) => ipcRenderer.invoke(YISHI_API_CHANNELS.savePdf, payload),
  openProjector: (payload) => ipcRenderer.invoke(YISHI_API_CHANNELS.openProjector, payload),
  hostSync: (payload) => ipcRenderer.invoke(YISHI_API_CHANNELS.hostSync, payload),
}

contextBridge.exposeInMainWorld('yishi', api)
