// The JavaScript a web build makes the browser load before the app can start (issue 20): the entry
// script index.html names, every chunk it preloads (its static imports) and the classic scripts it
// loads (the libraries' script, vite.vendor.ts), read from the built files. Screens and libraries
// loaded on first use (import()) are not counted.
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

export interface EntrySize {
  /** Bytes of the entry chunk alone. */
  entry: number
  /** Bytes of the entry chunk, the chunks index.html preloads with it and its classic scripts. */
  startup: number
  files: string[]
}

export function entrySize(distWeb: string): EntrySize {
  const html = readFileSync(join(distWeb, 'index.html'), 'utf8')
  const entryFile = /<script type="module"[^>]*src="\.\/([^"]+)"/.exec(html)?.[1]
  if (!entryFile) throw new Error(`no entry script in ${distWeb}/index.html`)
  const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*href="\.\/([^"]+)"/g)].map((m) => m[1]!)
  const classic = [...html.matchAll(/<script (?![^>]*type="module")[^>]*src="\.\/([^"]+)"/g)].map((m) => m[1]!)
  const files = [entryFile, ...preloads, ...classic]
  const size = (f: string) => statSync(join(distWeb, f)).size
  return { entry: size(entryFile), startup: files.reduce((n, f) => n + size(f), 0), files }
}
