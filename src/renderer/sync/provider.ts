// Connects open documents to their council's sync server: per server address ONE WebSocket
// (sockets.ts) shared by a HocuspocusProvider per open document, attached only after y-indexeddb
// has loaded the document (DocStore's onOpen) and detached when it closes. Each council has an
// observable status (status.ts) and the time of its last sync, kept in Dexie (syncTime.ts);
// documents changed while the server could not take them are queued and sent later (outbox.ts).
import { liveQuery } from 'dexie'
import { parseAnyDocName } from '../../shared/doc/names'
import type { CouncilSyncRow, SyncAccess, YishiDb } from '../data/db'
import { makeProvider, storedAll, type Attached } from './attach'
import { FileSync, fileRefsOf } from './fileSync'
import type { Fetch } from './historyDownload'
import { HistoryPrefetch } from './historyPrefetch'
import { listSyncSettings } from '../data/syncSettings'
import type { DocHandle, DocStore } from './docs'
import { watchNetwork, type NetworkEvents } from './network'
import { Outbox } from './outbox'
import { DEFAULT_RECONNECT, type ReconnectOptions } from './reconnect'
import { SocketPool, type SocketOptions } from './sockets'
import { computeStatus, StatusStore, type SyncStatus, type WaitResult } from './status'
import { SyncTimes } from './syncTime'

export type { SyncErrorReason, SyncState, SyncStatus, WaitResult } from './status'

interface OpenDoc {
  handle: DocHandle
  councilId: string
  attached: Attached | null
}

export interface SyncManagerOptions {
  now: () => string
  /** Options for every WebSocket (Node passes a WebSocket class). */
  socket?: SocketOptions
  /** Whether the device has a network; the browser's navigator.onLine by default. */
  online?: () => boolean
  /** Where 'online' and 'offline' come from: window by default (none in Node unless given). */
  network?: NetworkEvents
  /** The retry schedule and the deadline of one attempt (tests shorten them). */
  reconnect?: Partial<ReconnectOptions>
  /** The HTTP client of the history download (the bench passes one that counts the bytes). */
  fetch?: Fetch
}

export class SyncManager {
  private settings = new Map<string, CouncilSyncRow>()
  private open = new Map<string, OpenDoc>()
  private sockets: SocketPool
  private statuses: StatusStore
  private outbox: Outbox
  private syncTimes: SyncTimes
  /** Attached files follow the documents (fileSync.ts), never holding them up. */
  readonly files: FileSync
  /** Documents downloaded compressed ahead of opening them (historyPrefetch.ts). */
  readonly history: HistoryPrefetch
  private stopWindow = () => {}
  private stopWatch = () => {}

  constructor(
    private db: YishiDb,
    private options: SyncManagerOptions,
  ) {
    const online = options.online?.() ?? (typeof navigator === 'undefined' ? true : navigator.onLine)
    this.sockets = new SocketPool(online, options.socket, () => this.changed(), { ...DEFAULT_RECONNECT, ...options.reconnect })
    this.statuses = new StatusStore((councilId) => this.compute(councilId))
    this.outbox = new Outbox(db, this.settings, (name, timeoutMs) => this.waitForSync(name, timeoutMs, 'pushed'))
    this.syncTimes = new SyncTimes(db, this.settings)
    this.history = new HistoryPrefetch((councilId) => this.settings.get(councilId), options.fetch)
    this.files = new FileSync({
      db,
      now: options.now,
      settingsOf: (councilId) => this.settings.get(councilId),
      refsOf: (councilId) => [...this.open.values()].filter((d) => d.councilId === councilId).flatMap((d) => fileRefsOf(d.handle.name, d.handle.doc)),
      changed: () => this.changed(),
    })
  }

  /** Loads every council's settings; call before opening any document. */
  async start(): Promise<void> {
    for (const row of await listSyncSettings(this.db)) this.settings.set(row.councilId, row)
    const network = this.options.network ?? (typeof window !== 'undefined' && !this.options.online ? window : null)
    // The browser knows at once when the network goes (Hocuspocus would notice only after its
    // 30-second silence check) and when it comes back (then the laptops resync within a second).
    if (network) this.stopWindow = watchNetwork(network, (online) => this.setOnline(online))
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
    this.syncTimes.stop()
    this.files.stop()
    for (const d of this.open.values()) this.detach(d)
    this.open.clear()
  }

  /** The store the manager opens closed documents from, to send their unsent changes. */
  useDocs(docs: DocStore): void {
    this.outbox.docs = docs
  }

  /** For DocStore: documents of a council joined with a read-only code open read-only. */
  accessOf = (name: string): SyncAccess => {
    const parsed = parseAnyDocName(name)
    return (parsed && this.settings.get(parsed.councilId)?.access) ?? 'rw'
  }

  /** DocStore's onOpen: called once the document's local state is loaded; returns the detach. */
  attach = (handle: DocHandle): (() => void) => {
    const parsed = parseAnyDocName(handle.name)
    if (!parsed) return () => {}
    const d: OpenDoc = { handle, councilId: parsed.councilId, attached: null }
    this.open.set(handle.name, d)
    // Before the provider: its first message then asks only for what the download lacked.
    this.history.applyTo(handle)
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
    this.files.forget(councilId)
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

  subscribe = (listener: () => void): (() => void) => this.statuses.subscribe(listener)

  /** The council's status; the same object until it changes (for useSyncExternalStore). */
  status = (councilId: string): SyncStatus => this.statuses.get(councilId)

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
        // 'pushed' means stored: acknowledged by the server and on its disk.
        if (p?.isSynced && (until === 'pulled' || (p.unsyncedChanges === 0 && storedAll(d.attached!, d.handle.doc)))) return { ok: true }
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
    return this.outbox.push(councilId, onProgress)
  }

  /**
   * A read-only device: drops the local state of the council's open documents that hold changes
   * the server refused (their y-indexeddb databases), so that they load from the server again.
   * The caller reloads the app afterwards. Returns how many documents were dropped.
   */
  async discardRefused(councilId: string): Promise<number> {
    const docs = this.outbox.docs
    if (!docs) return 0
    const names = [...this.open.values()].filter((d) => d.councilId === councilId && d.attached?.refused).map((d) => d.handle.name)
    for (const name of names) await docs.discardLocal(name)
    this.changed()
    return names.length
  }

  /** Starts the council's waiting connection attempt at once (the header's "retry now"). */
  retryNow(councilId: string): void {
    const row = this.settings.get(councilId)
    if (row) this.sockets.retryNow(row.serverUrl)
  }

  private setOnline(online: boolean): void {
    this.sockets.setOnline(online)
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
    const socket = this.sockets.socketFor(row.serverUrl)
    socket.refs++
    const attached = makeProvider(d.handle, row, socket, {
      synced: (a) => this.synced(d, a),
      // Remembered until the server says it has stored it, in case the document closes (or the
      // app does, or the server dies before storing) before then.
      localChange: () => this.outbox.add(d.councilId, d.handle.name),
      changed: () => this.changed(),
    })
    d.attached = attached
    // Attach last, once every listener is in place: an open socket starts the handshake at once.
    attached.provider.attach()
  }

  private detach(d: OpenDoc): void {
    const a = d.attached
    if (!a) return
    d.attached = null
    a.stop()
    if (a.localPending && this.settings.get(d.councilId)?.access === 'rw') this.outbox.add(d.councilId, d.handle.name)
    a.provider.destroy()
    this.sockets.release(a.socket)
  }

  private synced(d: OpenDoc, a: Attached): void {
    const councilId = d.councilId
    const row = this.settings.get(councilId)
    if (!row) return
    // Everything sent is acknowledged and stored: the server has this document as this device has it.
    if (a.provider.isSynced && a.provider.unsyncedChanges === 0 && storedAll(a, d.handle.doc)) {
      a.localPending = false
      this.outbox.remove(councilId, d.handle.name)
    }
    this.outbox.pushIfDue(councilId, row)
    this.syncTimes.record(councilId, row, this.options.now())
    this.files.kick(councilId)
    this.changed()
  }

  private compute(councilId: string): SyncStatus {
    const row = this.settings.get(councilId)
    const attached = [...this.open.values()].filter((d) => d.councilId === councilId && d.attached).map((d) => d.attached!)
    return computeStatus(row, attached, this.sockets.online, row && this.sockets.get(row.serverUrl), this.files.quotaFull(councilId))
  }

  private changed(): void {
    this.statuses.changed(this.settings.keys())
  }
}
