// Sign-in (签到): the roster snapshot of the meeting day, statuses, late arrivals and early
// departures with their times, who is present at an instant, and observers (列席).
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addObserver,
  headcount,
  markAbsent,
  markLeave,
  markPresent,
  presentAt,
  readAttendance,
  readObservers,
  readRoster,
  recordArrival,
  recordDeparture,
  removeObserver,
  startSignIn,
} from '../../src/shared/doc/attendance'
import { addMember, readMembers, updateMember } from '../../src/shared/doc/council'
import { transitionMeeting } from '../../src/shared/doc/meeting'
import { readSession } from '../../src/shared/doc/session'
import type { ObserverId } from '../../src/shared/domain/ids'
import { expectDocError, memberFields, newCouncilDoc, newMeetingDoc, NOW, stateOf } from './helpers'
import { at, memberId, noticedMeeting, register } from './session-helpers'

const byId = (doc: Y.Doc) => new Map(readAttendance(doc).map((r) => [r.memberId, r]))

/** A noticed meeting with members 1..n signed in (status unknown). */
function signIn(n = 4, overrides?: Parameters<typeof register>[1]) {
  const { doc, itemIds } = noticedMeeting()
  const members = register(n, overrides)
  startSignIn(doc, members, at(-30))
  return { doc, itemIds, members, ids: members.map((m) => m.id) }
}

describe('startSignIn: the register as it stood on the meeting day', () => {
  it('copies the members of that day, with their details, all not yet signed in', () => {
    const members = register(5, (i) =>
      i === 3 ? { joinedOn: '2025-03-11' } : i === 4 ? { joinedOn: '2023-01-01', leftOn: '2025-03-10' } : i === 5 ? { leftOn: '2025-03-11', role: 'chair' } : {},
    )
    const { doc } = noticedMeeting()
    expect(startSignIn(doc, members, at(-30))).toEqual([memberId(1), memberId(2), memberId(5)])
    // Joined the day after: not a member; left on the meeting day: no longer one; leaves the day after: still one.
    expect(readRoster(doc).map((r) => r.memberId)).toEqual([memberId(1), memberId(2), memberId(5)])
    expect(readRoster(doc)[2]).toEqual({ memberId: memberId(5), name: '成员5', role: 'chair', areaCentiM2: 8005, building: '3栋', unit: '2单元', room: '105' })
    expect(readAttendance(doc).map((r) => [r.status, r.reason, r.events, r.counts])).toEqual(Array(3).fill(['unknown', '', [], true]))
    expect(readSession(doc).signInStartedAt).toBe(at(-30))
  })

  it('keeps the snapshot when the register changes later, and only adds the missing on a second start', () => {
    const council = newCouncilDoc()
    const a = addMember(council, memberFields({ name: '王芳' }), NOW)
    const b = addMember(council, memberFields({ name: '李强', room: '502' }), NOW)
    const { doc } = noticedMeeting()
    startSignIn(doc, readMembers(council), at(-30))
    const before = stateOf(doc)
    updateMember(council, a, { name: '王芳芳', role: 'chair' }, NOW)
    updateMember(council, b, { leftOn: '2025-03-11' }, NOW)
    const c = addMember(council, memberFields({ name: '赵敏', room: '503' }), NOW)
    const late = addMember(council, memberFields({ name: '钱进', room: '504', joinedOn: '2025-04-01' }), NOW)
    expect(readRoster(doc).map((r) => r.name)).toEqual(['王芳', '李强']) // register order: room 501 before 502
    expect(startSignIn(doc, readMembers(council), at(-10))).toEqual([c])
    const roster = readRoster(doc)
    expect(roster.map((r) => r.name).sort()).toEqual(['李强', '王芳', '赵敏'].sort())
    expect(roster.find((r) => r.memberId === a)).toMatchObject({ name: '王芳', role: 'councillor' })
    expect(roster.some((r) => r.memberId === late)).toBe(false)
    expect(readSession(doc).signInStartedAt).toBe(at(-30))
    // Idempotent: a third start with the same register writes nothing.
    const after = stateOf(doc)
    startSignIn(doc, readMembers(council), at(-5))
    expect(stateOf(doc)).toEqual(after)
    expect(after).not.toEqual(before)
  })

  it('is refused before the notice and after the session, writing nothing', () => {
    const draft = newMeetingDoc()
    const before = stateOf(draft)
    expect(expectDocError(() => startSignIn(draft, register(2), at(-30)), 'wrongMeetingStatus').detail).toMatchObject({ status: 'draft' })
    expect(stateOf(draft)).toEqual(before)
    const { doc } = noticedMeeting()
    expectDocError(() => startSignIn(doc, register(2), 'yesterday'), 'invalidInput')
    transitionMeeting(doc, 'in_session', at(0))
    startSignIn(doc, register(2), at(1)) // sign-in may still open once in session
    transitionMeeting(doc, 'closed', at(90))
    expectDocError(() => startSignIn(doc, register(3), at(91)), 'wrongMeetingStatus')
    expectDocError(() => markPresent(doc, memberId(1), at(91)), 'wrongMeetingStatus')
  })
})

describe('statuses', () => {
  it('records present, leave with a reason, and absent; a repeat writes nothing', () => {
    const { doc, ids } = signIn(4)
    markPresent(doc, ids[0]!, at(-20))
    markLeave(doc, ids[1]!, '  出差  ', at(-19))
    markAbsent(doc, ids[2]!, at(-18))
    const rows = byId(doc)
    expect(rows.get(ids[0]!)).toMatchObject({ status: 'present', reason: '', statusAt: at(-20) })
    expect(rows.get(ids[1]!)).toMatchObject({ status: 'leave', reason: '出差', statusAt: at(-19) })
    expect(rows.get(ids[2]!)).toMatchObject({ status: 'absent', reason: '' })
    expect(rows.get(ids[3]!)).toMatchObject({ status: 'unknown', statusAt: null })
    const s = stateOf(doc)
    markPresent(doc, ids[0]!, at(-5))
    expect(stateOf(doc)).toEqual(s)
  })

  it('refuses someone not on the roster, and an over-long reason', () => {
    const { doc, ids } = signIn(2)
    const before = stateOf(doc)
    expect(expectDocError(() => markPresent(doc, memberId(99), at(-20)), 'notOnRoster').detail).toEqual({ memberId: memberId(99) })
    expectDocError(() => recordArrival(doc, memberId(99), at(10)), 'notOnRoster')
    expect(expectDocError(() => markLeave(doc, ids[0]!, '因'.repeat(201), at(-20)), 'invalidInput').detail).toEqual({ reason: 'textTooLong' })
    expectDocError(() => markAbsent(doc, ids[0]!, '2025-03-10 19:30'), 'invalidInput')
    expect(stateOf(doc)).toEqual(before)
  })

  it('refuses before sign-in started', () => {
    const { doc } = noticedMeeting()
    expectDocError(() => markPresent(doc, memberId(1), at(-20)), 'notOnRoster')
  })
})

describe('arrivals, departures and presentAt', () => {
  it('counts a late arrival from its time', () => {
    const { doc, ids } = signIn(3)
    markPresent(doc, ids[0]!, at(-20))
    recordArrival(doc, ids[1]!, at(15))
    expect(byId(doc).get(ids[1]!)).toMatchObject({ status: 'present', events: [{ kind: 'arrive', at: at(15) }] })
    expect(presentAt(doc, at(14))).toEqual([ids[0]])
    expect(presentAt(doc, at(15))).toEqual([ids[0], ids[1]])
    expect(presentAt(doc, at(60))).toEqual([ids[0], ids[1]])
  })

  it('follows an early departure and a return', () => {
    const { doc, ids } = signIn(2)
    markPresent(doc, ids[0]!, at(-20))
    recordDeparture(doc, ids[0]!, at(30))
    recordArrival(doc, ids[0]!, at(50))
    expect(byId(doc).get(ids[0]!)!.events.map((e) => e.kind)).toEqual(['depart', 'arrive'])
    expect(presentAt(doc, at(29))).toEqual([ids[0]])
    expect(presentAt(doc, at(30))).toEqual([])
    expect(presentAt(doc, at(49))).toEqual([])
    expect(presentAt(doc, at(50))).toEqual([ids[0]])
    // The same instant written another way is the same instant.
    expect(presentAt(doc, at(30).replace('.000Z', 'Z'))).toEqual([])
  })

  it('refuses a departure of someone not present and an arrival of someone present', () => {
    const { doc, ids } = signIn(3)
    markPresent(doc, ids[0]!, at(-20))
    markLeave(doc, ids[1]!, '生病', at(-20))
    const before = stateOf(doc)
    expectDocError(() => recordArrival(doc, ids[0]!, at(10)), 'alreadyPresent')
    expectDocError(() => recordDeparture(doc, ids[1]!, at(10)), 'notPresent')
    expectDocError(() => recordDeparture(doc, ids[2]!, at(10)), 'notPresent')
    expect(stateOf(doc)).toEqual(before)
    recordDeparture(doc, ids[0]!, at(20))
    expectDocError(() => recordDeparture(doc, ids[0]!, at(25)), 'notPresent')
    // Someone on leave who turns up after all: present from their arrival.
    recordArrival(doc, ids[1]!, at(40))
    expect(byId(doc).get(ids[1]!)).toMatchObject({ status: 'present', reason: '' })
    expect(presentAt(doc, at(39))).toEqual([])
    expect(presentAt(doc, at(41))).toEqual([ids[1]])
  })

  it('marking someone absent or on leave removes them from presentAt, keeping their events', () => {
    const { doc, ids } = signIn(2)
    markPresent(doc, ids[0]!, at(-20))
    recordDeparture(doc, ids[0]!, at(10))
    recordArrival(doc, ids[0]!, at(20))
    markAbsent(doc, ids[0]!, at(21))
    expect(presentAt(doc, at(30))).toEqual([])
    expect(byId(doc).get(ids[0]!)!.events).toHaveLength(2)
  })

  it('gives the headcount of voting members', () => {
    const { doc, ids } = signIn(5, (i) => (i === 5 ? { role: 'observer' } : {}))
    ids.forEach((id) => markPresent(doc, id, at(-20)))
    recordDeparture(doc, ids[0]!, at(10))
    expect(headcount(doc, at(5))).toEqual({ members: 4, present: 4 })
    expect(headcount(doc, at(15))).toEqual({ members: 4, present: 3 })
  })
})

describe('observers (列席)', () => {
  it('an observer on the register is on the roster but never counts, even when present', () => {
    const { doc, ids } = signIn(3, (i) => (i === 2 ? { role: 'observer' } : {}))
    ids.forEach((id) => markPresent(doc, id, at(-20)))
    expect(byId(doc).get(ids[1]!)).toMatchObject({ role: 'observer', status: 'present', counts: false })
    expect(presentAt(doc, at(0))).toEqual([ids[0], ids[2]])
  })

  it('adds and removes observers who are not members; they never appear in presentAt', () => {
    const { doc, ids } = signIn(1)
    markPresent(doc, ids[0]!, at(-20))
    const a = addObserver(doc, { name: ' 街道办 刘科长 ', note: '指导' }, at(-15))
    const b = addObserver(doc, { name: '监事会 周', note: '' }, at(-10))
    expect(readObservers(doc)).toEqual([
      { id: a, name: '街道办 刘科长', note: '指导', addedAt: at(-15) },
      { id: b, name: '监事会 周', note: '', addedAt: at(-10) },
    ])
    expect(presentAt(doc, at(0))).toEqual([ids[0]])
    removeObserver(doc, a)
    expect(readObservers(doc).map((o) => o.id)).toEqual([b])
    expectDocError(() => removeObserver(doc, a), 'notFound')
  })

  it('refuses an observer without a name, or with an over-long note', () => {
    const { doc } = signIn(1)
    const before = stateOf(doc)
    expect(expectDocError(() => addObserver(doc, { name: ' ', note: '' }, at(0)), 'invalidInput').detail).toEqual({ name: 'nameRequired' })
    expect(expectDocError(() => addObserver(doc, { name: '刘', note: 'x'.repeat(201) }, at(0)), 'invalidInput').detail).toEqual({ note: 'textTooLong' })
    expectDocError(() => removeObserver(doc, 'nope-nope-nope' as ObserverId), 'notFound')
    expect(stateOf(doc)).toEqual(before)
  })
})

describe('reads tolerate damaged data', () => {
  it('skips or defaults what is garbled instead of throwing', () => {
    const { doc, ids } = signIn(2)
    markPresent(doc, ids[0]!, at(-20))
    doc.transact(() => {
      doc.getMap('roster').set('junk', 'not a map')
      doc.getMap('attendance').set(ids[1]!, 'present')
      doc.getMap('attendanceEvents').set('e1', { memberId: ids[0], kind: 'teleport', at: at(5) })
      doc.getMap('attendanceEvents').set('e2', { memberId: ids[0], kind: 'depart', at: 'soon' })
      doc.getMap('attendanceEvents').set('e3', 42)
      doc.getMap('observers').set('o1', { name: 'plain' })
    }, 'remote')
    expect(readRoster(doc).map((r) => r.memberId)).toEqual(ids)
    expect(byId(doc).get(ids[1]!)).toMatchObject({ status: 'unknown' })
    expect(presentAt(doc, at(10))).toEqual([ids[0]])
    expect(readObservers(doc)).toEqual([])
    expect(readAttendance(new Y.Doc())).toEqual([])
    expect(presentAt(new Y.Doc(), at(0))).toEqual([])
  })
})
