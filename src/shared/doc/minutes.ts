// The minutes in the meeting document while they are written and shown (domain.md 2.10–2.12):
// the secretary's narrative texts, the resolutions' follow-up, the public notice with its
// objections. Signing, the seal, corrections, submissions and reviews are stored by
// minutes/sealedStore.ts, which builds on this file (never the other way: doc/ imports no minutes/).
//
// Layout (meeting doc):
//   minutesNarrative            Y.Text (a root type: two devices never create it twice)
//   minutesItem:<itemId>        Y.Text per agenda item (root types, for the same reason)
//   minutes                     Y.Map, flat keys `res:<motionId>:implementer|due` (one field a key)
//   minutesSeal                 Y.Map { sealed: SealedMinutes } (written by minutes/sealedStore.ts)
//   (signatures, corrections, submissions, reviews: see minutes/sealedStore.ts)
//   publicNotice                Y.Map flat: place, startDate, endDate, postedAt
//   objections                  Y.Map<id, Y.Map{receivedOn, from, content, handling, handledOn}>
import * as Y from 'yjs'
import { isIsoDate } from '../domain/dates'
import { newEntryId } from '../domain/ids'
import type { MeetingStatus } from '../domain/meeting'
import { DocError } from './errors'
import { assertInstant, assertMeetingIn, childMaps, cmpStr } from './guards'
import { transitionMeeting } from './meeting'
import { str, strOrNull } from './read'
import { ORIGIN_LOCAL } from './schema'

export const MAX_NARRATIVE = 100_000
export const MAX_FIELD = 200
export const MAX_OBJECTION = 5_000

/** The narrative can be edited while the meeting is closed and the draft not yet sealed. */
export const DRAFT_STATUSES: readonly MeetingStatus[] = ['closed', 'minutes_drafted']
/** Objections arrive during and after the public notice. */
const OBJECTION_STATUSES: readonly MeetingStatus[] = ['published', 'submitted', 'returned', 'accepted']

export const narrativeText = (doc: Y.Doc): Y.Text => doc.getText('minutesNarrative')
export const itemNotesText = (doc: Y.Doc, itemId: string): Y.Text => doc.getText(`minutesItem:${itemId}`)
const minutesMap = (doc: Y.Doc) => doc.getMap<unknown>('minutes')
/** Where the seal is stored (minutes/sealedStore.ts writes it; editing checks it here). */
export const sealMap = (doc: Y.Doc) => doc.getMap<unknown>('minutesSeal')
const noticeMap = (doc: Y.Doc) => doc.getMap<unknown>('publicNotice')
const objectionsMap = (doc: Y.Doc) => doc.getMap<unknown>('objections')

/** Once sealed, the draft is never edited again: corrections go beside it. */
export function assertNotSealed(doc: Y.Doc): void {
  if (sealMap(doc).has('sealed')) throw new DocError('minutesSealed')
}

/** The public notice (公示) of the resolutions: where it is posted, and from which date to which (inclusive). */
export interface PublicNotice {
  place: string
  /** YYYY-MM-DD, the first and the last day of posting (default: 7 days). */
  startDate: string
  endDate: string
  /** ISO instant the secretary recorded the posting. */
  postedAt: string
}

/** An objection (异议) received during the public notice, and how it was handled. */
export interface Objection {
  id: string
  /** YYYY-MM-DD. */
  receivedOn: string
  /** Who raised it (a name or a household), as the secretary wrote it. */
  from: string
  content: string
  /** How it was handled; empty while pending. */
  handling: string
  /** YYYY-MM-DD, or null while pending. */
  handledOn: string | null
}

/** Whether a root Y.Text exists in the document without creating it (reading must not write). */
function rootText(doc: Y.Doc, name: string): string {
  return doc.share.has(name) ? doc.getText(name).toString() : ''
}

export const readNarrative = (doc: Y.Doc): string => rootText(doc, 'minutesNarrative')
export const readItemNotes = (doc: Y.Doc, itemId: string): string => rootText(doc, `minutesItem:${itemId}`)

/**
 * Replaces the text of a narrative field by the smallest edit (common prefix and suffix kept), so
 * two people typing in different places of the same text on two devices both keep their words.
 */
export function editText(doc: Y.Doc, target: { kind: 'narrative' } | { kind: 'item'; itemId: string }, value: string, origin: unknown = ORIGIN_LOCAL): void {
  assertMeetingIn(doc, DRAFT_STATUSES)
  assertNotSealed(doc)
  if (value.length > MAX_NARRATIVE) throw new DocError('invalidInput', { text: 'textTooLong' })
  const text = target.kind === 'narrative' ? narrativeText(doc) : itemNotesText(doc, target.itemId)
  const old = text.toString()
  if (old === value) return
  let start = 0
  const max = Math.min(old.length, value.length)
  while (start < max && old.charCodeAt(start) === value.charCodeAt(start)) start++
  // Never split a surrogate pair.
  if (start > 0 && isHighSurrogate(old.charCodeAt(start - 1))) start--
  let end = 0
  while (end < max - start && old.charCodeAt(old.length - 1 - end) === value.charCodeAt(value.length - 1 - end)) end++
  if (end > 0 && isLowSurrogate(old.charCodeAt(old.length - end))) end--
  doc.transact(() => {
    const removed = old.length - start - end
    if (removed > 0) text.delete(start, removed)
    const inserted = value.slice(start, value.length - end)
    if (inserted) text.insert(start, inserted)
  }, origin)
}
const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff

export interface ResolutionFollowUp {
  implementer: string
  /** YYYY-MM-DD or empty. */
  due: string
}

export function readResolution(doc: Y.Doc, motionId: string): ResolutionFollowUp | null {
  const m = minutesMap(doc)
  const implementer = str(m, `res:${motionId}:implementer`).trim()
  const due = str(m, `res:${motionId}:due`)
  if (!implementer && !due) return null
  return { implementer, due: isIsoDate(due) ? due : '' }
}

/** Who implements a resolution and by when (决议, domain.md 2.9). */
export function setResolution(doc: Y.Doc, motionId: string, value: ResolutionFollowUp, origin: unknown = ORIGIN_LOCAL): void {
  assertMeetingIn(doc, DRAFT_STATUSES)
  assertNotSealed(doc)
  const implementer = value.implementer.trim()
  if (implementer.length > MAX_FIELD) throw new DocError('invalidInput', { implementer: 'textTooLong' })
  if (value.due !== '' && !isIsoDate(value.due)) throw new DocError('invalidInput', { due: 'dateInvalid' })
  doc.transact(() => {
    const m = minutesMap(doc)
    if (m.get(`res:${motionId}:implementer`) !== implementer) m.set(`res:${motionId}:implementer`, implementer)
    if (m.get(`res:${motionId}:due`) !== value.due) m.set(`res:${motionId}:due`, value.due)
  }, origin)
}

/** A follow-up field exactly as stored (untrimmed), for the field that is being typed into. */
export function readResolutionField(doc: Y.Doc, motionId: string, field: 'implementer' | 'due'): string {
  return str(minutesMap(doc), `res:${motionId}:${field}`)
}

/**
 * One follow-up field as it is typed (issue 14: nothing typed waits for a save button). The
 * implementer is stored untrimmed, so a space typed between two words survives the next keystroke
 * (readResolution trims); a deadline is stored only whole (YYYY-MM-DD) or empty, and anything else
 * is refused with the field named, for the screen to show while it keeps what was typed.
 */
export function setResolutionField(doc: Y.Doc, motionId: string, field: 'implementer' | 'due', value: string, origin: unknown = ORIGIN_LOCAL): void {
  assertMeetingIn(doc, DRAFT_STATUSES)
  assertNotSealed(doc)
  if (field === 'implementer' && value.trim().length > MAX_FIELD) throw new DocError('invalidInput', { implementer: 'textTooLong' })
  if (field === 'due' && value !== '' && !isIsoDate(value)) throw new DocError('invalidInput', { due: 'dateInvalid' })
  const key = `res:${motionId}:${field}`
  const m = minutesMap(doc)
  if (m.get(key) !== value) doc.transact(() => m.set(key, value), origin)
}

/** The secretary says the draft is ready to sign: closed → minutes_drafted. */
export function finishDraft(doc: Y.Doc, now: string, origin: unknown = ORIGIN_LOCAL): void {
  assertMeetingIn(doc, ['closed'])
  assertInstant(now, 'now')
  transitionMeeting(doc, 'minutes_drafted', now, origin)
}

export function readPublicNotice(doc: Y.Doc): PublicNotice | null {
  const m = noticeMap(doc)
  const postedAt = strOrNull(m, 'postedAt')
  const startDate = str(m, 'startDate')
  const endDate = str(m, 'endDate')
  if (!postedAt || !isIsoDate(startDate) || !isIsoDate(endDate)) return null
  return { place: str(m, 'place'), startDate, endDate, postedAt }
}

/** Adds `days` to a YYYY-MM-DD date (calendar days, no time zone involved). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** The default public-notice period (公示期, domain.md 2.11): 7 days, the first day included. */
export const NOTICE_DAYS = 7
export const defaultNoticeEnd = (startDate: string): string => addDays(startDate, NOTICE_DAYS - 1)
/**
 * Whether the public notice is over on a date (YYYY-MM-DD): from its last day on. The street
 * office's checklist and the council's export warning both ask this, so they never disagree.
 */
export const noticeOverOn = (notice: { endDate: string }, date: string): boolean => notice.endDate <= date
/** Calendar days from `date` until the notice is over (0 when it already is). */
export const noticeDaysLeft = (notice: { endDate: string }, date: string): number =>
  Math.max(0, Math.round((Date.parse(`${notice.endDate}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`)) / 86_400_000))

/** What is wrong with a notice's place and period (also the result notice's: doc/mattersResultNotice.ts). */
export function validateNotice(n: { place: string; startDate: string; endDate: string }): Record<string, string> {
  const errors: Record<string, string> = {}
  const place = n.place.trim()
  if (!place) errors.place = 'required'
  else if (place.length > MAX_FIELD) errors.place = 'textTooLong'
  if (!isIsoDate(n.startDate)) errors.startDate = 'dateInvalid'
  if (!isIsoDate(n.endDate)) errors.endDate = 'dateInvalid'
  else if (isIsoDate(n.startDate) && n.endDate < n.startDate) errors.endDate = 'beforeStart'
  return errors
}

/**
 * Posts the public notice of the resolutions: signed → published. While the minutes are published
 * or sent again after a return, the place and dates can still be corrected (an extension).
 */
export function postPublicNotice(doc: Y.Doc, notice: { place: string; startDate: string; endDate: string }, now: string, origin: unknown = ORIGIN_LOCAL): void {
  const status = assertMeetingIn(doc, ['signed', 'published'])
  assertInstant(now, 'now')
  const errors = validateNotice(notice)
  if (Object.keys(errors).length > 0) throw new DocError('invalidInput', errors)
  doc.transact(() => {
    const m = noticeMap(doc)
    m.set('place', notice.place.trim())
    m.set('startDate', notice.startDate)
    m.set('endDate', notice.endDate)
    if (!m.has('postedAt')) m.set('postedAt', now)
    if (status === 'signed') transitionMeeting(doc, 'published', now, origin)
  }, origin)
}

export function readObjections(doc: Y.Doc): Objection[] {
  return objectionsOf(childMaps(objectionsMap(doc)))
}

/** Objections as their maps hold them, the readable ones in the order received (also the result notice's). */
export function objectionsOf(maps: readonly (readonly [string, Y.Map<unknown>])[]): Objection[] {
  return maps
    .map(([id, m]) => ({
      id,
      receivedOn: str(m, 'receivedOn'),
      from: str(m, 'from'),
      content: str(m, 'content'),
      handling: str(m, 'handling'),
      handledOn: isIsoDate(m.get('handledOn')) ? (m.get('handledOn') as string) : null,
    }))
    .filter((o) => isIsoDate(o.receivedOn) && o.content)
    .sort((a, b) => cmpStr(a.receivedOn, b.receivedOn) || cmpStr(a.id, b.id))
}

/** What is wrong with an objection as received (also the result notice's objections). */
export function objectionErrors(o: { receivedOn: string; from: string; content: string }): Record<string, string> {
  const errors: Record<string, string> = {}
  if (!isIsoDate(o.receivedOn)) errors.receivedOn = 'dateInvalid'
  if (!o.from.trim()) errors.from = 'required'
  else if (o.from.trim().length > MAX_FIELD) errors.from = 'textTooLong'
  if (!o.content.trim()) errors.content = 'required'
  else if (o.content.length > MAX_OBJECTION) errors.content = 'textTooLong'
  return errors
}

/** What is wrong with how an objection was handled (also the result notice's objections). */
export function handlingErrors(h: { handling: string; handledOn: string }): Record<string, string> {
  const errors: Record<string, string> = {}
  if (!h.handling.trim()) errors.handling = 'required'
  else if (h.handling.length > MAX_OBJECTION) errors.handling = 'textTooLong'
  if (!isIsoDate(h.handledOn)) errors.handledOn = 'dateInvalid'
  return errors
}

export function addObjection(doc: Y.Doc, o: { receivedOn: string; from: string; content: string }, origin: unknown = ORIGIN_LOCAL): string {
  assertMeetingIn(doc, OBJECTION_STATUSES)
  return putObjection(doc, objectionsMap(doc), o, {}, origin)
}

/** Adds a checked objection to an objections map, with `extra` keys (the result notice's matter). Also the result notice's. */
export function putObjection(doc: Y.Doc, objections: Y.Map<unknown>, o: { receivedOn: string; from: string; content: string }, extra: Record<string, string>, origin: unknown): string {
  const errors = objectionErrors(o)
  if (Object.keys(errors).length > 0) throw new DocError('invalidInput', errors)
  const id = newEntryId()
  doc.transact(() => {
    const m = new Y.Map<unknown>()
    objections.set(id, m)
    for (const [k, v] of Object.entries(extra)) m.set(k, v)
    m.set('receivedOn', o.receivedOn)
    m.set('from', o.from.trim())
    m.set('content', o.content.trim())
    m.set('handling', '')
  }, origin)
  return id
}

/** Records how an objection was handled (each field its own key: two devices never erase each other). */
export function handleObjection(doc: Y.Doc, id: string, h: { handling: string; handledOn: string }, origin: unknown = ORIGIN_LOCAL): void {
  assertMeetingIn(doc, OBJECTION_STATUSES)
  putHandling(doc, objectionsMap(doc), id, h, origin)
}

/** Records how the objection `id` of an objections map was handled, checked. Also the result notice's. */
export function putHandling(doc: Y.Doc, objections: Y.Map<unknown>, id: string, h: { handling: string; handledOn: string }, origin: unknown): void {
  const m = objections.get(id)
  if (!(m instanceof Y.Map)) throw new DocError('notFound')
  const errors = handlingErrors(h)
  if (Object.keys(errors).length > 0) throw new DocError('invalidInput', errors)
  doc.transact(() => {
    m.set('handling', h.handling.trim())
    m.set('handledOn', h.handledOn)
  }, origin)
}
