// Preload: exposes window.yishi (YishiApi from shared/ipc.ts) as named functions. Runs
// sandboxed, bundled to one CommonJS file by Forge; imports only electron and shared/ipc.ts.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { YISHI_API_CHANNELS, YISHI_API_EVENTS, isMenuCommand, type MenuCommand, type YishiApi } from '../shared/ipc'

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
  setLanguage: (payload) => ipcRenderer.invoke(YISHI_API_CHANNELS.setLanguage, payload),
  saveFile: (payload) => ipcRenderer.invoke(YISHI_API_CHANNELS.saveFile, payload),
  openFiles: (payload) => ipcRenderer.invoke(YISHI_API_CHANNELS.openFiles, payload),
  chooseBackupFolder: () => ipcRenderer.invoke(YISHI_API_CHANNELS.chooseBackupFolder),
  backupStatus: () => ipcRenderer.invoke(YISHI_API_CHANNELS.backupStatus),
  writeBackup: (payload) => ipcRenderer.invoke(YISHI_API_CHANNELS.writeBackup, payload),
  listBackups: () => ipcRenderer.invoke(YISHI_API_CHANNELS.listBackups),
  readBackup: (payload) => ipcRenderer.invoke(YISHI_API_CHANNELS.readBackup, payload),
  onMenuCommand: (listener) => {
    // The page gets the command alone, never the event (whose `sender` is ipcRenderer), and
    // only a command of the contract.
    const forward = (_event: IpcRendererEvent, command: unknown): void => {
      if (isMenuCommand(command)) listener(command satisfies MenuCommand)
    }
    ipcRenderer.on(YISHI_API_EVENTS.onMenuCommand, forward)
    return () => {
      ipcRenderer.removeListener(YISHI_API_EVENTS.onMenuCommand, forward)
    }
  },
}

contextBridge.exposeInMainWorld('yishi', api)
