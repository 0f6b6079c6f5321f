// The one order of names (shared/domain/nameOrder): register order (building, unit, room, numbers
// as numbers), then pinyin, then id; and the sign-in sheet, the roll call and the printed record
// list people in that same order.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { markPresent, readAttendance, readRoster, startSignIn } from '../../src/shared/doc/attendance'
import { moveMotion, proposeMotion, secondMotion } from '../../src/shared/doc/motions'
import { closeSession, openSession } from '../../src/shared/doc/session'
import { closeVote, openVote, recordRollCall, voteInput } from '../../src/shared/doc/votes'
import { assembleMeetingRecord } from '../../src/shared/minutes/model'
import type { MemberId } from '../../src/shared/domain/ids'
import { compareListed, compareNames, idsInListedOrder, inListedOrder, type Listed } from '../../src/shared/domain/nameOrder'
import { evaluateVote } from '../../src/shared/domain/votes'
import { council } from './minutes-fixture'
import { at, memberId, noticedMeeting, register, SECONDING } from './session-helpers'

const person = (name: string, building = '', unit = '', room = ''): Listed => ({ name, building, unit, room })

describe('the one order of names', () => {
  it('orders names by pinyin, not by code point', () => {
    // Code-point order would give 张 (U+5F20) before 李 (U+674E) and 王 (U+738B).
    const names = ['张建国', '王志强', '李秀英', '安丽', '赵文军', '陈德明']
    expect([...names].sort(compareNames)).toEqual(['安丽', '陈德明', '李秀英', '王志强', '张建国', '赵文军'])
  })

  it('puts register order first: building, unit, room compared as numbers, then the name', () => {
    const list = [person('安丽', '13栋', '1单元', '101'), person('张建国', '3栋', '2单元', '1201'), person('李秀英', '3栋', '2单元', '301'), person('王志强', '3栋', '1单元', '502')]
    expect(inListedOrder(list, (p) => p.name).map((p) => p.name)).toEqual(['王志强', '李秀英', '张建国', '安丽'])
    // Same household: pinyin decides.
    expect(inListedOrder([person('王芳', '3栋', '', '301'), person('李强', '3栋', '', '301')], (p) => p.name).map((p) => p.name)).toEqual(['李强', '王芳'])
  })

  it('lists people with no address after those with one, by pinyin', () => {
    const list = [person('张三'), person('王五', '2栋', '', '101'), person('李四')]
    expect(inListedOrder(list, (p) => p.name).map((p) => p.name)).toEqual(['王五', '李四', '张三'])
  })

  it('settles namesakes at the same address by id, and puts unknown ids last', () => {
    const a = person('王芳', '1栋', '1单元', '101')
    expect(compareListed(a, { ...a }, 'id-b', 'id-a')).toBeGreaterThan(0)
    const people = new Map<string, Listed>([
      ['m-zhang', person('张建国')],
      ['m-li', person('李秀英')],
    ])
    expect(idsInListedOrder(['zz-gone', 'm-zhang', 'aa-gone', 'm-li'], people)).toEqual(['m-li', 'm-zhang', 'aa-gone', 'zz-gone'])
  })

  it('is a total order whatever the input order (the same list on every laptop)', () => {
    const part = fc.constantFrom('', '1', '2', '10', '3栋', '13栋')
    const entry = fc.record({ name: fc.constantFrom('张建国', '李秀英', '王志强', '安丽', 'Anna', ''), building: part, unit: part, room: part, id: fc.uuid() })
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 12 }), (list) => {
        const once = inListedOrder(list, (p) => p.id)
        expect(inListedOrder([...list].reverse(), (p) => p.id)).toEqual(once)
        for (let i = 1; i < once.length; i++) expect(compareListed(once[i - 1]!, once[i]!, once[i - 1]!.id, once[i]!.id)).toBeLessThanOrEqual(0)
      }),
    )
  })
})

describe('sign-in, roll call and the printed record agree', () => {
  it('lists members in the one order on the roster, in the record attendance and in the record roll call', () => {
    // Entered in an order that is neither register order nor pinyin.
    const spec: [string, string, string][] = [
      ['张建国', '3栋', '1201'],
      ['安丽', '13栋', '101'],
      ['王志强', '3栋', '502'],
      ['李秀英', '3栋', '301'],
      ['陈德明', '', ''],
    ]
    const members = register(spec.length, (i) => ({ name: spec[i - 1]![0], building: spec[i - 1]![1], unit: '', room: spec[i - 1]![2] }))
    const { doc, itemIds } = noticedMeeting()
    startSignIn(doc, members, at(-30))
    for (const m of [...members].reverse()) markPresent(doc, m.id, at(-20))
    openSession(doc, { quorumMet: true }, at(0))
    const motion = proposeMotion(doc, { itemId: itemIds[0]!, proposerId: memberId(1), text: '同意加装电梯' }, at(5))
    secondMotion(doc, motion, memberId(2), at(6))
    moveMotion(doc, motion, 'debating', SECONDING, at(7))
    const vote = openVote(doc, motion, { method: 'roll_call', rule: 'simple_majority' }, at(8))
    // Entered out of order, as a secretary clicking around the room would.
    for (const [i, m] of [...members].reverse().entries()) recordRollCall(doc, vote, m.id as MemberId, i % 2 ? 'against' : 'for', at(9))
    closeVote(doc, vote, { ballots: [], result: evaluateVote(voteInput(doc, vote, { quorumRule: 'more_than_half' })!) }, at(10))
    closeSession(doc, at(30))

    // 3栋 301, 502, 1201 (rooms as numbers), then 13栋, then the member with no address.
    const expected = ['李秀英', '王志强', '张建国', '安丽', '陈德明']
    expect(readRoster(doc).map((r) => r.name)).toEqual(expected)
    expect(readAttendance(doc).map((r) => r.name)).toEqual(expected) // the sign-in sheet
    const record = assembleMeetingRecord(doc, council())
    expect(record.attendance.members.map((m) => m.name)).toEqual(expected)
    const rollCall = record.agenda[0]!.motions[0]!.votes[0]!.rollCall
    expect(rollCall.map((r) => r.member.name)).toEqual(expected)
  })
})
