// Sign-in (签到) in the meeting document: the roster as it stood on the meeting day, each member's
// attendance, late arrivals and early departures with their times, and the observers (列席).
//
// Layout (meeting doc):
//   roster            Y.Map<memberId, Y.Map{name, role, areaCentiM2, building, unit, room}>  snapshot, never edited
//   attendance        Y.Map<memberId, {status, reason, at}>             one plain record per member
//   attendanceEvents  Y.Map<entryId, {memberId, kind, at}>              every arrival / departure
//   observers         Y.Map<observerId, Y.Map{name, note, addedAt}>
// Why not a Y.Map per member holding an events Y.Array: two devices signing in the same member
// offline would each create that nested map, and on sync one of them (with its events) would be
// discarded (architecture.md 3a). A status record and a map of events keyed by entry id lose nothing.
import * as Y from 'yjs'
import {
  ATTENDANCE_STATUSES,
  compareEvents,
  isPresentAt,
  MAX_LEAVE_REASON,
  MAX_OBSERVER_NAME,
  MAX_OBSERVER_NOTE,
  PRESENCE_KINDS,
  type AttendanceStatus,
  type PresenceEvent,
  type PresenceKind,
} from '../domain/attendance'
import { dateOf } from '../domain/dates'
import { newEntryId, newObserverId, type MemberId, type ObserverId } from '../domain/ids'
import { countsForQuorum, isMemberOn, MEMBER_ROLES, type Member, type MemberRole } from '../domain/member'
import { inListedOrder } from '../domain/nameOrder'
import { DocError } from './errors'
import { assertInstant, assertMeetingIn, childMaps, cmpStr, record, sessionMap, strField } from './guards'
import { readMeeting } from './meeting'
import { intOrNull, oneOf, str } from './read'
import { ORIGIN_LOCAL } from './schema'

const rosterMap = (doc: Y.Doc) => doc.getMap<unknown>('roster')
const attendanceMap = (doc: Y.Doc) => doc.getMap<unknown>('attendance')
const eventsMap = (doc: Y.Doc) => doc.getMap<unknown>('attendanceEvents')
const observersMap = (doc: Y.Doc) => doc.getMap<unknown>('observers')

/** Sign-in and observers are recorded from the notice until the session closes. */
const SIGN_IN_OPEN = ['noticed', 'in_session'] as const

export interface RosterEntry {
  memberId: MemberId
  name: string
  role: MemberRole
  areaCentiM2: number | null
  building: string
  unit: string
  room: string
}

export interface AttendanceRow extends RosterEntry {
  status: AttendanceStatus
  /** The reason for leave (请假); empty otherwise. */
  reason: string
  /** When the status was recorded, or null if never. */
  statusAt: string | null
  /** Arrivals and departures, oldest first. */
  events: PresenceEvent[]
  /** false for observers on the register (role 'observer'): never voters, never quorum. */
  counts: boolean
}

export interface Observer {
  id: ObserverId
  name: string
  note: string
  addedAt: string
}

/**
 * Opens sign-in: copies into the meeting the members on the register on the meeting's day, so the
 * meeting keeps who was a member that day whatever the register becomes. Idempotent: adds members
 * missing from the snapshot, never removes or rewrites one. Returns the ids added.
 */
export function startSignIn(doc: Y.Doc, register: readonly Member[], now: string, origin: unknown = ORIGIN_LOCAL): MemberId[] {
  assertMeetingIn(doc, SIGN_IN_OPEN)
  assertInstant(now, 'now')
  const day = dateOf(readMeeting(doc)?.startsAt ?? '')
  const roster = rosterMap(doc)
  const missing = register.filter((m) => isMemberOn(m, day) && !(roster.get(m.id) instanceof Y.Map))
  doc.transact(() => {
    for (const m of missing) {
      const entry = new Y.Map<unknown>()
      roster.set(m.id, entry)
      for (const [k, v] of Object.entries({ name: m.name, role: m.role, areaCentiM2: m.areaCentiM2, building: m.building, unit: m.unit, room: m.room })) entry.set(k, v)
    }
    const session = sessionMap(doc)
    if (typeof session.get('signInStartedAt') !== 'string') session.set('signInStartedAt', now)
  }, origin)
  return missing.map((m) => m.id)
}

function readRosterEntry(memberId: string, m: Y.Map<unknown>): RosterEntry {
  return {
    memberId: memberId as MemberId,
    name: str(m, 'name'),
    role: oneOf(m, 'role', MEMBER_ROLES, 'councillor'),
    areaCentiM2: intOrNull(m, 'areaCentiM2'),
    building: str(m, 'building'),
    unit: str(m, 'unit'),
    room: str(m, 'room'),
  }
}

/** The roster in the one order of names (domain/nameOrder: register order, then pinyin, then id). */
export function readRoster(doc: Y.Doc): RosterEntry[] {
  return inListedOrder(
    childMaps(rosterMap(doc)).map(([id, m]) => readRosterEntry(id, m)),
    (e) => e.memberId,
  )
}

/**
 * Before sign-in the roster is empty: the voting members the register has on the meeting's day
 * (the same members startSignIn will copy), so 应到 is known before anyone signs in.
 */
export function expectedFromRegister(register: readonly Member[], day: string): number {
  return register.filter((m) => isMemberOn(m, day) && countsForQuorum(m.role)).length
}

export function rosterEntry(doc: Y.Doc, memberId: string): RosterEntry | null {
  const m = rosterMap(doc).get(memberId)
  return m instanceof Y.Map ? readRosterEntry(memberId, m as Y.Map<unknown>) : null
}

function statusOf(doc: Y.Doc, memberId: string): { status: AttendanceStatus; reason: string; at: string | null } {
  const r = record(attendanceMap(doc).get(memberId))
  const status = r && (ATTENDANCE_STATUSES as readonly unknown[]).includes(r.status) ? (r.status as AttendanceStatus) : 'unknown'
  return { status, reason: (r && strField(r, 'reason')) ?? '', at: r ? strField(r, 'at') : null }
}

/** Every member's events, oldest first; entries of unknown kind or time are skipped. */
function eventsByMember(doc: Y.Doc): Map<string, PresenceEvent[]> {
  const out = new Map<string, PresenceEvent[]>()
  eventsMap(doc).forEach((v, entryId) => {
    const r = record(v)
    const memberId = r && strField(r, 'memberId')
    const at = r && strField(r, 'at')
    if (!r || !memberId || !at || !(PRESENCE_KINDS as readonly unknown[]).includes(r.kind)) return
    const list = out.get(memberId) ?? []
    list.push({ kind: r.kind as PresenceKind, at, entryId })
    out.set(memberId, list)
  })
  for (const list of out.values()) list.sort(compareEvents)
  return out
}

export function readAttendance(doc: Y.Doc): AttendanceRow[] {
  const events = eventsByMember(doc)
  return readRoster(doc).map((entry) => {
    const s = statusOf(doc, entry.memberId)
    return { ...entry, status: s.status, reason: s.reason, statusAt: s.at, events: events.get(entry.memberId) ?? [], counts: countsForQuorum(entry.role) }
  })
}

/** The voting members (observers never count) present at instant `at`, sorted by id. */
export function presentAt(doc: Y.Doc, at: string): MemberId[] {
  return readAttendance(doc)
    .filter((row) => row.counts && isPresentAt(row.status, row.events, at))
    .map((row) => row.memberId)
    .sort(cmpStr)
}

/**
 * The voting members present now (observers never count): signed in, and their latest arrival or
 * departure an arrival. The floor, the speakers' list and the voter slips offer these people.
 */
export function presentRows<R extends Pick<AttendanceRow, 'counts' | 'status' | 'events'>>(rows: readonly R[]): R[] {
  return rows.filter((row) => row.counts && row.status === 'present' && (row.events.at(-1)?.kind ?? 'arrive') === 'arrive')
}

/** Voting members on the roster and how many are present at `at`: the quorum's figures. */
export function headcount(doc: Y.Doc, at: string): { members: number; present: number } {
  return { members: readRoster(doc).filter((e) => countsForQuorum(e.role)).length, present: presentAt(doc, at).length }
}

function memberOnRoster(doc: Y.Doc, memberId: MemberId, at: string): void {
  assertMeetingIn(doc, SIGN_IN_OPEN)
  assertInstant(at)
  if (!rosterEntry(doc, memberId)) throw new DocError('notOnRoster', { memberId })
}

function writeStatus(doc: Y.Doc, memberId: MemberId, status: AttendanceStatus, reason: string, at: string, origin: unknown): void {
  const current = statusOf(doc, memberId)
  if (current.status === status && current.reason === reason) return
  doc.transact(() => attendanceMap(doc).set(memberId, { status, reason, at }), origin)
}

/** Signed in on time: present from the start. Latecomers are recorded with recordArrival. */
export function markPresent(doc: Y.Doc, memberId: MemberId, at: string, origin: unknown = ORIGIN_LOCAL): void {
  memberOnRoster(doc, memberId, at)
  writeStatus(doc, memberId, 'present', '', at, origin)
}

export function markLeave(doc: Y.Doc, memberId: MemberId, reason: string, at: string, origin: unknown = ORIGIN_LOCAL): void {
  memberOnRoster(doc, memberId, at)
  const r = reason.trim()
  if (r.length > MAX_LEAVE_REASON) throw new DocError('invalidInput', { reason: 'textTooLong' })
  writeStatus(doc, memberId, 'leave', r, at, origin)
}

export function markAbsent(doc: Y.Doc, memberId: MemberId, at: string, origin: unknown = ORIGIN_LOCAL): void {
  memberOnRoster(doc, memberId, at)
  writeStatus(doc, memberId, 'absent', '', at, origin)
}

function presentNow(doc: Y.Doc, memberId: MemberId, at: string): boolean {
  return isPresentAt(statusOf(doc, memberId).status, eventsByMember(doc).get(memberId) ?? [], at)
}

function addEvent(doc: Y.Doc, memberId: MemberId, kind: PresenceKind, at: string, setPresent: boolean, origin: unknown): string {
  const entryId = newEntryId()
  doc.transact(() => {
    if (setPresent) attendanceMap(doc).set(memberId, { status: 'present', reason: '', at })
    eventsMap(doc).set(entryId, { memberId, kind, at })
  }, origin)
  return entryId
}

/** A late arrival (or a return after leaving): present from `at`. Returns the entry id. */
export function recordArrival(doc: Y.Doc, memberId: MemberId, at: string, origin: unknown = ORIGIN_LOCAL): string {
  memberOnRoster(doc, memberId, at)
  if (presentNow(doc, memberId, at)) throw new DocError('alreadyPresent', { memberId, at })
  return addEvent(doc, memberId, 'arrive', at, statusOf(doc, memberId).status !== 'present', origin)
}

/** An early departure: not present from `at` (until a later arrival). Returns the entry id. */
export function recordDeparture(doc: Y.Doc, memberId: MemberId, at: string, origin: unknown = ORIGIN_LOCAL): string {
  memberOnRoster(doc, memberId, at)
  if (!presentNow(doc, memberId, at)) throw new DocError('notPresent', { memberId, at })
  return addEvent(doc, memberId, 'depart', at, false, origin)
}

/** An observer (列席): not a member; may speak, never votes, never counts for quorum. */
export function addObserver(doc: Y.Doc, input: { name: string; note: string }, now: string, origin: unknown = ORIGIN_LOCAL): ObserverId {
  assertMeetingIn(doc, SIGN_IN_OPEN)
  assertInstant(now, 'now')
  const name = input.name.trim()
  const note = input.note.trim()
  const errors: Record<string, string> = {}
  if (!name) errors.name = 'nameRequired'
  else if (name.length > MAX_OBSERVER_NAME) errors.name = 'nameTooLong'
  if (note.length > MAX_OBSERVER_NOTE) errors.note = 'textTooLong'
  if (Object.keys(errors).length) throw new DocError('invalidInput', errors)
  const id = newObserverId()
  doc.transact(() => {
    const m = new Y.Map<unknown>()
    observersMap(doc).set(id, m)
    m.set('name', name)
    m.set('note', note)
    m.set('addedAt', now)
  }, origin)
  return id
}

export function removeObserver(doc: Y.Doc, id: ObserverId, origin: unknown = ORIGIN_LOCAL): void {
  assertMeetingIn(doc, SIGN_IN_OPEN)
  if (!(observersMap(doc).get(id) instanceof Y.Map)) throw new DocError('notFound')
  doc.transact(() => observersMap(doc).delete(id), origin)
}

/** Observers in the order they were added (then by id). */
export function readObservers(doc: Y.Doc): Observer[] {
  return childMaps(observersMap(doc))
    .map(([id, m]) => ({ id: id as ObserverId, name: str(m, 'name'), note: str(m, 'note'), addedAt: str(m, 'addedAt') }))
    .sort((a, b) => cmpStr(a.addedAt, b.addedAt) || cmpStr(a.id, b.id))
}
