// Fixture for the local data layer's integration tests (not a test file itself): a real AppEnv
// (Dexie, DocStore, Projector) on fake-indexeddb, a controllable clock, builders, and cleanup
// of every IndexedDB database a test touched, registered with onTestFinished.
import 'fake-indexeddb/auto'
import { onTestFinished } from 'vitest'
import Dexie from 'dexie'
import * as Y from 'yjs'
import { DocPersistence } from '../../src/renderer/sync/persistence'
import type { AppEnv } from '../../src/renderer/kit/env'
import { openDb } from '../../src/renderer/data/db'
import type { Platform } from '../../src/renderer/platform/types'
import { DocStore } from '../../src/renderer/sync/docs'
import { Projector } from '../../src/renderer/sync/projector'
import { SyncManager, type SyncManagerOptions } from '../../src/renderer/sync/provider'
import type { MemberFields } from '../../src/shared/domain/member'
import { DocError, type DocErrorCode } from '../../src/shared/doc/errors'

/** A wall clock that moves only when a test moves it. */
export class Clock {
  private ms: number
  constructor(start = '2025-03-01T09:00:00.000Z') {
    this.ms = Date.parse(start)
  }
  now = (): string => new Date(this.ms).toISOString()
  today = (): string => this.now().slice(0, 10)
  advance(ms: number): string {
    this.ms += ms
    return this.now()
  }
}

export const testPlatform: Platform = {
  kind: 'web',
  async getAppInfo() {
    return { version: '0.0.0-test', platform: 'web', dataLocation: { kind: 'browser', origin: 'http://127.0.0.1:5173' } }
  },
  async print() {},
  async openProjector() {},
  async saveFile() {
    return { saved: true }
  },
  capability: () => undefined,
}

export interface TestEnv extends AppEnv {
  /** Every error the projector reported; a passing test leaves it empty. */
  projectionErrors: unknown[]
  /** Closes this "app instance" (documents stored and closed, Dexie closed), as on quitting. */
  shutdown(): Promise<void>
}

let seq = 0

/**
 * One test's device: a unique Dexie name, the doc names it opened, and every app instance and
 * raw persistence it started, all closed and deleted when the test finishes.
 */
export class Device {
  readonly clock = new Clock()
  readonly dbName = `yishi-test-${process.pid}-${++seq}`
  private readonly docNames = new Set<string>()
  private readonly envs: TestEnv[] = []
  private readonly raw: DocPersistence[] = []
  private readonly closers: (() => Promise<void>)[] = []

  /**
   * Starts the app on this device: a new Dexie instance, DocStore and Projector. With `sync`,
   * documents also sync through a SyncManager as in the app (call `await env.sync.start()`);
   * without it the manager is there but attaches nothing.
   */
  start(options: { sync?: Omit<SyncManagerOptions, 'now'> } = {}): TestEnv {
    const db = openDb(this.dbName)
    const projectionErrors: unknown[] = []
    const projector = new Projector(db, this.clock.now, (e) => projectionErrors.push(e))
    const sync = new SyncManager(db, { now: this.clock.now, online: () => true, ...options.sync })
    const wired = options.sync !== undefined
    const docs = new DocStore({
      ...(wired ? { accessOf: sync.accessOf } : {}),
      onOpen: (h) => {
        this.docNames.add(h.name)
        const detachProjector = projector.attach(h)
        if (!wired) return detachProjector
        const detachSync = sync.attach(h)
        return () => {
          detachSync()
          detachProjector()
        }
      },
    })
    if (wired) sync.useDocs(docs)
    const env: TestEnv = {
      db,
      docs,
      projector,
      sync,
      platform: testPlatform,
      now: this.clock.now,
      today: this.clock.today,
      projectionErrors,
      async shutdown() {
        await docs.closeAll()
        sync.stop()
        await projector.flush()
        db.close()
      },
    }
    this.envs.push(env)
    return env
  }

  /** Quits `env` and starts a new instance on the same IndexedDB. */
  async restart(env: TestEnv): Promise<TestEnv> {
    await env.shutdown()
    return this.start()
  }

  /** Deletes the y-indexeddb database `name` when the test finishes (for stores a test builds itself). */
  track(name: string): void {
    this.docNames.add(name)
  }

  /** Runs `close` first on disposal, before any database is deleted (for stores a test builds itself). */
  onDispose(close: () => Promise<void>): void {
    this.closers.push(close)
  }

  /**
   * Counts the readwrite transactions the app's y-indexeddb connections (not this device's raw
   * readers) open on the updates store of database `name`, and how many have committed, so a
   * test can tell "queued" from "on disk": a fresh reader alone cannot, since fake-indexeddb
   * orders its read after the queued write anyway.
   */
  watchUpdateWrites(name: string): { readonly started: number; readonly uncommitted: number } {
    const proto = IDBDatabase.prototype
    const original = proto.transaction
    const raw = this.raw
    let started = 0
    let committed = 0
    proto.transaction = function (this: IDBDatabase, storeNames: string | string[], mode?: IDBTransactionMode, options?: IDBTransactionOptions) {
      const tx = original.call(this, storeNames, mode, options)
      const stores = typeof storeNames === 'string' ? [storeNames] : [...storeNames]
      const mine = this.name === name && !raw.some((p) => p.db === this)
      if (mine && tx.mode === 'readwrite' && stores.includes('updates')) {
        started++
        tx.addEventListener('complete', () => committed++)
      }
      return tx
    }
    onTestFinished(() => {
      proto.transaction = original
    })
    return {
      get started() {
        return started
      },
      get uncommitted() {
        return started - committed
      },
    }
  }

  /**
   * A Y.Doc persisted under `name` by its own connection (the app's persistence, which reads raw
   * and packed entries alike), outside any DocStore. It never compacts: a reader changes nothing.
   */
  async rawDoc(name: string, fill?: (doc: Y.Doc) => void): Promise<{ doc: Y.Doc; persistence: DocPersistence }> {
    this.docNames.add(name)
    const doc = new Y.Doc()
    const persistence = new DocPersistence(name, doc, () => () => {})
    this.raw.push(persistence)
    await persistence.whenSynced
    if (fill) {
      doc.transact(() => fill(doc), 'raw')
      await committed(persistence)
    }
    return { doc, persistence }
  }

  /** Reads what is stored under `name` right now, through a fresh connection, then closes it. */
  async storedDoc(name: string): Promise<Y.Doc> {
    const { doc, persistence } = await this.rawDoc(name)
    await persistence.destroy()
    return doc
  }

  async dispose(): Promise<void> {
    for (const close of this.closers) await close()
    for (const env of this.envs) await env.shutdown()
    for (const p of this.raw) await p.destroy()
    await Dexie.delete(this.dbName)
    for (const name of this.docNames) await deleteDatabase(name)
    // A projection that failed in the background fails the test that caused it.
    const errors = this.envs.flatMap((e) => e.projectionErrors)
    if (errors.length) throw new Error(`projection failed: ${String(errors[0])}`)
  }
}

/** A device for the current test, disposed of when the test finishes. */
export function newDevice(): Device {
  const device = new Device()
  onTestFinished(() => device.dispose())
  return device
}

/** Resolves once every write queued so far on this persistence's connection is committed. */
function committed(persistence: DocPersistence): Promise<void> {
  const db = persistence.db
  if (!db) throw new Error('persistence not open')
  return new Promise((resolve, reject) => {
    const tx = db.transaction(['updates'], 'readonly')
    tx.objectStore('updates').count()
    tx.oncomplete = () => resolve()
    tx.onerror = () => reject(tx.error)
  })
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name)
    req.onsuccess = () => resolve()
    req.onerror = () => reject(req.error)
  })
}

export async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((d) => d.name ?? '')
}

/** Waits for the projector, and fails if it reported any error. */
export async function settle(env: TestEnv): Promise<void> {
  await env.projector.flush()
  if (env.projectionErrors.length) throw new Error(`projection failed: ${String(env.projectionErrors[0])}`)
}

export async function expectRejectsDocError(p: Promise<unknown>, code: DocErrorCode): Promise<DocError> {
  try {
    await p
  } catch (e) {
    if (e instanceof DocError && e.code === code) return e
    throw new Error(`expected DocError(${code}), got ${e instanceof DocError ? `DocError(${e.code})` : String(e)}`)
  }
  throw new Error(`expected DocError(${code}), but it resolved`)
}

/** The whole state of a document, to prove that a refused write changed nothing. */
export const stateOf = (doc: Y.Doc): Uint8Array => Y.encodeStateAsUpdate(doc)

// Builders: the unit tests' (valid inputs with Chinese content, overridable field by field).
import { memberFields } from '../unit/helpers'
export { councilInput, memberFields, meetingFields, itemFields } from '../unit/helpers'

/** `n` distinct valid members: 居民0001, 居民0002, … in rooms spread over buildings. */
export function manyMembers(n: number): MemberFields[] {
  return Array.from({ length: n }, (_, i) =>
    memberFields({
      name: `居民${String(i + 1).padStart(5, '0')}`,
      building: `${(i % 40) + 1}栋`,
      unit: `${(i % 4) + 1}单元`,
      room: String(100 + (i % 300)),
      areaCentiM2: 5000 + i,
      phone: '',
    }),
  )
}

/** Members compared without depending on Y.Map iteration order. */
export const byId = <T extends { id: string }>(list: readonly T[]): T[] => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
