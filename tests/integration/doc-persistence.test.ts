// How documents are kept in IndexedDB (sync/persistence.ts, issue 20 stored bytes), on
// fake-indexeddb with real Yjs and y-indexeddb itself for the databases older Yishi wrote: an old
// database of raw updates still opens and is then compacted into one packed entry; what is
// written afterwards, or by another window meanwhile, is never lost by a compaction; and a
// damaged or hostile entry makes the document fail to open with DocError('invalidDocument')
// instead of hanging, and is left as it was.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { IndexeddbPersistence } from 'y-indexeddb'
import { addMember, initCouncilDoc, readCouncil, readMembers } from '../../src/shared/doc/council'
import { councilDocName } from '../../src/shared/doc/names'
import { asCouncilId } from '../../src/shared/domain/ids'
import { packUpdate } from '../../src/shared/sync/packedUpdate'
import { COMPACT_AFTER_ENTRIES, DocPersistence } from '../../src/renderer/sync/persistence'
import { isCompacted, openDocDb, readEntries, UPDATES_STORE } from '../../src/renderer/sync/storedEntries'
import { councilInput, expectRejectsDocError, memberFields, newDevice, type Device } from './env'

const NOW = '2025-03-01T09:00:00.000Z'
let seq = 0
const newName = () => councilDocName(asCouncilId(`0b7e2f8c-1111-4d2a-9c3e-${String(++seq).padStart(12, '0')}`))

/** What the database of `name` holds, entry by entry. */
async function entries(name: string): Promise<unknown[]> {
  const db = await openDocDb(name)
  try {
    return (await readEntries(db.transaction([UPDATES_STORE], 'readonly').objectStore(UPDATES_STORE))).values
  } finally {
    db.close()
  }
}

async function putEntries(device: Device, name: string, values: unknown[]): Promise<void> {
  device.track(name)
  const db = await openDocDb(name)
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction([UPDATES_STORE], 'readwrite')
    for (const v of values) tx.objectStore(UPDATES_STORE).add(v)
    tx.oncomplete = () => resolve()
    tx.onerror = () => reject(tx.error)
  })
  db.close()
}

/** A council document written the way Yishi wrote it before: by y-indexeddb, one raw update per change. */
async function oldDatabase(device: Device, name: string, members: number): Promise<Uint8Array> {
  device.track(name)
  const doc = new Y.Doc()
  const old = new IndexeddbPersistence(name, doc)
  await old.whenSynced
  initCouncilDoc(doc, asCouncilId(name.slice('council/'.length)), councilInput({ name: '旧版数据的议事会' }), NOW)
  for (let i = 0; i < members; i++) addMember(doc, memberFields({ name: `旧成员${String(i).padStart(3, '0')}` }), NOW)
  const state = Y.encodeStateAsUpdate(doc)
  await new Promise((r) => setTimeout(r, 50))
  await old.destroy()
  return state
}

/** A persistence whose deferred compactions run only when the test says so. */
function manual(name: string, doc = new Y.Doc()) {
  const queued: (() => void)[] = []
  const p = new DocPersistence(name, doc, (run) => {
    queued.push(run)
    return () => queued.splice(queued.indexOf(run), 1)
  })
  return { p, doc, queued }
}

const members = (doc: Y.Doc) => readMembers(doc).map((m) => m.name).sort()

describe('document persistence', () => {
  it('an old database of raw updates opens, is compacted on close into one packed entry, and opens again the same', async () => {
    const device = newDevice()
    const name = newName()
    const state = await oldDatabase(device, name, 40)
    const before = await entries(name)
    expect(before.length).toBeGreaterThan(40)
    expect(before.every((v) => v instanceof Uint8Array)).toBe(true)

    const env = device.start()
    const handle = await env.docs.acquire(name)
    expect(readCouncil(handle.doc)?.name).toBe('旧版数据的议事会')
    expect(Y.encodeStateVector(handle.doc)).toEqual(Y.encodeStateVectorFromUpdate(state))
    await env.docs.release(name)

    const after = await entries(name)
    expect(after).toHaveLength(1)
    expect(isCompacted(after[0])).toBe(true)
    const rawBytes = before.reduce<number>((n, v) => n + (v as Uint8Array).length, 0)
    expect((after[0] as { packed: Uint8Array }).packed.length).toBeLessThan(rawBytes / 3)
    expect(members(await device.storedDoc(name))).toHaveLength(40)
  })

  it('compacts after loading only when asked (deferred), and keeps later keystrokes raw until the next one', async () => {
    const device = newDevice()
    const name = newName()
    await oldDatabase(device, name, 5)
    const { p, doc, queued } = manual(name)
    await p.whenSynced
    expect(queued).toHaveLength(1)
    expect((await entries(name)).every((v) => v instanceof Uint8Array)).toBe(true)
    queued[0]!()
    await p.compact()
    expect((await entries(name)).map(isCompacted)).toEqual([true])

    addMember(doc, memberFields({ name: '新成员' }), NOW)
    const now = await entries(name)
    expect(now.map(isCompacted)).toEqual([true, false])
    await p.destroy()
    // Packed and raw entries together open as one document.
    expect(members(await device.storedDoc(name))).toContain('新成员')
  })

  it('schedules a compaction once raw entries pile up while open', async () => {
    const device = newDevice()
    const name = newName()
    device.track(name)
    const { p, doc, queued } = manual(name)
    await p.whenSynced
    expect(queued).toHaveLength(0)
    initCouncilDoc(doc, asCouncilId(name.slice('council/'.length)), councilInput(), NOW)
    for (let i = 0; i < COMPACT_AFTER_ENTRIES; i++) doc.getMap('scratch').set('k', i)
    expect(queued).toHaveLength(1)
    queued[0]!()
    await p.compact()
    expect((await entries(name)).map(isCompacted)).toEqual([true])
    await p.destroy()
  })

  it('a compaction never drops what another window stored meanwhile', async () => {
    const device = newDevice()
    const name = newName()
    await oldDatabase(device, name, 3)
    const a = manual(name)
    const b = manual(name)
    await Promise.all([a.p.whenSynced, b.p.whenSynced])
    addMember(b.doc, memberFields({ name: '另一窗口的成员' }), NOW)
    await b.p.destroy()
    // A has not seen B's member (no tab relay here); its compaction reads it in before deleting.
    expect(members(a.doc)).not.toContain('另一窗口的成员')
    await a.p.compact()
    expect(members(a.doc)).toContain('另一窗口的成员')
    expect((await entries(name)).map(isCompacted)).toEqual([true])
    await a.p.destroy()
    expect(members(await device.storedDoc(name))).toContain('另一窗口的成员')
  })
})

describe('a damaged or hostile entry', () => {
  const cases: [string, () => unknown][] = [
    ['an object that is not an entry', () => ({ something: 1 })],
    ['a packed entry that does not inflate', () => ({ packed: packUpdate(new Uint8Array(2000).fill(7)).map((b, i) => (i > 12 ? b ^ 0x5a : b)) })],
    ['a packed entry claiming 4 GB', () => ({ packed: Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0x0f, 0x59, 0x44, 0x01, 0xff, 0xff, 0xff, 0xff, 1, 2, 3]) })],
    ['raw bytes Yjs cannot read', () => Uint8Array.from([5, 200, 1, 9, 9, 9])],
  ]
  for (const [what, value] of cases) {
    it(`${what}: the document is refused as damaged, and its database left as it was`, async () => {
      const device = newDevice()
      const name = newName()
      await oldDatabase(device, name, 2)
      await putEntries(device, name, [value()])
      const stored = await entries(name)
      const env = device.start()
      const error = await expectRejectsDocError(env.docs.acquire(name), 'invalidDocument')
      expect(error.detail).toMatchObject({ name })
      await env.docs.release(name)
      expect(await entries(name)).toEqual(stored)
    })
  }
})
