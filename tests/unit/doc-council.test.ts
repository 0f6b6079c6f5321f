// The council document: settings, the register of members with their history, the meeting index.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addMember,
  addMembers,
  indexMeeting,
  initCouncilDoc,
  meetingCount,
  meetingIds,
  memberCount,
  readCouncil,
  readMemberById,
  readMemberHistory,
  readMembers,
  removeMistakenMember,
  updateCouncil,
  updateMember,
} from '../../src/shared/doc/council'
import { metaOf, ORIGIN_IMPORT, ORIGIN_LOCAL } from '../../src/shared/doc/schema'
import { membersOn } from '../../src/shared/domain/member'
import type { MeetingId, MemberId } from '../../src/shared/domain/ids'
import { COUNCIL_ID, councilInput, expectDocError, MEETING_ID, memberFields, newCouncilDoc, NOW, replicaOf, stateOf, syncAll } from './helpers'

const LATER = '2025-04-02T10:00:00.000Z'
const HOSTILE = '<img src=x onerror=alert(1)>'

describe('initCouncilDoc and readCouncil', () => {
  it('round-trips the council', () => {
    const doc = new Y.Doc()
    const input = councilInput({ kind: 'courtyard', quorumRule: 'more_than_half', defaultThreshold: 'double_majority_ordinary', secondingRequired: false })
    initCouncilDoc(doc, COUNCIL_ID, input, NOW)
    expect(readCouncil(doc)).toEqual({ ...input, id: COUNCIL_ID, createdAt: NOW })
    expect(metaOf(doc).get('councilId')).toBe(COUNCIL_ID)
    expect(metaOf(doc).get('kind')).toBe('council')
  })

  it('trims the name', () => {
    const doc = new Y.Doc()
    initCouncilDoc(doc, COUNCIL_ID, councilInput({ name: '  桂溪议事会 \u3000' }), NOW)
    expect(readCouncil(doc)?.name).toBe('桂溪议事会')
  })

  it('refuses invalid input and writes nothing', () => {
    const doc = new Y.Doc()
    const e = expectDocError(() => initCouncilDoc(doc, COUNCIL_ID, councilInput({ name: '', termEnd: '2020-01-01' }), NOW), 'invalidInput')
    expect(e.detail).toEqual({ name: 'nameRequired', termEnd: 'termOrder' })
    expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(new Y.Doc()))
    expect(readCouncil(doc)).toBeNull()
  })

  it('reads nothing from an empty document', () => {
    expect(readCouncil(new Y.Doc())).toBeNull()
    expect(readMembers(new Y.Doc())).toEqual([])
    expect(meetingIds(new Y.Doc())).toEqual([])
  })

  it('writes with the origin it is given, so observers can tell their own writes', () => {
    const doc = new Y.Doc()
    const origins: unknown[] = []
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin))
    initCouncilDoc(doc, COUNCIL_ID, councilInput(), NOW)
    addMember(doc, memberFields(), NOW, ORIGIN_IMPORT)
    expect(origins).toEqual([ORIGIN_LOCAL, ORIGIN_IMPORT])
  })

  it('falls back to safe values when a synced document holds junk', () => {
    const doc = newCouncilDoc()
    const c = doc.getMap('council')
    c.set('kind', 'kingdom')
    c.set('quorumRule', 42)
    c.set('secondingRequired', 'yes')
    const council = readCouncil(doc)
    expect(council?.kind).toBe('resident')
    expect(council?.quorumRule).toBe('more_than_half')
    expect(council?.secondingRequired).toBe(true)
  })
})

describe('updateCouncil', () => {
  it('changes the settings and only the keys that changed', () => {
    const doc = newCouncilDoc()
    const replica = replicaOf(doc)
    const before = Y.encodeStateVector(doc)
    updateCouncil(doc, councilInput({ quorumRule: 'more_than_half', street: '新街道' }))
    expect(readCouncil(doc)).toMatchObject({ quorumRule: 'more_than_half', street: '新街道', name: councilInput().name })
    // Exactly two keys were written: the update holds two map entries.
    const diff = Y.encodeStateAsUpdate(doc, before)
    const changedKeys: string[] = []
    replica.getMap('council').observe((ev) => changedKeys.push(...ev.keysChanged))
    Y.applyUpdate(replica, diff)
    expect(changedKeys.sort()).toEqual(['quorumRule', 'street'])
  })

  it('keeps campaign notices to room numbers unless the council names owners, and reads older councils that way', () => {
    const doc = newCouncilDoc()
    expect(readCouncil(doc)?.noticeShowsNames).toBe(false)
    updateCouncil(doc, councilInput({ noticeShowsNames: true }))
    expect(readCouncil(doc)?.noticeShowsNames).toBe(true)
    doc.getMap('council').delete('noticeShowsNames') // a council made before the setting existed
    expect(readCouncil(doc)?.noticeShowsNames).toBe(false)
  })

  it('refuses invalid settings', () => {
    const doc = newCouncilDoc()
    const before = stateOf(doc)
    expectDocError(() => updateCouncil(doc, councilInput({ termStart: '2024-13-01' })), 'invalidInput')
    expect(stateOf(doc)).toEqual(before)
  })
})

describe('members', () => {
  it('adds a member and reads it back, trimmed', () => {
    const doc = newCouncilDoc()
    const id = addMember(doc, memberFields({ name: ' 张三 ', building: ' 3栋', phone: ' 13800000000 ' }), NOW)
    expect(readMemberById(doc, id)).toEqual({
      ...memberFields(),
      id,
      name: '张三',
      building: '3栋',
      phone: '13800000000',
      createdAt: NOW,
    })
    expect(readMembers(doc)).toHaveLength(1)
    expect(readMemberHistory(doc, id)).toEqual([])
  })

  it('stores a hostile string verbatim, as data', () => {
    const doc = newCouncilDoc()
    const id = addMember(doc, memberFields({ name: HOSTILE, room: '"><script>' }), NOW)
    const m = readMemberById(doc, id)
    expect(m?.name).toBe(HOSTILE)
    expect(m?.room).toBe('"><script>')
    // And survives sync unchanged.
    expect(readMemberById(replicaOf(doc), id)?.name).toBe(HOSTILE)
    updateCouncil(doc, councilInput({ name: HOSTILE }))
    expect(readCouncil(doc)?.name).toBe(HOSTILE)
  })

  it('adds a list in one transaction, with distinct ids', () => {
    const doc = newCouncilDoc()
    let transactions = 0
    doc.on('afterTransaction', () => transactions++)
    const ids = addMembers(doc, [memberFields({ name: '甲' }), memberFields({ name: '乙' }), memberFields({ name: '丙', role: 'observer' })], NOW)
    expect(transactions).toBe(1)
    expect(new Set(ids).size).toBe(3)
    expect(readMembers(doc).map((m) => m.name).sort()).toEqual(['丙', '乙', '甲'])
    expect(ids.map((id) => readMemberById(doc, id)?.name)).toEqual(['甲', '乙', '丙'])
    expect(memberCount(doc)).toBe(3)
  })

  it('writes nothing when one row of a list is invalid, and says which', () => {
    const doc = newCouncilDoc()
    addMember(doc, memberFields({ name: '已有' }), NOW)
    const before = stateOf(doc)
    const rows = [memberFields({ name: '甲' }), memberFields({ name: '乙', areaCentiM2: -5 }), memberFields({ name: '丙' })]
    const e = expectDocError(() => addMembers(doc, rows, NOW), 'invalidInput')
    expect(e.detail).toEqual([{ index: 1, errors: { areaCentiM2: 'areaNegative' } }])
    expect(stateOf(doc)).toEqual(before)
    expect(readMembers(doc).map((m) => m.name)).toEqual(['已有'])
  })

  it('refuses a member whose name is only spaces', () => {
    const doc = newCouncilDoc()
    const e = expectDocError(() => addMember(doc, memberFields({ name: '   ' }), NOW), 'invalidInput')
    expect(e.detail).toEqual([{ index: 0, errors: { name: 'nameRequired' } }])
    expect(memberCount(doc)).toBe(0)
  })
})

describe('updateMember and its history', () => {
  it('records old and new values of the changed fields only', () => {
    const doc = newCouncilDoc()
    const id = addMember(doc, memberFields(), NOW)
    // The patch repeats the unchanged role: it must not appear in the history.
    expect(updateMember(doc, id, { name: '张三丰', role: 'councillor', areaCentiM2: 9000 }, LATER)).toBe(true)
    expect(readMemberHistory(doc, id)).toEqual([{ at: LATER, changes: { name: ['张三', '张三丰'], areaCentiM2: [8550, 9000] } }])
    expect(readMemberById(doc, id)).toMatchObject({ name: '张三丰', areaCentiM2: 9000, role: 'councillor', room: '501' })
  })

  it('records nothing for an update that changes nothing, even after trimming', () => {
    const doc = newCouncilDoc()
    const id = addMember(doc, memberFields(), NOW)
    const before = stateOf(doc)
    expect(updateMember(doc, id, { name: '  张三  ', room: '501' }, LATER)).toBe(false)
    expect(updateMember(doc, id, {}, LATER)).toBe(false)
    expect(readMemberHistory(doc, id)).toEqual([])
    expect(stateOf(doc)).toEqual(before)
  })

  it('keeps appending: each edit is one history entry, oldest first', () => {
    const doc = newCouncilDoc()
    const id = addMember(doc, memberFields(), NOW)
    updateMember(doc, id, { phone: '13900000000' }, '2025-04-01T00:00:00.000Z')
    updateMember(doc, id, { areaCentiM2: null }, '2025-05-01T00:00:00.000Z')
    expect(readMemberHistory(doc, id)).toEqual([
      { at: '2025-04-01T00:00:00.000Z', changes: { phone: ['138 0000 0000', '13900000000'] } },
      { at: '2025-05-01T00:00:00.000Z', changes: { areaCentiM2: [8550, null] } },
    ])
  })

  it('keeps a member who leaves on the register, absent from later dates only', () => {
    const doc = newCouncilDoc()
    const stays = addMember(doc, memberFields({ name: '留任' }), NOW)
    const leaves = addMember(doc, memberFields({ name: '离任' }), NOW)
    updateMember(doc, leaves, { leftOn: '2025-06-01' }, LATER)
    const all = readMembers(doc)
    expect(all.map((m) => m.id).sort()).toEqual([stays, leaves].sort())
    expect(readMemberById(doc, leaves)?.leftOn).toBe('2025-06-01')
    expect(readMemberHistory(doc, leaves)).toEqual([{ at: LATER, changes: { leftOn: [null, '2025-06-01'] } }])
    expect(membersOn(all, '2025-05-31').map((m) => m.name).sort()).toEqual(['留任', '离任'].sort())
    expect(membersOn(all, '2025-06-01').map((m) => m.name)).toEqual(['留任'])
  })

  it('refuses an invalid edit and writes nothing', () => {
    const doc = newCouncilDoc()
    const id = addMember(doc, memberFields({ joinedOn: '2024-01-15' }), NOW)
    const before = stateOf(doc)
    const e = expectDocError(() => updateMember(doc, id, { leftOn: '2023-12-31' }, LATER), 'invalidInput')
    expect(e.detail).toEqual({ leftOn: 'leftBeforeJoined' })
    expect(stateOf(doc)).toEqual(before)
  })

  it('refuses an unknown member', () => {
    const doc = newCouncilDoc()
    expectDocError(() => updateMember(doc, 'ffffffff-0000-0000-0000-000000000000' as MemberId, { name: 'x' }, LATER), 'notFound')
  })

  it('keeps both edits when two devices edit different fields of one member', () => {
    const a = newCouncilDoc()
    const id = addMember(a, memberFields(), NOW)
    const b = replicaOf(a)
    updateMember(a, id, { phone: '13911112222' }, LATER)
    updateMember(b, id, { room: '502' }, LATER)
    syncAll(a, b)
    for (const doc of [a, b]) expect(readMemberById(doc, id)).toMatchObject({ phone: '13911112222', room: '502', name: '张三' })
    expect(readMemberHistory(a, id)).toEqual(readMemberHistory(b, id))
    expect(readMemberHistory(a, id)).toHaveLength(2)
  })
})

describe('removeMistakenMember', () => {
  it('removes a member entered by mistake, with no edits', () => {
    const doc = newCouncilDoc()
    const keep = addMember(doc, memberFields({ name: '甲' }), NOW)
    const mistake = addMember(doc, memberFields({ name: '乙' }), NOW)
    removeMistakenMember(doc, mistake)
    expect(readMembers(doc).map((m) => m.id)).toEqual([keep])
    expect(readMemberById(doc, mistake)).toBeNull()
  })

  it('refuses once the member has history, leaving the doc unchanged', () => {
    const doc = newCouncilDoc()
    const id = addMember(doc, memberFields(), NOW)
    updateMember(doc, id, { leftOn: '2025-06-01' }, LATER)
    const before = stateOf(doc)
    expectDocError(() => removeMistakenMember(doc, id), 'memberHasHistory')
    expect(stateOf(doc)).toEqual(before)
    expect(readMemberById(doc, id)?.leftOn).toBe('2025-06-01')
  })

  it('refuses an unknown member', () => {
    const doc = newCouncilDoc()
    expectDocError(() => removeMistakenMember(doc, 'ffffffff-0000-0000-0000-000000000000' as MemberId), 'notFound')
  })
})

describe('meeting index', () => {
  it('lists the meetings of the council, each once', () => {
    const doc = newCouncilDoc()
    const second = 'a1b2c3d4-4444-4e5f-8a9b-0c1d2e3f4a5b' as MeetingId
    indexMeeting(doc, MEETING_ID, NOW)
    indexMeeting(doc, second, LATER)
    indexMeeting(doc, MEETING_ID, NOW)
    expect(meetingIds(doc).sort()).toEqual([MEETING_ID, second].sort())
    expect(meetingCount(doc)).toBe(2)
  })

  it('merges meetings created on two devices', () => {
    const a = newCouncilDoc()
    const b = replicaOf(a)
    const other = 'a1b2c3d4-4444-4e5f-8a9b-0c1d2e3f4a5b' as MeetingId
    indexMeeting(a, MEETING_ID, NOW)
    indexMeeting(b, other, NOW)
    syncAll(a, b)
    expect(meetingIds(a).sort()).toEqual([MEETING_ID, other].sort())
    expect(meetingIds(b).sort()).toEqual(meetingIds(a).sort())
  })
})
