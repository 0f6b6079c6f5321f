// Motions (动议) on agenda items and their amendments, in the meeting document (recusals: recusals.ts).
//
// Layout (meeting doc):
//   motions   Y.Map<motionId, Y.Map{itemId, parentId (null | the motion amended), proposerId,
//             seconders: Y.Array<memberId>, text, status, createdAt, order (fractional),
//             textVersions: Y.Array<{text, at, amendmentId|null}>, statusLog: Y.Array<{from, to, at}>}>
// An amendment's text is the whole proposed new text of its parent; when it passes, the parent's
// text becomes it and textVersions keeps both. Status changes to voting / passed / failed are made
// by votes.ts (openVote, closeVote), with the checks exported here.
import * as Y from 'yjs'
import { generateKeyBetween } from 'fractional-indexing'
import { newMotionId, type AgendaItemId, type MemberId, type MotionId } from '../domain/ids'
import { countsForQuorum } from '../domain/member'
import { canMoveMotion, isOnFloor, MOTION_STATUSES, validateMotionText, type MotionRules, type MotionStatus } from '../domain/motion'
import { rosterEntry } from './attendance'
import { DocError } from './errors'
import { assertInstant, assertMeetingIn, byOrder, childMaps, record, strField } from './guards'
import { readAgenda } from './meeting'
import { oneOf, str, strOrNull, strings } from './read'
import { ORIGIN_LOCAL } from './schema'

const motionsMap = (doc: Y.Doc) => doc.getMap<unknown>('motions')

export interface TextVersion {
  text: string
  at: string
  /** The adopted amendment that produced this text; null for the text as proposed or edited. */
  amendmentId: MotionId | null
}

export interface Motion {
  id: MotionId
  itemId: AgendaItemId
  parentId: MotionId | null
  proposerId: MemberId
  /** Deduplicated, in the order they seconded. */
  seconders: MemberId[]
  text: string
  status: MotionStatus
  createdAt: string
  order: string
  textVersions: TextVersion[]
  statusLog: { from: MotionStatus; to: MotionStatus; at: string }[]
}

function readMotionMap(id: string, m: Y.Map<unknown>): Motion {
  const arr = (k: string) => {
    const v = m.get(k)
    return v instanceof Y.Array ? v.toArray().map(record).filter((r): r is Record<string, unknown> => r !== null) : []
  }
  return {
    id: id as MotionId,
    itemId: str(m, 'itemId') as AgendaItemId,
    parentId: strOrNull(m, 'parentId') as MotionId | null,
    proposerId: str(m, 'proposerId') as MemberId,
    seconders: [...new Set(strings(m, 'seconders'))] as MemberId[],
    text: str(m, 'text'),
    status: oneOf(m, 'status', MOTION_STATUSES, 'proposed'),
    createdAt: str(m, 'createdAt'),
    order: str(m, 'order'),
    textVersions: arr('textVersions').map((r) => ({ text: strField(r, 'text') ?? '', at: strField(r, 'at') ?? '', amendmentId: strField(r, 'amendmentId') as MotionId | null })),
    statusLog: arr('statusLog').flatMap((r) => {
      const ok = (v: unknown): v is MotionStatus => (MOTION_STATUSES as readonly unknown[]).includes(v)
      return ok(r.from) && ok(r.to) ? [{ from: r.from, to: r.to, at: strField(r, 'at') ?? '' }] : []
    }),
  }
}

/** Every motion of the meeting, by fractional order (amendments among them, with their parentId). */
export function readMotions(doc: Y.Doc): Motion[] {
  return childMaps(motionsMap(doc))
    .map(([id, m]) => readMotionMap(id, m))
    .sort(byOrder)
}

export const motionsOf = (doc: Y.Doc, itemId: AgendaItemId): Motion[] => readMotions(doc).filter((m) => m.itemId === itemId)
export const amendmentsOf = (doc: Y.Doc, motionId: MotionId): Motion[] => readMotions(doc).filter((m) => m.parentId === motionId)

export function readMotion(doc: Y.Doc, id: MotionId): Motion | null {
  const m = motionsMap(doc).get(id)
  return m instanceof Y.Map ? readMotionMap(id, m as Y.Map<unknown>) : null
}

/** Motions on the floor. Normally one main motion (and its amendment); two devices offline can make more. */
export const onFloor = (doc: Y.Doc): Motion[] => readMotions(doc).filter((m) => isOnFloor(m.status))

/** The motion's Y.Map, for writes made inside another accessor's transaction (votes.ts). */
export function motionMapOf(doc: Y.Doc, id: MotionId): Y.Map<unknown> | null {
  const m = motionsMap(doc).get(id)
  return m instanceof Y.Map ? (m as Y.Map<unknown>) : null
}

function requireMotion(doc: Y.Doc, id: MotionId): { motion: Motion; map: Y.Map<unknown> } {
  const map = motionsMap(doc).get(id)
  if (!(map instanceof Y.Map)) throw new DocError('notFound', { motionId: id })
  return { motion: readMotionMap(id, map as Y.Map<unknown>), map: map as Y.Map<unknown> }
}

/** A voting member of this meeting (on the roster, not an observer). */
export function requireVoter(doc: Y.Doc, memberId: MemberId): void {
  const entry = rosterEntry(doc, memberId)
  if (!entry || !countsForQuorum(entry.role)) throw new DocError('notOnRoster', { memberId })
}

export function requireItem(doc: Y.Doc, itemId: AgendaItemId): void {
  if (!readAgenda(doc).some((i) => i.id === itemId)) throw new DocError('notFound', { itemId })
}

/** Writes a status change and logs it; call inside a transaction, after validating. */
export function writeMotionStatus(map: Y.Map<unknown>, from: MotionStatus, to: MotionStatus, at: string): void {
  map.set('status', to)
  let log = map.get('statusLog')
  if (!(log instanceof Y.Array)) {
    log = new Y.Array<unknown>()
    map.set('statusLog', log)
  }
  ;(log as Y.Array<unknown>).push([{ from, to, at }])
}

/**
 * Proposes a motion on an agenda item, or (parentId) an amendment to the main motion under debate.
 * One main motion on the floor at a time; one amendment on the floor per main motion.
 */
export function proposeMotion(
  doc: Y.Doc,
  input: { itemId: AgendaItemId; proposerId: MemberId; text: string; parentId?: MotionId | null },
  now: string,
  origin: unknown = ORIGIN_LOCAL,
): MotionId {
  assertMeetingIn(doc, ['in_session'])
  assertInstant(now, 'now')
  const text = input.text.trim()
  const textError = validateMotionText(text)
  if (textError) throw new DocError('invalidInput', { text: textError })
  const parentId = input.parentId ?? null
  let itemId = input.itemId
  const all = readMotions(doc)
  if (parentId === null) {
    requireItem(doc, itemId)
    const floor = all.find((m) => m.parentId === null && isOnFloor(m.status))
    if (floor) throw new DocError('motionOnFloor', { motionId: floor.id })
  } else {
    const parent = requireMotion(doc, parentId).motion
    if (parent.parentId !== null) throw new DocError('invalidInput', { parentId: 'amendmentOfAmendment' })
    if (parent.status !== 'debating') throw new DocError('badMotionTransition', { from: parent.status, to: 'amended' })
    const pending = all.find((m) => m.parentId === parentId && isOnFloor(m.status))
    if (pending) throw new DocError('motionOnFloor', { motionId: pending.id })
    itemId = parent.itemId
  }
  requireVoter(doc, input.proposerId)
  const last = all.filter((m) => m.itemId === itemId).at(-1)
  const id = newMotionId()
  doc.transact(() => {
    const m = new Y.Map<unknown>()
    motionsMap(doc).set(id, m)
    for (const [k, v] of Object.entries({ itemId, parentId, proposerId: input.proposerId, text, status: 'proposed', createdAt: now })) m.set(k, v)
    m.set('order', generateKeyBetween(last?.order || null, null))
    m.set('seconders', new Y.Array<string>())
    const versions = new Y.Array<unknown>()
    versions.push([{ text, at: now, amendmentId: null }])
    m.set('textVersions', versions)
    m.set('statusLog', new Y.Array<unknown>())
  }, origin)
  return id
}

/** A member seconds (附议); the first second moves a proposed motion to seconded. */
export function secondMotion(doc: Y.Doc, motionId: MotionId, memberId: MemberId, now: string, origin: unknown = ORIGIN_LOCAL): void {
  assertMeetingIn(doc, ['in_session'])
  assertInstant(now, 'now')
  const { motion, map } = requireMotion(doc, motionId)
  if (motion.status !== 'proposed' && motion.status !== 'seconded') throw new DocError('badMotionTransition', { from: motion.status, to: 'seconded' })
  requireVoter(doc, memberId)
  if (memberId === motion.proposerId) throw new DocError('invalidInput', { seconder: 'proposerCannotSecond' })
  if (motion.seconders.includes(memberId)) return
  doc.transact(() => {
    let list = map.get('seconders')
    if (!(list instanceof Y.Array)) {
      list = new Y.Array<string>()
      map.set('seconders', list)
    }
    ;(list as Y.Array<string>).push([memberId])
    if (motion.status === 'proposed') writeMotionStatus(map, 'proposed', 'seconded', now)
  }, origin)
}

/**
 * Debate, withdrawal or deferral. `rules.secondingRequired` (the council's setting) decides whether
 * a proposed motion may go straight to debate. Withdrawing or deferring a main motion takes its
 * amendment on the floor with it; refused while that amendment is being voted on.
 */
export function moveMotion(
  doc: Y.Doc,
  motionId: MotionId,
  to: 'debating' | 'withdrawn' | 'deferred',
  rules: MotionRules,
  now: string,
  origin: unknown = ORIGIN_LOCAL,
): void {
  assertMeetingIn(doc, ['in_session'])
  assertInstant(now, 'now')
  const { motion, map } = requireMotion(doc, motionId)
  if (!canMoveMotion(motion.status, to, rules)) throw new DocError('badMotionTransition', { from: motion.status, to })
  const amendments = amendmentsOf(doc, motionId).filter((a) => isOnFloor(a.status))
  if (to !== 'debating' && amendments.some((a) => a.status === 'voting')) throw new DocError('amendmentPending', { motionId: amendments[0]?.id })
  doc.transact(() => {
    writeMotionStatus(map, motion.status, to, now)
    if (to === 'debating') return
    for (const a of amendments) {
      const am = motionsMap(doc).get(a.id)
      if (am instanceof Y.Map) writeMotionStatus(am as Y.Map<unknown>, a.status, to, now)
    }
  }, origin)
}

/** Rewording by the proposer before debate; each wording is kept in textVersions. */
export function editMotionText(doc: Y.Doc, motionId: MotionId, text: string, now: string, origin: unknown = ORIGIN_LOCAL): void {
  assertMeetingIn(doc, ['in_session'])
  assertInstant(now, 'now')
  const { motion, map } = requireMotion(doc, motionId)
  if (motion.status !== 'proposed' && motion.status !== 'seconded') throw new DocError('badMotionTransition', { from: motion.status, to: 'edited' })
  const t = text.trim()
  const error = validateMotionText(t)
  if (error) throw new DocError('invalidInput', { text: error })
  if (t === motion.text) return
  doc.transact(() => writeText(map, t, now, null), origin)
}

function writeText(map: Y.Map<unknown>, text: string, at: string, amendmentId: MotionId | null): void {
  map.set('text', text)
  let versions = map.get('textVersions')
  if (!(versions instanceof Y.Array)) {
    versions = new Y.Array<unknown>()
    map.set('textVersions', versions)
  }
  ;(versions as Y.Array<unknown>).push([{ text, at, amendmentId }])
}

/** Throws unless the motion may go to a vote now: debating, and no amendment of it on the floor. */
export function assertCanVote(doc: Y.Doc, motionId: MotionId): { motion: Motion; map: Y.Map<unknown> } {
  const found = requireMotion(doc, motionId)
  if (found.motion.status !== 'debating') throw new DocError('badMotionTransition', { from: found.motion.status, to: 'voting' })
  const pending = amendmentsOf(doc, motionId).find((a) => isOnFloor(a.status))
  if (pending) throw new DocError('amendmentPending', { motionId: pending.id })
  return found
}

/**
 * Checks an adopted amendment against its parent: the amendment passed and the parent is still
 * under debate. Returns the parent's map, or null when the amendment was already applied.
 */
export function checkAmendment(doc: Y.Doc, amendment: Motion): Y.Map<unknown> | null {
  if (amendment.parentId === null || amendment.status !== 'passed') throw new DocError('badMotionTransition', { from: amendment.status, to: 'applied' })
  const { motion: parent, map } = requireMotion(doc, amendment.parentId)
  if (parent.textVersions.some((v) => v.amendmentId === amendment.id)) return null
  if (!isOnFloor(parent.status) || parent.status === 'voting') throw new DocError('badMotionTransition', { from: parent.status, to: 'amended' })
  return map
}

/** The parent takes the amendment's text; textVersions keeps the old and the new. Inside a transaction. */
export const writeAmendment = (parentMap: Y.Map<unknown>, amendment: Motion, now: string): void => writeText(parentMap, amendment.text, now, amendment.id)

/** Applies a passed amendment to its parent (closeVote already does this); false if already applied. */
export function applyAdoptedAmendment(doc: Y.Doc, amendmentId: MotionId, now: string, origin: unknown = ORIGIN_LOCAL): boolean {
  assertMeetingIn(doc, ['in_session'])
  assertInstant(now, 'now')
  const { motion } = requireMotion(doc, amendmentId)
  const parentMap = checkAmendment(doc, motion)
  if (!parentMap) return false
  doc.transact(() => writeAmendment(parentMap, motion, now), origin)
  return true
}
