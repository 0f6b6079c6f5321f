// The Yishi sync server: Hocuspocus 3 with council join codes (hooks.ts), per-connection limits
// (gate.ts), persistence through the Database extension (storage.ts: SQLite, PostgreSQL, or plain files for
// the desktop app's embedded host), the council HTTP endpoints on the same port (http.ts), and
// optionally the Redis extension so that several instances relay edits to each other, and the
// phone ballot page and endpoints (ballots.ts, staticPage.ts). Started by `npm run server`
// (cli.ts) or embedded.
import type { AddressInfo } from 'node:net'
import type { Extension, ServerConfiguration, connectedPayload } from '@hocuspocus/server'
import { BallotStore } from './ballotStore'
import { createBallotService, type BallotService, type PhoneLimits } from './ballots'
import { gateEveryConnection, type ConnectionLimits } from './connections'
import type { GateLimits } from './gate'
import { startHocuspocus, type TlsOptions } from './hocuspocusStart'
import { Gates, authHooks, closeCouncilConnections } from './hooks'
import { DEFAULT_COUNCIL_LIMITS, createHttpHandler, type CouncilLimits } from './http'
import { createFileRoutes, type FileLimits } from './files'
import { createHistoryRoutes } from './history'
import { defaultLogger, type SyncServerLogger } from './log'
import { CLOSE_TIMEOUT_MS, databaseExtension, shutDown, within } from './persistence'
import { redisExtension, redisReady, type RedisConfig } from './redisRelay'
import { CouncilRegistry } from './registry'
import { createBallotPage } from './staticPage'
import { openStorage } from './storage'
import type { DocumentBackend, PendingBallotBackend, Storage, StorageKind } from './storageTypes'
import { StoreKeeper } from './storeKeeper'
import { SealedRegistry, defaultKeyFile, loadServerKey, secureFiles, secureFolder } from './secrets'
import { DEFAULT_UPDATE_BOUNDS, type UpdateBounds } from './updateBounds'

export { assertAuthenticates, startHocuspocus } from './hocuspocusStart'

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
   * 'postgres': the database at `databaseUrl`, shared by every instance (documents, registry,
   * pending phone ballots); pg loaded only then. The data folder then holds nothing but is still
   * where the server key is looked for (`<dataDir>.key`): every instance needs the same key.
   */
  storage?: StorageKind
  /** Storage 'postgres': the connection string (`--database-url`, `DATABASE_URL`). */
  databaseUrl?: string
  /** Relay through Redis to other instances (@hocuspocus/extension-redis). */
  redis?: RedisConfig
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
  /** Attached files: the largest file, the rate per address, each council's quota (files.ts DEFAULT_FILE_LIMITS). */
  fileLimits?: Partial<FileLimits>
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
   * `plainBallotPage`: the phone ballot page also over plain http (a LAN host's self-signed
   * certificate; plainBallotPage.ts).
   */
  tls?: TlsOptions
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

function limitsOf(options: SyncServerOptions): GateLimits & ConnectionLimits {
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
  return limits
}

/** The storage, the registry over it (secrets sealed) and where pending phone ballots go. */
async function openData(options: SyncServerOptions): Promise<{ storage: Storage; registry: CouncilRegistry; pendingBallots: PendingBallotBackend }> {
  await secureFolder(options.dataDir)
  const storage = await openStorage(options.storage ?? 'sqlite', { dataDir: options.dataDir, ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}) })
  try {
    await secureFiles(options.dataDir)
    const key = await loadServerKey(options.secretKeyFile ?? defaultKeyFile(options.dataDir))
    const registry = new CouncilRegistry(await SealedRegistry.open(storage.registry, key))
    const pendingBallots = storage.ballots ?? (await BallotStore.open(options.dataDir))
    return { storage, registry, pendingBallots }
  } catch (e) {
    await storage.close().catch(() => {})
    throw e
  }
}

/** The Hocuspocus configuration: store timing, extensions, the auth hooks, HTTP on the same port. */
function configuration(hooks: ReturnType<typeof authHooks>, keeper: StoreKeeper, extensions: Extension[], http: ReturnType<typeof createHttpHandler>): Partial<ServerConfiguration> {
  return {
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
  }
}

export async function createSyncServer(options: SyncServerOptions): Promise<SyncServer> {
  const log = options.logger ?? defaultLogger
  const host = options.host ?? '127.0.0.1'
  const limits = limitsOf(options)
  const { storage, registry, pendingBallots } = await openData(options)
  const documents = options.wrapDocuments ? options.wrapDocuments(storage.documents) : storage.documents
  const keeper = new StoreKeeper(documents, log)
  const gates = new Gates()
  // Set once Hocuspocus exists (the service writes through its direct connections).
  let ballots: BallotService | null = null
  const ballotPage = createBallotPage(options.ballotPageDir)
  const extensions: Extension[] = [databaseExtension(documents, keeper, log)]
  const redis = options.redis ? redisExtension(options.redis, log) : null
  if (redis) extensions.unshift(redis)

  let server: Awaited<ReturnType<typeof startHocuspocus>>
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
    }, { ...DEFAULT_COUNCIL_LIMITS, ...options.councilLimits }, createFileRoutes({ dataDir: options.dataDir, registry, log, ...(options.fileLimits ? { limits: options.fileLimits } : {}) }), createHistoryRoutes({ registry, documents, log, liveDoc: (name) => server?.hocuspocus.documents.get(name) }))
    server = await startHocuspocus(
      configuration(hooks, keeper, extensions, http),
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

  const ballotService = (ballots = createBallotService({ hocuspocus: server.hocuspocus, documents, registry, store: pendingBallots, log, ...(options.phoneLimits ? { limits: options.phoneLimits } : {}) }))

  // Codes revoked or a secret rotated here, or (a shared registry: postgres) by another instance:
  // the live connections of those codes here are closed at once.
  const codesChanged = ({ councilId, codeId }: { councilId: string; codeId?: string }) => {
    const connectionsClosed = closeCouncilConnections(server.hocuspocus, gates, councilId, codeId)
    log({ type: 'codes-changed', councilId, ...(codeId ? { codeId } : {}), connectionsClosed })
  }
  const stopListening = registry.onCodesChanged(codesChanged)
  const stopWatching = storage.registry.watchOthers?.(codesChanged) ?? (() => {})

  const port = (server.httpServer.address() as AddressInfo).port
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host
  const url = `${options.tls ? 'wss' : 'ws'}://${shown.includes(':') ? `[${shown}]` : shown}:${port}`
  log({ type: 'listening', url })

  let closing: Promise<void> | null = null
  const close = () =>
    (closing ??= (async () => {
      stopListening()
      stopWatching()
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
