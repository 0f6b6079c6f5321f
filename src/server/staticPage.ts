// GET /ballot/ and its assets: the ballot page residents open on their phones (built apart from the
// app into dist-web/ballot; src/renderer/ballot). Only regular files inside that folder, by name:
// no "..", no dotfiles, no encoded slashes, nothing a symlink leads out to, and only the types
// below. Every answer carries a strict CSP: the page may load its own scripts and styles and talk
// to this host, nothing else.
import { existsSync } from 'node:fs'
import { readFile, realpath, stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { dirname, extname, join, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { BALLOT_PAGE_CSP } from '../shared/csp'
import { STATIC_MIME_TYPES } from '../shared/mimeTypes'

export { BALLOT_PAGE_CSP }

export const BALLOT_PAGE_PATH = '/ballot/'


const TYPES = STATIC_MIME_TYPES

const PAGE_HEADERS = {
  'content-security-policy': BALLOT_PAGE_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  // For browsers older than frame-ancestors.
  'x-frame-options': 'DENY',
  'cross-origin-resource-policy': 'same-origin',
}

/**
 * The built page of this checkout, for `npm run server`: dist-web/ballot at the repository's root
 * (found from this file's place: src/server/, or .vite/server/ once built by scripts/build-server.mjs),
 * or null when it has not been built.
 */
export function defaultBallotPageDir(): string | null {
  try {
    const dir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist-web', 'ballot')
    return existsSync(join(dir, 'index.html')) ? dir : null
  } catch {
    return null
  }
}

/** The file a /ballot/... path names inside the page folder, or null for anything not allowed. */
export function ballotPageFile(pathname: string): string[] | null {
  if (!pathname.startsWith(BALLOT_PAGE_PATH)) return null
  const rest = pathname.slice(BALLOT_PAGE_PATH.length)
  if (rest === '') return ['index.html']
  const segments: string[] = []
  for (const raw of rest.split('/')) {
    let s: string
    try {
      s = decodeURIComponent(raw)
    } catch {
      return null
    }
    // Empty (a//b, a trailing /), dot segments and dotfiles, separators hidden by encoding,
    // NUL, and what Windows reads specially (drive letters, alternate streams).
    if (s === '' || s.startsWith('.') || /[/\\\0:]/.test(s) || s.length > 255) return null
    segments.push(s)
  }
  return segments
}

export function createBallotPage(dir: string | null | undefined) {
  const root = dir ? resolve(dir) : null

  return async function serve(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Method not allowed', { allow: 'GET, HEAD' })
    if (pathname === '/ballot') {
      // Relative asset URLs need the trailing slash; the query (?m=…) goes along, the fragment
      // (#c=…, the code) stays in the browser.
      const query = (req.url ?? '').includes('?') ? (req.url ?? '').slice((req.url ?? '').indexOf('?')) : ''
      res.writeHead(302, { location: `${BALLOT_PAGE_PATH}${query}`, 'cache-control': 'no-store', ...PAGE_HEADERS, 'content-length': 0 })
      return void res.end()
    }
    // Looked up each time: the page may be built (or rebuilt) while the server runs.
    const base = root ? await realpath(root).catch(() => null) : null
    if (!base || !existsSync(join(base, 'index.html'))) return plain(res, 404, 'The ballot page is not available on this host.')
    const segments = ballotPageFile(pathname)
    const type = segments ? TYPES[extname(segments[segments.length - 1]!).toLowerCase()] : undefined
    if (!segments || !type) return plain(res, 404, 'Not found.')
    let body: Buffer
    try {
      const file = await realpath(join(base, ...segments))
      if (!file.startsWith(base + sep) || !(await stat(file)).isFile()) return plain(res, 404, 'Not found.')
      body = await readFile(file)
    } catch {
      return plain(res, 404, 'Not found.')
    }
    const isIndex = segments.length === 1 && segments[0] === 'index.html'
    res.writeHead(200, {
      ...PAGE_HEADERS,
      'content-type': type,
      'content-length': body.length,
      // The page itself always fresh (a new build, a new meeting); assets are revalidated.
      'cache-control': isIndex ? 'no-store' : 'no-cache',
    })
    res.end(req.method === 'HEAD' ? undefined : body)
  }
}

function plain(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  if (res.headersSent) return void res.end()
  const body = `${text}\n`
  res.writeHead(status, {
    ...PAGE_HEADERS,
    ...extra,
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  })
  res.end(body)
}
