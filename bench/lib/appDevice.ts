// A new device running the app's own storage and sync code in Node, for the bench: Dexie and
// y-indexeddb on a fresh fake-indexeddb (nothing left from an earlier run), the DocStore,
// Projector and SyncManager wired as src/renderer/app/main.tsx wires them (without the relay
// between browser tabs), over Node's `ws`, counting the bytes the device receives: every WebSocket
// message, and every HTTP answer's headers and body as they came over the wire (the history
// download is gzip in its body, decompressed by the app itself, so these are the compressed bytes). Built as the
// integration tests build their devices (tests/integration/env.ts, which is tied to Vitest).
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import Dexie from 'dexie'
import { WebSocket } from 'ws'
import type { AppEnv } from '../../src/renderer/kit/env'
import { openDb } from '../../src/renderer/data/db'
import type { Platform } from '../../src/renderer/platform/types'
import { DocStore } from '../../src/renderer/sync/docs'
import { Projector } from '../../src/renderer/sync/projector'
import { SyncManager } from '../../src/renderer/sync/provider'

const platform: Platform = {
  kind: 'web',
  async getAppInfo() {
    return { version: '0.0.0-bench', platform: 'web', dataLocation: { kind: 'browser', origin: 'http://127.0.0.1' } }
  },
  async print() {},
  async openProjector() {},
  async saveFile() {
    return { saved: true }
  },
  capability: () => undefined,
}

export interface BenchDevice {
  env: AppEnv
  /** Bytes of every WebSocket message and HTTP answer (headers and body) the device has received so far. */
  received(): number
  /** Projection errors (a passing run has none). */
  errors: unknown[]
  /** Quits: documents stored and closed, sync stopped, Dexie closed. */
  shutdown(): Promise<void>
}

/** Points IndexedDB (for Dexie and for y-indexeddb, which reads the global) at a new, empty factory. */
function freshIndexedDb(): void {
  const factory = new IDBFactory()
  Object.assign(globalThis, { indexedDB: factory, IDBKeyRange })
  Dexie.dependencies.indexedDB = factory
  Dexie.dependencies.IDBKeyRange = IDBKeyRange
}

export interface BenchDeviceOptions {
  /**
   * false: the server's /history/ endpoint answers 404 as a server without it would, so the
   * device syncs every document over its WebSocket (the A arm of an A/B comparison).
   */
  historyDownload?: boolean
}

/** Starts the app on a device that has never seen any council. */
export async function newBenchDevice(options: BenchDeviceOptions = {}): Promise<BenchDevice> {
  freshIndexedDb()
  let bytes = 0
  class CountingWebSocket extends WebSocket {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args)
      this.on('message', (data: Buffer | ArrayBuffer | Buffer[]) => {
        bytes += Array.isArray(data) ? data.reduce((n, b) => n + b.byteLength, 0) : data.byteLength
      })
      // Closing a socket still connecting makes Node's ws emit an error nobody listens to any more.
      this.on('error', () => {})
    }
  }
  // Node's fetch would decompress a body sent with Content-Encoding before it is counted; the
  // council server's answers have none (the history download decompresses itself), so the body
  // counted here is the body on the wire. Headers are counted as `name: value` lines.
  const countingFetch: typeof fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    const res = options.historyDownload === false && new URL(url).pathname.startsWith('/history/') ? Response.json({ error: 'not-found' }, { status: 404 }) : await fetch(input, init)
    res.headers.forEach((value, name) => (bytes += name.length + value.length + 4))
    if (!res.body) return res
    const counted = res.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, out) {
          bytes += chunk.byteLength
          out.enqueue(chunk)
        },
      }),
    )
    return new Response(counted, { status: res.status, statusText: res.statusText, headers: res.headers })
  }
  const now = () => new Date().toISOString()
  const db = openDb()
  const errors: unknown[] = []
  const projector = new Projector(db, now, (e) => errors.push(e))
  const sync = new SyncManager(db, { now, online: () => true, socket: { WebSocketPolyfill: CountingWebSocket }, fetch: countingFetch })
  await sync.start()
  const docs = new DocStore({
    accessOf: sync.accessOf,
    onOpen: (h) => {
      const detachProjector = projector.attach(h)
      const detachSync = sync.attach(h)
      return () => {
        detachSync()
        detachProjector()
      }
    },
  })
  sync.useDocs(docs)
  const env: AppEnv = { db, docs, projector, sync, platform, now, today: () => now().slice(0, 10) }
  return {
    env,
    received: () => bytes,
    errors,
    async shutdown() {
      await docs.closeAll()
      sync.stop()
      await projector.flush()
      db.close()
    },
  }
}
