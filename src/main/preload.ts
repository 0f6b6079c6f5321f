// Preload: exposes window.yishi (YishiApi from shared/ipc), one function per contract entry.
// Runs sandboxed, bundled to one CommonJS file by Forge; imports only electron and shared/ipc.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import {
  IPC_CONTRACT,
  YISHI_API_EVENTS,
  isMenuCommand,
  type MenuCommand,
  type YishiApi,
  type YishiInvokeApi,
} from '../shared/ipc'

// ipcRenderer itself is never exposed: a page holding it could call any channel with any
// arguments. Payloads are passed through unchanged; main validates them, and refusing a
// malformed one there (rather than repairing it here) is what the tests check.
// One function per entry of the contract, each bound to its own channel (ipcRenderer.invoke
// resolves to `any`; main answers these channels with IpcResult only).
const invokers = Object.fromEntries(
  Object.entries(IPC_CONTRACT).map(([name, spec]) => [
    name,
    spec.takesPayload ? (payload: unknown) => ipcRenderer.invoke(spec.channel, payload) : () => ipcRenderer.invoke(spec.channel),
  ]),
) as YishiInvokeApi

const api: YishiApi = {
  ...invokers,
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
