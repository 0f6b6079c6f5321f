// Where the app's own pages come from: the app://yishi/ origin in production and, under
// `electron-forge start`, the Vite dev server. Navigation guards and IPC sender checks use it.

export const APP_SCHEME = 'app'
export const APP_HOST = 'yishi'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`

export interface OriginOptions {
  /** Forge's MAIN_WINDOW_VITE_DEV_SERVER_URL when running `electron-forge start`; else undefined. */
  devServerUrl?: string | undefined
}

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/**
 * True for app://yishi/… only. Compared field by field because Node's URL reports the origin
 * of a non-special scheme as "null", and because user:pass@ or a port would make a different
 * origin that merely starts with the same text.
 */
export function isAppUrl(url: string): boolean {
  const u = parse(url)
  return (
    u !== null &&
    u.protocol === `${APP_SCHEME}:` &&
    u.hostname === APP_HOST &&
    u.port === '' &&
    u.username === '' &&
    u.password === ''
  )
}

/** True for a URL on the dev server's exact origin (scheme, host and port). */
export function isDevServerUrl(url: string, devServerUrl: string | undefined): boolean {
  if (devServerUrl === undefined || devServerUrl === '') return false
  const dev = parse(devServerUrl)
  const u = parse(url)
  if (dev === null || u === null) return false
  if (dev.protocol !== 'http:' && dev.protocol !== 'https:') return false
  return u.origin === dev.origin && u.username === '' && u.password === ''
}

/** The one question every guard asks: is this one of our own pages? */
export function isOwnUrl(url: string, options: OriginOptions = {}): boolean {
  return isAppUrl(url) || isDevServerUrl(url, options.devServerUrl)
}
