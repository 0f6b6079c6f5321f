// Builders for the in-session tests (sign-in, session, motions, speeches, votes): a register of
// members with fixed ids, a noticed meeting, and a session opened with a given attendance.
import * as Y from 'yjs'
import { markPresent, startSignIn } from '../../src/shared/doc/attendance'
import { addAgendaItem, transitionMeeting } from '../../src/shared/doc/meeting'
import { moveMotion, proposeMotion, secondMotion } from '../../src/shared/doc/motions'
import { openSession } from '../../src/shared/doc/session'
import type { AgendaItemId, MemberId, MotionId } from '../../src/shared/domain/ids'
import type { Member } from '../../src/shared/domain/member'
import type { MotionRules } from '../../src/shared/domain/motion'
import { itemFields, memberFields, newMeetingDoc } from './helpers'

/** The meeting of helpers.meetingFields starts 2025-03-10 19:30 in Chengdu: 11:30 UTC. */
export const START = '2025-03-10T11:30:00.000Z'
/** The instant `minutes` after the start (negative: before). */
export const at = (minutes: number): string => new Date(Date.parse(START) + minutes * 60_000).toISOString()

export const SECONDING: MotionRules = { secondingRequired: true }
export const NO_SECONDING: MotionRules = { secondingRequired: false }

export const memberId = (i: number): MemberId => `00000000-0000-4000-a000-${String(i).padStart(12, '0')}` as MemberId

/** `n` members on the register since 2024, named 成员1…成员n, with ids memberId(1…n). */
export function register(n: number, overrides: (i: number) => Partial<Member> = () => ({})): Member[] {
  return Array.from({ length: n }, (_, k) => {
    const i = k + 1
    return { ...memberFields({ name: `成员${i}`, room: String(100 + i), areaCentiM2: 8000 + i }), id: memberId(i), createdAt: '2024-01-15T00:00:00.000Z', ...overrides(i) }
  })
}

/** A noticed meeting with agenda items (client id fixed when given). */
export function noticedMeeting(clientID?: number, titles: string[] = ['加装电梯', '垃圾分类']): { doc: Y.Doc; itemIds: AgendaItemId[] } {
  const doc = newMeetingDoc(clientID)
  const itemIds = titles.map((title) => addAgendaItem(doc, itemFields({ title })))
  transitionMeeting(doc, 'noticed', '2025-03-07T01:00:00.000Z')
  return { doc, itemIds }
}

export interface Setup {
  doc: Y.Doc
  itemIds: AgendaItemId[]
  members: Member[]
  ids: MemberId[]
}

/**
 * A session open at START: `n` members signed in, the first `present` of them present (on time),
 * the session opened (quorum met unless said otherwise, with an override then).
 */
export function inSession(options: { n?: number; present?: number; clientID?: number; quorumMet?: boolean } = {}): Setup {
  const n = options.n ?? 5
  const present = options.present ?? n
  const { doc, itemIds } = noticedMeeting(options.clientID)
  const members = register(n)
  startSignIn(doc, members, at(-30))
  members.slice(0, present).forEach((m) => markPresent(doc, m.id, at(-20)))
  const quorumMet = options.quorumMet ?? true
  openSession(doc, quorumMet ? { quorumMet } : { quorumMet, override: { by: '李主任', reason: '测试' } }, at(0))
  return { doc, itemIds, members, ids: members.map((m) => m.id) }
}

/** A main motion on item 0 proposed by member 1, seconded by member 2, under debate. */
export function debating(s: Setup, text = '同意3栋加装电梯', itemIndex = 0): MotionId {
  const id = proposeMotion(s.doc, { itemId: s.itemIds[itemIndex]!, proposerId: s.ids[0]!, text }, at(5))
  secondMotion(s.doc, id, s.ids[1]!, at(6))
  moveMotion(s.doc, id, 'debating', SECONDING, at(7))
  return id
}

/** Writes one field of an entity straight into the document, as a replica mid-sync (or a damaged one) can hold it. */
export function rawSet(doc: Y.Doc, top: string, id: string, key: string, value: unknown): void {
  const entity = doc.getMap<unknown>(top).get(id)
  if (!(entity instanceof Y.Map)) throw new Error(`no ${top}/${id}`)
  entity.set(key, value)
}
