// The minutes once signed, in the meeting document: the chair's and recorder's signatures, the
// seal, corrections after it, the submissions to the street office and its reviews (domain.md
// 2.10–2.12, section 4). Built on doc/minutes.ts (drafting and the notice); doc/ never imports this.
//
// Layout (meeting doc):
//   minutesSignatures           Y.Map<'chair'|'recorder', {role, name, signedAt, contentHash}>
//   minutesSeal                 Y.Map { sealed: SealedMinutes (a JSON value, written once) }
//   minutesCorrections          Y.Map<id, MinutesAmendment & {id}>
//   submissions                 Y.Map<hash, {hash, at}>
//   reviews                     Y.Map<review hash, the signed review file (a JSON value)>
import type * as Y from 'yjs'
import { isInstant } from '../domain/dates'
import { newEntryId } from '../domain/ids'
import type { MeetingStatus } from '../domain/meeting'
import { DocError } from '../doc/errors'
import { assertInstant, assertMeetingIn, cmpStr, record, strField } from '../doc/guards'
import { readMeeting, transitionMeeting } from '../doc/meeting'
import { assertNotSealed, MAX_NARRATIVE, readPublicNotice, sealMap } from '../doc/minutes'
import { ORIGIN_LOCAL } from '../doc/schema'
import type { MinutesAmendment, SealedMinutes, Signature } from './seal'
import { checkSealed } from './shape'

/** A correction (更正) refers to the sealed minutes: possible once sealed. */
const CORRECTION_STATUSES: readonly MeetingStatus[] = ['signed', 'published', 'submitted', 'returned']
const signaturesMap = (doc: Y.Doc) => doc.getMap<unknown>('minutesSignatures')
const correctionsMap = (doc: Y.Doc) => doc.getMap<unknown>('minutesCorrections')
const submissionsMap = (doc: Y.Doc) => doc.getMap<unknown>('submissions')
const reviewsMap = (doc: Y.Doc) => doc.getMap<unknown>('reviews')

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
