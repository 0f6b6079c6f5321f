// The member form's text fields and the member they say (the area typed in square metres, stored
// in hundredths), or AreaInvalid with the area's message.
import { areaToText, parseArea, type MemberError, type MemberFields, type MemberRole } from '../../../shared/domain/member'

/** The member as the form's text fields. */
export interface MemberText {
  name: string
  role: MemberRole
  building: string
  unit: string
  room: string
  area: string
  phone: string
  joinedOn: string
  left: string
}

/** The area field could not be read: its message, shown on the field. */
export class AreaInvalid extends Error {}

/** The member as stored, as the form's text. */
export function textOf(initial: MemberFields): MemberText {
  return {
    name: initial.name,
    role: initial.role,
    building: initial.building,
    unit: initial.unit,
    room: initial.room,
    area: areaToText(initial.areaCentiM2),
    phone: initial.phone,
    joinedOn: initial.joinedOn,
    left: initial.leftOn ?? '',
  }
}

/** The member the form's text says; `areaMessage` words an area that cannot be read. */
export function fieldsOf(v: MemberText, areaMessage: (code: MemberError) => string): MemberFields {
  const area = parseArea(v.area)
  if (!area.ok) throw new AreaInvalid(areaMessage(area.error))
  return {
    name: v.name,
    role: v.role,
    building: v.building,
    unit: v.unit,
    room: v.room,
    areaCentiM2: area.value,
    phone: v.phone,
    joinedOn: v.joinedOn,
    leftOn: v.left.trim() ? v.left : null,
  }
}
