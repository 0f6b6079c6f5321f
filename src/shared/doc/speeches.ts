// Speeches (发言) on a motion in the meeting document: speaker, stance, a summary and the length.
//
// Layout (meeting doc):
//   speeches  Y.Map<speechId, Y.Map{motionId, speakerId, stance, summary, startedAt, endedAt|null, order}>
// speakerId is a member on the roster or an observer (列席 may speak). One speech runs at a time:
// starting the next one ends the running one at the same instant.
import * as Y from 'yjs'
import { generateKeyBetween } from 'fractional-indexing'
import { instantMs } from '../domain/dates'
import { newSpeechId, type MotionId, type SpeechId } from '../domain/ids'
import { MAX_TEXT } from '../domain/meeting'
import { STANCES, type Stance } from '../domain/speaking'
import { readObservers, rosterEntry } from './attendance'
import { DocError } from './errors'
import { assertInstant, assertMeetingIn, byOrder, childMaps } from './guards'
import { readMotion } from './motions'
import { oneOf, str, strOrNull } from './read'
import { ORIGIN_LOCAL } from './schema'

const speechesMap = (doc: Y.Doc) => doc.getMap<unknown>('speeches')

export interface Speech {
  id: SpeechId
  motionId: MotionId
  speakerId: string
  /** member: on the roster; observer: an observer of this meeting; unknown: neither (damaged data). */
  speakerKind: 'member' | 'observer' | 'unknown'
  stance: Stance
  summary: string
  startedAt: string
  endedAt: string | null
  order: string
  /** Whole seconds from start to end; null while running (the UI's timer counts from startedAt). */
  seconds: number | null
}

function readSpeech(doc: Y.Doc, observerIds: ReadonlySet<string>, id: string, m: Y.Map<unknown>): Speech {
  const speakerId = str(m, 'speakerId')
  const startedAt = str(m, 'startedAt')
  const endedAt = strOrNull(m, 'endedAt')
  const span = endedAt === null ? Number.NaN : instantMs(endedAt) - instantMs(startedAt)
  return {
    id: id as SpeechId,
    motionId: str(m, 'motionId') as MotionId,
    speakerId,
    speakerKind: rosterEntry(doc, speakerId) ? 'member' : observerIds.has(speakerId) ? 'observer' : 'unknown',
    stance: oneOf(m, 'stance', STANCES, 'question'),
    summary: str(m, 'summary'),
    startedAt,
    endedAt,
    order: str(m, 'order'),
    seconds: Number.isFinite(span) && span >= 0 ? Math.floor(span / 1000) : null,
  }
}

/** Every speech of the meeting, by order. */
export function readSpeeches(doc: Y.Doc): Speech[] {
  const observers = new Set<string>(readObservers(doc).map((o) => o.id))
  return childMaps(speechesMap(doc))
    .map(([id, m]) => readSpeech(doc, observers, id, m))
    .sort(byOrder)
}

/** The speeches on a motion, in the order they were made. */
export const speechesOf = (doc: Y.Doc, motionId: MotionId): Speech[] => readSpeeches(doc).filter((s) => s.motionId === motionId)

/** Speeches per speaker on a motion (for the per-motion limit). */
export function speechCounts(doc: Y.Doc, motionId: MotionId): Record<string, number> {
  const out: Record<string, number> = {}
  for (const s of speechesOf(doc, motionId)) out[s.speakerId] = (out[s.speakerId] ?? 0) + 1
  return out
}

/** The speeches not yet ended (normally at most one). */
export const runningSpeeches = (doc: Y.Doc): Speech[] => readSpeeches(doc).filter((s) => s.endedAt === null)

function requireSpeech(doc: Y.Doc, id: SpeechId): Y.Map<unknown> {
  const m = speechesMap(doc).get(id)
  if (!(m instanceof Y.Map)) throw new DocError('notFound', { speechId: id })
  return m as Y.Map<unknown>
}

/** Starts a speech on a motion under debate, ending the running one at `now`. */
export function startSpeech(
  doc: Y.Doc,
  input: { motionId: MotionId; speakerId: string; stance: Stance; summary?: string },
  now: string,
  origin: unknown = ORIGIN_LOCAL,
): SpeechId {
  assertMeetingIn(doc, ['in_session'])
  assertInstant(now, 'now')
  const motion = readMotion(doc, input.motionId)
  if (!motion) throw new DocError('notFound', { motionId: input.motionId })
  if (motion.status !== 'debating') throw new DocError('badMotionTransition', { from: motion.status, to: 'speech' })
  if (!rosterEntry(doc, input.speakerId) && !readObservers(doc).some((o) => o.id === input.speakerId)) throw new DocError('notOnRoster', { memberId: input.speakerId })
  if (!STANCES.includes(input.stance)) throw new DocError('invalidInput', { stance: 'stanceInvalid' })
  const summary = (input.summary ?? '').trim()
  if (summary.length > MAX_TEXT) throw new DocError('invalidInput', { summary: 'textTooLong' })
  const all = readSpeeches(doc)
  const last = all.filter((s) => s.motionId === input.motionId).at(-1)
  const id = newSpeechId()
  doc.transact(() => {
    for (const s of all) {
      const running = speechesMap(doc).get(s.id)
      if (s.endedAt === null && instantMs(s.startedAt) <= instantMs(now) && running instanceof Y.Map) running.set('endedAt', now)
    }
    const m = new Y.Map<unknown>()
    speechesMap(doc).set(id, m)
    for (const [k, v] of Object.entries({ motionId: input.motionId, speakerId: input.speakerId, stance: input.stance, summary, startedAt: now, endedAt: null })) m.set(k, v)
    m.set('order', generateKeyBetween(last?.order || null, null))
  }, origin)
  return id
}

/** Ends a speech at `now`; a speech already ended keeps its end. */
export function endSpeech(doc: Y.Doc, id: SpeechId, now: string, origin: unknown = ORIGIN_LOCAL): void {
  assertMeetingIn(doc, ['in_session'])
  assertInstant(now, 'now')
  const m = requireSpeech(doc, id)
  if (typeof m.get('endedAt') === 'string') return
  if (instantMs(now) < instantMs(str(m, 'startedAt'))) throw new DocError('invalidInput', { endedAt: 'beforeStart' })
  doc.transact(() => m.set('endedAt', now), origin)
}

/** The recorder's summary; editable until the minutes are drafted. */
export function updateSummary(doc: Y.Doc, id: SpeechId, summary: string, origin: unknown = ORIGIN_LOCAL): void {
  assertMeetingIn(doc, ['in_session', 'closed', 'minutes_drafted'])
  const m = requireSpeech(doc, id)
  const s = summary.trim()
  if (s.length > MAX_TEXT) throw new DocError('invalidInput', { summary: 'textTooLong' })
  if (str(m, 'summary') === s) return
  doc.transact(() => m.set('summary', s), origin)
}
