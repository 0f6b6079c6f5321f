// A tiny static server (node:http) for the web build and the profiles the browser seeds itself
// from: dist-web/ read into memory once (a rebuild during the run changes nothing), hashed assets
// cached as a static host would, index.html revalidated; /__bench/<key>/<file> serves profile files.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { extname, join, relative } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.bin': 'application/octet-stream',
}

function readTree(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>()
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name)
      if (statSync(p).isDirectory()) walk(p)
      else files.set(`/${relative(root, p).split('\\').join('/')}`, readFileSync(p))
    }
  }
  walk(root)
  return files
}

export interface StaticServer {
  origin: string
  /** Serves an HTML page at `path` (revalidated like index.html), replacing any there. */
  setPage(path: string, html: string): void
  close(): Promise<void>
}

/** Serves `webRoot` at / and each of `mounts` (key -> folder) at /__bench/<key>/, on 127.0.0.1 and a free port. */
export async function serveStatic(webRoot: string, mounts: Record<string, string>): Promise<StaticServer> {
  const web = readTree(webRoot)
  const pages = new Map<string, Buffer>()
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!)
    let body: Buffer | undefined
    let cache = 'no-cache'
    const m = /^\/__bench\/([^/]+)\/(.+)$/.exec(path)
    const page = pages.get(path)
    if (page) body = page
    else if (path === '/__bench/blank') body = Buffer.from('<!doctype html><title>seed</title>')
    else if (m && mounts[m[1]!] && !m[2]!.includes('..')) {
      try {
        body = readFileSync(join(mounts[m[1]!]!, m[2]!))
      } catch {
        body = undefined
      }
    } else {
      body = web.get(path === '/' ? '/index.html' : path)
      if (path.startsWith('/assets/')) cache = 'public, max-age=31536000, immutable'
    }
    if (!body) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? (path === '/' || path === '/__bench/blank' || page ? TYPES['.html']! : 'application/octet-stream'), 'cache-control': cache, 'content-length': body.length })
    res.end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    setPage: (path, html) => void pages.set(path, Buffer.from(html)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
