// The file backend (storage 'files'): plain JavaScript, no native module, for the desktop app's
// embedded host (Electron's main process) and anywhere SQLite is not wanted.
//
//   <data>/docs/<encoded name>.ydoc   one document: its merged Yjs state, packed (merge.ts; a
//                                     file written before packing is read as it is)
//   <data>/registry.json              councils, their secrets, revoked codes
//
// Every file is written atomically: a temporary file in the same folder (a name starting with
// '.' and ending in '.tmp', never read), written, fsynced, then renamed over the real one, and the
// folder fsynced. A crash leaves either the old file or the new one, never half of one; leftover
// temporary files are deleted when the folder is opened next.
//
// Stores of one document run one after another (a promise chain per document), each merging with
// what the previous one wrote, so concurrent stores never lose each other's edits. That holds
// within ONE process: unlike the SQLite file, a 'files' folder must not be shared by several
// server processes.
import { storageOf } from './storageOf'
import { createHash } from 'node:crypto'
import { mkdir, readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { readIfExists, removeTempFiles, writeAtomically } from './atomicFiles'
import { StoreMerger } from './merge'
import { storedUpdate } from '../shared/sync/packedUpdate'
import type { DocumentBackend, RegistryBackend, Storage } from './storageTypes'
import { KeyedMutex } from './keyedMutex'

export { tempFileFor, writeAtomically } from './atomicFiles'

export const DOCS_DIR = 'docs'
export const DOC_EXTENSION = '.ydoc'
export const REGISTRY_FILE = 'registry.json'
/** Longer encodings are replaced by a hash: a file name must stay under 255 bytes with its temp decoration. */
const MAX_ENCODED_LENGTH = 200

/**
 * The file name of a document: its UTF-8 bytes, with every byte other than a-z, 0-9, '-' and '_'
 * written %XX (upper-case hex). So '/', '.', '\\', ':' and upper-case letters never appear as
 * such: no path separator, no '..', no Windows device name, and two names never differ only in
 * case (macOS and Windows folders ignore case). `council/<id>` becomes `council%2F<id>.ydoc`.
 * A name whose encoding would be too long becomes '~' and the SHA-256 of the name ('~' is
 * always escaped otherwise, so the two forms never meet).
 */
export function documentFileName(name: string): string {
  if (name === '') throw new Error('a document name cannot be empty')
  // Lone surrogates would all encode as U+FFFD, mapping different names to one file.
  if (/\p{Surrogate}/u.test(name)) throw new Error('a document name must be well-formed Unicode')
  let encoded = ''
  for (const b of Buffer.from(name, 'utf8')) {
    const plain = (b >= 0x61 && b <= 0x7a) || (b >= 0x30 && b <= 0x39) || b === 0x2d || b === 0x5f
    encoded += plain ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`
  }
  if (encoded.length > MAX_ENCODED_LENGTH) encoded = `~${createHash('sha256').update(name, 'utf8').digest('hex')}`
  return encoded + DOC_EXTENSION
}

/** The 'files' storage of a data folder. */
export async function openFileStorage(dataDir: string): Promise<Storage> {
  const docsDir = join(dataDir, DOCS_DIR)
  await mkdir(docsDir, { recursive: true })
  await removeTempFiles(dataDir, (target) => target === REGISTRY_FILE)
  await removeTempFiles(docsDir, (target) => target.endsWith(DOC_EXTENSION))
  const registry = await FileRegistry.open(join(dataDir, REGISTRY_FILE))
  const documents = new FileDocuments(docsDir)
  return storageOf('files', documents, registry)
}

const closedError = () => new Error('storage is closed')

export class FileDocuments implements DocumentBackend {
  /** Per file: its fetches and stores, one after another. */
  private readonly queues = new KeyedMutex()
  private readonly merger = new StoreMerger()
  private closed = false

  constructor(private readonly dir: string) {}

  async meetingName(meetingId: string): Promise<string | null> {
    if (this.closed) throw closedError()
    if (!/^[0-9a-f-]{36}$/.test(meetingId)) return null
    const tail = documentFileName(`/meeting/${meetingId}`)
    for (const file of await readdir(this.dir)) {
      if (!file.startsWith('council%2F') || !file.endsWith(tail)) continue
      // The encoding is %XX for every byte but a-z 0-9 - _ : decodeURIComponent reverses it.
      return decodeURIComponent(file.slice(0, -DOC_EXTENSION.length))
    }
    return null
  }

  async fetch(name: string): Promise<Uint8Array | null> {
    if (this.closed) throw closedError()
    const file = join(this.dir, documentFileName(name))
    // Queued too: a fetch right after a store (a document unloaded, then opened again) reads it.
    return this.queues.run(file, async () => {
      const stored = await readIfExists(file)
      return stored && storedUpdate(stored)
    })
  }

  async store(name: string, update: Uint8Array, doc?: object): Promise<void> {
    if (this.closed) throw closedError()
    const file = join(this.dir, documentFileName(name))
    return this.queues.run(file, async () => {
      const stored = await readIfExists(file)
      await writeAtomically(file, this.merger.next(name, stored, update, doc))
    })
  }

  async close(): Promise<void> {
    this.closed = true
    await this.queues.settle()
  }
}

interface Council {
  secret: string
  registeredAt: string
}
interface Revoked {
  councilId: string
  codeId: string
  revokedAt: string
}
interface RegistryState {
  councils: Map<string, Council>
  /** Keyed by JSON.stringify([councilId, codeId]). */
  revoked: Map<string, Revoked>
}

const revokedKey = (councilId: string, codeId: string) => JSON.stringify([councilId, codeId])

/**
 * The registry in memory, written whole to registry.json after every change. A change is applied
 * to a copy, written, and only then made visible: what a caller was told is stored is on disk.
 * Changes run one at a time, so the checks of addCouncil and replaceSecret (does it exist, is the
 * secret still the expected one) see every change before them.
 */
export class FileRegistry implements RegistryBackend {
  private queue: Promise<unknown> = Promise.resolve()
  private closed = false

  private constructor(
    private readonly file: string,
    private state: RegistryState,
  ) {}

  static async open(file: string): Promise<FileRegistry> {
    let text: string | null = null
    try {
      text = await readFile(file, 'utf8')
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e
    }
    return new FileRegistry(file, text === null ? { councils: new Map(), revoked: new Map() } : parseRegistry(text, file))
  }

  councilIds(): string[] {
    return [...this.state.councils.keys()]
  }

  secretOf(councilId: string): string | null {
    return this.state.councils.get(councilId)?.secret ?? null
  }

  isRevoked(councilId: string, codeId: string): boolean {
    return this.state.revoked.has(revokedKey(councilId, codeId))
  }

  addCouncil(councilId: string, secret: string, registeredAt: string): Promise<boolean> {
    return this.change((s) => {
      if (s.councils.has(councilId)) return false
      s.councils.set(councilId, { secret, registeredAt })
      return true
    })
  }

  replaceSecret(councilId: string, expected: string, next: string): Promise<boolean> {
    return this.change((s) => {
      const council = s.councils.get(councilId)
      if (council?.secret !== expected) return false
      s.councils.set(councilId, { ...council, secret: next })
      return true
    })
  }

  async addRevoked(councilId: string, codeId: string, revokedAt: string): Promise<void> {
    await this.change((s) => {
      const key = revokedKey(councilId, codeId)
      if (s.revoked.has(key)) return false
      s.revoked.set(key, { councilId, codeId, revokedAt })
      return true
    })
  }

  async close(): Promise<void> {
    this.closed = true
    await this.queue.catch(() => {})
  }

  /** Runs `apply` on a copy of the state; if it changed something, writes it, then adopts it. */
  private change(apply: (draft: RegistryState) => boolean): Promise<boolean> {
    if (this.closed) return Promise.reject(closedError())
    const run = this.queue.then(async () => {
      const draft: RegistryState = { councils: new Map(this.state.councils), revoked: new Map(this.state.revoked) }
      if (!apply(draft)) return false
      await writeAtomically(this.file, serializeRegistry(draft))
      this.state = draft
      return true
    })
    this.queue = run.catch(() => {})
    return run
  }
}

function serializeRegistry(state: RegistryState): string {
  const councils = [...state.councils].map(([id, c]) => ({ id, secret: c.secret, registeredAt: c.registeredAt }))
  return `${JSON.stringify({ version: 1, councils, revoked: [...state.revoked.values()] }, null, 2)}\n`
}

// A registry that does not read back is an error, never an empty registry: starting empty would
// let anyone register the councils it held (trust on first use) and take them over.
function parseRegistry(text: string, file: string): RegistryState {
  const invalid = (why: string) => new Error(`${file} is not a valid council registry (${why}); refusing to start without it`)
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw invalid('not JSON')
  }
  const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
  const isString = (v: unknown): v is string => typeof v === 'string'
  if (!isRecord(value) || value.version !== 1 || !Array.isArray(value.councils) || !Array.isArray(value.revoked)) throw invalid('unknown format')
  const state: RegistryState = { councils: new Map(), revoked: new Map() }
  for (const c of value.councils as unknown[]) {
    if (!isRecord(c) || !isString(c.id) || !isString(c.secret) || !isString(c.registeredAt)) throw invalid('a council entry is malformed')
    state.councils.set(c.id, { secret: c.secret, registeredAt: c.registeredAt })
  }
  for (const r of value.revoked as unknown[]) {
    if (!isRecord(r) || !isString(r.councilId) || !isString(r.codeId) || !isString(r.revokedAt)) throw invalid('a revoked entry is malformed')
    state.revoked.set(revokedKey(r.councilId, r.codeId), { councilId: r.councilId, codeId: r.codeId, revokedAt: r.revokedAt })
  }
  return state
}
