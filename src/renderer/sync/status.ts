// A council's sync status: how it follows from the council's settings, its attached documents and
// its server's socket, and the store that hands out the same object until it changes (so
// useSyncExternalStore re-renders only then) and tells its listeners whenever it may have.
import { WebSocketStatus } from '@hocuspocus/provider'
import type { CouncilSyncRow, SyncAccess } from '../data/db'

/** 'local': the council is not set up to sync (it lives on this device only). */
export type SyncState = 'local' | 'offline' | 'connecting' | 'synced' | 'error'
export type SyncErrorReason = 'authFailed' | 'serverUnreachable' | 'refused'

export interface SyncStatus {
  state: SyncState
  reason: SyncErrorReason | null
  lastSyncedAt: string | null
  serverUrl: string | null
  access: SyncAccess | null
  /** While the server cannot be reached: when the next attempt starts (ms since the epoch), null while one runs. */
  retryAt: number | null
  /** A read-only device: how many of the council's open documents hold changes the server refused. */
  refused: number
  /** The server has no room left for the council's files: some attached here are not sent (fileSync.ts). */
  filesQuotaFull: boolean
}

export type WaitResult = { ok: true } | { ok: false; reason: SyncErrorReason | 'offline' | 'timeout' | 'notConfigured' | 'closed' }

/** What the status needs to know of each of the council's attached documents. */
export interface AttachedView {
  authFailed: boolean
  refused?: boolean
  provider: { isSynced: boolean }
}

/** What the status needs to know of the socket to the council's server. */
export interface SocketView {
  status: WebSocketStatus
  /** Connection attempts that ended since the last good connection. */
  failures: number
  retryAt: number | null
}

export function computeStatus(
  row: CouncilSyncRow | undefined,
  attached: readonly AttachedView[],
  online: boolean,
  socket: SocketView | undefined,
  filesQuotaFull = false,
): SyncStatus {
  const base = { lastSyncedAt: row?.lastSyncedAt ?? null, serverUrl: row?.serverUrl ?? null, access: row?.access ?? null, retryAt: null, refused: attached.filter((a) => a.refused).length, filesQuotaFull: Boolean(row) && filesQuotaFull }
  if (!row) return { state: 'local', reason: null, ...base }
  if (attached.some((a) => a.authFailed)) return { state: 'error', reason: 'authFailed', ...base }
  if (!online) return { state: 'offline', reason: null, ...base }
  if (!socket || attached.length === 0) return { state: 'offline', reason: null, ...base }
  // "Synced" means the server has what this device has: not so while it refuses some of it.
  if (base.refused > 0 && socket.status === WebSocketStatus.Connected) return { state: 'error', reason: 'refused', ...base }
  if (socket.status === WebSocketStatus.Connected) {
    return { state: attached.every((a) => a.provider.isSynced) ? 'synced' : 'connecting', reason: null, ...base }
  }
  if (socket.failures > 0) return { state: 'error', reason: 'serverUnreachable', ...base, retryAt: socket.retryAt }
  return { state: 'connecting', reason: null, ...base }
}

function same(a: SyncStatus, b: SyncStatus): boolean {
  return a.state === b.state && a.reason === b.reason && a.lastSyncedAt === b.lastSyncedAt && a.serverUrl === b.serverUrl && a.access === b.access && a.retryAt === b.retryAt && a.refused === b.refused && a.filesQuotaFull === b.filesQuotaFull
}

export class StatusStore {
  private listeners = new Set<() => void>()
  private statuses = new Map<string, SyncStatus>()

  constructor(private compute: (councilId: string) => SyncStatus) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** The council's status; the same object until it changes. */
  get(councilId: string): SyncStatus {
    const cached = this.statuses.get(councilId)
    if (cached) return cached
    const s = this.compute(councilId)
    this.statuses.set(councilId, s)
    return s
  }

  /** Recomputes the given councils' statuses and every one handed out before, then tells the listeners. */
  changed(councilIds: Iterable<string>): void {
    const ids = new Set([...councilIds, ...this.statuses.keys()])
    for (const id of ids) {
      const next = this.compute(id)
      const old = this.statuses.get(id)
      if (!old || !same(old, next)) this.statuses.set(id, next)
    }
    for (const l of [...this.listeners]) l()
  }
}
