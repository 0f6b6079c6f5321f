// How Hocuspocus loads and stores documents here (the Database extension over a DocumentBackend
// and the StoreKeeper), and how the server shuts down: every open document stored, bounded in time.
import { once } from 'node:events'
import type { Server as HttpServer } from 'node:http'
import type { Server } from '@hocuspocus/server'
import { Database } from '@hocuspocus/extension-database'
import type { Redis } from '@hocuspocus/extension-redis'
import * as Y from 'yjs'
import { errorText, type SyncServerLogger } from './log'
import type { DocumentBackend } from './storageTypes'
import type { StoreKeeper, StoredDoc } from './storeKeeper'

export const CLOSE_TIMEOUT_MS = 15_000

export function databaseExtension(documents: DocumentBackend, keeper: StoreKeeper, log: SyncServerLogger): Database {
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

// Stop accepting, drop every socket (clients keep their edits and resync on reconnecting), let
// Hocuspocus store and unload every document, then wait for the port to be free.
export async function shutDown(server: Server, documents: DocumentBackend, redis: Redis | null, log: SyncServerLogger): Promise<void> {
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

export async function within<T>(p: Promise<T>, ms: number): Promise<T | false> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)))
  try {
    return await Promise.race([p, late])
  } finally {
    clearTimeout(timer)
  }
}
