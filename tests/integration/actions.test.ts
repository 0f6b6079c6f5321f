// The feature actions end to end on a real local stack: what a secretary enters survives a
// restart, a refused write (bad import row, locked agenda) changes nothing, on screen or on disk.
// fake-indexeddb first: Dexie looks for the indexedDB globals when it is first imported.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createCouncil, saveCouncil } from '../../src/renderer/features/councils/actions'
import { importMembers, saveMember, saveNewMember } from '../../src/renderer/features/members/actions'
import {
  createMeeting,
  deleteItem,
  issueNotice,
  moveItem,
  saveItem,
  saveMeetingFields,
  saveNewItem,
} from '../../src/renderer/features/meetings/actions'
import { listCouncils } from '../../src/renderer/data/catalogue'
import { queryMeetings } from '../../src/renderer/data/projections'
import { meetingIds, memberCount, readCouncil, readMemberHistory, readMembers } from '../../src/shared/doc/council'
import { readAgenda, readMeeting, readStatusLog } from '../../src/shared/doc/meeting'
import { councilDocName, meetingDocName } from '../../src/shared/doc/names'
import type { CouncilId, MeetingId } from '../../src/shared/domain/ids'
import {
  byId,
  councilInput,
  expectRejectsDocError,
  itemFields,
  manyMembers,
  meetingFields,
  memberFields,
  newDevice,
  settle,
  stateOf,
  type TestEnv,
} from './env'

async function openCouncil(env: TestEnv, id: CouncilId) {
  return env.docs.acquire(councilDocName(id))
}

/** A council with two members and a draft meeting with three agenda items, all via actions. */
async function draftMeeting(env: TestEnv) {
  const councilId = await createCouncil(env, councilInput())
  const council = await openCouncil(env, councilId)
  await saveNewMember(env, council, memberFields({ name: '李主任', role: 'chair' }))
  const meetingId = await createMeeting(env, council, councilId, meetingFields())
  const meeting = await env.docs.acquire(meetingDocName(councilId, meetingId))
  for (const title of ['加装电梯', '停车位划线', '垃圾分类']) await saveNewItem(env, meeting, itemFields({ title }))
  return { councilId, council, meetingId, meeting }
}

describe('persistence across a restart', () => {
  it('reads back the council, register, meeting and agenda exactly as entered', async () => {
    const device = newDevice()
    let env = device.start()

    const councilId = await createCouncil(env, councilInput({ name: '  锦江小区院落议事会  ', kind: 'courtyard' }))
    const council = await openCouncil(env, councilId)
    device.clock.advance(60_000)
    const chair = await saveNewMember(env, council, memberFields({ name: '王主任', role: 'chair', areaCentiM2: 12050 }))
    await saveMember(env, council, chair, memberFields({ name: '王主任', role: 'chair', areaCentiM2: 12050, phone: '139 1111 2222' }))
    expect(await importMembers(env, council, [memberFields({ name: '赵六', room: '602' }), memberFields({ name: '钱七', room: '603', leftOn: '2025-01-01' })])).toBe(2)

    device.clock.advance(60_000)
    const meetingId = await createMeeting(env, council, councilId, meetingFields({ title: '四月居民议事会', startsAt: '2025-04-12T09:00' }))
    const meeting = await env.docs.acquire(meetingDocName(councilId, meetingId))
    for (const title of ['加装电梯', '停车位划线', '垃圾分类']) await saveNewItem(env, meeting, itemFields({ title }))
    const lastItem = readAgenda(meeting.doc).at(-1)!
    await moveItem(env, meeting, lastItem.id, 0)
    device.clock.advance(60_000)
    const noticedAt = device.clock.now()
    await issueNotice(env, meeting)

    const before = {
      council: readCouncil(council.doc),
      members: byId(readMembers(council.doc)),
      history: readMemberHistory(council.doc, chair),
      meetings: meetingIds(council.doc),
      meeting: readMeeting(meeting.doc),
      agenda: readAgenda(meeting.doc),
      statusLog: readStatusLog(meeting.doc),
    }
    expect(before.council?.name).toBe('锦江小区院落议事会')
    expect(before.members.map((m) => m.name).sort()).toEqual(['王主任', '赵六', '钱七'].sort())
    expect(before.history).toHaveLength(1)
    expect(before.meeting).toMatchObject({ status: 'noticed', noticedAt, title: '四月居民议事会' })
    expect(before.agenda.map((i) => i.title)).toEqual(['垃圾分类', '加装电梯', '停车位划线'])
    await settle(env)
    const rowsBefore = await queryMeetings(env.db, { councilId })
    const catalogueBefore = await listCouncils(env.db)

    env = await device.restart(env)
    expect(env.docs.openNames).toEqual([])
    // The lists come back from Dexie before any document is opened.
    expect(await queryMeetings(env.db, { councilId })).toEqual(rowsBefore)
    expect(await listCouncils(env.db)).toEqual(catalogueBefore)
    expect(catalogueBefore).toMatchObject([{ id: councilId, name: '锦江小区院落议事会', kind: 'courtyard', memberCount: 3 }])
    expect(rowsBefore).toMatchObject([{ id: meetingId, status: 'noticed', itemCount: 3, year: 2025 }])

    const council2 = await openCouncil(env, councilId)
    const meeting2 = await env.docs.acquire(meetingDocName(councilId, meetingId))
    expect(council2.readOnly).toBe(false)
    expect(meeting2.readOnly).toBe(false)
    expect({
      council: readCouncil(council2.doc),
      members: byId(readMembers(council2.doc)),
      history: readMemberHistory(council2.doc, chair),
      meetings: meetingIds(council2.doc),
      meeting: readMeeting(meeting2.doc),
      agenda: readAgenda(meeting2.doc),
      statusLog: readStatusLog(meeting2.doc),
    }).toEqual(before)
    await settle(env)
  })

  it('keeps a 10,000-member import whole across a restart', async () => {
    const device = newDevice()
    let env = device.start()
    const councilId = await createCouncil(env, councilInput())
    const council = await openCouncil(env, councilId)
    const rows = manyMembers(10_000)
    expect(await importMembers(env, council, rows)).toBe(10_000)
    await settle(env)
    expect((await env.db.councils.get(councilId))?.memberCount).toBe(10_000)

    env = await device.restart(env)
    const reopened = await openCouncil(env, councilId)
    const members = readMembers(reopened.doc)
    expect(members).toHaveLength(10_000)
    expect(memberCount(reopened.doc)).toBe(10_000)
    expect(new Set(members.map((m) => m.name)).size).toBe(10_000)
    expect(new Set(members.map((m) => m.areaCentiM2))).toEqual(new Set(rows.map((r) => r.areaCentiM2)))
    await settle(env)
    expect((await listCouncils(env.db))[0]?.memberCount).toBe(10_000)
  })
})

describe('import is all or nothing', () => {
  it('one invalid row refuses the whole import: document, disk and catalogue unchanged', async () => {
    const device = newDevice()
    let env = device.start()
    const councilId = await createCouncil(env, councilInput())
    const council = await openCouncil(env, councilId)
    await saveNewMember(env, council, memberFields({ name: '已有成员' }))
    await settle(env)
    const state = stateOf(council.doc)
    const stateVector = Y.encodeStateVector(council.doc)
    const rows = manyMembers(50)
    rows[37] = memberFields({ name: '坏行', joinedOn: '2025-02-30' })

    const error = await expectRejectsDocError(importMembers(env, council, rows), 'invalidInput')
    expect(error.detail).toEqual([{ index: 37, errors: { joinedOn: 'joinedInvalid' } }])
    expect(stateOf(council.doc)).toEqual(state)
    await settle(env)
    expect((await env.db.councils.get(councilId))?.memberCount).toBe(1)

    env = await device.restart(env)
    const reopened = await openCouncil(env, councilId)
    expect(readMembers(reopened.doc).map((m) => m.name)).toEqual(['已有成员'])
    expect(Y.encodeStateVector(reopened.doc)).toEqual(stateVector)
  })
})

describe('council and meeting creation', () => {
  it('an invalid council is refused before any document or row exists', async () => {
    const device = newDevice()
    const env = device.start()
    const error = await expectRejectsDocError(createCouncil(env, councilInput({ name: '   ' })), 'invalidInput')
    expect(error.detail).toEqual({ name: 'nameRequired' })
    expect(env.docs.openNames).toEqual([])
    expect(await listCouncils(env.db)).toEqual([])
  })

  it('a new meeting is indexed in the council document, listed, and its document closed', async () => {
    const device = newDevice()
    const env = device.start()
    const councilId = await createCouncil(env, councilInput())
    const council = await openCouncil(env, councilId)
    const meetingId = await createMeeting(env, council, councilId, meetingFields({ title: '  五月议事会 ' }))
    expect(meetingIds(council.doc)).toEqual([meetingId])
    expect(env.docs.openNames).toEqual([councilDocName(councilId)])
    expect(await queryMeetings(env.db, { councilId })).toMatchObject([
      { id: meetingId, councilId, title: '五月议事会', status: 'draft', itemCount: 0, place: '社区活动室' },
    ])
    await expectRejectsDocError(createMeeting(env, council, councilId, meetingFields({ startsAt: '2025-13-01T10:00' })), 'invalidInput')
    expect(meetingIds(council.doc)).toEqual([meetingId])
    expect(env.docs.openNames).toEqual([councilDocName(councilId)])
  })

  it('renaming a council is stored and reaches the catalogue', async () => {
    const device = newDevice()
    let env = device.start()
    const councilId = await createCouncil(env, councilInput())
    const council = await openCouncil(env, councilId)
    await saveCouncil(env, council.doc, council.name, councilInput({ name: '桂溪社区第二届居民议事会' }))
    await settle(env)
    expect((await listCouncils(env.db)).map((c) => c.name)).toEqual(['桂溪社区第二届居民议事会'])
    env = await device.restart(env)
    expect(readCouncil((await openCouncil(env, councilId)).doc)?.name).toBe('桂溪社区第二届居民议事会')
  })
})

describe('the agenda is fixed once the notice is issued', () => {
  it('refuses every agenda edit with agendaLocked and changes nothing', async () => {
    const device = newDevice()
    let env = device.start()
    const { councilId, meetingId, meeting } = await draftMeeting(env)
    await issueNotice(env, meeting)
    await settle(env)
    const state = stateOf(meeting.doc)
    const agenda = readAgenda(meeting.doc)
    const first = agenda[0]!
    const row = await env.db.meetings.get(meetingId)

    await expectRejectsDocError(saveNewItem(env, meeting, itemFields({ title: '临时动议' })), 'agendaLocked')
    await expectRejectsDocError(saveItem(env, meeting, first.id, itemFields({ title: '改过的标题' })), 'agendaLocked')
    await expectRejectsDocError(deleteItem(env, meeting, first.id), 'agendaLocked')
    await expectRejectsDocError(moveItem(env, meeting, first.id, 2), 'agendaLocked')
    // The date and place residents were told are part of the record too.
    await expectRejectsDocError(saveMeetingFields(env, meeting, meetingFields({ place: '另一个会议室' })), 'agendaLocked')
    await expectRejectsDocError(saveMeetingFields(env, meeting, meetingFields({ startsAt: '2025-03-11T19:30' })), 'agendaLocked')
    await expectRejectsDocError(issueNotice(env, meeting), 'badTransition')

    expect(stateOf(meeting.doc)).toEqual(state)
    expect(readAgenda(meeting.doc)).toEqual(agenda)
    await settle(env)
    expect(await env.db.meetings.get(meetingId)).toEqual(row)

    env = await device.restart(env)
    const reopened = await env.docs.acquire(meetingDocName(councilId, meetingId))
    expect(readAgenda(reopened.doc)).toEqual(agenda)
    expect(readMeeting(reopened.doc)?.status).toBe('noticed')
  })

  it('a notice needs an agenda: with none, the meeting stays a draft', async () => {
    const device = newDevice()
    const env = device.start()
    const councilId = await createCouncil(env, councilInput())
    const council = await openCouncil(env, councilId)
    const meetingId: MeetingId = await createMeeting(env, council, councilId, meetingFields())
    const meeting = await env.docs.acquire(meetingDocName(councilId, meetingId))
    const state = stateOf(meeting.doc)
    const error = await expectRejectsDocError(issueNotice(env, meeting), 'invalidInput')
    expect(error.detail).toEqual({ agenda: 'empty' })
    expect(stateOf(meeting.doc)).toEqual(state)
    expect(readMeeting(meeting.doc)?.status).toBe('draft')
  })

  it('while a draft, items can be edited, moved and deleted, and the list row follows', async () => {
    const device = newDevice()
    const env = device.start()
    const { meetingId, meeting } = await draftMeeting(env)
    const [a, b, c] = readAgenda(meeting.doc)
    await moveItem(env, meeting, a!.id, 2)
    expect(readAgenda(meeting.doc).map((i) => i.id)).toEqual([b!.id, c!.id, a!.id])
    await moveItem(env, meeting, a!.id, 1)
    expect(readAgenda(meeting.doc).map((i) => i.id)).toEqual([b!.id, a!.id, c!.id])
    await saveItem(env, meeting, b!.id, itemFields({ title: '停车位重新划线', expectedMinutes: 45 }))
    await deleteItem(env, meeting, c!.id)
    expect(readAgenda(meeting.doc).map((i) => [i.title, i.expectedMinutes])).toEqual([
      ['停车位重新划线', 45],
      ['加装电梯', 20],
    ])
    await settle(env)
    expect((await env.db.meetings.get(meetingId))?.itemCount).toBe(2)
  })
})
