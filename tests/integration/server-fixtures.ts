// Fixtures for the sync server's integration tests (not a test file itself): a real server on a
// loopback port in a temporary data folder, councils with join codes, HocuspocusProvider clients
// in Node, raw WebSocket clients for hostile frames, a real redis-server, and a cleanup stack
// that the test files run in afterEach/afterAll.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import Database from 'better-sqlite3'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { newCouncilId } from '../../src/shared/domain/ids'
import { councilDocName } from '../../src/shared/doc/names'
import { createJoinCode, newCodeId, newCouncilSecret, type JoinAccess } from '../../src/shared/sync/joinCode'
import type { SyncServerEvent } from '../../src/server/log'
import { createSyncServer, type SyncServer, type SyncServerOptions } from '../../src/server/server'
import { DOCS_DIR, documentFileName } from '../../src/server/fileStorage'
import { mergeRows, STORED_ROWS_SQL } from '../../src/server/pgDocuments'
import { storedUpdate } from '../../src/shared/sync/packedUpdate'
import { afterAll } from 'vitest'
import { openStorage, STORAGE_KINDS, type StorageKind } from '../../src/server/storage'
import type { Storage } from '../../src/server/storageTypes'
import { psqlPath, startPostgres, type PostgresProcess } from './postgres'

/**
 * The storage backends of one data folder, for the suites that must hold whichever one stores
 * (describe.each). Storage 'postgres' needs a running PostgreSQL: server-postgres.test.ts and
 * the suites that call usePostgres() add it.
 */
export const STORAGES: readonly StorageKind[] = STORAGE_KINDS.filter((k) => k !== 'postgres')

// Storage 'postgres' in the shared suites: one PostgreSQL cluster per test file, started on first
// use, a fresh database per data folder (so a restart on the same folder finds its database).
let cluster: Promise<PostgresProcess> | null = null
const databases = new Map<string, string>()

/** Every storage, postgres included; the file must call this at its top level (stops the cluster after it). */
export function withPostgres(): readonly StorageKind[] {
  afterAll(async () => {
    const c = cluster
    cluster = null
    databases.clear()
    if (c) await (await c).stop()
  })
  return STORAGE_KINDS
}

/** The database standing for `dataDir` with storage 'postgres' (created on first use). */
export async function databaseFor(dataDir: string): Promise<string> {
  const known = databases.get(dataDir)
  if (known) return known
  cluster ??= startPostgres()
  const url = await (await cluster).createDatabase()
  databases.set(dataDir, url)
  return url
}

/** openStorage for the tests: with postgres, the database of that data folder. */
export async function openTestStorage(kind: StorageKind, dataDir: string): Promise<Storage> {
  return openStorage(kind, { dataDir, ...(kind === 'postgres' ? { databaseUrl: await databaseFor(dataDir) } : {}) })
}

/** openTestStorage, closed at cleanup. */
export async function openClosedAtCleanup(kind: StorageKind, dataDir: string): Promise<Storage> {
  const s = await openTestStorage(kind, dataDir)
  onCleanup(() => s.close())
  return s
}

/** The document `name` as a storage gives it back (empty if it has none). */
export async function loadStored(s: Storage, name: string): Promise<Y.Doc> {
  const doc = new Y.Doc()
  const state = await s.documents.fetch(name)
  if (state) Y.applyUpdate(doc, state)
  return doc
}

/** Functions run in reverse order by `runCleanups` (afterEach / afterAll of each file). */
const cleanups: (() => unknown)[] = []
export const onCleanup = (fn: () => unknown): void => void cleanups.push(fn)
export async function runCleanups(): Promise<void> {
  const errors: unknown[] = []
  while (cleanups.length) {
    try {
      await cleanups.pop()!()
    } catch (e) {
      errors.push(e)
    }
  }
  if (errors.length) throw errors[0]
}

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'yishi-server-'))
  onCleanup(() => {
    rmSync(dir, { recursive: true, force: true })
    // The server key a sync server keeps beside its data folder (secrets.ts).
    rmSync(`${dir}.key`, { force: true })
  })
  return dir
}

export interface TestServer extends SyncServer {
  dataDir: string
  storage: StorageKind
  events: SyncServerEvent[]
  count(type: SyncServerEvent['type']): number
  httpUrl: string
}

/** A sync server on 127.0.0.1 (port 0 unless given), closed at cleanup. */
export async function startServer(options: Partial<SyncServerOptions> = {}): Promise<TestServer> {
  const events: SyncServerEvent[] = []
  const dataDir = options.dataDir ?? tempDir()
  const storage = options.storage ?? 'sqlite'
  const databaseUrl = storage === 'postgres' ? (options.databaseUrl ?? (await databaseFor(dataDir))) : undefined
  const server = await createSyncServer({ port: 0, host: '127.0.0.1', ...options, dataDir, storage, ...(databaseUrl ? { databaseUrl } : {}), logger: (e) => events.push(e) })
  onCleanup(() => server.close())
  return {
    ...server,
    dataDir,
    storage,
    events,
    count: (type) => events.filter((e) => e.type === type).length,
    httpUrl: server.url.replace(/^ws:/, 'http:'),
  }
}

export interface TestCouncil {
  councilId: string
  secret: string
  docName: string
  code(access?: JoinAccess, codeId?: string): Promise<string>
}

/** A new council with its secret, registered on every given server. */
export async function newCouncil(...servers: SyncServer[]): Promise<TestCouncil> {
  const councilId = newCouncilId()
  const secret = newCouncilSecret()
  for (const s of servers) {
    const r = await s.registry.register({ councilId, secret })
    if (!r.ok) throw new Error(`register: ${r.error}`)
  }
  return {
    councilId,
    secret,
    docName: councilDocName(councilId),
    code: (access = 'rw', codeId = newCodeId()) => createJoinCode(secret, { councilId, access, codeId }),
  }
}

export interface Received {
  documentName: string
  type: number
  /** For auth frames: 0 token request, 1 permission denied, 2 authenticated. For sync: the step. */
  sub: number | null
  bytes: number
}

export interface Client {
  doc: Y.Doc
  provider: HocuspocusProvider
  socket: HocuspocusProviderWebsocket
  /** Every frame this client's socket received, decoded enough to assert on. */
  received: Received[]
  authFailures: string[]
  authenticated: boolean
  scope: string | null
  destroy(): void
}

/** Provider options for tests: quick reconnects, no jitter. */
export const fastSocket = { delay: 50, minDelay: 50, maxDelay: 250, factor: 1.5, jitter: false, initialDelay: 0 }

/** A HocuspocusProvider in Node on its own WebSocket (or on `socket`), destroyed at cleanup. */
export function connect(url: string, name: string, token: string | null, opts: { doc?: Y.Doc; socket?: HocuspocusProviderWebsocket } = {}): Client {
  const doc = opts.doc ?? new Y.Doc()
  const socket = opts.socket ?? new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket, ...fastSocket })
  const provider = new HocuspocusProvider({ name, document: doc, websocketProvider: socket, token })
  const client: Client = {
    doc,
    provider,
    socket,
    received: [],
    authFailures: [],
    authenticated: false,
    scope: null,
    destroy() {
      provider.destroy()
      if (!opts.socket) socket.destroy()
    },
  }
  socket.on('message', (event: { data: ArrayBuffer }) => client.received.push(decodeReceived(new Uint8Array(event.data))))
  provider.on('authenticationFailed', ({ reason }: { reason: string }) => client.authFailures.push(reason))
  provider.on('authenticated', ({ scope }: { scope: string }) => {
    client.authenticated = true
    client.scope = scope
  })
  provider.attach()
  onCleanup(() => client.destroy())
  return client
}

export function decodeReceived(frame: Uint8Array): Received {
  const r = new FrameReader(frame)
  const documentName = r.string()
  const type = r.uint()
  const sub = type === 0 || type === 2 ? r.uint() : null
  return { documentName, type, sub, bytes: frame.length }
}

/** Polls `check` every 10 ms until it is true; fails with `what` after `timeoutMs`. */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 5_000): Promise<number> {
  const started = Date.now()
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${what}`)
    await sleep(10)
  }
  return Date.now() - started
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

/** Two docs have seen the same updates and hold the same content (map key order aside). */
export function sameState(a: Y.Doc, b: Y.Doc): boolean {
  const sv = (d: Y.Doc) => JSON.stringify([...Y.decodeStateVector(Y.encodeStateVector(d))].sort(([x], [y]) => x - y))
  if (sv(a) !== sv(b)) return false
  // toJSON() lists only the root types a doc has asked for: ask both for the same ones.
  for (const [from, to] of [
    [a, b],
    [b, a],
  ] as const) {
    for (const [name, type] of from.share) to.get(name, type.constructor as typeof Y.AbstractType<unknown>)
  }
  return canonical(a.toJSON()) === canonical(b.toJSON())
}

/** JSON with object keys sorted (Y.Map.toJSON() key order differs between converged replicas). */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) : v,
  )
}

/**
 * What the server has stored for `name`, read from disk apart from the server: from its SQLite
 * file by a separate connection, or from the document's file (storage 'files').
 */
export function storedDoc(dataDir: string, name: string, storage: StorageKind = 'sqlite'): Y.Doc | null {
  let data: Uint8Array | null = null
  if (storage === 'postgres') {
    const url = databases.get(dataDir)
    if (!url) throw new Error(`no database for ${dataDir}`)
    // Synchronous like the other two: psql, the name passed as a variable (never spliced in).
    // The base row and its update rows (stored append-only, pgDocuments.ts), one hex line each.
    const sql = `SELECT encode(data, 'hex') FROM (${STORED_ROWS_SQL.replaceAll('$1', ":'name'")}) rows;`
    const r = spawnSync(psqlPath(), ['-At', '-v', `name=${name}`, url], { input: sql, encoding: 'utf8' })
    if (r.status !== 0) throw new Error(`psql: ${r.stderr}`)
    data = mergeRows(r.stdout.split('\n').filter((l) => l.trim()).map((l) => ({ data: new Uint8Array(Buffer.from(l.trim(), 'hex')) })))
  } else if (storage === 'files') {
    try {
      data = readFileSync(join(dataDir, DOCS_DIR, documentFileName(name)))
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e
    }
  } else {
    const db = new Database(join(dataDir, 'yishi.sqlite'), { readonly: true, fileMustExist: true })
    try {
      const row = db.prepare<[string], { data: Buffer }>('SELECT data FROM documents WHERE name = ?').get(name)
      if (row) data = new Uint8Array(row.data)
    } finally {
      db.close()
    }
  }
  if (!data) return null
  const doc = new Y.Doc()
  // Packed or raw, as the storages keep it (shared/sync/packedUpdate.ts; mergeRows unpacks its rows).
  Y.applyUpdate(doc, storedUpdate(data))
  return doc
}

// Raw frames, for what a provider would never send.

export class FrameWriter {
  private bytes: number[] = []
  uint(n: number): this {
    while (n > 0x7f) {
      this.bytes.push(0x80 | (n & 0x7f))
      n = Math.floor(n / 128)
    }
    this.bytes.push(n)
    return this
  }
  data(d: Uint8Array): this {
    this.uint(d.length)
    for (const b of d) this.bytes.push(b)
    return this
  }
  string(s: string): this {
    return this.data(new TextEncoder().encode(s))
  }
  done(): Uint8Array {
    return Uint8Array.from(this.bytes)
  }
}

export class FrameReader {
  pos = 0
  constructor(private readonly b: Uint8Array) {}
  uint(): number {
    let n = 0
    let m = 1
    for (;;) {
      const x = this.b[this.pos++]
      if (x === undefined) throw new Error('end of frame')
      n += (x & 0x7f) * m
      if (x < 0x80) return n
      m *= 128
    }
  }
  bytes(): Uint8Array {
    const len = this.uint()
    const out = this.b.subarray(this.pos, this.pos + len)
    this.pos += len
    return out
  }
  string(): string {
    return new TextDecoder().decode(this.bytes())
  }
}

export const frames = {
  auth: (name: string, token: string) => new FrameWriter().string(name).uint(2).uint(0).string(token).done(),
  syncStep1: (name: string, doc: Y.Doc) => new FrameWriter().string(name).uint(0).uint(0).data(Y.encodeStateVector(doc)).done(),
  update: (name: string, update: Uint8Array) => new FrameWriter().string(name).uint(0).uint(2).data(update).done(),
}

export interface RawClient {
  ws: WebSocket
  received: Received[]
  closed: Promise<{ code: number; reason: string }>
  send(frame: Uint8Array): void
}

/** A bare WebSocket to the server, closed at cleanup. */
export async function rawClient(url: string): Promise<RawClient> {
  const ws = new WebSocket(url)
  const received: Received[] = []
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })))
  ws.on('error', () => {})
  ws.on('message', (data: Buffer) => {
    try {
      received.push(decodeReceived(new Uint8Array(data)))
    } catch {
      // The server only sends well-formed frames; a failure here shows up in the assertions.
    }
  })
  await once(ws, 'open')
  onCleanup(() => ws.terminate())
  return { ws, received, closed, send: (frame) => ws.send(frame) }
}

/** A raw client authenticated for `name` (waits for the server's "authenticated"). */
export async function authenticatedRawClient(url: string, name: string, code: string): Promise<RawClient> {
  const c = await rawClient(url)
  c.send(frames.auth(name, code))
  await waitFor(() => c.received.some((r) => r.documentName === name && r.type === 2 && r.sub === 2), 'raw client authenticated')
  // Hocuspocus sets up the document's connection right after answering.
  await sleep(50)
  return c
}

/** Seeded PRNG (mulberry32), so a hostile input can be replayed from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

// Redis: Debian's redis-server on a free loopback port, no persistence.

export async function freePort(): Promise<number> {
  const srv = createServer()
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve))
  const { port } = srv.address() as { port: number }
  await new Promise<void>((resolve) => srv.close(() => resolve()))
  return port
}

export interface RedisProcess {
  port: number
  stop(): Promise<void>
}

/** Starts redis-server; the caller stops it (afterAll, or onCleanup inside a test). */
export async function startRedis(): Promise<RedisProcess> {
  if (spawnSync('redis-server', ['--version']).error) {
    throw new Error('redis-server is not installed: these tests need a real Redis (Debian: apt-get install -y redis-server; .ci/run installs it)')
  }
  const port = await freePort()
  const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()))
  const exited = once(child, 'exit')
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    child.kill('SIGTERM')
    await exited
  }
  await waitFor(() => /Ready to accept connections/i.test(output) || child.exitCode !== null, 'redis-server to start', 10_000)
  if (child.exitCode !== null) throw new Error(`redis-server exited: ${output.slice(-500)}`)
  return { port, stop }
}
