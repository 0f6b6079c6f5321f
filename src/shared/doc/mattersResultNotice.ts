// The result notice (实施结果公开) of a matter once its follow-up is complete: where it is posted and
// for which days, and the objections (异议) received with how each was handled. The same rules as
// the minutes' 公示 (doc/minutes.ts: validateNotice, objectionErrors, handlingErrors, 7 days by
// default), kept in the matters document beside the follow-up.
//
// Layout (same document as doc/matters.ts):
//   resultNotices     Y.Map<"<matterId>/<field>", value>  place, startDate, endDate, postedAt: flat
//                     keys, one field a key, so two laptops correcting the place and the end date
//                     offline both keep theirs
//   resultObjections  Y.Map<id, Y.Map{matterId, receivedOn, from, content, handling, handledOn}>
import type * as Y from 'yjs'
import { isIsoDate } from '../domain/dates'
import { DocError } from './errors'
import { assertInstant, childMaps } from './guards'
import { objectionsOf, putHandling, putObjection, validateNotice, type Objection, type PublicNotice } from './minutes'
import { readFollowUp } from './mattersFollowUp'
import { readMatterPath, recordStep, type Recorder } from './matters'
import { stepRefusal, type StepRecord } from '../matters/matterPath'
import { assertWritable, ORIGIN_LOCAL } from './schema'

const noticesMap = (doc: Y.Doc) => doc.getMap<unknown>('resultNotices')
const objectionsMap = (doc: Y.Doc) => doc.getMap<unknown>('resultObjections')

export function readResultNotice(doc: Y.Doc, matterId: string): PublicNotice | null {
  const m = noticesMap(doc)
  const get = (k: string) => m.get(`${matterId}/${k}`)
  const postedAt = get('postedAt')
  const startDate = get('startDate')
  const endDate = get('endDate')
  if (typeof postedAt !== 'string' || !isIsoDate(startDate) || !isIsoDate(endDate)) return null
  const place = get('place')
  return { place: typeof place === 'string' ? place : '', startDate, endDate, postedAt }
}

/**
 * Posts the result notice (or corrects its place and days once posted: an extension). Only once the
 * follow-up is complete, and not before the day it was completed.
 */
export function postResultNotice(doc: Y.Doc, matterId: string, notice: { place: string; startDate: string; endDate: string }, now: string, origin: unknown = ORIGIN_LOCAL): void {
  assertWritable(doc)
  assertInstant(now, 'now')
  const f = readFollowUp(doc, matterId)
  if (!f) throw new DocError('notFound')
  if (!f.completedOn) throw new DocError('badTransition', { reason: 'followUpNotDone' })
  const errors = validateNotice(notice)
  if (!errors.startDate && notice.startDate < f.completedOn) errors.startDate = 'beforeCompleted'
  if (Object.keys(errors).length > 0) throw new DocError('invalidInput', errors)
  const current = readResultNotice(doc, matterId)
  const next = { place: notice.place.trim(), startDate: notice.startDate, endDate: notice.endDate }
  doc.transact(() => {
    const m = noticesMap(doc)
    for (const k of ['place', 'startDate', 'endDate'] as const) if (current?.[k] !== next[k]) m.set(`${matterId}/${k}`, next[k])
    if (!current) m.set(`${matterId}/postedAt`, now)
  }, origin)
}

/**
 * Posts the result notice and, where the matter's path has its 实施结果公开 step waiting, records that
 * step from the notice in the same transaction (posted at the notice's place, from its first to its
 * last day), so the secretary does not enter the same notice twice. A step already recorded, or one
 * the path's order refuses, is left as it is: the notice is posted all the same.
 */
export function postResultNoticeAndStep(doc: Y.Doc, matterId: string, notice: { place: string; startDate: string; endDate: string }, who: Recorder, origin: unknown = ORIGIN_LOCAL): void {
  doc.transact(() => {
    postResultNotice(doc, matterId, notice, who.now, origin)
    const path = readMatterPath(doc, matterId)
    const step = path?.steps.find((s) => s.template.key === 'resultNotice')
    if (!path || !step || step.entry) return
    const rec: StepRecord = { mode: 'outside', date: notice.startDate, body: notice.place.trim(), outcome: 'done', until: notice.endDate }
    if (stepRefusal(path, 'resultNotice', rec, true) === null) recordStep(doc, matterId, 'resultNotice', rec, true, who, origin)
  }, origin)
}

export function readResultObjections(doc: Y.Doc, matterId: string): Objection[] {
  return objectionsOf(childMaps(objectionsMap(doc)).filter(([, m]) => m.get('matterId') === matterId))
}

/** Records an objection to the result notice; only once it is posted. */
export function addResultObjection(doc: Y.Doc, matterId: string, o: { receivedOn: string; from: string; content: string }, origin: unknown = ORIGIN_LOCAL): string {
  assertWritable(doc)
  if (!readResultNotice(doc, matterId)) throw new DocError('badTransition', { reason: 'noticeNotPosted' })
  return putObjection(doc, objectionsMap(doc), o, { matterId }, origin)
}

/** Records how an objection was handled (each field its own key: two devices never erase each other). */
export function handleResultObjection(doc: Y.Doc, id: string, h: { handling: string; handledOn: string }, origin: unknown = ORIGIN_LOCAL): void {
  assertWritable(doc)
  putHandling(doc, objectionsMap(doc), id, h, origin)
}
