// Direct connections to meeting documents for the phone ballot endpoints (ballots.ts).
import type { Hocuspocus } from '@hocuspocus/server'
import type * as Y from 'yjs'
import type { DocumentBackend } from './storageTypes'

export type DirectConnection = Awaited<ReturnType<Hocuspocus['openDirectConnection']>>

/**
 * Direct connections to meeting documents, shared by the requests in flight for one meeting and
 * disconnected when the last of them is done. A document that is not loaded is opened only if the
 * storage has it: a request for a made-up name never creates an empty document.
 */
export class DocLeases {
  private readonly leases = new Map<string, { users: number; conn: Promise<DirectConnection | null> }>()
  private readonly closing = new Map<string, Promise<void>>()

  constructor(
    private readonly hocuspocus: Hocuspocus,
    private readonly documents: DocumentBackend,
  ) {}

  /** Runs `task` on the document `name`; null when there is no such document. */
  async use<T>(name: string, task: (conn: DirectConnection, doc: Y.Doc) => Promise<T>): Promise<T | null> {
    let lease = this.leases.get(name)
    if (!lease) {
      lease = { users: 0, conn: this.connect(name) }
      this.leases.set(name, lease)
    }
    lease.users += 1
    try {
      const conn = await lease.conn
      if (!conn?.document) return null
      return await task(conn, conn.document)
    } finally {
      lease.users -= 1
      if (lease.users === 0 && this.leases.get(name) === lease) {
        this.leases.delete(name)
        // Not awaited by the request: the answer does not wait for the store and the unload.
        const done: Promise<void> = lease.conn
          .then((c) => c?.disconnect())
          .catch(() => {})
          .finally(() => {
            if (this.closing.get(name) === done) this.closing.delete(name)
          })
        this.closing.set(name, done)
      }
    }
  }

  /** Waits for every disconnect under way. */
  async settle(): Promise<void> {
    while (this.closing.size) await Promise.all(this.closing.values())
  }

  private async connect(name: string): Promise<DirectConnection | null> {
    // The previous lease's disconnect may be unloading the document: let it finish first.
    await this.closing.get(name)
    if (!this.hocuspocus.documents.has(name) && !this.hocuspocus.loadingDocuments.has(name)) {
      if ((await this.documents.fetch(name)) === null) return null
    }
    return this.hocuspocus.openDirectConnection(name, { phone: true })
  }
}
