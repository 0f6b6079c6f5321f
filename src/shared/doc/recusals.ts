// Recusals (回避) in the meeting document: a member with an interest in an agenda item is present
// but not a voter on it (domain.md 2.6). Whether they still count toward quorum is a council setting
// applied when a vote is evaluated (votes.ts voteInput).
//
// Layout (meeting doc): recusals  Y.Map<`${itemId}:${memberId}`, {itemId, memberId, reason, at}>
import type * as Y from 'yjs'
import type { AgendaItemId, MemberId, MotionId } from '../domain/ids'
import { MAX_RECUSAL_REASON } from '../domain/motion'
import { DocError } from './errors'
import { assertInstant, assertMeetingIn, cmpStr, openVotes, record, strField } from './guards'
import { readMotion, requireItem, requireVoter } from './motions'
import { ORIGIN_LOCAL } from './schema'

const recusalsMap = (doc: Y.Doc) => doc.getMap<unknown>('recusals')

export interface Recusal {
  itemId: AgendaItemId
  memberId: MemberId
  reason: string
  at: string
}

const recusalKey = (itemId: string, memberId: string) => `${itemId}:${memberId}`

function assertNoOpenVoteOn(doc: Y.Doc, itemId: AgendaItemId): void {
  const open = openVotes(doc).find((v) => readMotion(doc, v.motionId as MotionId)?.itemId === itemId)
  if (open) throw new DocError('voteOpen', { voteId: open.voteId })
}

/** A member declares an interest in an item (回避): present, but not a voter on it. */
export function recuse(doc: Y.Doc, itemId: AgendaItemId, memberId: MemberId, reason: string, now: string, origin: unknown = ORIGIN_LOCAL): void {
  assertMeetingIn(doc, ['noticed', 'in_session'])
  assertInstant(now, 'now')
  requireItem(doc, itemId)
  requireVoter(doc, memberId)
  const r = reason.trim()
  if (!r) throw new DocError('invalidInput', { reason: 'reasonRequired' })
  if (r.length > MAX_RECUSAL_REASON) throw new DocError('invalidInput', { reason: 'textTooLong' })
  assertNoOpenVoteOn(doc, itemId)
  doc.transact(() => recusalsMap(doc).set(recusalKey(itemId, memberId), { itemId, memberId, reason: r, at: now }), origin)
}

export function unrecuse(doc: Y.Doc, itemId: AgendaItemId, memberId: MemberId, origin: unknown = ORIGIN_LOCAL): void {
  assertMeetingIn(doc, ['noticed', 'in_session'])
  if (recusalsMap(doc).get(recusalKey(itemId, memberId)) === undefined) throw new DocError('notFound', { itemId, memberId })
  assertNoOpenVoteOn(doc, itemId)
  doc.transact(() => recusalsMap(doc).delete(recusalKey(itemId, memberId)), origin)
}

/** The recusals on an item, by member id. */
export function readRecusals(doc: Y.Doc, itemId: AgendaItemId): Recusal[] {
  const out: Recusal[] = []
  recusalsMap(doc).forEach((v, key) => {
    const r = record(v)
    const memberId = r && strField(r, 'memberId')
    if (!r || !memberId || strField(r, 'itemId') !== itemId || key !== recusalKey(itemId, memberId)) return
    out.push({ itemId, memberId: memberId as MemberId, reason: strField(r, 'reason') ?? '', at: strField(r, 'at') ?? '' })
  })
  return out.sort((a, b) => cmpStr(a.memberId, b.memberId))
}
