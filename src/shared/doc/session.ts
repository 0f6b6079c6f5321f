// The session (会议进行) in the meeting document: opening it on quorum (or an override recorded with
// who and why), the agenda item under discussion, and closing it (散会) once no vote is open.
//
// Layout (meeting doc): session  Y.Map{signInStartedAt, openedAt, quorumMet, override: {by, reason, at} | absent,
//                                      currentItemId, closedAt}
//                 itemsTaken  Y.Map<itemId, at>  when each agenda item was first taken up (first write
//                                                kept), so the rail can mark the items already discussed
import type * as Y from 'yjs'
import { canTransition } from '../domain/meeting'
import type { AgendaItemId } from '../domain/ids'
import { DocError } from './errors'
import { assertInstant, assertMeetingIn, openVotes, record, sessionMap, strField } from './guards'
import { readAgenda, transitionMeeting } from './meeting'
import { readMotions } from './motions'
import { bool, strOrNull } from './read'
import { ORIGIN_LOCAL } from './schema'

export const MAX_OVERRIDE_BY = 60
export const MAX_OVERRIDE_REASON = 500

export interface QuorumOverride {
  by: string
  reason: string
  at: string
}

export interface Session {
  signInStartedAt: string | null
  openedAt: string | null
  /** The quorum check the chair opened on (null before opening). */
  quorumMet: boolean | null
  /** Opened without quorum: who decided, why, when. */
  override: QuorumOverride | null
  currentItemId: AgendaItemId | null
  closedAt: string | null
}

export function readSession(doc: Y.Doc): Session {
  const s = sessionMap(doc)
  const o = record(s.get('override'))
  const by = o && strField(o, 'by')
  const reason = o && strField(o, 'reason')
  const openedAt = strOrNull(s, 'openedAt')
  return {
    signInStartedAt: strOrNull(s, 'signInStartedAt'),
    openedAt,
    quorumMet: openedAt === null ? null : bool(s, 'quorumMet', false),
    override: o && by && reason ? { by, reason, at: strField(o, 'at') ?? '' } : null,
    currentItemId: strOrNull(s, 'currentItemId') as AgendaItemId | null,
    closedAt: strOrNull(s, 'closedAt'),
  }
}

/**
 * Opens the session: noticed → in_session. `quorumMet` is the caller's check (evaluateQuorum on
 * headcount(doc, now)); without quorum the chair may still open with an override, which is recorded.
 * An override given while quorum is met is not stored.
 */
export function openSession(
  doc: Y.Doc,
  input: { quorumMet: boolean; override?: { by: string; reason: string } },
  now: string,
  origin: unknown = ORIGIN_LOCAL,
): void {
  const status = assertMeetingIn(doc, ['noticed'])
  assertInstant(now, 'now')
  if (!canTransition(status, 'in_session')) throw new DocError('badTransition', { from: status, to: 'in_session' })
  let override: QuorumOverride | null = null
  if (!input.quorumMet) {
    if (!input.override) throw new DocError('quorumNotMet')
    const by = input.override.by.trim()
    const reason = input.override.reason.trim()
    const errors: Record<string, string> = {}
    if (!by) errors.by = 'nameRequired'
    else if (by.length > MAX_OVERRIDE_BY) errors.by = 'nameTooLong'
    if (!reason) errors.reason = 'reasonRequired'
    else if (reason.length > MAX_OVERRIDE_REASON) errors.reason = 'textTooLong'
    if (Object.keys(errors).length) throw new DocError('invalidInput', errors)
    override = { by, reason, at: now }
  }
  doc.transact(() => {
    transitionMeeting(doc, 'in_session', now, origin)
    const s = sessionMap(doc)
    s.set('openedAt', now)
    s.set('quorumMet', input.quorumMet)
    if (override) s.set('override', override)
  }, origin)
}

/** The agenda item under discussion (shown on the projector), or null. */
export function setCurrentItem(doc: Y.Doc, itemId: AgendaItemId | null, origin: unknown = ORIGIN_LOCAL, now?: string): void {
  assertMeetingIn(doc, ['in_session'])
  if (itemId !== null && !readAgenda(doc).some((i) => i.id === itemId)) throw new DocError('notFound', { itemId })
  if (readSession(doc).currentItemId === itemId) return
  const taken = itemsTakenMap(doc)
  doc.transact(() => {
    sessionMap(doc).set('currentItemId', itemId)
    if (itemId !== null && typeof taken.get(itemId) !== 'string') taken.set(itemId, now ?? '')
  }, origin)
}

const itemsTakenMap = (doc: Y.Doc) => doc.getMap<unknown>('itemsTaken')

/**
 * The agenda items taken up so far (the current one included). Meetings recorded before this map
 * existed still show the items that have motions, and the current one.
 */
export function readItemsTaken(doc: Y.Doc): Set<AgendaItemId> {
  const out = new Set<AgendaItemId>()
  itemsTakenMap(doc).forEach((v, k) => {
    if (typeof v === 'string') out.add(k as AgendaItemId)
  })
  for (const m of readMotions(doc)) out.add(m.itemId)
  const current = readSession(doc).currentItemId
  if (current !== null) out.add(current)
  return out
}

/** Closes the session (散会): in_session → closed; refused while a vote is open or a motion is voting. */
export function closeSession(doc: Y.Doc, now: string, origin: unknown = ORIGIN_LOCAL): void {
  assertMeetingIn(doc, ['in_session'])
  assertInstant(now, 'now')
  const open = openVotes(doc)[0]
  if (open) throw new DocError('voteOpen', { voteId: open.voteId })
  const voting = readMotions(doc).find((m) => m.status === 'voting')
  if (voting) throw new DocError('voteOpen', { motionId: voting.id })
  doc.transact(() => {
    transitionMeeting(doc, 'closed', now, origin)
    sessionMap(doc).set('closedAt', now)
  }, origin)
}
