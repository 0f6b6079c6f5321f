// Connects open documents to their council's sync server: per server address ONE WebSocket
// (HocuspocusProviderWebsocket) shared by a HocuspocusProvider per open document, attached only
// after y-indexeddb has loaded the document (DocStore's onOpen) and detached when it closes. Each
// council has an observable status (local / offline / connecting / synced / error with a reason)
// and the time of its last sync, which is kept in Dexie.
import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider'
import { liveQuery } from 'dexie'
import { parseDocName } from '../../shared/doc/names'
import type { CouncilSyncRow, SyncAccess, YishiDb } from '../data/db'
import { listSyncSettings, recordSynced, recordUnpushed } from '../data/syncSettings'
import type { DocHandle, DocStore } from './docs'

/** 'local': the council is not set up to sync (it lives on this device only). */
export type SyncState = 'local' | 'offline' | 'connecting' | 'synced' | 'error'
export type SyncErrorReason = 'authFailed' | 'serverUnreachable'

export interface SyncStatus {
  state: SyncState
  reason: SyncErrorReason | null
  lastSyncedAt: string | null
  serverUrl: string | null
  access: SyncAccess | null
}

export type WaitResult = { ok: true } | { ok: false; reason: SyncErrorReason | 'offline' | 'timeout' | 'notConfigured' | 'closed' }

interface Socket {
  url: string
  ws: HocuspocusProviderWebsocket
  refs: number
  status: WebSocketStatus
  /** Connection attempts that ended since the last good connection. */
  failures: number
  stop: () => void
}

interface OpenDoc {
  handle: DocHandle
  councilId: string
  attached: Attached | null
}

interface Attached {
  provider: HocuspocusProvider
  socket: Socket
  authFailed: boolean
  /** Local changes sent but not yet acknowledged by the server. */
  localPending: boolean
  stop: () => void
}

export interface SyncManagerOptions {
  now: () => string
  /** Options for every WebSocket (tests shorten the retry delays, Node passes a WebSocket class). */
  socket?: Partial<ConstructorParameters<typeof HocuspocusProviderWebsocket>[0]>
  /** Whether the device has a network; the browser's navigator.onLine by default. */
  online?: () => boolean
}

// Dexie is told the last sync time at most this often while edits stream in.
const PERSIST_EVERY_MS = 5_000
// Sending documents with changes the server lacks: how many at once, how long for each, and
// how soon to try again in the background after a round that left some unsent.
const PUSH_PARALLEL = 6
const PUSH_TIMEOUT_MS = 15_000
const PUSH_RETRY_MS = 30_000

export class SyncManager {
  private settings = new Map<string, CouncilSyncRow>()
  private open = new Map<string, OpenDoc>()
  private sockets = new Map<string, Socket>()
  private listeners = new Set<() => void>()
  private statuses = new Map<string, SyncStatus>()
  private persistedAt = new Map<string, number>()
  private pendingPersist = new Set<string>()
  private online: boolean
  private stopWindow = () => {}
  private stopWatch = () => {}
  private docs: DocStore | null = null
  private pushing = new Map<string, Promise<boolean>>()
  private pushedAt = new Map<string, number>()

  constructor(
    private db: YishiDb,
    private options: SyncManagerOptions,
  ) {
    this.online = options.online?.() ?? (typeof navigator === 'undefined' ? true : navigator.onLine)
  }

  /** Loads every council's settings; call before opening any document. */
  async start(): Promise<void> {
    for (const row of await listSyncSettings(this.db)) this.settings.set(row.councilId, row)
    if (typeof window !== 'undefined' && !this.options.online) {
      // The browser knows at once when the network goes; Hocuspocus would notice only after its
      // 30-second silence check, and would keep retrying meanwhile.
      const on = () => this.setOnline(true)
      const off = () => this.setOnline(false)
      window.addEventListener('online', on)
      window.addEventListener('offline', off)
      this.stopWindow = () => {
        window.removeEventListener('online', on)
        window.removeEventListener('offline', off)
      }
    }
    // Another window of the app may join, connect or forget a council: follow its settings.
    const watch = liveQuery(() => listSyncSettings(this.db)).subscribe({
      next: () => void this.reload().catch((e: unknown) => console.error('could not reload the sync settings', e)),
      error: (e: unknown) => console.error('could not watch the sync settings', e),
    })
    this.stopWatch = () => watch.unsubscribe()
    this.changed()
  }

  stop(): void {
    this.stopWatch()
    this.stopWindow()
    for (const d of this.open.values()) this.detach(d)
    this.open.clear()
  }

  /** The store the manager opens closed documents from, to send their unsent changes. */
  useDocs(docs: DocStore): void {
    this.docs = docs
  }

  /** For DocStore: documents of a council joined with a read-only code open read-only. */
  accessOf = (name: string): SyncAccess => {
    const parsed = parseDocName(name)
    return (parsed && this.settings.get(parsed.councilId)?.access) ?? 'rw'
  }

  /** DocStore's onOpen: called once the document's local state is loaded; returns the detach. */
  attach = (handle: DocHandle): (() => void) => {
    const parsed = parseDocName(handle.name)
    if (!parsed) return () => {}
    const d: OpenDoc = { handle, councilId: parsed.councilId, attached: null }
    this.open.set(handle.name, d)
    this.connectDoc(d)
    this.changed()
    return () => {
      this.detach(d)
      if (this.open.get(handle.name) === d) this.open.delete(handle.name)
      this.changed()
    }
  }

  /** Starts (or changes) syncing a council: its open documents reconnect with the new settings. */
  configure(row: CouncilSyncRow): void {
    this.settings.set(row.councilId, row)
    this.reconnectCouncil(row.councilId)
  }

  /** Stops syncing a council on this device. */
  forget(councilId: string): void {
    this.settings.delete(councilId)
    this.reconnectCouncil(councilId)
  }

  /** Re-reads the settings from Dexie (another window of the app may have changed them). */
  async reload(): Promise<void> {
    const rows = await listSyncSettings(this.db)
    const seen = new Set<string>()
    for (const row of rows) {
      seen.add(row.councilId)
      const old = this.settings.get(row.councilId)
      if (!old || old.serverUrl !== row.serverUrl || old.code !== row.code || old.access !== row.access) this.configure(row)
    }
    for (const id of [...this.settings.keys()]) if (!seen.has(id)) this.forget(id)
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** The council's status; the same object until it changes (for useSyncExternalStore). */
  status = (councilId: string): SyncStatus => {
    const cached = this.statuses.get(councilId)
    if (cached) return cached
    const s = this.compute(councilId)
    this.statuses.set(councilId, s)
    return s
  }

  /**
   * Resolves once the open document has had its first exchange with the server ('pulled': it has
   * what the server has) or once the server has acknowledged everything this device has for it
   * ('pushed'), or as soon as that cannot happen soon: no sync set up, offline, refused,
   * unreachable, or `timeoutMs` passed.
   */
  waitForSync(name: string, timeoutMs: number, until: 'pulled' | 'pushed' = 'pulled'): Promise<WaitResult> {
    return new Promise((resolve) => {
      const outcome = (): WaitResult | null => {
        const d = this.open.get(name)
        if (!d) return { ok: false, reason: 'closed' }
        const p = d.attached?.provider
        if (p?.isSynced && (until === 'pulled' || p.unsyncedChanges === 0)) return { ok: true }
        const s = this.compute(d.councilId)
        if (s.state === 'local') return { ok: false, reason: 'notConfigured' }
        if (s.state === 'offline') return { ok: false, reason: 'offline' }
        if (s.state === 'error' && s.reason) return { ok: false, reason: s.reason }
        return null
      }
      const first = outcome()
      if (first) return resolve(first)
      const finish = (r: WaitResult) => {
        clearTimeout(timer)
        unsubscribe()
        resolve(r)
      }
      const unsubscribe = this.subscribe(() => {
        const r = outcome()
        if (r) finish(r)
      })
      const timer = setTimeout(() => finish({ ok: false, reason: 'timeout' }), timeoutMs)
    })
  }

  /**
   * Sends the council's documents that have changes the server may lack (edited offline, made
   * before the council was connected), opening the closed ones for the time it takes. Resolves
   * true once none is left. One round per council at a time.
   */
  pushPending(councilId: string, onProgress: (done: number, total: number) => void = () => {}): Promise<boolean> {
    const running = this.pushing.get(councilId)
    if (running) return running
    const run = this.pushRound(councilId, onProgress).finally(() => {
      this.pushing.delete(councilId)
      this.pushedAt.set(councilId, Date.now())
    })
    this.pushing.set(councilId, run)
    return run
  }

  private async pushRound(councilId: string, onProgress: (done: number, total: number) => void): Promise<boolean> {
    const row = this.settings.get(councilId)
    const docs = this.docs
    if (!row || row.access !== 'rw' || !docs) return true
    const queue = [...(row.unpushed ?? [])]
    const total = queue.length
    let done = 0
    onProgress(0, total)
    const one = async (name: string) => {
      try {
        await docs.acquire(name)
        await this.waitForSync(name, PUSH_TIMEOUT_MS, 'pushed')
      } catch (e) {
        console.error('could not send a document to the server', e)
      } finally {
        await docs.release(name)
        onProgress(++done, total)
      }
    }
    const worker = async () => {
      for (let name = queue.shift(); name; name = queue.shift()) await one(name)
    }
    await Promise.all(Array.from({ length: Math.min(PUSH_PARALLEL, total) }, worker))
    return !this.settings.get(councilId)?.unpushed?.length
  }

  private markUnpushed(councilId: string, name: string): void {
    const row = this.settings.get(councilId)
    if (!row || row.unpushed?.includes(name)) return
    row.unpushed = [...(row.unpushed ?? []), name]
    recordUnpushed(this.db, councilId, row.unpushed).catch((e: unknown) => console.error('could not record an unsent document', e))
  }

  private markPushed(councilId: string, name: string): void {
    const row = this.settings.get(councilId)
    if (!row?.unpushed?.includes(name)) return
    row.unpushed = row.unpushed.filter((n) => n !== name)
    recordUnpushed(this.db, councilId, row.unpushed).catch((e: unknown) => console.error('could not record a sent document', e))
  }

  private setOnline(online: boolean): void {
    this.online = online
    for (const s of this.sockets.values()) {
      if (online) {
        s.failures = 0
        void s.ws.connect()
      } else s.ws.disconnect()
    }
    this.changed()
  }

  private reconnectCouncil(councilId: string): void {
    for (const d of this.open.values()) {
      if (d.councilId !== councilId) continue
      this.detach(d)
      this.connectDoc(d)
    }
    this.changed()
  }

  private connectDoc(d: OpenDoc): void {
    const row = this.settings.get(d.councilId)
    if (!row) return
    const socket = this.socketFor(row.serverUrl)
    const provider = new HocuspocusProvider({ name: d.handle.name, document: d.handle.doc, websocketProvider: socket.ws, token: row.code })
    const attached: Attached = { provider, socket, authFailed: false, localPending: false, stop: () => {} }
    socket.refs++
    const onSynced = () => this.synced(d, attached)
    const onUnsynced = ({ number }: { number: number }) => {
      if (number === 0 && provider.isSynced) this.synced(d, attached)
    }
    const onUpdate = (_u: Uint8Array, origin: unknown) => {
      if (origin === provider) {
        if (provider.isSynced) this.synced(d, attached)
        return
      }
      if (row.access !== 'rw') return
      attached.localPending = true
      // Made while the server cannot take it at once: remembered, in case the document closes
      // (or the app does) before it gets there.
      if (!(socket.status === WebSocketStatus.Connected && provider.isSynced)) this.markUnpushed(d.councilId, d.handle.name)
    }
    const onAuthFailed = () => {
      attached.authFailed = true
      this.changed()
    }
    const onAuthenticated = () => {
      attached.authFailed = false
      this.changed()
    }
    provider.on('synced', onSynced)
    provider.on('unsyncedChanges', onUnsynced)
    provider.on('authenticationFailed', onAuthFailed)
    provider.on('authenticated', onAuthenticated)
    d.handle.doc.on('update', onUpdate)
    attached.stop = () => d.handle.doc.off('update', onUpdate)
    d.attached = attached
    // Attach last, once every listener is in place: an open socket starts the handshake at once.
    provider.attach()
  }

  private detach(d: OpenDoc): void {
    const a = d.attached
    if (!a) return
    d.attached = null
    a.stop()
    if (a.localPending && this.settings.get(d.councilId)?.access === 'rw') this.markUnpushed(d.councilId, d.handle.name)
    a.provider.destroy()
    a.socket.refs--
    if (a.socket.refs === 0) {
      this.sockets.delete(a.socket.url)
      a.socket.stop()
      a.socket.ws.destroy()
    }
  }

  private socketFor(url: string): Socket {
    const existing = this.sockets.get(url)
    if (existing) return existing
    const ws = new HocuspocusProviderWebsocket({ url, autoConnect: this.online, ...this.options.socket })
    const socket: Socket = { url, ws, refs: 0, status: WebSocketStatus.Disconnected, failures: 0, stop: () => {} }
    const onStatus = ({ status }: { status: WebSocketStatus }) => {
      if (status === WebSocketStatus.Disconnected && socket.status !== WebSocketStatus.Disconnected && this.online) socket.failures++
      if (status === WebSocketStatus.Connected) socket.failures = 0
      socket.status = status
      this.changed()
    }
    ws.on('status', onStatus)
    socket.stop = () => ws.off('status', onStatus)
    this.sockets.set(url, socket)
    return socket
  }

  private synced(d: OpenDoc, a: Attached): void {
    const councilId = d.councilId
    const row = this.settings.get(councilId)
    if (!row) return
    // Everything sent is acknowledged: the server has this document as this device has it.
    if (a.provider.isSynced && a.provider.unsyncedChanges === 0) {
      a.localPending = false
      this.markPushed(councilId, d.handle.name)
    }
    // The council is reachable: send what is left from before, in the background.
    if (row.unpushed?.length && row.access === 'rw' && !this.pushing.has(councilId) && Date.now() - (this.pushedAt.get(councilId) ?? 0) > PUSH_RETRY_MS) {
      void this.pushPending(councilId)
    }
    const now = this.options.now()
    row.lastSyncedAt = now
    const last = this.persistedAt.get(councilId) ?? 0
    if (Date.now() - last >= PERSIST_EVERY_MS) {
      this.persistedAt.set(councilId, Date.now())
      recordSynced(this.db, councilId, now).catch((e: unknown) => console.error('could not record the sync time', e))
    } else if (!this.pendingPersist.has(councilId)) {
      // Edits streaming in: the latest time is written once the burst is over.
      this.pendingPersist.add(councilId)
      setTimeout(() => {
        this.pendingPersist.delete(councilId)
        this.persistedAt.set(councilId, Date.now())
        const latest = this.settings.get(councilId)?.lastSyncedAt
        if (latest) recordSynced(this.db, councilId, latest).catch((e: unknown) => console.error('could not record the sync time', e))
      }, PERSIST_EVERY_MS)
    }
    this.changed()
  }

  private compute(councilId: string): SyncStatus {
    const row = this.settings.get(councilId)
    const base = { lastSyncedAt: row?.lastSyncedAt ?? null, serverUrl: row?.serverUrl ?? null, access: row?.access ?? null }
    if (!row) return { state: 'local', reason: null, ...base }
    const attached = [...this.open.values()].filter((d) => d.councilId === councilId && d.attached).map((d) => d.attached!)
    if (attached.some((a) => a.authFailed)) return { state: 'error', reason: 'authFailed', ...base }
    if (!this.online) return { state: 'offline', reason: null, ...base }
    const socket = this.sockets.get(row.serverUrl)
    if (!socket || attached.length === 0) return { state: 'offline', reason: null, ...base }
    if (socket.status === WebSocketStatus.Connected) {
      return { state: attached.every((a) => a.provider.isSynced) ? 'synced' : 'connecting', reason: null, ...base }
    }
    if (socket.failures > 0) return { state: 'error', reason: 'serverUnreachable', ...base }
    return { state: 'connecting', reason: null, ...base }
  }

  private changed(): void {
    const ids = new Set([...this.settings.keys(), ...this.statuses.keys()])
    for (const id of ids) {
      const next = this.compute(id)
      const old = this.statuses.get(id)
      if (
        !old ||
        old.state !== next.state ||
        old.reason !== next.reason ||
        old.lastSyncedAt !== next.lastSyncedAt ||
        old.serverUrl !== next.serverUrl ||
        old.access !== next.access
      ) {
        this.statuses.set(id, next)
      }
    }
    for (const l of [...this.listeners]) l()
  }
}
