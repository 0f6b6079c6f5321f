// Members: exact floor areas, validation, membership on a date, and person/household keys.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  areaToText,
  countsForQuorum,
  householdKey,
  isMemberOn,
  MAX_AREA_CENTI_M2,
  MAX_MEMBER_NAME,
  membersOn,
  parseArea,
  personKey,
  validateMember,
  type MemberRole,
} from '../../src/shared/domain/member'
import { memberFields } from './helpers'

describe('parseArea: floor area in exact hundredths of a square metre', () => {
  it.each([
    ['85.5', 8550],
    ['85.50', 8550],
    ['85', 8500],
    ['0', 0],
    ['0.01', 1],
    ['62.35㎡', 6235],
    ['62.35 ㎡', 6235],
    ['85.5m²', 8550],
    ['85.5 M2', 8550],
    ['85.5 平方米', 8550],
    ['85.5平米', 8550],
    ['  72.1  ', 7210],
    ['1.230', 123],
    ['100000', MAX_AREA_CENTI_M2],
  ])('reads %j as %i', (text, expected) => {
    expect(parseArea(text)).toEqual({ ok: true, value: expected })
  })

  it('avoids floating point: 0.29, 1.15 and 4.35 m² are exact', () => {
    // 0.29 * 100 = 28.999999999999996 and 4.35 * 100 = 434.99999999999994 in binary floating point.
    expect(parseArea('0.29')).toEqual({ ok: true, value: 29 })
    expect(parseArea('1.15')).toEqual({ ok: true, value: 115 })
    expect(parseArea('4.35')).toEqual({ ok: true, value: 435 })
  })

  it('reads empty text as an unknown area (null)', () => {
    expect(parseArea('')).toEqual({ ok: true, value: null })
    expect(parseArea('   ')).toEqual({ ok: true, value: null })
  })

  it.each([
    ['abc', 'areaNotNumber'],
    ['85.5.1', 'areaNotNumber'],
    // A comma is never guessed at (issue 16): decimal comma or thousands separator, the person says.
    ['85,5', 'areaComma'],
    ['85,500', 'areaComma'],
    ['85，500', 'areaComma'],
    ['1,234.5', 'areaComma'],
    ['1,0855', 'areaComma'],
    ['1e3', 'areaNotNumber'],
    ['.5', 'areaNotNumber'],
    ['5.', 'areaNotNumber'],
    ['约80', 'areaNotNumber'],
    ['-3', 'areaNegative'],
    ['-0.5㎡', 'areaNegative'],
    ['1.234', 'areaTooPrecise'],
    ['85.505', 'areaTooPrecise'],
    ['100000.01', 'areaTooLarge'],
    ['999999999', 'areaTooLarge'],
  ])('refuses %j with %s', (text, error) => {
    expect(parseArea(text)).toEqual({ ok: false, error })
  })
})

describe('areaToText', () => {
  it('formats hundredths as a plain decimal, without trailing zeros', () => {
    expect(areaToText(8550)).toBe('85.5')
    expect(areaToText(6235)).toBe('62.35')
    expect(areaToText(8500)).toBe('85')
    expect(areaToText(5)).toBe('0.05')
    expect(areaToText(50)).toBe('0.5')
    expect(areaToText(0)).toBe('0')
    expect(areaToText(null)).toBe('')
  })

  it('round-trips through parseArea for every integer 0..10^7 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 7 }), (n) => {
        expect(parseArea(areaToText(n))).toEqual({ ok: true, value: n })
      }),
      { numRuns: 2000 },
    )
  })

  it('round-trips null', () => {
    expect(parseArea(areaToText(null))).toEqual({ ok: true, value: null })
  })
})

describe('validateMember', () => {
  it('accepts a complete member, and one with unknown area and no phone', () => {
    expect(validateMember(memberFields())).toEqual({})
    expect(validateMember(memberFields({ areaCentiM2: null, phone: '' }))).toEqual({})
  })

  it('requires a name and limits its length', () => {
    expect(validateMember(memberFields({ name: '  ' }))).toEqual({ name: 'nameRequired' })
    expect(validateMember(memberFields({ name: '名'.repeat(MAX_MEMBER_NAME) }))).toEqual({})
    expect(validateMember(memberFields({ name: '名'.repeat(MAX_MEMBER_NAME + 1) }))).toEqual({ name: 'nameTooLong' })
  })

  it('refuses an unknown role', () => {
    expect(validateMember(memberFields({ role: 'mayor' as MemberRole }))).toEqual({ role: 'roleInvalid' })
  })

  it('limits the address parts', () => {
    expect(validateMember(memberFields({ building: 'b'.repeat(41), room: 'r'.repeat(41) }))).toEqual({ building: 'addressTooLong', room: 'addressTooLong' })
    expect(validateMember(memberFields({ unit: 'u'.repeat(40) }))).toEqual({})
  })

  it('checks the area is a whole, non-negative number of hundredths within bounds', () => {
    expect(validateMember(memberFields({ areaCentiM2: 85.5 }))).toEqual({ areaCentiM2: 'areaNotNumber' })
    expect(validateMember(memberFields({ areaCentiM2: Number.NaN }))).toEqual({ areaCentiM2: 'areaNotNumber' })
    expect(validateMember(memberFields({ areaCentiM2: -1 }))).toEqual({ areaCentiM2: 'areaNegative' })
    expect(validateMember(memberFields({ areaCentiM2: MAX_AREA_CENTI_M2 + 1 }))).toEqual({ areaCentiM2: 'areaTooLarge' })
    expect(validateMember(memberFields({ areaCentiM2: 0 }))).toEqual({})
  })

  it('checks phone numbers loosely', () => {
    for (const phone of ['13800000000', '+86 138 0000 0000', '028-8888-8888']) expect(validateMember(memberFields({ phone })), phone).toEqual({})
    for (const phone of ['call me', '12', '138;0000', '+']) expect(validateMember(memberFields({ phone })), phone).toEqual({ phone: 'phoneInvalid' })
  })

  it('checks the joined and left dates', () => {
    expect(validateMember(memberFields({ joinedOn: '2024-02-30' }))).toEqual({ joinedOn: 'joinedInvalid' })
    expect(validateMember(memberFields({ leftOn: 'soon' }))).toEqual({ leftOn: 'leftInvalid' })
    expect(validateMember(memberFields({ joinedOn: '2024-01-15', leftOn: '2024-01-14' }))).toEqual({ leftOn: 'leftBeforeJoined' })
    expect(validateMember(memberFields({ joinedOn: '2024-01-15', leftOn: '2024-01-15' }))).toEqual({})
  })
})

describe('isMemberOn and membersOn: the register as it stood on a date', () => {
  const early = { id: 'early', joinedOn: '2023-01-01', leftOn: null }
  const left = { id: 'left', joinedOn: '2023-01-01', leftOn: '2024-06-01' }
  const late = { id: 'late', joinedOn: '2024-06-01', leftOn: null }

  it('counts a member from the day they joined', () => {
    expect(isMemberOn(late, '2024-06-01')).toBe(true)
    expect(isMemberOn(late, '2024-05-31')).toBe(false)
  })

  it('no longer counts a member on the day they left', () => {
    expect(isMemberOn(left, '2024-06-01')).toBe(false)
    expect(isMemberOn(left, '2024-05-31')).toBe(true)
  })

  it('keeps a member who has since left on the register of past dates', () => {
    expect(membersOn([early, left, late], '2024-03-01').map((m) => m.id)).toEqual(['early', 'left'])
    expect(membersOn([early, left, late], '2024-06-01').map((m) => m.id)).toEqual(['early', 'late'])
    expect(membersOn([early, left, late], '2022-12-31')).toEqual([])
  })

  it('returns the members themselves, keeping their other fields', () => {
    const members = [memberFields({ name: '甲' }), memberFields({ name: '乙', joinedOn: '2025-01-01' })]
    const on = membersOn(members, '2024-12-31')
    expect(on).toHaveLength(1)
    expect(on[0]).toBe(members[0])
  })
})

describe('countsForQuorum', () => {
  it('counts every role but observers', () => {
    expect(countsForQuorum('observer')).toBe(false)
    for (const role of ['chair', 'recorder', 'councillor', 'supervisor'] as const) expect(countsForQuorum(role)).toBe(true)
  })
})

describe('householdKey and personKey: the same person written twice', () => {
  it('ignores spaces, width (NFKC) and letter case in the address', () => {
    const a = householdKey({ building: '３栋', unit: ' 2 单元', room: 'A501' })
    const b = householdKey({ building: '3栋', unit: '2单元', room: 'a５０１' })
    expect(a).toBe(b)
  })

  it('treats full-width and ideographic spaces in the name as spaces', () => {
    const a = personKey({ name: '张\u3000三', building: '3栋', unit: '2单元', room: '501' })
    const b = personKey({ name: ' 张三 ', building: '3 栋', unit: '2单元', room: '５０１' })
    expect(a).toBe(b)
  })

  it('normalises compatibility forms of Latin names (NFKC)', () => {
    const a = personKey({ name: 'Ｌｉ Ｗｅｉ', building: '1', unit: '1', room: '101' })
    const b = personKey({ name: 'LiWei', building: '1', unit: '1', room: '101' })
    expect(a).toBe(b)
  })

  it('tells apart different people and different households', () => {
    const base = { name: '张三', building: '3栋', unit: '2单元', room: '501' }
    expect(personKey(base)).not.toBe(personKey({ ...base, name: '张四' }))
    expect(personKey(base)).not.toBe(personKey({ ...base, room: '502' }))
    // The separator keeps "1|23" and "12|3" apart.
    expect(householdKey({ building: '1', unit: '23', room: '' })).not.toBe(householdKey({ building: '12', unit: '3', room: '' }))
  })
})
