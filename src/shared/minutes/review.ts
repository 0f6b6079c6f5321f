// The street office's review (审核, domain.md 2.12): a checklist computed from a verified bundle
// alone (quorum, thresholds, recusals, signatures, the public notice, objections, the meeting
// notice), and the signed review opinion file (yishi.review/1) that answers the bundle. Item ids,
// statuses and detail keys are codes the UI translates; nothing here is user-visible text.
// The checks that read the votes are in reviewVotes.ts, the checklist's vocabulary in reviewItems.ts.
import { canonicalJson } from '../doc/canonical'
import { NOTICE_DAYS, noticeOverOn } from '../doc/minutes'
import { dateOf, instantMs, isInstant, isIsoDate, isLocalDateTime } from '../domain/dates'
import { toBase64Url } from '../encoding/base64url'
import { checkEd25519, readEnvelope, verifyBundle, type Bundle, type DecodeError } from './bundle'
import { checkReviewContent, checkReviewFile, MAX_COMMENTS, REVIEW_FORMAT } from './shape'
import type { MeetingRecord } from './types'
import { exportRawPublicKey, sha256Hex, signEd25519, utf8, type KeyPairLike } from './webCrypto'
import { checkQuorum, checkRecusals, checkThreshold } from './reviewVotes'
import { dayNumber, item, localDate, orPass, ReviewError, DEFAULT_UTC_OFFSET_MINUTES, MEETING_NOTICE_DAYS, type CheckOptions, type ChecklistItem } from './reviewItems'

export {
  CHECKLIST_IDS,
  DEFAULT_UTC_OFFSET_MINUTES,
  MAX_COMMENTS,
  MEETING_NOTICE_DAYS,
  REVIEW_FORMAT,
  ReviewError,
  type CheckOptions,
  type ChecklistId,
  type ChecklistItem,
  type ChecklistRef,
  type CheckStatus,
} from './reviewItems'

function checkSignatures(bundle: Bundle): ChecklistItem[] {
  const closedAt = bundle.sealed.record.session.closedAt
  const closed = closedAt === null ? Number.NaN : instantMs(closedAt)
  const problems: ChecklistItem[] = []
  for (const role of ['chair', 'recorder'] as const) {
    const sigs = bundle.sealed.signatures.filter((s) => s.role === role)
    const s = sigs[0]
    let reason: string | null = null
    if (!s) reason = 'missing'
    else if (sigs.length > 1) reason = 'duplicate'
    else if (!s.name.trim()) reason = 'nameEmpty'
    else if (Number.isNaN(closed)) reason = 'sessionNotClosed'
    else if (!(instantMs(s.signedAt) > closed)) reason = 'signedBeforeClose'
    if (reason) problems.push(item('signatures', 'fail', { role, reason, ...(s ? { signedAt: s.signedAt } : {}), ...(closedAt ? { closedAt } : {}) }))
  }
  return orPass('signatures', problems, { signatures: bundle.sealed.signatures.length })
}

/** The public notice (公示, domain.md 2.11): at least NOTICE_DAYS days, over by the submission date. */
function checkNotice(bundle: Bundle, today: string, offset: number): ChecklistItem[] {
  const n = bundle.annex.notice
  if (!n) return [item('notice', 'fail', { reason: 'missing' })]
  const days = dayNumber(n.endDate) - dayNumber(n.startDate) + 1
  const submittedOn = localDate(bundle.annex.submittedAt, offset) ?? ''
  const detail = { days, required: NOTICE_DAYS, startDate: n.startDate, endDate: n.endDate, submittedOn }
  if (days < NOTICE_DAYS) return [item('notice', 'fail', { reason: 'tooShort', ...detail })]
  if (noticeOverOn(n, submittedOn)) return [item('notice', 'pass', detail)]
  // Sent while still posted: acceptable once the period is over, which the reviewer's date can show.
  const overToday = noticeOverOn(n, today)
  return [item('notice', overToday ? 'warn' : 'fail', { reason: overToday ? 'runningAtSubmission' : 'stillRunning', ...detail, today })]
}

function checkObjections(bundle: Bundle): ChecklistItem[] {
  const list = bundle.annex.objections
  const pending = list.filter((o) => !o.handling.trim() || o.handledOn === null)
  return orPass(
    'objections',
    pending.map((o) => item('objections', 'fail', { reason: 'pending', objectionId: o.id, receivedOn: o.receivedOn })),
    { objections: list.length },
  )
}

/**
 * The meeting's notice (通知) in calendar days before the day the meeting was actually opened (the
 * scheduled day only when it never was): ≥ 2 passes, fewer warns, none (or after) fails. Opening
 * before the scheduled day warns even with notice enough: residents were told another day.
 */
function checkMeetingNotice(record: MeetingRecord, offset: number): ChecklistItem[] {
  const { noticedAt, startsAt } = record.meeting
  const noticedOn = noticedAt === null ? null : localDate(noticedAt, offset)
  if (!noticedOn) return [item('meetingNotice', 'fail', { reason: 'missing' })]
  const startsOn = isLocalDateTime(startsAt) ? dateOf(startsAt) : isInstant(startsAt) ? localDate(startsAt, offset) : null
  if (!startsOn || !isIsoDate(startsOn)) return [item('meetingNotice', 'fail', { reason: 'startUnreadable', noticedOn })]
  const openedOn = record.session.openedAt === null ? null : localDate(record.session.openedAt, offset)
  const heldOn = openedOn ?? startsOn
  const days = dayNumber(heldOn) - dayNumber(noticedOn)
  const detail = { days, required: MEETING_NOTICE_DAYS, noticedOn, startsOn, ...(openedOn ? { openedOn } : {}) }
  if (days < 0) return [item('meetingNotice', 'fail', { reason: 'afterStart', ...detail })]
  if (days < MEETING_NOTICE_DAYS) return [item('meetingNotice', 'warn', { reason: 'short', ...detail })]
  if (openedOn && openedOn < startsOn) return [item('meetingNotice', 'warn', { reason: 'openedBeforeSchedule', ...detail })]
  return [item('meetingNotice', 'pass', detail)]
}

/** The review checklist of a bundle (verify it first: this reads the content as it stands). */
export function checkBundle(bundle: Bundle, options: CheckOptions): ChecklistItem[] {
  if (!isIsoDate(options.today)) throw new ReviewError('todayInvalid')
  const offset = options.utcOffsetMinutes ?? DEFAULT_UTC_OFFSET_MINUTES
  if (!Number.isSafeInteger(offset) || Math.abs(offset) > 14 * 60) throw new ReviewError('offsetInvalid')
  const record = bundle.sealed.record
  return [
    ...checkQuorum(record),
    ...checkThreshold(record),
    ...checkRecusals(record),
    ...checkSignatures(bundle),
    ...checkNotice(bundle, options.today, offset),
    ...checkObjections(bundle),
    ...checkMeetingNotice(record, offset),
  ]
}

/** No item failed (warnings are the reviewer's call). */
export const checklistPassed = (items: readonly ChecklistItem[]): boolean => items.every((i) => i.status !== 'fail')

export interface Review {
  /** The bundle's hash: its annex seal's (what the council recorded as its submission). */
  bundleHash: string
  sealedHash: string
  councilId: string
  councilName: string
  meetingId: string
  meetingTitle: string
  decision: 'accepted' | 'returned'
  comments: string
  reviewer: string
  office: string
  reviewedAt: string
  checklist: ChecklistItem[]
}

export interface ReviewFile {
  format: typeof REVIEW_FORMAT
  review: Review
  /** SHA-256 of reviewBytes, 64 lowercase hex digits. */
  hash: string
  /** Ed25519 over reviewBytes by the street office's key, base64url. */
  signature: string
  publicKey: string
}

export interface ReviewInput {
  bundle: Bundle
  decision: 'accepted' | 'returned'
  comments: string
  reviewer: string
  office: string
  reviewedAt: string
  checklist: ChecklistItem[]
}

export type ReviewDecodeResult = { ok: true; file: ReviewFile } | { ok: false; error: DecodeError }
export type ReviewVerification = { ok: true } | { ok: false; reason: 'hashMismatch' | 'badSignature' | 'malformed' | 'unsupported' }

export const MAX_REVIEW_CHARS = 4 * 1024 * 1024
export const reviewBytes = (review: Review): Uint8Array => utf8(canonicalJson(review))

/**
 * Signs the review opinion of a bundle. Throws ReviewError: commentsRequired (a return says why),
 * commentsTooLong, bundleInvalid (the bundle does not verify: its hash cannot be cited), or
 * reviewInvalid (a field out of shape: reviewer or office blank, reviewedAt not an instant…).
 */
export async function createReview(input: ReviewInput, key: KeyPairLike): Promise<ReviewFile> {
  const comments = input.comments.trim()
  if (input.decision === 'returned' && !comments) throw new ReviewError('commentsRequired')
  if (comments.length > MAX_COMMENTS) throw new ReviewError('commentsTooLong')
  if (!(await verifyBundle(input.bundle)).ok) throw new ReviewError('bundleInvalid')
  const { sealed, annexSeal } = input.bundle
  const { council, meeting } = sealed.record
  const draft = {
    bundleHash: annexSeal.hash,
    sealedHash: sealed.hash,
    councilId: council.id,
    councilName: council.name,
    meetingId: meeting.id,
    meetingTitle: meeting.title,
    decision: input.decision,
    comments,
    reviewer: input.reviewer.trim(),
    office: input.office.trim(),
    reviewedAt: input.reviewedAt,
    checklist: input.checklist,
  }
  let review: Review
  try {
    // A copy through canonical JSON: undefined members (an absent ref) drop out, and later changes to the caller's objects cannot reach it.
    review = JSON.parse(canonicalJson(draft)) as Review
  } catch {
    throw new ReviewError('reviewInvalid')
  }
  if (!checkReviewContent(review)) throw new ReviewError('reviewInvalid')
  const bytes = reviewBytes(review)
  const [hash, signature, publicKey] = await Promise.all([sha256Hex(bytes), signEd25519(key.privateKey, bytes), exportRawPublicKey(key.publicKey)])
  return { format: REVIEW_FORMAT, review, hash, signature: toBase64Url(signature), publicKey: toBase64Url(publicKey) }
}

export const encodeReview = (file: ReviewFile): string => canonicalJson(file)

/** Reads a review file strictly (checkReviewFile); its hash and signature are verifyReview's job. Never throws. */
export function decodeReview(text: unknown): ReviewDecodeResult {
  const env = readEnvelope(text, REVIEW_FORMAT, MAX_REVIEW_CHARS)
  if (!env.ok) return env
  return checkReviewFile(env.value) === 'ok' ? { ok: true, file: env.value as unknown as ReviewFile } : { ok: false, error: 'malformed' }
}

/** Checks a review file from its content alone. Never throws. Whose key signed it is for the caller to judge. */
export async function verifyReview(file: unknown): Promise<ReviewVerification> {
  const shape = checkReviewFile(file)
  if (shape !== 'ok') return { ok: false, reason: shape }
  const f = file as ReviewFile
  let bytes: Uint8Array
  try {
    bytes = reviewBytes(f.review)
  } catch {
    return { ok: false, reason: 'malformed' }
  }
  if ((await sha256Hex(bytes)) !== f.hash) return { ok: false, reason: 'hashMismatch' }
  const sig = await checkEd25519(f.publicKey, f.signature, bytes)
  return sig === 'ok' ? { ok: true } : { ok: false, reason: sig }
}
