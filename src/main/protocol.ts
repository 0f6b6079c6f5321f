// The app:// protocol: serves the built renderer folder at app://yishi/ with the CSP header.
// Plain module (Node's fs, fetch's Request/Response): main.ts hands the handler to
// protocol.handle; tests call it directly on a temporary folder.
import path from 'node:path'
import { readFile as fsReadFile } from 'node:fs/promises'
import { APP_SCHEME, isAppUrl } from './origin'
import { APP_CSP } from './security'
import { STATIC_MIME_TYPES } from '../shared/mimeTypes'

/**
 * Privileges for protocol.registerSchemesAsPrivileged (before app ready): standard so relative
 * URLs and IndexedDB work, secure so it counts as a secure context (crypto.subtle, no mixed
 * content), fetch so the renderer can fetch its own assets, and V8's code cache (Electron caches
 * compiled code for http(s) only unless a scheme asks: without it every start compiles the whole
 * start-up JavaScript again, issue 20's cold open). Deliberately not bypassCSP.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
} as const

const MIME_TYPES = STATIC_MIME_TYPES

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream'
}

export type AppRequestResolution =
  | { ok: true; filePath: string; mimeType: string }
  | { ok: false; status: 400 | 403 }

const refused = (status: 400 | 403): AppRequestResolution => ({ ok: false, status })

/**
 * Maps app://yishi/<path> to a file under rootDir, or refuses. Chromium already normalises
 * dot segments for a standard scheme, so a ".." reaching this point is hostile: it is refused
 * (403) rather than normalised away. Existence is not checked here (the handler answers 404).
 */
export function resolveAppRequest(url: string, rootDir: string): AppRequestResolution {
  if (!URL.canParse(url)) return refused(400)
  if (!isAppUrl(url)) return refused(403)

  // Read the path from the raw text: new URL() would already have folded "%2e%2e" into "..".
  const rawPath = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#\\]*/iu, '').replace(/[?#].*$/su, '')
  if (rawPath.includes('\\')) return refused(403)

  const segments: string[] = []
  for (const raw of rawPath.split('/')) {
    if (raw === '') continue
    let segment: string
    try {
      segment = decodeURIComponent(raw)
    } catch {
      return refused(400)
    }
    // ":" catches drive letters and NTFS streams; "/" and "\" catch encoded separators.
    if (segment === '.' || segment === '..' || /[/\\:]/u.test(segment) || segment.includes('\0')) {
      return refused(403)
    }
    segments.push(segment)
  }
  if (segments.length === 0) segments.push('index.html')

  const root = path.resolve(rootDir)
  const filePath = path.resolve(root, ...segments)
  const relative = path.relative(root, filePath)
  // Belt and braces: whatever the checks above missed, never leave the root.
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return refused(403)
  return { ok: true, filePath, mimeType: mimeTypeFor(filePath) }
}

export interface AppProtocolOptions {
  /** The built renderer folder (.vite/renderer/main_window in a packaged app). */
  rootDir: string
  csp?: string
  /** Injected in tests to simulate read errors; defaults to fs.readFile. */
  readFile?: (filePath: string) => Promise<Uint8Array>
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  500: 'Internal Server Error',
}

/** The headers every app:// response carries, errors included. */
export function appResponseHeaders(csp: string, contentType = 'text/plain; charset=utf-8'): Headers {
  return new Headers({
    'Content-Type': contentType,
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    // A new build must be picked up on the next start, not served from a stale cache.
    'Cache-Control': 'no-cache',
  })
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR'
}

export function createAppProtocolHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  const csp = options.csp ?? APP_CSP
  const read = options.readFile ?? fsReadFile
  const fail = (status: number): Response =>
    new Response(STATUS_TEXT[status] ?? 'Error', { status, headers: appResponseHeaders(csp) })

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return fail(405)
    const resolved = resolveAppRequest(request.url, options.rootDir)
    if (!resolved.ok) return fail(resolved.status)
    let body: Uint8Array
    try {
      body = await read(resolved.filePath)
    } catch (error) {
      return fail(isMissing(error) ? 404 : 500)
    }
    const headers = appResponseHeaders(csp, resolved.mimeType)
    // Response wants an ArrayBuffer-backed view; copy only if fs handed us something else.
    const bytes = body.buffer instanceof ArrayBuffer ? (body as Uint8Array<ArrayBuffer>) : new Uint8Array(body)
    return new Response(request.method === 'HEAD' ? null : bytes, { status: 200, headers })
  }
}
