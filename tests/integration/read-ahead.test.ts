// Reading ahead what the first screen shows (issue 20: cold open): the route's documents are read
// from IndexedDB while the app starts, and the screen that opens them takes that read. On
// fake-indexeddb with real Yjs: a document read ahead opens exactly as stored, goes on storing
// what is typed, and gets what another window wrote meanwhile; a read nobody takes lets go of its
// database; the meeting list's rows read ahead are handed over once.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { addMember, initCouncilDoc, readMembers } from '../../src/shared/doc/council'
import { councilDocName } from '../../src/shared/doc/names'
import { asCouncilId } from '../../src/shared/domain/ids'
import { DocStore } from '../../src/renderer/sync/docs'
import { readAhead, takeReadAhead } from '../../src/renderer/sync/prefetch'
import { relayBetweenTabs } from '../../src/renderer/sync/tabs'
import { openDocDb, UPDATES_STORE } from '../../src/renderer/sync/storedEntries'
import { openFirstScreen } from '../../src/renderer/app/readAhead'
import { parseRoute } from '../../src/renderer/kit/router'
import { DocError } from '../../src/shared/doc/errors'
import { readMeetingsAhead, sameRows, takeMeetingsReadAhead } from '../../src/renderer/data/projections'
import { openDb, type MeetingRow } from '../../src/renderer/data/db'
import { councilInput, memberFields, newDevice } from './env'

const NOW = '2025-03-01T09:00:00.000Z'
let seq = 0
const newCouncil = () => asCouncilId(`0b7e2f8c-2222-4d2a-9c3e-${String(++seq).padStart(12, '0')}`)
const names = (doc: Y.Doc) => readMembers(doc).map((m) => m.name).sort()

/** A council document stored with `n` members, closed again. */
async function storedCouncil(n: number, fill = true) {
  const device = newDevice()
  const councilId = newCouncil()
  const name = councilDocName(councilId)
  const env = device.start()
  const h = await env.docs.acquire(name)
  if (fill) initCouncilDoc(h.doc, councilId, councilInput({ name: '预读议事会' }), NOW)
  for (let i = 0; i < n; i++) addMember(h.doc, memberFields({ name: `成员${i}` }), NOW)
  await env.shutdown()
  return { device, name, councilId }
}

/** Whether `name`'s database can be deleted now (no connection left open on it). */
function deletesAtOnce(name: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name)
    req.onblocked = () => resolve(false)
    req.onsuccess = () => resolve(true)
    req.onerror = () => reject(req.error)
  })
}

describe('reading ahead what the first screen shows', () => {
  it('a document read ahead opens as stored, once, and goes on storing what is typed', async () => {
    const { device, name } = await storedCouncil(3)
    readAhead(name)
    const env = device.start()
    const h = await env.docs.acquire(name)
    expect(names(h.doc)).toEqual(['成员0', '成员1', '成员2'])
    // Taken by the screen that opened it: a second open reads afresh.
    expect(takeReadAhead(name)).toBeNull()
    addMember(h.doc, memberFields({ name: '新来的' }), NOW)
    await env.docs.whenStored(name)
    await env.shutdown()
    expect(names(await device.storedDoc(name))).toContain('新来的')
  })

  it('what another window writes after the read ahead reaches the window that opens it', async () => {
    const { device, name } = await storedCouncil(1)
    const prefix = `read-ahead-${seq}`
    const other = new DocStore({ onOpen: (h) => relayBetweenTabs(h.name, h.doc, prefix) })
    const theirs = await other.acquire(name)
    readAhead(name)
    // The read is done before the other window adds a member: it does not have it.
    await new Promise((r) => setTimeout(r, 50))
    addMember(theirs.doc, memberFields({ name: '另一个窗口加的' }), NOW)
    await other.whenStored(name)
    const mine = new DocStore({ onOpen: (h) => relayBetweenTabs(h.name, h.doc, prefix) })
    const h = await mine.acquire(name)
    expect(names(h.doc)).toEqual(['成员0'])
    // The relay's hello brings it.
    await expect.poll(() => names(h.doc)).toContain('另一个窗口加的')
    await mine.closeAll()
    await other.closeAll()
    expect(names(await device.storedDoc(name))).toContain('另一个窗口加的')
  })

  it('a read nobody takes lets go of its database, and the document then opens from a read of its own', async () => {
    const { device, name } = await storedCouncil(2)
    readAhead(name, 30)
    await new Promise((r) => setTimeout(r, 80))
    expect(takeReadAhead(name)).toBeNull()
    expect(await deletesAtOnce(name)).toBe(true)
    // Deleted: the document opens empty, as any document never stored on this device.
    const env = device.start()
    const h = await env.docs.acquire(name)
    expect(names(h.doc)).toEqual([])
  })

  it("the meeting list's rows read ahead are handed over once, and a read bringing the same rows counts as the same", async () => {
    const db = openDb(`yishi-read-ahead-${process.pid}`)
    const councilId = newCouncil()
    const row = (id: string, startsAt: string): MeetingRow => ({ id, councilId, title: `会议${id}`, search: `会议${id}`, startsAt, year: 2025, status: 'draft', place: '活动室', itemCount: 2, updatedAt: NOW })
    await db.meetings.bulkPut([row('a', '2025-01-10T19:00'), row('b', '2025-02-10T19:00')])
    const rows = await readMeetingsAhead(db, councilId)
    expect(rows.map((r) => r.id)).toEqual(['b', 'a'])
    expect(takeMeetingsReadAhead(councilId)).toEqual(rows)
    expect(takeMeetingsReadAhead(councilId)).toBeUndefined()
    const again = rows.map((r) => ({ ...r, updatedAt: '2025-03-02T10:00:00.000Z' }))
    expect(sameRows(rows, again)).toBe(true)
    expect(sameRows(rows, [again[0]!, { ...again[1]!, title: '改了名' }])).toBe(false)
    expect(sameRows(undefined, again)).toBe(false)
    db.close()
    await db.delete()
  })

  it("the first screen's council is loaded before the app draws it, and given back once the screen holds it", async () => {
    const { device, name, councilId } = await storedCouncil(2)
    const env = device.start()
    expect(env.docs.loaded(name)).toBeNull()
    const first = openFirstScreen(parseRoute(`#/c/${councilId}/meetings`), env.docs)
    await first.ready
    // What the screen shows on its first render: the document, loaded.
    expect(names(env.docs.loaded(name)!.doc)).toEqual(['成员0', '成员1'])
    const screen = await env.docs.acquire(name)
    first.release()
    first.release()
    expect(env.docs.openNames).toContain(name)
    addMember(screen.doc, memberFields({ name: '第三位' }), NOW)
    await env.docs.release(name)
    expect(env.docs.openNames).not.toContain(name)
    expect(names(await device.storedDoc(name))).toContain('第三位')
  })

  it('a damaged document does not hold the app back: the screen opening it gets the error to show', async () => {
    const { device, name, councilId } = await storedCouncil(0, false)
    const db = await openDocDb(name)
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction([UPDATES_STORE], 'readwrite')
      tx.objectStore(UPDATES_STORE).add(new Uint8Array([0xff, 0xfe, 0xfd, 0x01]))
      tx.oncomplete = () => resolve()
      tx.onerror = () => reject(tx.error)
    })
    db.close()
    const env = device.start()
    const first = openFirstScreen(parseRoute(`#/c/${councilId}/meetings`), env.docs)
    await first.ready
    expect(env.docs.loaded(name)).toBeNull()
    const opened = await env.docs.acquire(name).then(() => null, (e: unknown) => e)
    expect(opened).toBeInstanceOf(DocError)
    expect((opened as DocError).code).toBe('invalidDocument')
    first.release()
    await env.docs.release(name)
  })
})

describe('the row of a document just opened', () => {
  it('is written at an idle moment without anyone asking, and at once when the projector is flushed', async () => {
    const { device, councilId, name } = await storedCouncil(4)
    const env = device.start()
    await env.db.councils.clear()
    await env.docs.acquire(name)
    // Written later, on its own (an idle moment; the screen showing the council comes first).
    await expect.poll(async () => (await env.db.councils.get(councilId))?.memberCount).toBe(4)

    await env.docs.release(name)
    await env.db.councils.clear()
    await env.docs.acquire(name)
    await env.projector.flush()
    expect((await env.db.councils.get(councilId))?.name).toBe('预读议事会')
  })

  it('is written when the document closes before an idle moment came', async () => {
    const { device, councilId, name } = await storedCouncil(2)
    const env = device.start()
    await env.db.councils.clear()
    await env.docs.acquire(name)
    await env.docs.release(name)
    await env.projector.flush()
    expect((await env.db.councils.get(councilId))?.memberCount).toBe(2)
  })
})

