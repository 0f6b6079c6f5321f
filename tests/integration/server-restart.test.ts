// Stopping the server in the middle of edits and starting it again on the same data folder loses
// nothing: what the server had is on disk when close() resolves, clients that kept editing while
// it was down reconnect by themselves and converge, and the stored document has every edit.
import { afterEach, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { connect, newCouncil, runCleanups, sameState, sleep, startServer, storedDoc, waitFor, withPostgres, type Client } from './server-fixtures'
import type { SyncServerOptions } from '../../src/server/server'

afterEach(runCleanups)

/** Appends `${tag}-${n}` to the doc's 'log' array every few ms until stopped. */
function editLoop(client: Client, tag: string) {
  let n = 0
  const timer = setInterval(() => {
    client.doc.transact(() => {
      client.doc.getArray<string>('log').push([`${tag}-${n}`])
      client.doc.getMap('last').set(tag, n)
    })
    n++
  }, 4)
  return {
    stop: () => clearInterval(timer),
    get count() {
      return n
    },
  }
}

const entries = (doc: Y.Doc) => new Set(doc.getArray<string>('log').toArray())

// postgres too: a restart on the same database loses nothing either.
describe.each(withPostgres())('storage: %s', (storage) => {
  const start = (options: Partial<SyncServerOptions> = {}) => startServer({ storage, ...options })

  describe('sync server: restart', () => {
    it('stopping mid-edits and starting again on the same data folder loses nothing', async () => {
      const first = await start()
      const council = await newCouncil(first)
      const rw = await council.code('rw')
      const a = connect(first.url, council.docName, rw)
      const b = connect(first.url, council.docName, rw)
      // Sees only what went through the server: everything it has, the server had.
      const observer = connect(first.url, council.docName, await council.code('ro'))
      await waitFor(() => a.provider.isSynced && b.provider.isSynced && observer.provider.isSynced, 'all synced')

      const la = editLoop(a, 'A')
      const lb = editLoop(b, 'B')
      await waitFor(() => entries(observer.doc).size > 100, 'edits flowing through the server')
      await first.close() // mid-edits
      const seenByObserver = entries(observer.doc)
      observer.destroy()

      // Everything the server had when it stopped is on disk.
      const stored = storedDoc(first.dataDir, council.docName, storage)!
      const storedEntries = entries(stored)
      for (const e of seenByObserver) expect(storedEntries.has(e), `stored has ${e}`).toBe(true)
      expect(storedEntries.size).toBeGreaterThanOrEqual(seenByObserver.size)

      // Both keep editing while the server is down.
      await sleep(150)
      const offlineFrom = { A: la.count, B: lb.count }
      await sleep(150)
      la.stop()
      lb.stop()
      expect(la.count).toBeGreaterThan(offlineFrom.A)
      expect(lb.count).toBeGreaterThan(offlineFrom.B)

      const second = await start({ port: first.port, dataDir: first.dataDir })
      expect(second.url).toBe(first.url)
      // The providers reconnect by themselves (registration survived the restart).
      await waitFor(() => sameState(a.doc, b.doc) && entries(a.doc).size === la.count + lb.count, 'converged after the restart', 10_000)
      for (let i = 0; i < la.count; i++) expect(entries(b.doc).has(`A-${i}`)).toBe(true)
      for (let i = 0; i < lb.count; i++) expect(entries(a.doc).has(`B-${i}`)).toBe(true)
      await waitFor(() => !a.provider.hasUnsyncedChanges && !b.provider.hasUnsyncedChanges, 'server acknowledged everything')

      await second.close()
      const final = entries(storedDoc(second.dataDir, council.docName, storage)!)
      expect(final.size).toBe(la.count + lb.count)
      for (let i = 0; i < la.count; i++) expect(final.has(`A-${i}`)).toBe(true)
      for (let i = 0; i < lb.count; i++) expect(final.has(`B-${i}`)).toBe(true)
    }, 30_000)

    it('a client that joins after the restart receives everything from the stored document', async () => {
      const first = await start()
      const council = await newCouncil(first)
      const a = connect(first.url, council.docName, await council.code('rw'))
      a.doc.getText('minutes').insert(0, '第一次会议纪要')
      await waitFor(() => a.provider.isSynced && !a.provider.hasUnsyncedChanges, 'stored by the server')
      a.destroy()
      await first.close()

      const second = await start({ dataDir: first.dataDir })
      const late = connect(second.url, council.docName, await council.code('ro'))
      await waitFor(() => late.provider.isSynced, 'late client synced')
      expect(late.doc.getText('minutes').toString()).toBe('第一次会议纪要')
    })
  })
})
