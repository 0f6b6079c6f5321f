// Households (户): the unit of mock relocation and renovation consent (domain.md 1, 3). A household
// is an address with its owner, tenant and exclusive floor area. It is never deleted once on the
// register: leaving sets removedOn, so a campaign still knows who was on its roll.
import { randomUUID } from '../runtime'
import type { IsoDate } from './dates'
import type { Brand } from './ids'
import { isMemberOn, MAX_MEMBER_NAME, validateMember, type MemberError } from './member'

export type HouseholdId = Brand<string, 'HouseholdId'>
export const newHouseholdId = (): HouseholdId => randomUUID() as HouseholdId

export interface HouseholdFields {
  building: string
  unit: string
  room: string
  /** The property owner (产权人), who signs. */
  owner: string
  /** The tenant (承租人), if any. */
  tenant: string
  /** Exclusive floor area in hundredths of a square metre (exact; 85.5 m² is 8550), or null when unknown. */
  areaCentiM2: number | null
  phone: string
  /** The day the household entered the register. A campaign's roll is the register on its first day. */
  addedOn: IsoDate
  /** The day it left the register (merged, demolished, entered by mistake), or null. */
  removedOn: IsoDate | null
}

export interface Household extends HouseholdFields {
  id: HouseholdId
  createdAt: string
}

/** One edit of a household: when, by whom, and each changed field's old and new value. */
export interface HouseholdChange {
  at: string
  by: string
  changes: Partial<Record<keyof HouseholdFields, [unknown, unknown]>>
}

export const HOUSEHOLD_FIELDS: readonly (keyof HouseholdFields)[] = ['building', 'unit', 'room', 'owner', 'tenant', 'areaCentiM2', 'phone', 'addedOn', 'removedOn']

export type HouseholdError =
  | 'ownerRequired'
  | 'ownerTooLong'
  | 'tenantTooLong'
  | 'addressRequired'
  | 'addressTooLong'
  | 'areaNotNumber'
  | 'areaNegative'
  | 'areaTooPrecise'
  | 'areaComma'
  | 'areaTooLarge'
  | 'phoneInvalid'
  | 'addedInvalid'
  | 'removedInvalid'
  | 'removedBeforeAdded'

// The owner is checked exactly as a member of the register is (name, address, area, phone, dates):
// one set of rules, so a household and a councillor living there can never disagree on what is valid.
const FROM_MEMBER: Partial<Record<MemberError, HouseholdError>> = {
  nameRequired: 'ownerRequired',
  nameTooLong: 'ownerTooLong',
  addressTooLong: 'addressTooLong',
  areaNotNumber: 'areaNotNumber',
  areaNegative: 'areaNegative',
  areaTooPrecise: 'areaTooPrecise',
  areaComma: 'areaComma',
  areaTooLarge: 'areaTooLarge',
  phoneInvalid: 'phoneInvalid',
  joinedInvalid: 'addedInvalid',
  leftInvalid: 'removedInvalid',
  leftBeforeJoined: 'removedBeforeAdded',
}

export function validateHousehold(h: HouseholdFields): Partial<Record<keyof HouseholdFields, HouseholdError>> {
  const m = validateMember({
    name: h.owner,
    role: 'councillor',
    building: h.building,
    unit: h.unit,
    room: h.room,
    areaCentiM2: h.areaCentiM2,
    phone: h.phone,
    joinedOn: h.addedOn,
    leftOn: h.removedOn,
  })
  const e: Partial<Record<keyof HouseholdFields, HouseholdError>> = {}
  const put = (field: keyof HouseholdFields, code: MemberError | undefined) => {
    const mapped = code === undefined ? undefined : FROM_MEMBER[code]
    if (mapped !== undefined) e[field] = mapped
  }
  put('owner', m.name)
  put('building', m.building)
  put('unit', m.unit)
  put('room', m.room)
  put('areaCentiM2', m.areaCentiM2)
  put('phone', m.phone)
  put('addedOn', m.joinedOn)
  put('removedOn', m.leftOn)
  if (h.tenant.trim().length > MAX_MEMBER_NAME) e.tenant = 'tenantTooLong'
  // A household is an address: at least one of building, unit or room (a bungalow's "12号" goes in room).
  if (!h.building.trim() && !h.unit.trim() && !h.room.trim()) e.room = 'addressRequired'
  return e
}

/** On the register on `date`: from addedOn until the day before removedOn (as members, isMemberOn). */
export const isOnRegister = (h: Pick<HouseholdFields, 'addedOn' | 'removedOn'>, date: IsoDate): boolean =>
  isMemberOn({ joinedOn: h.addedOn, leftOn: h.removedOn }, date)

/** A building as grouped and compared: width-folded, without spaces. */
export const buildingKey = (building: string): string => building.normalize('NFKC').replace(/\s+/g, '')

const RUNS = /\d+|\D+/g

/**
 * Natural order of designators without a locale ("2" before "10", "3A" after "3"), the same on
 * every device; ties fall to plain code-unit order so the order is total.
 */
export function compareNatural(a: string, b: string): number {
  const x = a.match(RUNS) ?? []
  const y = b.match(RUNS) ?? []
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i] as string
    const q = y[i] as string
    if (p === q) continue
    const pd = /^\d/.test(p)
    const qd = /^\d/.test(q)
    if (pd && qd) {
      // Compare digit runs by length after leading zeros, then lexically: exact for any length.
      const ps = p.replace(/^0+/, '')
      const qs = q.replace(/^0+/, '')
      if (ps.length !== qs.length) return ps.length < qs.length ? -1 : 1
      if (ps !== qs) return ps < qs ? -1 : 1
      continue
    }
    return p < q ? -1 : 1
  }
  if (x.length !== y.length) return x.length < y.length ? -1 : 1
  return a < b ? -1 : a > b ? 1 : 0
}

/** Register order: building, unit, room (natural), then id, so two devices list households alike. */
export function compareHouseholds(a: Pick<Household, 'id' | 'building' | 'unit' | 'room'>, b: Pick<Household, 'id' | 'building' | 'unit' | 'room'>): number {
  return (
    compareNatural(buildingKey(a.building), buildingKey(b.building)) ||
    compareNatural(a.unit, b.unit) ||
    compareNatural(a.room, b.room) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  )
}
