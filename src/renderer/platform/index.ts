// Picks the platform: Electron's preload API when present, the browser otherwise. The only
// module that touches window.yishi.
import type { YishiApi } from '../../shared/ipc'
import type { Platform } from './types'
import { webPlatform } from './web'
import { electronPlatform } from './electron'

declare global {
  interface Window {
    yishi?: YishiApi
  }
}

export function detectPlatform(): Platform {
  return window.yishi ? electronPlatform(window.yishi) : webPlatform
}
