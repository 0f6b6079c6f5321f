// Requests for the floor (发言申请) on a motion, in the meeting document: who asked to speak, for
// or against, in the order they asked. They live in the document, not in a screen, so they
// survive switching to 签到 and back, a reload, and a second laptop adding requests at once.
//
// Layout (meeting doc):
//   floorRequests  Y.Map<requestId, Y.Map{motionId, speakerId, stance, askedAt, order,
//                                         speechId|null, doneAt|null, withdrawnAt|null}>
// Why a map of entities with a fractional `order` and not a Y.Array (architecture.md 3a): a
// request is never moved, only marked; two laptops asking at once each add their own entity, and
// equal `order` keys (both generated after the same last request) are settled by askedAt, then id.
// A request is marked done (speechId, doneAt) in the same transaction that starts its speech, and
// withdrawn (withdrawnAt) when the person no longer wishes to speak; neither is ever deleted.
// Who speaks next among the pending requests is the pure rule in domain/speaking (speakingQueue).
import * as Y from 'yjs'
import { generateKeyBetween } from 'fractional-indexing'
import { newEntryId, type MotionId, type SpeechId } from '../domain/ids'
import { STANCES, type SpeakingRequest, type Stance } from '../domain/speaking'
import { readObservers, rosterEntry } from './attendance'
import { DocError } from './errors'
import { assertInstant, assertMeetingIn, childMaps, cmpStr } from './guards'
import { readMotion } from './motions'
import { oneOf, str, strOrNull } from './read'
import { ORIGIN_LOCAL } from './schema'
import { startSpeech } from './speeches'

const requestsMap = (doc: Y.Doc) => doc.getMap<unknown>('floorRequests')

export interface FloorRequest extends SpeakingRequest {
  id: string
  motionId: MotionId
  askedAt: string
  order: string
  /** The speech that answered the request, once given the floor. */
  speechId: SpeechId | null
  doneAt: string | null
  withdrawnAt: string | null
}

/** Neither answered nor withdrawn. */
export const isPending = (r: FloorRequest): boolean => r.doneAt === null && r.withdrawnAt === null

const byAsking = (a: FloorRequest, b: FloorRequest): number => cmpStr(a.order, b.order) || cmpStr(a.askedAt, b.askedAt) || cmpStr(a.id, b.id)

function readRequest(id: string, m: Y.Map<unknown>): FloorRequest {
  return {
    id,
    motionId: str(m, 'motionId') as MotionId,
    speakerId: str(m, 'speakerId'),
    stance: oneOf(m, 'stance', STANCES, 'question'),
    askedAt: str(m, 'askedAt'),
    order: str(m, 'order'),
    speechId: strOrNull(m, 'speechId') as SpeechId | null,
    doneAt: strOrNull(m, 'doneAt'),
    withdrawnAt: strOrNull(m, 'withdrawnAt'),
  }
}

/** Every request on a motion (answered and withdrawn ones included), in the order they were made. */
export function readFloorRequests(doc: Y.Doc, motionId: MotionId): FloorRequest[] {
  return childMaps(requestsMap(doc))
    .map(([id, m]) => readRequest(id, m))
    .filter((r) => r.motionId === motionId && r.speakerId !== '')
    .sort(byAsking)
}

/** The requests still waiting on a motion, in the order they were made (speakingQueue's input). */
export const pendingFloorRequests = (doc: Y.Doc, motionId: MotionId): FloorRequest[] => readFloorRequests(doc, motionId).filter(isPending)

function assertSpeaker(doc: Y.Doc, speakerId: string): void {
  if (!rosterEntry(doc, speakerId) && !readObservers(doc).some((o) => o.id === speakerId)) throw new DocError('notOnRoster', { memberId: speakerId })
}

/** A key after the motion's last request; a damaged key is passed over rather than trusted. */
function nextOrder(existing: readonly FloorRequest[]): string {
  for (let i = existing.length - 1; i >= 0; i--) {
    try {
      return generateKeyBetween(existing[i]!.order || null, null)
    } catch {
      // not a fractional index (damaged data): try the one before
    }
  }
  return generateKeyBetween(null, null)
}

/**
 * Someone asks for the floor on a motion under debate. Asking again while still waiting changes
 * the stance and keeps the place in line. Returns the request's id.
 */
export function requestFloor(doc: Y.Doc, input: { motionId: MotionId; speakerId: string; stance: Stance }, now: string, origin: unknown = ORIGIN_LOCAL): string {
  assertMeetingIn(doc, ['in_session'])
  assertInstant(now, 'now')
  const motion = readMotion(doc, input.motionId)
  if (!motion) throw new DocError('notFound', { motionId: input.motionId })
  if (motion.status !== 'debating') throw new DocError('badMotionTransition', { from: motion.status, to: 'speech' })
  assertSpeaker(doc, input.speakerId)
  if (!STANCES.includes(input.stance)) throw new DocError('invalidInput', { stance: 'stanceInvalid' })
  const all = readFloorRequests(doc, input.motionId)
  const waiting = all.find((r) => isPending(r) && r.speakerId === input.speakerId)
  if (waiting) {
    const m = requestsMap(doc).get(waiting.id)
    if (waiting.stance !== input.stance && m instanceof Y.Map) doc.transact(() => m.set('stance', input.stance), origin)
    return waiting.id
  }
  const id = newEntryId()
  doc.transact(() => {
    const m = new Y.Map<unknown>()
    requestsMap(doc).set(id, m)
    const fields = { motionId: input.motionId, speakerId: input.speakerId, stance: input.stance, askedAt: now, order: nextOrder(all), speechId: null, doneAt: null, withdrawnAt: null }
    for (const [k, v] of Object.entries(fields)) m.set(k, v)
  }, origin)
  return id
}

/** Marks every waiting request of `speakerId` on the motion with `patch` (a second laptop may have added one too). */
function settle(doc: Y.Doc, motionId: MotionId, speakerId: string, patch: Record<string, string>): number {
  const waiting = pendingFloorRequests(doc, motionId).filter((r) => r.speakerId === speakerId)
  for (const r of waiting) {
    const m = requestsMap(doc).get(r.id)
    if (m instanceof Y.Map) for (const [k, v] of Object.entries(patch)) m.set(k, v)
  }
  return waiting.length
}

/** The person no longer wishes to speak: their waiting request is withdrawn (kept, marked). */
export function withdrawFloorRequest(doc: Y.Doc, motionId: MotionId, speakerId: string, now: string, origin: unknown = ORIGIN_LOCAL): void {
  assertMeetingIn(doc, ['in_session'])
  assertInstant(now, 'now')
  if (!pendingFloorRequests(doc, motionId).some((r) => r.speakerId === speakerId)) throw new DocError('notFound', { motionId, speakerId })
  doc.transact(() => void settle(doc, motionId, speakerId, { withdrawnAt: now }), origin)
}

/**
 * Gives the floor: starts the speech (speeches.ts startSpeech, which ends a running one) and marks
 * the speaker's waiting requests on the motion done, in one transaction. Returns the speech's id.
 */
export function giveFloor(doc: Y.Doc, input: { motionId: MotionId; speakerId: string; stance: Stance }, now: string, origin: unknown = ORIGIN_LOCAL): SpeechId {
  let speechId = '' as SpeechId
  doc.transact(() => {
    speechId = startSpeech(doc, input, now, origin)
    settle(doc, input.motionId, input.speakerId, { doneAt: now, speechId })
  }, origin)
  return speechId
}
