// The history prefetch (src/renderer/sync/historyPrefetch.ts) against a stand-in server: batches are
// asked for newest first, one after the other, never more than one batch ahead of the documents
// being opened; what arrives goes into each document as it opens; stopping asks for nothing more.
import { gzipSync } from 'node:zlib'
import { expect, it } from 'vitest'
import * as Y from 'yjs'
import type { CouncilSyncRow } from '../../src/renderer/data/db'
import type { Fetch } from '../../src/renderer/sync/historyDownload'
import { HistoryPrefetch } from '../../src/renderer/sync/historyPrefetch'
import { HISTORY_CONTENT_TYPE, encodeRecord, endRecord } from '../../src/shared/sync/historyRecords'

const COUNCIL = '7d1c1c7e-1f0b-4a57-9a0e-2a4a3c9d7f10'
const row = { councilId: COUNCIL, serverUrl: 'ws://127.0.0.1:1', code: 'YS1.test', access: 'rw' } as unknown as CouncilSyncRow
const names = Array.from({ length: 10 }, (_, i) => `council/${COUNCIL}/meeting/${i}`)

/** A server that answers each name with a document holding it as its title; records the requests. */
function standIn() {
  const asked: string[][] = []
  const fetchFn: Fetch = async (_input, init) => {
    const wanted = (JSON.parse(String(init?.body)) as { docs: { name: string }[] }).docs.map((d) => d.name)
    asked.push(wanted)
    const parts = wanted.map((name) => {
      const doc = new Y.Doc()
      doc.getMap('meta').set('title', name)
      return encodeRecord(name, Y.encodeStateAsUpdate(doc))
    })
    return new Response(gzipSync(Buffer.concat([...parts, endRecord()])), { headers: { 'content-type': HISTORY_CONTENT_TYPE } })
  }
  return { asked, fetchFn }
}

const settle = () => new Promise((r) => setTimeout(r, 20))
const open = (prefetch: HistoryPrefetch, name: string) => {
  const doc = new Y.Doc()
  prefetch.applyTo({ name, doc, readOnly: false })
  return doc
}

it('downloads a batch at a time, newest first, at most one batch ahead of what was opened, and puts each into its document', async () => {
  const server = standIn()
  const prefetch = new HistoryPrefetch(() => row, server.fetchFn)
  const run = prefetch.start(COUNCIL, names, 3)
  await run.ready(names[0]!)
  await settle()
  // The first batch is in, the second downloaded meanwhile; the third waits for the first to be opened.
  expect(server.asked).toEqual([names.slice(0, 3), names.slice(3, 6)])
  for (const name of names.slice(0, 3)) expect(open(prefetch, name).getMap('meta').get('title')).toBe(name)
  await settle()
  expect(server.asked).toHaveLength(3)
  for (const name of names.slice(3)) {
    await run.ready(name)
    expect(open(prefetch, name).getMap('meta').get('title')).toBe(name)
  }
  expect(server.asked.flat()).toEqual(names)
  // Opened once: a second opening gets nothing more from the download (its provider syncs it).
  expect(open(prefetch, names[0]!).getMap('meta').size).toBe(0)
  run.done()
})

it('stopping asks for nothing more and forgets what was not opened; without an answer every document is ready at once', async () => {
  const server = standIn()
  const prefetch = new HistoryPrefetch(() => row, server.fetchFn)
  const run = prefetch.start(COUNCIL, names, 3)
  await run.ready(names[0]!)
  run.done()
  await settle()
  expect(server.asked.length).toBeLessThanOrEqual(2)
  expect(open(prefetch, names[1]!).getMap('meta').size).toBe(0)

  const refused: Fetch = async () => Response.json({ error: 'not-found' }, { status: 404 })
  const old = new HistoryPrefetch(() => row, refused).start(COUNCIL, names, 3)
  await Promise.all(names.map((n) => old.ready(n)))
})
