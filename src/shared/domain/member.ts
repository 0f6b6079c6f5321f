// Councillors and the others on a council's register. A member is never deleted once on the
// register: leaving sets leftOn, so past meetings still show who was a member on their day.
import type { MemberId } from './ids'
import { isIsoDate, type IsoDate } from './dates'

export const MEMBER_ROLES = ['chair', 'recorder', 'councillor', 'observer', 'supervisor'] as const
export type MemberRole = (typeof MEMBER_ROLES)[number]

export interface MemberFields {
  name: string
  role: MemberRole
  building: string
  unit: string
  room: string
  /** Exclusive floor area in hundredths of a square metre (exact; 85.5 m² is 8550), or null. */
  areaCentiM2: number | null
  phone: string
  joinedOn: IsoDate
  leftOn: IsoDate | null
}

export interface Member extends MemberFields {
  id: MemberId
  createdAt: string
}

/** One edit of a member, kept so that the register's history is never rewritten. */
export interface MemberChange {
  at: string
  changes: Partial<Record<keyof MemberFields, [unknown, unknown]>>
}

export const MAX_MEMBER_NAME = 60
export const MAX_AREA_CENTI_M2 = 100_000_00 // 100,000 m²: beyond any one household

export type MemberError =
  | 'nameRequired'
  | 'nameTooLong'
  | 'roleInvalid'
  | 'areaNotNumber'
  | 'areaNegative'
  | 'areaTooPrecise'
  /** "85,500": a decimal comma or a thousands separator? Never guessed (issue 16). */
  | 'areaComma'
  | 'areaTooLarge'
  | 'phoneInvalid'
  | 'joinedInvalid'
  | 'leftInvalid'
  | 'leftBeforeJoined'
  | 'addressTooLong'

/**
 * Parses a floor area written by a person or a spreadsheet ("85.5", "85.50㎡", "85.5 平方米",
 * "1,085.5") into exact hundredths of m². Empty text is null (area unknown).
 */
export function parseArea(text: string): { ok: true; value: number | null } | { ok: false; error: MemberError } {
  const t = text.normalize('NFKC').trim().replace(/(㎡|m²|m2|平方米|平米)$/i, '').trim()
  if (t === '') return { ok: true, value: null }
  // In a register of flats of tens of m², "85,500" is far more often a decimal comma (85.5) or a
  // typo than 85,500 m²: the person who knows says which, by writing it without the comma.
  if (t.includes(',')) return { ok: false, error: 'areaComma' }
  if (/^-/.test(t)) return { ok: false, error: 'areaNegative' }
  const m = /^(\d{1,9})(?:\.(\d+))?$/.exec(t)
  if (!m) return { ok: false, error: 'areaNotNumber' }
  const frac = (m[2] ?? '').replace(/0+$/, '')
  if (frac.length > 2) return { ok: false, error: 'areaTooPrecise' }
  const value = Number(m[1]) * 100 + Number(frac.padEnd(2, '0') || '0')
  if (value > MAX_AREA_CENTI_M2) return { ok: false, error: 'areaTooLarge' }
  return { ok: true, value }
}

/** Formats hundredths of m² as a plain decimal string ("85.5"), for editing fields. */
export function areaToText(centi: number | null): string {
  if (centi === null) return ''
  const whole = Math.floor(centi / 100)
  const frac = String(centi % 100).padStart(2, '0').replace(/0+$/, '')
  return frac ? `${whole}.${frac}` : String(whole)
}

const PHONE = /^[+]?[0-9][0-9 -]{2,19}$/

export function validateMember(m: MemberFields): Partial<Record<keyof MemberFields, MemberError>> {
  const e: Partial<Record<keyof MemberFields, MemberError>> = {}
  const name = m.name.trim()
  if (!name) e.name = 'nameRequired'
  else if (name.length > MAX_MEMBER_NAME) e.name = 'nameTooLong'
  if (!MEMBER_ROLES.includes(m.role)) e.role = 'roleInvalid'
  for (const k of ['building', 'unit', 'room'] as const) if (m[k].length > 40) e[k] = 'addressTooLong'
  if (m.areaCentiM2 !== null) {
    if (!Number.isSafeInteger(m.areaCentiM2)) e.areaCentiM2 = 'areaNotNumber'
    else if (m.areaCentiM2 < 0) e.areaCentiM2 = 'areaNegative'
    else if (m.areaCentiM2 > MAX_AREA_CENTI_M2) e.areaCentiM2 = 'areaTooLarge'
  }
  if (m.phone.trim() && !PHONE.test(m.phone.trim())) e.phone = 'phoneInvalid'
  if (!isIsoDate(m.joinedOn)) e.joinedOn = 'joinedInvalid'
  if (m.leftOn !== null) {
    if (!isIsoDate(m.leftOn)) e.leftOn = 'leftInvalid'
    else if (isIsoDate(m.joinedOn) && m.leftOn < m.joinedOn) e.leftOn = 'leftBeforeJoined'
  }
  return e
}

/** A member belongs to the council on `date` from joinedOn until the day before leftOn. */
export function isMemberOn(m: Pick<MemberFields, 'joinedOn' | 'leftOn'>, date: IsoDate): boolean {
  return m.joinedOn <= date && (m.leftOn === null || date < m.leftOn)
}

/** The register as it stood on a date: who a meeting on that day expects. */
export function membersOn<T extends Pick<MemberFields, 'joinedOn' | 'leftOn'>>(members: readonly T[], date: IsoDate): T[] {
  return members.filter((m) => isMemberOn(m, date))
}

/** Observers attend but never count toward the expected attendance or quorum. */
export const countsForQuorum = (role: MemberRole): boolean => role !== 'observer'

/** A normalised household address, to find the same person twice in a register. */
export function householdKey(m: Pick<MemberFields, 'building' | 'unit' | 'room'>): string {
  const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase()
  return `${norm(m.building)}|${norm(m.unit)}|${norm(m.room)}`
}

/** Same person: the same name in the same household. */
export function personKey(m: Pick<MemberFields, 'name' | 'building' | 'unit' | 'room'>): string {
  return `${m.name.normalize('NFKC').replace(/\s+/g, '')}|${householdKey(m)}`
}
