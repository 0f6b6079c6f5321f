// The two-way helpers of the matters document: the steps a Yishi meeting carried (the meeting's
// side of a step's link, read from the matters document so the link is written once), and the final
// reply to every resident whose request led to a matter.
import type * as Y from 'yjs'
import type { IsoDate } from '../domain/dates'
import type { StepEntry } from '../matters/matterPath'
import { replyRefusal, requestsOfMatter, type ReplyChannel } from '../matters/requests'
import { DocError } from './errors'
import { assertInstant, cmpStr } from './guards'
import { readMatters, readRequestStates, readStepEntries, recordReply, type Recorder } from './matters'
import { assertWritable, ORIGIN_LOCAL } from './schema'

/**
 * The other way of a step's link: the steps recorded in a Yishi meeting (optionally one motion), so
 * the meeting's screens can show which matter an agenda item or motion carries on. The meeting
 * document is not written: a link lives once, in the matters document.
 */
export function readStepsOfMeeting(doc: Y.Doc, meetingId: string, motionId?: string): StepEntry[] {
  return readStepEntries(doc)
    .filter((e) => e.mode === 'meeting' && e.meetingId === meetingId && (motionId === undefined || e.motionId === motionId))
    .sort((a, b) => cmpStr(a.at, b.at) || cmpStr(a.id, b.id))
}

/**
 * The final reply to every resident whose request led to the matter (turned into it or merged into
 * one that was) and who has none yet, in one transaction: all or nothing. Returns the requests replied to.
 */
export function replyToAllOfMatter(doc: Y.Doc, matterId: string, r: { on: IsoDate; how: ReplyChannel; what: string }, who: Recorder, origin: unknown = ORIGIN_LOCAL): string[] {
  assertWritable(doc)
  assertInstant(who.now, 'now')
  if (!readMatters(doc).some((m) => m.id === matterId)) throw new DocError('notFound')
  const states = readRequestStates(doc)
  const owed = requestsOfMatter(states, matterId).filter((s) => !s.finalReply)
  for (const s of owed) {
    const refusal = replyRefusal(states, { requestId: s.request.id, on: r.on, how: r.how, what: r.what, final: true })
    if (refusal) throw new DocError('badTransition', { reason: refusal, requestId: s.request.id })
  }
  // Checked above for every request, so each write below succeeds: one transaction, all or nothing.
  doc.transact(() => {
    for (const s of owed) recordReply(doc, { requestId: s.request.id, on: r.on, how: r.how, what: r.what, final: true }, who, origin)
  }, origin)
  return owed.map((s) => s.request.id)
}
