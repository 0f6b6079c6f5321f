// DocStore on y-indexeddb: "saved" means on disk, one shared Y.Doc per name, closing stores
// everything, and a document from a newer Yishi is shown read-only and never rewritten.
// fake-indexeddb first: Dexie looks for the indexedDB globals when it is first imported.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DocStore } from '../../src/renderer/sync/docs'
import { createCouncil, saveCouncil } from '../../src/renderer/features/councils/actions'
import { saveNewMember } from '../../src/renderer/features/members/actions'
import { saveNewItem } from '../../src/renderer/features/meetings/actions'
import { addMember, initCouncilDoc, readCouncil, readMembers } from '../../src/shared/doc/council'
import { initMeetingDoc, readMeeting } from '../../src/shared/doc/meeting'
import { councilDocName, meetingDocName } from '../../src/shared/doc/names'
import { metaOf, SCHEMA_VERSION } from '../../src/shared/doc/schema'
import { asCouncilId, asMeetingId } from '../../src/shared/domain/ids'
import {
  councilInput,
  databaseNames,
  Device,
  expectRejectsDocError,
  itemFields,
  meetingFields,
  memberFields,
  newDevice,
  settle,
  stateOf,
} from './env'

const COUNCIL_ID = asCouncilId('0b7e2f8c-1111-4d2a-9c3e-5a6b7c8d9e0f')
const MEETING_ID = asMeetingId('7f3c9a10-2222-4b5c-8d6e-0f1a2b3c4d5e')
const NOW = '2025-03-01T09:00:00.000Z'

/** A DocStore of the test's own (no projector), counting opens and closes. */
function countingStore(device: Device) {
  const counts = { opened: 0, closed: 0 }
  const docs = new DocStore({
    onOpen: (h) => {
      device.track(h.name)
      counts.opened++
      return () => void counts.closed++
    },
  })
  device.onDispose(() => docs.closeAll())
  return { docs, counts }
}

/** Every root a council document of any version here holds, read as maps (toJSON skips roots nobody has typed yet). */
const councilRoots = (doc: Y.Doc) => Object.fromEntries(['meta', 'council', 'members', 'meetings', 'futureFeature'].map((k) => [k, doc.getMap(k).toJSON()]))

const names = (doc: Y.Doc) => readMembers(doc).map((m) => m.name).sort()

describe('whenStored', () => {
  it('resolves only once the update is in the y-indexeddb updates store', async () => {
    const device = newDevice()
    const env = device.start()
    const councilId = await createCouncil(env, councilInput())
    const name = councilDocName(councilId)
    const { doc } = await env.docs.acquire(name)

    const writes = device.watchUpdateWrites(name)

    addMember(doc, memberFields({ name: '刚保存的成员' }), NOW)
    expect(writes).toMatchObject({ started: 1, uncommitted: 1 })
    await env.docs.whenStored(name)
    expect(writes).toMatchObject({ started: 1, uncommitted: 0 })
    expect(names(await device.storedDoc(name))).toEqual(['刚保存的成员'])

    // A burst of writes: the last whenStored covers every one before it.
    for (let i = 0; i < 30; i++) addMember(doc, memberFields({ name: `成员${String(i).padStart(2, '0')}` }), NOW)
    expect(writes.uncommitted).toBe(30)
    await env.docs.whenStored(name)
    expect(writes).toMatchObject({ started: 31, uncommitted: 0 })
    const stored = await device.storedDoc(name)
    expect(readMembers(stored)).toHaveLength(31)
    expect(Y.encodeStateVector(stored)).toEqual(Y.encodeStateVector(doc))
  })

  it('an action reports saved only when a second reader already finds the data', async () => {
    const device = newDevice()
    const env = device.start()
    const councilId = await createCouncil(env, councilInput({ name: '望江社区居民议事会' }))
    const name = councilDocName(councilId)
    // createCouncil released its document: what it wrote is on disk.
    expect(env.docs.openNames).toEqual([])
    expect(readCouncil(await device.storedDoc(name))?.name).toBe('望江社区居民议事会')

    const handle = await env.docs.acquire(name)
    const writes = device.watchUpdateWrites(name)
    await saveNewMember(env, handle, memberFields({ name: '周八' }))
    expect(writes).toMatchObject({ started: 1, uncommitted: 0 })
    expect(names(await device.storedDoc(name))).toEqual(['周八'])
    await saveCouncil(env, handle.doc, name, councilInput({ name: '望江社区第二届居民议事会' }))
    expect(writes).toMatchObject({ started: 2, uncommitted: 0 })
    expect(readCouncil(await device.storedDoc(name))?.name).toBe('望江社区第二届居民议事会')
  })

  it('closeAll stores writes nobody waited for', async () => {
    const device = newDevice()
    const env = device.start()
    const councilId = await createCouncil(env, councilInput())
    const name = councilDocName(councilId)
    const { doc } = await env.docs.acquire(name)
    const writes = device.watchUpdateWrites(name)
    addMember(doc, memberFields({ name: '未等待的成员' }), NOW)
    await env.docs.closeAll()
    // The write, then the compaction on close (persistence.ts) folding it into the packed state.
    expect(writes).toMatchObject({ started: 2, uncommitted: 0 })
    expect(env.docs.openNames).toEqual([])
    expect(doc.isDestroyed).toBe(true)
    expect(names(await device.storedDoc(name))).toEqual(['未等待的成员'])
  })

  it('resolves at once for a document that is not open', async () => {
    const device = newDevice()
    const env = device.start()
    await expect(env.docs.whenStored('council/not-open-0000')).resolves.toBeUndefined()
    expect(env.docs.openNames).toEqual([])
  })
})

describe('sharing one Y.Doc per name', () => {
  it('two acquires share the doc; only the last release closes it', async () => {
    const device = newDevice()
    const { docs, counts } = countingStore(device)
    const name = councilDocName(COUNCIL_ID)

    const [a, b] = await Promise.all([docs.acquire(name), docs.acquire(name)])
    const c = await docs.acquire(name)
    expect(b.doc).toBe(a.doc)
    expect(c.doc).toBe(a.doc)
    expect(counts).toEqual({ opened: 1, closed: 0 })
    initCouncilDoc(a.doc, COUNCIL_ID, councilInput(), NOW)

    await docs.release(name)
    await docs.release(name)
    expect(docs.openNames).toEqual([name])
    expect(a.doc.isDestroyed).toBe(false)
    expect(counts.closed).toBe(0)
    // Still live after the other releases: writes keep being stored.
    addMember(c.doc, memberFields({ name: '最后的持有者' }), NOW)

    await docs.release(name)
    expect(docs.openNames).toEqual([])
    expect(a.doc.isDestroyed).toBe(true)
    expect(counts).toEqual({ opened: 1, closed: 1 })
    // An extra release is harmless.
    await docs.release(name)

    const again = await docs.acquire(name)
    expect(again.doc).not.toBe(a.doc)
    expect(counts.opened).toBe(2)
    expect(readCouncil(again.doc)?.name).toBe('桂溪社区居民议事会')
    expect(names(again.doc)).toEqual(['最后的持有者'])
    expect(Y.encodeStateVector(again.doc)).toEqual(Y.encodeStateVector(a.doc))
  })

  it('acquiring again while the last release is still storing loads every write', async () => {
    const device = newDevice()
    const { docs } = countingStore(device)
    const name = councilDocName(COUNCIL_ID)
    const first = await docs.acquire(name)
    initCouncilDoc(first.doc, COUNCIL_ID, councilInput(), NOW)
    for (let i = 0; i < 10; i++) addMember(first.doc, memberFields({ name: `快速${i}` }), NOW)
    const releasing = docs.release(name)
    const second = await docs.acquire(name)
    await releasing
    expect(second.doc).not.toBe(first.doc)
    expect(readMembers(second.doc)).toHaveLength(10)
    expect(readCouncil(second.doc)).toEqual(readCouncil(first.doc))
  })

  it('a document with a name the projector does not know opens but projects nothing', async () => {
    const device = newDevice()
    const env = device.start()
    const h = await env.docs.acquire('scratch-pad')
    h.doc.getMap('x').set('y', 1)
    await env.docs.whenStored('scratch-pad')
    await settle(env)
    expect(await env.db.councils.count()).toBe(0)
    expect(await env.db.meetings.count()).toBe(0)
  })
})

describe('schema versions', () => {
  it('a council document from a newer Yishi opens read-only, refuses writes, and is never rewritten', async () => {
    const device = newDevice()
    const name = councilDocName(COUNCIL_ID)
    const { doc: raw, persistence } = await device.rawDoc(name, (d) => {
      initCouncilDoc(d, COUNCIL_ID, councilInput({ name: '未来版本的议事会' }), NOW)
      addMember(d, memberFields({ name: '未来成员' }), NOW)
      metaOf(d).set('schemaVersion', SCHEMA_VERSION + 1)
      d.getMap('futureFeature').set('votingRounds', 3)
    })
    const rawJson = councilRoots(raw)
    const rawVector = Y.encodeStateVector(raw)
    await persistence.destroy()

    const env = device.start()
    const handle = await env.docs.acquire(name)
    expect(handle.readOnly).toBe(true)
    expect(councilRoots(handle.doc)).toEqual(rawJson)
    expect(rawJson.futureFeature).toEqual({ votingRounds: 3 })
    expect(metaOf(handle.doc).get('schemaVersion')).toBe(SCHEMA_VERSION + 1)
    expect(Y.encodeStateVector(handle.doc)).toEqual(rawVector)

    const state = stateOf(handle.doc)
    await expectRejectsDocError(saveNewMember(env, handle, memberFields({ name: '旧版写入' })), 'newerSchema')
    await expectRejectsDocError(saveCouncil(env, handle.doc, name, councilInput({ name: '旧版改名' })), 'newerSchema')
    expect(stateOf(handle.doc)).toEqual(state)
    await settle(env)

    await env.docs.closeAll()
    const stored = await device.storedDoc(name)
    expect(councilRoots(stored)).toEqual(rawJson)
    expect(Y.encodeStateVector(stored)).toEqual(rawVector)
  })

  it('a meeting document from a newer Yishi opens read-only and its agenda refuses edits', async () => {
    const device = newDevice()
    const name = meetingDocName(COUNCIL_ID, MEETING_ID)
    await device.rawDoc(name, (d) => {
      initMeetingDoc(d, { councilId: COUNCIL_ID, meetingId: MEETING_ID }, meetingFields({ title: '未来的会议' }), NOW)
      metaOf(d).set('schemaVersion', SCHEMA_VERSION + 5)
    })
    const env = device.start()
    const handle = await env.docs.acquire(name)
    expect(handle.readOnly).toBe(true)
    expect(readMeeting(handle.doc)?.title).toBe('未来的会议')
    const state = stateOf(handle.doc)
    await expectRejectsDocError(saveNewItem(env, handle, itemFields()), 'newerSchema')
    expect(stateOf(handle.doc)).toEqual(state)
  })

  it('a current document opens writable; a damaged one is refused and left as it was', async () => {
    const device = newDevice()
    const good = councilDocName(COUNCIL_ID)
    const bad = councilDocName(asCouncilId('deadbeef-0000-4000-8000-000000000000'))
    await device.rawDoc(good, (d) => initCouncilDoc(d, COUNCIL_ID, councilInput(), NOW))
    await device.rawDoc(bad, (d) => {
      metaOf(d).set('schemaVersion', 'one')
      metaOf(d).set('kind', 'council')
    })
    const env = device.start()
    expect((await env.docs.acquire(good)).readOnly).toBe(false)
    await expectRejectsDocError(env.docs.acquire(bad), 'invalidDocument')
    await env.docs.release(bad)
    expect(env.docs.openNames).toEqual([good])
    expect(metaOf(await device.storedDoc(bad)).toJSON()).toEqual({ schemaVersion: 'one', kind: 'council' })
  })
})

describe('fixture cleanup', () => {
  it('dispose closes every instance and deletes every database the device touched', async () => {
    const device = new Device()
    const env = device.start()
    const councilId = await createCouncil(env, councilInput())
    await env.docs.acquire(councilDocName(councilId))
    await device.rawDoc('raw-only-doc', (d) => d.getMap('m').set('k', 'v'))
    const before = await databaseNames()
    expect(before).toEqual(expect.arrayContaining([device.dbName, councilDocName(councilId), 'raw-only-doc']))

    await device.dispose()
    const after = await databaseNames()
    expect(after).not.toContain(device.dbName)
    expect(after).not.toContain(councilDocName(councilId))
    expect(after).not.toContain('raw-only-doc')
    expect(env.docs.openNames).toEqual([])
  })
})
