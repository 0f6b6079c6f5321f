// The Yishi sync server: Hocuspocus 3 with council join codes (hooks.ts), per-connection limits
// (gate.ts), persistence through the Database extension (storage.ts: SQLite, or plain files for
// the desktop app's embedded host), the council HTTP endpoints on the same port (http.ts), and
// optionally the Redis extension so that several instances relay edits to each other, and the
// phone ballot page and endpoints (ballots.ts, staticPage.ts). Started by `npm run server`
// (cli.ts) or embedded.
import { once } from 'node:events'
import { createServer as createHttpsServer } from 'node:https'
import type { IncomingMessage, Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Server, type Extension, type ServerConfiguration, type connectedPayload } from '@hocuspocus/server'
import { Database } from '@hocuspocus/extension-database'
import { Redis } from '@hocuspocus/extension-redis'
import type { ServerOptions, WebSocket } from 'ws'
import * as Y from 'yjs'
import { BallotStore } from './ballotStore'
import { createBallotService, type BallotService, type PhoneLimits } from './ballots'
import { Close, SocketGate, type GateLimits } from './gate'
import { Gates, authHooks, closeCouncilConnections } from './hooks'
import { DEFAULT_COUNCIL_LIMITS, createHttpHandler, type CouncilLimits } from './http'
import { defaultLogger, errorText, type SyncServerLogger } from './log'
import { CouncilRegistry } from './registry'
import { createBallotPage } from './staticPage'
import { openStorage, type DocumentBackend, type StorageKind } from './storage'
import { StoreKeeper, type StoredDoc } from './storeKeeper'
import { SealedRegistry, defaultKeyFile, loadServerKey, secureFiles, secureFolder } from './secrets'
import { DEFAULT_UPDATE_BOUNDS, type UpdateBounds } from './updateBounds'

export interface SyncServerOptions {
  /** 0 = any free port. */
  port: number
  /** Interface to listen on; 127.0.0.1 unless given (the command line defaults to 0.0.0.0). */
  host?: string
  /** The data folder (created if missing). */
  dataDir: string
  /**
   * 'sqlite' (default): dataDir/yishi.sqlite, through better-sqlite3, loaded only then.
   * 'files': dataDir/docs/*.ydoc and dataDir/registry.json, plain JavaScript (the desktop app's
   * embedded host: no native module in Electron); one server process per folder.
   */
  storage?: StorageKind
  /** Relay through Redis to other instances (@hocuspocus/extension-redis). */
  redis?: { host: string; port: number; prefix?: string }
  /** Largest single WebSocket message; a larger one closes the connection (1009). Default 2 MiB. */
  maxMessageBytes?: number
  /** Per connection; faster senders are slowed down (reading pauses). Default 200. */
  maxMessagesPerSecond?: number
  /** What one Yjs update may cost (updateBounds.ts DEFAULT_UPDATE_BOUNDS). */
  updateBounds?: Partial<UpdateBounds>
  /** A WebSocket that has authenticated no document after this long is closed (1008). Default 10 s. */
  authTimeoutMs?: number
  /** Open WebSockets from one address (socket address, never X-Forwarded-For). Default 200. */
  maxConnectionsPerAddress?: number
  /** Open WebSockets in all. Default 5,000. */
  maxConnections?: number
  /** Bytes all sockets together may have queued for documents not yet authenticated. Default 64 MiB. */
  maxPreAuthBytes?: number
  /**
   * The built ballot page (dist-web/ballot; in the desktop app .vite/renderer/ballot), served at
   * GET /ballot/. Without it (or when the folder has no index.html) /ballot/ answers 404; the
   * /ballot/api endpoints work either way.
   */
  ballotPageDir?: string | null
  /** Rate limits of the /ballot/api endpoints (ballots.ts DEFAULT_PHONE_LIMITS). */
  phoneLimits?: Partial<PhoneLimits>
  /** Rate limit of /councils/register and /revoke, and the most councils (http.ts DEFAULT_COUNCIL_LIMITS). */
  councilLimits?: Partial<CouncilLimits>
  logger?: SyncServerLogger
  /**
   * The key that seals council secrets in the registry (secrets.ts): created on first start.
   * Default `<dataDir>.key`, beside the data folder and never inside it, so a copy of the folder
   * gives no secret. Losing it means every council must be registered again on a new folder.
   */
  secretKeyFile?: string
  /**
   * Serve wss:// and https:// with this certificate and private key (PEM). Without it, plain
   * ws:// and http:// (behind a TLS reverse proxy, or on a trusted LAN: README "TLS").
   */
  tls?: { cert: string | Buffer; key: string | Buffer }
  /** Tests only: wraps the storage's document backend (to make stores fail, as a full disk would). */
  wrapDocuments?: (documents: DocumentBackend) => DocumentBackend
}

export interface SyncServer {
  port: number
  /** ws://host:port, for providers (the HTTP endpoints are on the same port). */
  url: string
  close(): Promise<void>
  registry: CouncilRegistry
}

export const DEFAULT_MAX_MESSAGE_BYTES = 2 * 1024 * 1024
export const DEFAULT_MAX_MESSAGES_PER_SECOND = 200
export const DEFAULT_AUTH_TIMEOUT_MS = 10_000
export const DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 200
export const DEFAULT_MAX_CONNECTIONS = 5_000
const REDIS_READY_TIMEOUT_MS = 5_000
const CLOSE_TIMEOUT_MS = 15_000

export async function createSyncServer(options: SyncServerOptions): Promise<SyncServer> {
  const log = options.logger ?? defaultLogger
  const host = options.host ?? '127.0.0.1'
  const limits: GateLimits & ConnectionLimits = {
    maxMessageBytes: options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES,
    maxMessagesPerSecond: options.maxMessagesPerSecond ?? DEFAULT_MAX_MESSAGES_PER_SECOND,
    updateBounds: { ...DEFAULT_UPDATE_BOUNDS, ...options.updateBounds },
    authTimeoutMs: options.authTimeoutMs ?? DEFAULT_AUTH_TIMEOUT_MS,
    maxConnectionsPerAddress: options.maxConnectionsPerAddress ?? DEFAULT_MAX_CONNECTIONS_PER_ADDRESS,
    maxConnections: options.maxConnections ?? DEFAULT_MAX_CONNECTIONS,
    preAuthBudget: { used: 0, max: options.maxPreAuthBytes ?? 64 * 1024 * 1024 },
  }
  const positive = [limits.maxMessageBytes, limits.maxMessagesPerSecond, limits.authTimeoutMs, limits.maxConnectionsPerAddress, limits.maxConnections, limits.preAuthBudget.max, ...Object.values(limits.updateBounds)]
  if (!positive.every((n) => n > 0)) throw new Error('limits must be positive')

  await secureFolder(options.dataDir)
  const storage = await openStorage(options.storage ?? 'sqlite', options.dataDir)
  let registry: CouncilRegistry
  try {
    await secureFiles(options.dataDir)
    const key = await loadServerKey(options.secretKeyFile ?? defaultKeyFile(options.dataDir))
    registry = new CouncilRegistry(await SealedRegistry.open(storage.registry, key))
  } catch (e) {
    await storage.close().catch(() => {})
    throw e
  }
  const documents = options.wrapDocuments ? options.wrapDocuments(storage.documents) : storage.documents
  const keeper = new StoreKeeper(documents, log)
  const gates = new Gates()
  let ballotStore: BallotStore
  try {
    ballotStore = await BallotStore.open(options.dataDir)
  } catch (e) {
    await storage.close().catch(() => {})
    throw e
  }
  // Set once Hocuspocus exists (the service writes through its direct connections).
  let ballots: BallotService | null = null
  const ballotPage = createBallotPage(options.ballotPageDir)
  const extensions: Extension[] = [databaseExtension(documents, keeper, log)]
  const redis = options.redis ? redisExtension(options.redis, log) : null
  if (redis) extensions.unshift(redis)

  let server: Server
  try {
    if (redis) await redisReady(redis)
    const hooks = authHooks(registry, gates, log, limits.maxMessageBytes, limits.updateBounds)
    const http = createHttpHandler(registry, log, {
      page: ballotPage,
      api: async (req, res, path) => {
        if (ballots) return ballots.api(req, res, path)
        res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
        res.end(JSON.stringify({ error: 'unavailable' }))
      },
    }, { ...DEFAULT_COUNCIL_LIMITS, ...options.councilLimits })
    server = await startHocuspocus(
      {
        name: 'yishi',
        // Store a document 250 ms after its last change, and within a second while it changes
        // (800 ms plus the store itself): clients count a change as synced only once it is stored.
        debounce: 250,
        maxDebounce: 800,
        extensions,
        ...hooks,
        async connected(payload: connectedPayload) {
          await hooks.connected(payload)
          keeper.reportTo(payload.connection, payload.instance.documents.get(payload.documentName))
        },
        async onRequest({ request, response }) {
          await http(request, response)
          // Rejecting without an error is how Hocuspocus 3 is told the request was answered.
          return Promise.reject()
        },
      },
      {
        host,
        port: options.port,
        websocket: { maxPayload: limits.maxMessageBytes },
        prepare: (s) => gateEveryConnection(s, gates, limits, log),
        ...(options.tls ? { tls: options.tls } : {}),
      },
    )
  } catch (e) {
    if (redis) await redis.onDestroy().catch(() => {})
    await storage.close().catch(() => {})
    throw e
  }

  ballots = createBallotService({ hocuspocus: server.hocuspocus, documents, registry, store: ballotStore, log, ...(options.phoneLimits ? { limits: options.phoneLimits } : {}) })
  const ballotService = ballots

  const stopListening = registry.onCodesChanged(({ councilId, codeId }) => {
    const connectionsClosed = closeCouncilConnections(server.hocuspocus, gates, councilId, codeId)
    log({ type: 'codes-changed', councilId, ...(codeId ? { codeId } : {}), connectionsClosed })
  })

  const port = (server.httpServer.address() as AddressInfo).port
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host
  const url = `${options.tls ? 'wss' : 'ws'}://${shown.includes(':') ? `[${shown}]` : shown}:${port}`
  log({ type: 'listening', url })

  let closing: Promise<void> | null = null
  const close = () =>
    (closing ??= (async () => {
      stopListening()
      // Phone requests under way finish (their ballots written) before the documents are stored.
      if (!(await within(ballotService.close().then(() => true), CLOSE_TIMEOUT_MS))) log({ type: 'close-timeout' })
      await shutDown(server, documents, redis, log)
      // Documents whose store failed get one more try before the storage closes.
      if (!(await within(keeper.close().then(() => true), CLOSE_TIMEOUT_MS))) log({ type: 'close-timeout' })
      // Waits for pending writes (the file backend); bounded like the rest of closing.
      if (!(await within(storage.close().then(() => true), CLOSE_TIMEOUT_MS))) log({ type: 'close-timeout' })
      log({ type: 'closed' })
    })())
  return { port, url, close, registry }
}

/** Builds and binds a Hocuspocus server; refuses to when the configuration has no onAuthenticate. */
export async function startHocuspocus(
  configuration: Partial<ServerConfiguration>,
  listen: { host: string; port: number; websocket?: ServerOptions; prepare?: (server: Server) => void; tls?: { cert: string | Buffer; key: string | Buffer } },
): Promise<Server> {
  assertAuthenticates(configuration)
  const server = new Server({ ...configuration, quiet: true, stopOnSignals: false }, listen.websocket ?? {})
  if (listen.tls) useTls(server, listen.tls)
  listen.prepare?.(server)
  // Bound here rather than by Server.listen(): Hocuspocus 3.4 passes `address` where Node reads
  // `host`, so it would listen on every interface whatever it was told.
  await new Promise<void>((resolve, reject) => {
    server.httpServer.once('error', reject)
    server.httpServer.listen({ port: listen.port, host: listen.host }, () => {
      server.httpServer.off('error', reject)
      resolve()
    })
  })
  const port = (server.httpServer.address() as AddressInfo).port
  await server.hocuspocus.hooks('onListen', { instance: server.hocuspocus, configuration: server.hocuspocus.configuration, port })
  return server
}

// Hocuspocus 3 always builds a plain node:http server; an https one takes over its request and
// upgrade handlers before anything listens, and Hocuspocus closes whichever `httpServer` it holds.
function useTls(server: Server, tls: { cert: string | Buffer; key: string | Buffer }): void {
  const plain = server.httpServer
  const secure = createHttpsServer({ cert: tls.cert, key: tls.key }, server.requestHandler)
  for (const listener of plain.listeners('upgrade')) secure.on('upgrade', listener as (...args: unknown[]) => void)
  plain.removeAllListeners()
  server.httpServer = secure as unknown as HttpServer
}

export function assertAuthenticates(configuration: Partial<ServerConfiguration>): void {
  if (typeof configuration.onAuthenticate !== 'function') {
    throw new Error('refusing to start a sync server without onAuthenticate: every connection must present a council code (architecture.md §4)')
  }
}

interface ConnectionLimits {
  maxConnectionsPerAddress: number
  maxConnections: number
}

// Replaces Hocuspocus's own 'connection' listener (Server.setupWebsocketConnection) with one
// that refuses connections over the limits, puts a SocketGate in front of the connection and
// logs socket errors instead of printing.
function gateEveryConnection(server: Server, gates: Gates, limits: GateLimits & ConnectionLimits, log: SyncServerLogger): void {
  const wss = server.webSocketServer
  wss.removeAllListeners('connection')
  const perAddress = new Map<string, number>()
  let open = 0
  wss.on('connection', (ws: WebSocket, request: IncomingMessage) => {
    const address = request.socket.remoteAddress ?? ''
    const fromAddress = perAddress.get(address) ?? 0
    if (open >= limits.maxConnections || fromAddress >= limits.maxConnectionsPerAddress) {
      const close = Close.policy(open >= limits.maxConnections ? 'too-many-connections' : 'too-many-connections-from-address')
      log({ type: 'connection-closed', ...close })
      ws.on('error', () => {})
      ws.close(close.code, close.reason)
      setTimeout(() => ws.terminate(), 1000).unref()
      return
    }
    open++
    perAddress.set(address, fromAddress + 1)
    ws.once('close', () => {
      open--
      const n = (perAddress.get(address) ?? 1) - 1
      if (n > 0) perAddress.set(address, n)
      else perAddress.delete(address)
    })
    ws.setMaxListeners(Number.POSITIVE_INFINITY)
    ws.on('error', (error: Error & { code?: string }) => {
      // ws closes the connection itself (1009) when a message is over maxPayload.
      if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') log({ type: 'message-too-large' })
      else log({ type: 'socket-error', error: errorText(error) })
    })
    const gate = new SocketGate(ws, limits, log, (name) => server.hocuspocus.documents.get(name))
    gates.add(request, gate)
    gate.install()
    server.hocuspocus.handleConnection(ws, request)
  })
}

function databaseExtension(documents: DocumentBackend, keeper: StoreKeeper, log: SyncServerLogger): Database {
  return new Database({
    async fetch({ documentName, document }) {
      try {
        const state = await documents.fetch(documentName)
        // Checked on a scratch doc: a stored state that throws half-way must not be half-applied.
        if (state) {
          const scratch = new Y.Doc()
          Y.applyUpdate(scratch, state)
          scratch.destroy()
        }
        keeper.loaded(document, state)
        return state
      } catch (e) {
        log({ type: 'load-failed', documentName, error: errorText(e) })
        throw e
      }
    },
    // Never throws: a failed store is logged, reported and retried by the keeper (storeKeeper.ts).
    async store({ document, state }) {
      await keeper.store(document as unknown as StoredDoc, state)
    },
  })
}

/**
 * The Redis extension without its store lock. Upstream, an instance that finds a document locked
 * by another instance skips its store altogether, and is not asked again until one of its own
 * clients edits the document: edits can then be missing from the database. Here every store
 * merges with what is stored (a transaction in sqliteStorage.ts), so instances storing one
 * document at the same time is safe, and each one always stores.
 */
class RelayOnlyRedis extends Redis {
  override async onStoreDocument(): Promise<void> {}
}

function redisExtension(config: NonNullable<SyncServerOptions['redis']>, log: SyncServerLogger): Redis {
  const redis = new RelayOnlyRedis({ host: config.host, port: config.port, prefix: config.prefix ?? 'yishi' })
  for (const client of [redis.pub, redis.sub]) client.on('error', (e: unknown) => log({ type: 'redis-error', error: errorText(e) }))
  return redis
}

// Without the relay, clients on different instances would silently stop seeing each other.
async function redisReady(redis: Redis): Promise<void> {
  const where = `${redis.configuration.host}:${redis.configuration.port}`
  const ready = (client: Redis['pub']) =>
    new Promise<void>((resolve, reject) => {
      if (client.status === 'ready') return resolve()
      const timer = setTimeout(() => done(new Error(`Redis at ${where} is not reachable (no answer in ${REDIS_READY_TIMEOUT_MS} ms)`)), REDIS_READY_TIMEOUT_MS)
      const onReady = () => done()
      const onError = (e: unknown) => done(new Error(`Redis at ${where} is not reachable: ${errorText(e)}`))
      const done = (error?: Error) => {
        clearTimeout(timer)
        client.off('ready', onReady)
        client.off('error', onError)
        if (error) reject(error)
        else resolve()
      }
      client.on('ready', onReady)
      client.on('error', onError)
    })
  await Promise.all([ready(redis.pub), ready(redis.sub)])
}

// Stop accepting, drop every socket (clients keep their edits and resync on reconnecting), let
// Hocuspocus store and unload every document, then wait for the port to be free.
async function shutDown(server: Server, documents: DocumentBackend, redis: Redis | null, log: SyncServerLogger): Promise<void> {
  const http: HttpServer = server.httpServer
  const httpClosed = once(http, 'close').then(
    () => undefined,
    () => undefined,
  )
  http.close()
  for (const ws of server.webSocketServer.clients) ws.terminate()
  const destroyed = await within(server.destroy().then(() => true), CLOSE_TIMEOUT_MS)
  if (!destroyed) {
    log({ type: 'close-timeout' })
    // Side by side, and bounded: a store that hangs (a stuck disk) must not keep the others waiting.
    const stores = [...server.hocuspocus.documents.values()].map((doc) =>
      documents.store(doc.name, Y.encodeStateAsUpdate(doc)).catch((e: unknown) => log({ type: 'store-failed', documentName: doc.name, error: errorText(e) })),
    )
    await within(Promise.all(stores), CLOSE_TIMEOUT_MS)
    if (redis) await redis.onDestroy().catch(() => {})
  }
  http.closeAllConnections()
  await within(httpClosed, 2_000)
}

async function within<T>(p: Promise<T>, ms: number): Promise<T | false> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)))
  try {
    return await Promise.race([p, late])
  } finally {
    clearTimeout(timer)
  }
}
