// Opens Y.Docs by name: loads the local state from IndexedDB first (persistence.ts, y-indexeddb's
// layout with the compacted state packed), brings the schema up to date, and shares one Y.Doc per
// name between every screen that uses it (reference counted).
import * as Y from 'yjs'
import { DocPersistence } from './persistence'
import { migrate, schemaState } from '../../shared/doc/schema'
import { DocError } from '../../shared/doc/errors'

export interface DocHandle {
  name: string
  doc: Y.Doc
  /** Shown, never written: a document written by a newer Yishi, or a council joined read-only. */
  readOnly: boolean
  /** Why the document is read-only, for the message the screens show. */
  readOnlyReason?: 'newerSchema' | 'access'
}

interface Entry {
  handle: Promise<DocHandle>
  /** The handle once loaded, for a screen that can show it at once. */
  loaded?: DocHandle
  persistence: DocPersistence
  refs: number
  detach?: () => void
}

export interface DocStoreOptions {
  /** Called once a document is loaded; returns what to undo when it closes. */
  onOpen?: (handle: DocHandle) => () => void
  /** 'ro' for a document this device may only read (its council was joined with a read-only code). */
  accessOf?: (name: string) => 'rw' | 'ro'
}

export class DocStore {
  private entries = new Map<string, Entry>()

  constructor(private options: DocStoreOptions = {}) {}

  /** Opens (or shares) the document; resolves once its local state is loaded. */
  acquire(name: string): Promise<DocHandle> {
    const existing = this.entries.get(name)
    if (existing) {
      existing.refs++
      return existing.handle
    }
    const doc = new Y.Doc()
    const persistence = new DocPersistence(name, doc)
    const handle = persistence.whenSynced.then(() => {
      const access = this.options.accessOf?.(name) ?? 'rw'
      let readOnly = false
      try {
        // A read-only device never writes, not even a migration: the server would refuse it and
        // this copy would drift from everyone else's. It shows the document as it comes.
        if (access === 'rw') migrate(doc)
      } catch (e) {
        if (e instanceof DocError && e.code === 'newerSchema') readOnly = true
        else throw e
      }
      const newer = readOnly || schemaState(doc).state === 'newer'
      const opened: DocHandle = { name, doc, readOnly: newer || access === 'ro' }
      if (newer) opened.readOnlyReason = 'newerSchema'
      else if (access === 'ro') opened.readOnlyReason = 'access'
      if (this.options.onOpen) entry.detach = this.options.onOpen(opened)
      entry.loaded = opened
      return opened
    })
    const entry: Entry = { handle, persistence, refs: 1 }
    this.entries.set(name, entry)
    return handle
  }

  /** Gives the document back; the last release closes it after its updates are stored (and compacted). */
  async release(name: string): Promise<void> {
    const entry = this.entries.get(name)
    if (!entry) return
    entry.refs--
    if (entry.refs > 0) return
    this.entries.delete(name)
    entry.detach?.()
    await this.flush(entry)
    await entry.persistence.close()
    entry.persistence.doc.destroy()
  }

  /**
   * Resolves once every update made so far to the document is committed to IndexedDB:
   * a read transaction on the updates store is ordered after the writes before it.
   */
  async whenStored(name: string): Promise<void> {
    const entry = this.entries.get(name)
    if (entry) await this.flush(entry)
  }

  private async flush(entry: Entry): Promise<void> {
    // A document that could not be loaded (acquire reported why) has nothing of this session to store.
    if (!(await entry.persistence.whenSynced.then(() => true, () => false))) return
    const db = entry.persistence.db
    if (!db) return
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['updates'], 'readonly')
      tx.objectStore('updates').count()
      tx.oncomplete = () => resolve()
      tx.onerror = () => reject(tx.error)
      tx.onabort = () => reject(tx.error)
    })
  }

  /**
   * Drops what this device stored of an open document (a read-only device's changes the server
   * refused): it stops syncing and persisting, and its IndexedDB database is deleted, so the next
   * start loads it from the server. The in-memory copy is left as it is until the app reloads.
   */
  async discardLocal(name: string): Promise<void> {
    const entry = this.entries.get(name)
    if (!entry) return
    // Forgotten here, so that a later release does not flush into the deleted database.
    this.entries.delete(name)
    entry.detach?.()
    await entry.persistence.destroy()
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.deleteDatabase(name)
      req.onsuccess = () => resolve()
      req.onerror = () => reject(req.error)
      // Another window has it open: the deletion waits for it, and comes before any reopening.
      req.onblocked = () => resolve()
    })
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.entries.keys()].map(async (name) => {
      const entry = this.entries.get(name)
      if (entry) entry.refs = 1
      await this.release(name)
    }))
  }

  /** The document's handle if it is open and loaded right now (a screen then shows it without a loading state). */
  loaded(name: string): DocHandle | null {
    return this.entries.get(name)?.loaded ?? null
  }

  get openNames(): string[] {
    return [...this.entries.keys()]
  }
}
