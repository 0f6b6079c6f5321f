// The minutes in the meeting document, from the draft to the street office's answer
// (domain.md 2.10–2.12, section 4): the secretary's narrative texts, the resolutions' follow-up,
// the chair's and recorder's signatures, the seal, corrections after it, the public notice with
// its objections, submissions and the reviews received.
//
// Layout (meeting doc):
//   minutesNarrative            Y.Text (a root type: two devices never create it twice)
//   minutesItem:<itemId>        Y.Text per agenda item (root types, for the same reason)
//   minutes                     Y.Map, flat keys `res:<motionId>:implementer|due` (one field a key)
//   minutesSignatures           Y.Map<'chair'|'recorder', {role, name, signedAt, contentHash}>
//   minutesSeal                 Y.Map { sealed: SealedMinutes (a JSON value, written once) }
//   minutesCorrections          Y.Map<id, MinutesAmendment & {id}>
//   publicNotice                Y.Map flat: place, startDate, endDate, postedAt
//   objections                  Y.Map<id, Y.Map{receivedOn, from, content, handling, handledOn}>
//   submissions                 Y.Map<hash, {hash, at}>
//   reviews                     Y.Map<review hash, the signed review file (a JSON value)>
import * as Y from 'yjs'
import { isIsoDate, isInstant } from '../domain/dates'
import { newEntryId } from '../domain/ids'
import type { MeetingStatus } from '../domain/meeting'
import { checkSealed } from '../minutes/shape'
import type { MinutesAmendment, SealedMinutes, Signature } from '../minutes/seal'
import type { Objection, PublicNotice } from '../minutes/types'
import { DocError } from './errors'
import { assertInstant, assertMeetingIn, childMaps, cmpStr, record, strField } from './guards'
import { readMeeting, transitionMeeting } from './meeting'
import { str, strOrNull } from './read'
import { ORIGIN_LOCAL } from './schema'

export const MAX_NARRATIVE = 100_000
export const MAX_FIELD = 200
export const MAX_OBJECTION = 5_000

/** The narrative can be edited while the meeting is closed and the draft not yet sealed. */
export const DRAFT_STATUSES: readonly MeetingStatus[] = ['closed', 'minutes_drafted']
/** Objections arrive during and after the public notice. */
const OBJECTION_STATUSES: readonly MeetingStatus[] = ['published', 'submitted', 'returned', 'accepted']
/** A correction (更正) refers to the sealed minutes: possible once sealed. */
const CORRECTION_STATUSES: readonly MeetingStatus[] = ['signed', 'published', 'submitted', 'returned']

export const narrativeText = (doc: Y.Doc): Y.Text => doc.getText('minutesNarrative')
export const itemNotesText = (doc: Y.Doc, itemId: string): Y.Text => doc.getText(`minutesItem:${itemId}`)
const minutesMap = (doc: Y.Doc) => doc.getMap<unknown>('minutes')
const signaturesMap = (doc: Y.Doc) => doc.getMap<unknown>('minutesSignatures')
const sealMap = (doc: Y.Doc) => doc.getMap<unknown>('minutesSeal')
const correctionsMap = (doc: Y.Doc) => doc.getMap<unknown>('minutesCorrections')
const noticeMap = (doc: Y.Doc) => doc.getMap<unknown>('publicNotice')
const objectionsMap = (doc: Y.Doc) => doc.getMap<unknown>('objections')
const submissionsMap = (doc: Y.Doc) => doc.getMap<unknown>('submissions')
const reviewsMap = (doc: Y.Doc) => doc.getMap<unknown>('reviews')

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

export interface StoredSignature extends Signature {
  /** The SHA-256 of the meeting record as it was signed: an edit afterwards asks for a new signature. */
  contentHash: string
}

export function readSignatures(doc: Y.Doc): StoredSignature[] {
  const out: StoredSignature[] = []
  for (const role of ['chair', 'recorder'] as const) {
    const r = record(signaturesMap(doc).get(role))
    if (!r) continue
    const name = strField(r, 'name')
    const signedAt = strField(r, 'signedAt')
    const contentHash = strField(r, 'contentHash')
    if (name && isInstant(signedAt) && contentHash && /^[0-9a-f]{64}$/.test(contentHash)) out.push({ role, name, signedAt, contentHash })
  }
  return out
}

/** The chair or the recorder signs the draft as it is now (its hash), with their name, on this device. */
export function signMinutes(doc: Y.Doc, signature: { role: 'chair' | 'recorder'; name: string }, contentHash: string, now: string, origin: unknown = ORIGIN_LOCAL): void {
  assertMeetingIn(doc, ['minutes_drafted'])
  assertNotSealed(doc)
  assertInstant(now, 'now')
  const name = signature.name.trim()
  if (signature.role !== 'chair' && signature.role !== 'recorder') throw new DocError('invalidInput', { role: 'invalid' })
  if (!name) throw new DocError('invalidInput', { name: 'required' })
  if (name.length > 60) throw new DocError('invalidInput', { name: 'textTooLong' })
  if (!/^[0-9a-f]{64}$/.test(contentHash)) throw new DocError('invalidInput', { contentHash: 'invalid' })
  doc.transact(() => signaturesMap(doc).set(signature.role, { role: signature.role, name, signedAt: now, contentHash }), origin)
}

/** Takes a signature back (signed by mistake, or to sign the edited draft again). */
export function withdrawSignature(doc: Y.Doc, role: 'chair' | 'recorder', origin: unknown = ORIGIN_LOCAL): void {
  assertMeetingIn(doc, ['minutes_drafted'])
  assertNotSealed(doc)
  doc.transact(() => signaturesMap(doc).delete(role), origin)
}

export function readSealed(doc: Y.Doc): SealedMinutes | null {
  const v = sealMap(doc).get('sealed')
  return checkSealed(v) === 'ok' ? (v as SealedMinutes) : null
}

function assertNotSealed(doc: Y.Doc): void {
  if (sealMap(doc).has('sealed')) throw new DocError('minutesSealed')
}

/**
 * Stores the sealed minutes and moves the meeting to signed. The seal must carry both signatures
 * exactly as stored, and be of this meeting; once stored it is never replaced.
 */
export function storeSeal(doc: Y.Doc, sealed: SealedMinutes, now: string, origin: unknown = ORIGIN_LOCAL): void {
  assertMeetingIn(doc, ['minutes_drafted'])
  assertNotSealed(doc)
  assertInstant(now, 'now')
  if (checkSealed(sealed) !== 'ok') throw new DocError('invalidInput', { sealed: 'malformed' })
  const meeting = readMeeting(doc)
  if (sealed.record.meeting.id !== meeting?.id) throw new DocError('invalidInput', { sealed: 'otherMeeting' })
  const stored = readSignatures(doc)
  const same = (role: 'chair' | 'recorder') => {
    const a = stored.find((s) => s.role === role)
    const b = sealed.signatures.find((s) => s.role === role)
    return a && b && a.name === b.name && a.signedAt === b.signedAt
  }
  if (!same('chair') || !same('recorder')) throw new DocError('signaturesStale')
  doc.transact(() => {
    sealMap(doc).set('sealed', JSON.parse(JSON.stringify(sealed)) as unknown)
    transitionMeeting(doc, 'signed', now, origin)
  }, origin)
}

export interface StoredCorrection extends MinutesAmendment {
  id: string
}

export function readCorrections(doc: Y.Doc): StoredCorrection[] {
  const out: StoredCorrection[] = []
  correctionsMap(doc).forEach((v, id) => {
    const r = record(v)
    if (!r) return
    const amends = strField(r, 'amends')
    const text = strField(r, 'text')
    const at = strField(r, 'at')
    const by = strField(r, 'by')
    // Only what a bundle can carry (a replica may hold anything): the same limits as amendSealed.
    if (r.schema === 'yishi.minutes-amendment/1' && amends && text && text.length <= MAX_NARRATIVE && isInstant(at) && by && by.length <= 60) out.push({ id, schema: 'yishi.minutes-amendment/1', amends, text, at, by })
  })
  return out.sort((a, b) => cmpStr(a.at, b.at) || cmpStr(a.id, b.id))
}

/**
 * A correction to the sealed minutes (更正): kept beside them, never merged into them. After a
 * return it reopens the minutes (returned → minutes_drafted) until they are sent again.
 */
export function addCorrection(doc: Y.Doc, amendment: MinutesAmendment, origin: unknown = ORIGIN_LOCAL): string {
  const status = assertMeetingIn(doc, CORRECTION_STATUSES)
  const sealed = readSealed(doc)
  if (!sealed) throw new DocError('notFound')
  if (amendment.amends !== sealed.hash) throw new DocError('invalidInput', { amends: 'otherMinutes' })
  if (!amendment.text.trim() || amendment.text.length > MAX_NARRATIVE) throw new DocError('invalidInput', { text: 'invalid' })
  if (!isInstant(amendment.at)) throw new DocError('invalidInput', { at: 'timeInvalid' })
  if (!amendment.by.trim() || amendment.by.length > 60) throw new DocError('invalidInput', { by: 'invalid' })
  const id = newEntryId()
  doc.transact(() => {
    correctionsMap(doc).set(id, { ...amendment, id })
    if (status === 'returned') transitionMeeting(doc, 'minutes_drafted', amendment.at, origin)
  }, origin)
  return id
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

function validateNotice(n: { place: string; startDate: string; endDate: string }): Record<string, string> {
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
  return childMaps(objectionsMap(doc))
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

export function addObjection(doc: Y.Doc, o: { receivedOn: string; from: string; content: string }, origin: unknown = ORIGIN_LOCAL): string {
  assertMeetingIn(doc, OBJECTION_STATUSES)
  const errors: Record<string, string> = {}
  if (!isIsoDate(o.receivedOn)) errors.receivedOn = 'dateInvalid'
  if (!o.from.trim()) errors.from = 'required'
  else if (o.from.trim().length > MAX_FIELD) errors.from = 'textTooLong'
  if (!o.content.trim()) errors.content = 'required'
  else if (o.content.length > MAX_OBJECTION) errors.content = 'textTooLong'
  if (Object.keys(errors).length > 0) throw new DocError('invalidInput', errors)
  const id = newEntryId()
  doc.transact(() => {
    const m = new Y.Map<unknown>()
    objectionsMap(doc).set(id, m)
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
  const m = objectionsMap(doc).get(id)
  if (!(m instanceof Y.Map)) throw new DocError('notFound')
  const errors: Record<string, string> = {}
  if (!h.handling.trim()) errors.handling = 'required'
  else if (h.handling.length > MAX_OBJECTION) errors.handling = 'textTooLong'
  if (!isIsoDate(h.handledOn)) errors.handledOn = 'dateInvalid'
  if (Object.keys(errors).length > 0) throw new DocError('invalidInput', errors)
  doc.transact(() => {
    m.set('handling', h.handling.trim())
    m.set('handledOn', h.handledOn)
  }, origin)
}

export interface Submission {
  /** The SHA-256 of the bundle's annex seal (what the street office will cite). */
  hash: string
  at: string
}

export const readSubmissions = (doc: Y.Doc): Submission[] => {
  const out: Submission[] = []
  submissionsMap(doc).forEach((v) => {
    const r = record(v)
    const hash = r && strField(r, 'hash')
    const at = r && strField(r, 'at')
    if (hash && isInstant(at)) out.push({ hash, at })
  })
  return out.sort((a, b) => cmpStr(a.at, b.at))
}

/**
 * The bundle was exported for the street office: published → submitted. After a return, the
 * corrected minutes go through signed and published again in the same step (the seal and the
 * notice stand; the corrections travel in the bundle's annex).
 */
export function recordSubmission(doc: Y.Doc, hash: string, now: string, origin: unknown = ORIGIN_LOCAL): void {
  const status = assertMeetingIn(doc, ['published', 'minutes_drafted', 'submitted'])
  assertInstant(now, 'now')
  if (status === 'minutes_drafted' && !readSealed(doc)) throw new DocError('wrongMeetingStatus', { status, allowed: ['published'] })
  if (!readPublicNotice(doc)) throw new DocError('noticeRequired')
  doc.transact(() => {
    submissionsMap(doc).set(hash, { hash, at: now })
    if (status === 'minutes_drafted') {
      transitionMeeting(doc, 'signed', now, origin)
      transitionMeeting(doc, 'published', now, origin)
    }
    if (status !== 'submitted') transitionMeeting(doc, 'submitted', now, origin)
  }, origin)
}

export interface StoredReview {
  /** The review file's own hash. */
  hash: string
  decision: 'accepted' | 'returned'
  comments: string
  reviewer: string
  reviewedAt: string
  /** The whole signed review file, as imported (verified before it was stored). */
  file: unknown
}

export function readReviews(doc: Y.Doc): StoredReview[] {
  const out: StoredReview[] = []
  reviewsMap(doc).forEach((v, hash) => {
    const r = record(v)
    if (!r) return
    const decision = r.decision === 'accepted' || r.decision === 'returned' ? r.decision : null
    const reviewedAt = strField(r, 'reviewedAt')
    if (!decision || !isInstant(reviewedAt)) return
    out.push({ hash, decision, comments: strField(r, 'comments') ?? '', reviewer: strField(r, 'reviewer') ?? '', reviewedAt, file: r.file ?? null })
  })
  return out.sort((a, b) => cmpStr(a.reviewedAt, b.reviewedAt) || cmpStr(a.hash, b.hash))
}

/**
 * The street office's answer, from a review file the caller has verified: submitted → accepted or
 * returned. The same file imported twice changes nothing.
 */
export function recordReview(doc: Y.Doc, review: Omit<StoredReview, 'file'> & { file: unknown }, now: string, origin: unknown = ORIGIN_LOCAL): void {
  assertInstant(now, 'now')
  if (reviewsMap(doc).has(review.hash)) return
  assertMeetingIn(doc, ['submitted'])
  if (!isInstant(review.reviewedAt)) throw new DocError('invalidInput', { reviewedAt: 'timeInvalid' })
  doc.transact(() => {
    reviewsMap(doc).set(review.hash, { decision: review.decision, comments: review.comments, reviewer: review.reviewer, reviewedAt: review.reviewedAt, file: review.file })
    transitionMeeting(doc, review.decision, now, origin)
  }, origin)
}
