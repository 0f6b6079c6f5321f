// Dexie's local scope: the meeting list and the catalogue come from projections (no document
// opened to list), follow local and remote edits, are rebuilt on demand; settings persist.
// fake-indexeddb first: Dexie looks for the indexedDB globals when it is first imported.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { listCouncils, markOpened } from '../../src/renderer/data/catalogue'
import { openDb } from '../../src/renderer/data/db'
import { meetingYears, queryMeetings, type MeetingQuery } from '../../src/renderer/data/projections'
import { loadLanguage, saveLanguage } from '../../src/renderer/data/settings'
import { createCouncil, saveCouncil } from '../../src/renderer/features/councils/actions'
import { importMembers, saveNewMember } from '../../src/renderer/features/members/actions'
import { createMeeting, issueNotice, saveNewItem } from '../../src/renderer/features/meetings/actions'
import { ensureProjections } from '../../src/renderer/kit/meetingList'
import { addMember, updateCouncil } from '../../src/shared/doc/council'
import { addAgendaItem, readMeeting, transitionMeeting, updateMeeting } from '../../src/shared/doc/meeting'
import { councilDocName, meetingDocName } from '../../src/shared/doc/names'
import { metaOf } from '../../src/shared/doc/schema'
import type { CouncilId, MeetingId } from '../../src/shared/domain/ids'
import type { MeetingFields } from '../../src/shared/domain/meeting'
import {
  councilInput,
  expectRejectsDocError,
  itemFields,
  manyMembers,
  meetingFields,
  memberFields,
  newDevice,
  settle,
  type TestEnv,
} from './env'

/** Creates a meeting through the actions; noticed ones get one agenda item first. */
async function addMeeting(env: TestEnv, councilId: CouncilId, fields: Partial<MeetingFields>, noticed = false): Promise<MeetingId> {
  const council = await env.docs.acquire(councilDocName(councilId))
  try {
    const id = await createMeeting(env, council, councilId, meetingFields(fields))
    if (noticed) {
      const name = meetingDocName(councilId, id)
      const meeting = await env.docs.acquire(name)
      await saveNewItem(env, meeting, itemFields())
      await issueNotice(env, meeting)
      await env.docs.release(name)
    }
    return id
  } finally {
    await env.docs.release(councilDocName(councilId))
  }
}

/** Two councils; the first with five meetings over three years, the second with one. */
async function councilWithMeetings(env: TestEnv) {
  const councilId = await createCouncil(env, councilInput())
  const ids = {
    summary2023: await addMeeting(env, councilId, { title: '2023年度总结会', startsAt: '2023-12-20T19:00' }),
    lift2024: await addMeeting(env, councilId, { title: '加装电梯专题议事会', startsAt: '2024-05-08T19:30' }, true),
    parking2024: await addMeeting(env, councilId, { title: 'ABC小区停车议事', startsAt: '2024-09-01T09:00' }),
    march2025: await addMeeting(env, councilId, { title: '三月议事会', startsAt: '2025-03-10T19:30' }, true),
    wifi2025: await addMeeting(env, councilId, { title: 'Ｗｉｆｉ 覆盖讨论', startsAt: '2025-01-15T10:00' }),
  }
  const otherId = await createCouncil(env, councilInput({ name: '望江社区居民议事会' }))
  const otherMeeting = await addMeeting(env, otherId, { title: '加装电梯', startsAt: '2025-02-01T19:00' })
  await settle(env)
  return { councilId, ids, otherId, otherMeeting }
}

describe('the meeting list (queryMeetings)', () => {
  it('is newest first and filters by year, status and title text', async () => {
    const env = newDevice().start()
    const { councilId, ids, otherId, otherMeeting } = await councilWithMeetings(env)
    const q = async (query: Omit<MeetingQuery, 'councilId'>) => (await queryMeetings(env.db, { councilId, ...query })).map((r) => r.id)

    expect(await q({})).toEqual([ids.march2025, ids.wifi2025, ids.parking2024, ids.lift2024, ids.summary2023])
    expect(await q({ year: 2024 })).toEqual([ids.parking2024, ids.lift2024])
    expect(await q({ year: 2022 })).toEqual([])
    expect(await q({ year: null, status: null, text: '' })).toHaveLength(5)
    expect(await q({ status: 'noticed' })).toEqual([ids.march2025, ids.lift2024])
    expect(await q({ status: 'draft' })).toEqual([ids.wifi2025, ids.parking2024, ids.summary2023])
    expect(await q({ year: 2024, status: 'noticed' })).toEqual([ids.lift2024])
    // Chinese substrings, case and width (NFKC) insensitive, surrounding spaces ignored.
    expect(await q({ text: '电梯' })).toEqual([ids.lift2024])
    expect(await q({ text: ' 议事会  ' })).toEqual([ids.march2025, ids.lift2024])
    expect(await q({ text: 'abc' })).toEqual([ids.parking2024])
    expect(await q({ text: 'ａｂｃ小区' })).toEqual([ids.parking2024])
    expect(await q({ text: 'WIFI' })).toEqual([ids.wifi2025])
    expect(await q({ text: 'wifi 覆盖' })).toEqual([ids.wifi2025])
    expect(await q({ text: '电梯', year: 2025 })).toEqual([])
    expect(await q({ text: '不存在的会议' })).toEqual([])

    expect(await meetingYears(env.db, councilId)).toEqual([2025, 2024, 2023])
    expect((await queryMeetings(env.db, { councilId: otherId })).map((r) => r.id)).toEqual([otherMeeting])
    expect(await queryMeetings(env.db, { councilId: '00000000-0000-4000-8000-000000000000' })).toEqual([])
  })

  it('is read from Dexie alone: no document is open, before or after a restart', async () => {
    const device = newDevice()
    let env = device.start()
    const { councilId, ids } = await councilWithMeetings(env)
    const rows = await queryMeetings(env.db, { councilId })
    expect(rows[0]).toMatchObject({ id: ids.march2025, title: '三月议事会', status: 'noticed', year: 2025, itemCount: 1, place: '社区活动室' })

    await env.docs.closeAll()
    expect(env.docs.openNames).toEqual([])
    expect(await queryMeetings(env.db, { councilId })).toEqual(rows)
    expect(await queryMeetings(env.db, { councilId, text: '电梯' })).toEqual([rows[3]])
    expect(env.docs.openNames).toEqual([])

    env = await device.restart(env)
    const listed = queryMeetings(env.db, { councilId, year: 2025 })
    expect(env.docs.openNames).toEqual([])
    expect(await listed).toEqual([rows[0], rows[1]])
    expect(env.docs.openNames).toEqual([])
  })

  it('ensureProjections rebuilds the rows Dexie lacks from the meeting documents', async () => {
    const device = newDevice()
    let env = device.start()
    const { councilId, ids } = await councilWithMeetings(env)
    const rows = await queryMeetings(env.db, { councilId })
    env = await device.restart(env)

    await env.db.meetings.where('councilId').equals(councilId).delete()
    expect(await queryMeetings(env.db, { councilId })).toEqual([])
    const rebuiltAt = device.clock.advance(3_600_000)
    const council = await env.docs.acquire(councilDocName(councilId))
    expect(await ensureProjections(env, council, councilId)).toBe(5)
    const rebuilt = await queryMeetings(env.db, { councilId })
    expect(rebuilt).toEqual(rows.map((r) => ({ ...r, updatedAt: rebuiltAt })))
    // Each meeting document was opened only to rebuild its row.
    expect(env.docs.openNames).toEqual([councilDocName(councilId)])

    expect(await ensureProjections(env, council, councilId)).toBe(0)
    await env.db.meetings.delete(ids.parking2024)
    expect(await ensureProjections(env, council, councilId)).toBe(1)
    expect((await queryMeetings(env.db, { councilId })).map((r) => r.id)).toEqual(rows.map((r) => r.id))
    await settle(env)
  })

  it('ensureProjections also rebuilds the row of a meeting whose document is open elsewhere', async () => {
    const env = newDevice().start()
    const councilId = await createCouncil(env, councilInput())
    const meetingId = await addMeeting(env, councilId, { title: '正在编辑的会议' })
    const council = await env.docs.acquire(councilDocName(councilId))
    const meeting = await env.docs.acquire(meetingDocName(councilId, meetingId))
    await settle(env)
    await env.db.meetings.clear()

    expect(await ensureProjections(env, council, councilId)).toBe(1)
    expect(await env.db.meetings.get(meetingId)).toMatchObject({ title: '正在编辑的会议', councilId })
    // The screen that had it open still has it.
    expect(env.docs.openNames).toContain(meeting.name)
    expect(meeting.doc.isDestroyed).toBe(false)
  })

  it('ensureProjections rebuilds every other row when one meeting document is damaged, and closes it', async () => {
    const device = newDevice()
    let env = device.start()
    const councilId = await createCouncil(env, councilInput())
    const damaged = await addMeeting(env, councilId, { title: '损坏的会议', startsAt: '2025-01-01T10:00' })
    const fine = [
      await addMeeting(env, councilId, { title: '二月议事会', startsAt: '2025-02-01T10:00' }),
      await addMeeting(env, councilId, { title: '三月议事会', startsAt: '2025-03-01T10:00' }),
    ]
    env = await device.restart(env)
    await device.rawDoc(meetingDocName(councilId, damaged), (d) => metaOf(d).set('schemaVersion', 'garbled'))
    await env.db.meetings.clear()

    const council = await env.docs.acquire(councilDocName(councilId))
    await expectRejectsDocError(ensureProjections(env, council, councilId), 'invalidDocument')
    expect((await queryMeetings(env.db, { councilId })).map((r) => r.id)).toEqual([...fine].reverse())
    expect(env.docs.openNames).toEqual([councilDocName(councilId)])
    await settle(env)
  })

  it('follows a remote update applied to an open meeting document', async () => {
    const device = newDevice()
    const env = device.start()
    const councilId = await createCouncil(env, councilInput())
    const meetingId = await addMeeting(env, councilId, { title: '六月议事会', startsAt: '2025-06-05T19:30' })
    const name = meetingDocName(councilId, meetingId)
    const local = await env.docs.acquire(name)

    // A second device: a replica of the document, edited there and sent back with the provider's origin.
    const remote = new Y.Doc()
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(local.doc), 'provider')
    updateMeeting(remote, meetingFields({ title: '六月 ＤＥＦ 议事会', startsAt: '2026-01-09T19:30' }), 'remote-user')
    addAgendaItem(remote, itemFields({ title: '小区绿化' }), 'remote-user')
    addAgendaItem(remote, itemFields({ title: '快递柜' }), 'remote-user')
    transitionMeeting(remote, 'noticed', '2025-06-01T08:00:00.000Z', 'remote-user')
    const at = device.clock.advance(1_000)
    Y.applyUpdate(local.doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(local.doc)), 'provider')
    await settle(env)

    expect(readMeeting(local.doc)?.title).toBe('六月 ＤＥＦ 议事会')
    expect(await env.db.meetings.get(meetingId)).toMatchObject({
      title: '六月 ＤＥＦ 议事会',
      search: '六月 def 议事会',
      startsAt: '2026-01-09T19:30',
      year: 2026,
      status: 'noticed',
      itemCount: 2,
      updatedAt: at,
    })
    expect((await queryMeetings(env.db, { councilId, year: 2026, status: 'noticed', text: 'def' })).map((r) => r.id)).toEqual([meetingId])
    // What arrived from the other device is stored on this one too.
    await env.docs.whenStored(name)
    expect(readMeeting(await device.storedDoc(name))?.status).toBe('noticed')
  })
  it('reopening a meeting and its council whose rows are current writes neither row', async () => {
    const device = newDevice()
    let env = device.start()
    const councilId = await createCouncil(env, councilInput())
    const meetingId = await addMeeting(env, councilId, { title: '七月议事会', startsAt: '2025-07-05T19:30' })
    const row = await env.db.meetings.get(meetingId)
    const councilRow = (await listCouncils(env.db)).find((c) => c.id === councilId)
    env = await device.restart(env)
    device.clock.advance(60_000)
    const written: string[] = []
    env.db.meetings.hook('updating', () => void written.push('meeting'))
    env.db.meetings.hook('creating', () => void written.push('meeting'))
    env.db.councils.hook('updating', () => void written.push('council'))

    const council = await env.docs.acquire(councilDocName(councilId))
    const meeting = await env.docs.acquire(meetingDocName(councilId, meetingId))
    await env.projector.flush()
    // A list watching the tables is not made to query again by an open that changes nothing.
    expect(written).toEqual([])
    expect(await env.db.meetings.get(meetingId)).toEqual(row)
    expect((await listCouncils(env.db)).find((c) => c.id === councilId)).toEqual(councilRow)

    // A change still reaches its row.
    const at = device.clock.advance(1_000)
    updateMeeting(meeting.doc, meetingFields({ title: '七月 改期 议事会', startsAt: '2025-07-12T19:30' }))
    await settle(env)
    expect(await env.db.meetings.get(meetingId)).toMatchObject({ title: '七月 改期 议事会', updatedAt: at })
    await env.docs.release(meeting.name)
    await env.docs.release(council.name)
    await settle(env)
  })
  it("a meeting document whose contents claim another council gets no row in either council's list", async () => {
    const device = newDevice()
    const env = device.start()
    const mine = await createCouncil(env, councilInput({ name: '我的议事会' }))
    const other = await createCouncil(env, councilInput({ name: '别的议事会' }))
    const meetingId = await addMeeting(env, other, { title: '别处的会议' })
    // Its bytes arrive stored under my council's name (a hostile or mistaken sync).
    const stored = await device.storedDoc(meetingDocName(other, meetingId))
    await device.rawDoc(meetingDocName(mine, meetingId), (d) => Y.applyUpdate(d, Y.encodeStateAsUpdate(stored)))
    await env.db.meetings.clear()

    const handle = await env.docs.acquire(meetingDocName(mine, meetingId))
    await env.projector.flush()
    expect(await queryMeetings(env.db, { councilId: mine })).toEqual([])
    expect(await queryMeetings(env.db, { councilId: other })).toEqual([])
    expect(env.projectionErrors.map(String)).toEqual([expect.stringContaining('claims to be')])
    env.projectionErrors.length = 0
    await env.docs.release(handle.name)
  })
})

describe('the catalogue of councils (listCouncils)', () => {
  it('follows renames and member counts, local and remote, most recently opened first', async () => {
    const device = newDevice()
    const env = device.start()
    const first = await createCouncil(env, councilInput({ name: '桂溪社区居民议事会' }))
    device.clock.advance(1_000)
    const second = await createCouncil(env, councilInput({ name: '望江社区居民议事会', kind: 'assembly' }))
    expect((await listCouncils(env.db)).map((c) => [c.id, c.name, c.memberCount])).toEqual([
      [second, '望江社区居民议事会', 0],
      [first, '桂溪社区居民议事会', 0],
    ])

    const handle = await env.docs.acquire(councilDocName(first))
    await saveNewMember(env, handle, memberFields({ name: '孙九' }))
    await importMembers(env, handle, manyMembers(3))
    await saveCouncil(env, handle.doc, handle.name, councilInput({ name: '桂溪社区第二届居民议事会', street: '新街道' }))
    const openedAt = device.clock.advance(1_000)
    await markOpened(env.db, first, openedAt)
    await settle(env)
    expect(await listCouncils(env.db)).toMatchObject([
      { id: first, name: '桂溪社区第二届居民议事会', street: '新街道', memberCount: 4, kind: 'resident', openedAt },
      { id: second, name: '望江社区居民议事会', memberCount: 0, kind: 'assembly' },
    ])

    // Edits from another device reach the catalogue as well.
    const remote = new Y.Doc()
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(handle.doc))
    addMember(remote, memberFields({ name: '远端成员' }), '2025-03-02T10:00:00.000Z', 'remote-user')
    updateCouncil(remote, councilInput({ name: '桂溪议事会（远端改名）', street: '新街道' }), 'remote-user')
    Y.applyUpdate(handle.doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(handle.doc)), 'provider')
    await settle(env)
    expect(await env.db.councils.get(first)).toMatchObject({ name: '桂溪议事会（远端改名）', memberCount: 5, openedAt })
  })
})

describe('settings', () => {
  it('the language defaults to zh-CN and a saved choice survives a new Dexie instance', async () => {
    const device = newDevice()
    const env = device.start()
    expect(await loadLanguage(env.db)).toBe('zh-CN')
    await saveLanguage(env.db, 'en')
    expect(await loadLanguage(env.db)).toBe('en')
    await saveLanguage(env.db, 'zh-TW')
    env.db.close()

    const again = openDb(device.dbName)
    try {
      expect(await loadLanguage(again)).toBe('zh-TW')
      expect(await again.settings.toArray()).toEqual([{ key: 'language', value: 'zh-TW' }])
    } finally {
      again.close()
    }
  })

  it('an invalid stored language falls back to zh-CN', async () => {
    const env = newDevice().start()
    for (const value of ['fr', 'ZH-CN', '', 42, null, { lang: 'en' }]) {
      await env.db.settings.put({ key: 'language', value })
      expect(await loadLanguage(env.db)).toBe('zh-CN')
    }
  })
})
