// Strict shape checks of what is read from outside (a bundle's sealed minutes and annex, a review
// file): exact keys, types and lengths, so a reviewer's screen never meets an unexpected value.
// Never throws. The checklist ids live here because they are part of the review file's format.
import { isInstant, isIsoDate } from '../domain/dates'
import { fromBase64Url, toBase64Url } from '../encoding/base64url'
import { MINUTES_SCHEMA } from './types'

type Check = (v: unknown, depth: number) => boolean

const MAX_DEPTH = 16
const MAX_TEXT = 200_000
const MAX_LIST = 10_000

const isObj = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && [Object.prototype, null].includes(Object.getPrototypeOf(v) as object | null)

/** A JSON string without lone surrogates (canonicalJson refuses them). */
const wellFormed = (s: string): boolean => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s)

const str: Check = (v) => typeof v === 'string' && v.length <= MAX_TEXT && wellFormed(v)
const instant: Check = (v) => isInstant(v)
const count: Check = (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0
const bool: Check = (v) => typeof v === 'boolean'
const oneOf =
  (...values: string[]): Check =>
  (v) =>
    typeof v === 'string' && values.includes(v)
const orNull =
  (c: Check): Check =>
  (v, d) =>
    v === null || c(v, d)
const list =
  (c: Check): Check =>
  (v, d) =>
    Array.isArray(v) && v.length <= MAX_LIST && d < MAX_DEPTH && v.every((x) => c(x, d + 1))
/** Exactly these keys (optional ones may be missing), each passing its check. */
const obj =
  (fields: Record<string, Check>, optional: readonly string[] = []): Check =>
  (v, d) =>
    isObj(v) &&
    d < MAX_DEPTH &&
    Object.keys(v).every((k) => Object.hasOwn(fields, k)) &&
    Object.entries(fields).every(([k, c]) => (Object.hasOwn(v, k) ? c(v[k], d + 1) : optional.includes(k)))
/** Any plain JSON value (finite numbers, well-formed strings), within the depth limit: the frozen vote results. */
const json: Check = (v, d) => {
  if (v === null || typeof v === 'boolean') return true
  if (typeof v === 'number') return Number.isFinite(v)
  if (typeof v === 'string') return str(v, d)
  if (d >= MAX_DEPTH) return false
  if (Array.isArray(v)) return list(json)(v, d)
  return isObj(v) && Object.keys(v).length <= MAX_LIST && Object.entries(v).every(([k, x]) => wellFormed(k) && json(x, d + 1))
}

const person = obj({ id: str, name: orNull(str) })
const speech = obj({ id: str, speaker: person, speakerKind: oneOf('member', 'observer', 'unknown'), stance: oneOf('for', 'against', 'question'), summary: str, startedAt: str, endedAt: orNull(str), seconds: orNull(count) })
/** A frozen vote result: any plain JSON carrying an outcome and counts (review.ts reads it defensively). */
const frozenResult: Check = (v, d) => isObj(v) && typeof v.outcome === 'string' && isObj(v.counts) && json(v, d)
const voteNote = { by: str, reason: str, at: str }
const vote = obj({
  id: str,
  method: oneOf('hands', 'roll_call', 'secret'),
  rule: str,
  openedAt: str,
  closedAt: orNull(str),
  eligible: count,
  result: orNull(frozenResult),
  rollCall: list(obj({ member: person, choice: oneOf('for', 'against', 'abstain') })),
  phone: obj({ ballots: count, receipts: list((v) => typeof v === 'string' && /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/.test(v)) }),
  cancelled: obj(voteNote),
  corrections: list(obj({ ...voteNote, id: str, counts: obj({ for: count, against: count, abstain: count }), result: frozenResult })),
  revoteOf: obj({ ...voteNote, voteId: str }),
}, ['phone', 'cancelled', 'corrections', 'revoteOf'])
const motionFields = {
  id: str,
  proposer: person,
  seconders: list(person),
  text: str,
  status: str,
  createdAt: str,
  textVersions: list(obj({ text: str, at: str, amendmentId: orNull(str) })),
  speeches: list(speech),
  votes: list(vote),
  resolution: orNull(obj({ implementer: str, due: str })),
}
const amendment = obj({ ...motionFields, amendments: list(() => false) })
const motion = obj({ ...motionFields, amendments: list(amendment) })

const record = obj({
  schema: oneOf(MINUTES_SCHEMA),
  council: obj({ id: str, name: str, community: str, street: str }),
  meeting: obj({ id: str, title: str, startsAt: str, place: str, convener: str, noticedAt: orNull(str) }),
  chair: orNull(person),
  recorder: orNull(person),
  attendance: obj({
    expected: count,
    present: count,
    leave: count,
    absent: count,
    notRecorded: count,
    members: list(obj({ memberId: str, name: str, role: str, status: oneOf('present', 'leave', 'absent', 'unknown'), reason: str, events: list(obj({ kind: oneOf('arrive', 'depart'), at: str })) })),
  }),
  observers: list(obj({ kind: oneOf('member', 'guest'), id: str, name: str, note: str })),
  session: obj({
    signInStartedAt: orNull(str),
    openedAt: orNull(str),
    quorumMet: orNull(bool),
    quorumOverride: orNull(obj({ by: str, reason: str, at: str })),
    closedAt: orNull(str),
  }),
  agenda: list(
    obj({ id: str, title: str, description: str, proposer: str, source: str, recusals: list(obj({ member: person, reason: str, at: str })), motions: list(motion), notes: str }),
  ),
  narrative: str,
})

const signature = obj({ role: oneOf('chair', 'recorder'), name: (v) => typeof v === 'string' && v.length > 0 && v.length <= 60 && wellFormed(v), signedAt: instant })

const hex64: Check = (v) => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v)

/**
 * Base64url of exactly `bytes` bytes, in its one canonical spelling. The last character of an
 * unpadded encoding carries unused low bits that fromBase64Url ignores: without this, four
 * different texts would carry the same signature or key, and a changed character would still verify.
 */
const b64url =
  (bytes: number): Check =>
  (v) => {
    if (typeof v !== 'string' || v.length !== Math.ceil((bytes * 4) / 3)) return false
    const raw = fromBase64Url(v)
    return raw !== null && raw.length === bytes && toBase64Url(raw) === v
  }
/** An Ed25519 signature (64 bytes, 86 characters) and a raw Ed25519 public key (32 bytes, 43 characters). */
const ed25519Signature = b64url(64)
const ed25519PublicKey = b64url(32)

const sealedEnvelope = obj({
  record: (v) => isObj(v),
  signatures: (v, d) => Array.isArray(v) && v.length >= 1 && v.length <= 10 && list(signature)(v, d),
  algorithm: (v) => typeof v === 'string',
  hash: hex64,
  signature: ed25519Signature,
  publicKey: ed25519PublicKey,
})

/** 'ok', 'unsupported' (another algorithm or minutes schema), or 'malformed'. */
export function checkSealed(value: unknown): 'ok' | 'malformed' | 'unsupported' {
  try {
    if (!sealedEnvelope(value, 0)) return 'malformed'
    const v = value as Record<string, unknown> & { record: Record<string, unknown> }
    if (v.algorithm !== 'Ed25519' || v.record.schema !== MINUTES_SCHEMA) return 'unsupported'
    return record(v.record, 0) ? 'ok' : 'malformed'
  } catch {
    // A getter or proxy in a value handed in from code (never from JSON.parse) is malformed too.
    return 'malformed'
  }
}

// The annex of a bundle (bundle.ts). The limits repeat those of src/shared/doc/minutes.ts
// (MAX_NARRATIVE, MAX_FIELD, MAX_OBJECTION) and seal.ts (AMENDMENT_SCHEMA, 60-character names):
// both of those modules import this one, so importing them back would be a cycle.
const MAX_CORRECTION = 100_000
const MAX_FIELD = 200
const MAX_OBJECTION = 5_000
const MAX_NAME = 60
const MAX_ID = 200

/** A well-formed string of `min`…`max` UTF-16 code units. */
const text =
  (max: number, min = 0): Check =>
  (v) =>
    typeof v === 'string' && v.length >= min && v.length <= max && wellFormed(v)
const date: Check = (v) => isIsoDate(v)

const correction = obj({ schema: oneOf('yishi.minutes-amendment/1'), amends: hex64, text: text(MAX_CORRECTION, 1), at: instant, by: text(MAX_NAME, 1) })
const publicNotice = obj({ place: text(MAX_FIELD), startDate: date, endDate: date, postedAt: instant })
const objection = obj({
  id: text(MAX_ID, 1),
  receivedOn: date,
  from: text(MAX_FIELD),
  content: text(MAX_OBJECTION, 1),
  handling: text(MAX_OBJECTION),
  handledOn: orNull(date),
})
const annex = obj({ corrections: list(correction), notice: orNull(publicNotice), objections: list(objection), submittedAt: instant })
const annexSeal = obj({ hash: hex64, signature: ed25519Signature, publicKey: ed25519PublicKey })

const uniqueIds = (items: readonly { id: string }[]): boolean => new Set(items.map((o) => o.id)).size === items.length

/** Whether a value is a well-formed annex (objection ids unique). */
export function checkAnnex(value: unknown): boolean {
  try {
    return annex(value, 0) && uniqueIds((value as { objections: { id: string }[] }).objections)
  } catch {
    return false
  }
}

/** Whether a value is a well-formed annex seal: { hash, signature, publicKey }. */
export function checkAnnexSeal(value: unknown): boolean {
  try {
    return annexSeal(value, 0)
  } catch {
    return false
  }
}

// The review file (review.ts).
export const REVIEW_FORMAT = 'yishi.review/1'
/** Stable ids of the review checklist, in the order the checklist lists them. */
export const CHECKLIST_IDS = ['quorum', 'threshold', 'recusals', 'signatures', 'notice', 'objections', 'meetingNotice'] as const
export const CHECK_STATUSES = ['pass', 'fail', 'warn', 'na'] as const
export const MAX_COMMENTS = 5_000
const MAX_DETAIL_KEYS = 64

const detail: Check = (v) =>
  isObj(v) &&
  Object.keys(v).length <= MAX_DETAIL_KEYS &&
  Object.entries(v).every(([k, x]) => k.length > 0 && k.length <= MAX_ID && wellFormed(k) && (typeof x === 'number' ? Number.isFinite(x) : text(MAX_FIELD * 10)(x, 0)))
const checklistItem = obj(
  {
    id: oneOf(...CHECKLIST_IDS),
    status: oneOf(...CHECK_STATUSES),
    detail,
    ref: obj({ itemId: text(MAX_ID, 1), motionId: text(MAX_ID, 1), voteId: text(MAX_ID, 1) }, ['itemId', 'motionId', 'voteId']),
  },
  ['ref'],
)
const review = obj({
  bundleHash: hex64,
  sealedHash: hex64,
  councilId: text(MAX_ID),
  councilName: str,
  meetingId: text(MAX_ID),
  meetingTitle: str,
  decision: oneOf('accepted', 'returned'),
  comments: text(MAX_COMMENTS),
  reviewer: text(MAX_NAME, 1),
  office: text(MAX_FIELD, 1),
  reviewedAt: instant,
  checklist: list(checklistItem),
})
const reviewFile = obj({ format: (v) => typeof v === 'string', review: (v) => isObj(v), hash: hex64, signature: ed25519Signature, publicKey: ed25519PublicKey })

/** The review's content: a return always says why (comments not blank). */
export function checkReviewContent(value: unknown): boolean {
  try {
    if (!review(value, 0)) return false
    const r = value as { decision: string; comments: string }
    return r.decision !== 'returned' || r.comments.trim().length > 0
  } catch {
    return false
  }
}

/** 'ok', 'unsupported' (another format), or 'malformed'. */
export function checkReviewFile(value: unknown): 'ok' | 'malformed' | 'unsupported' {
  try {
    if (!reviewFile(value, 0)) return 'malformed'
    const v = value as { format: string; review: unknown }
    if (v.format !== REVIEW_FORMAT) return 'unsupported'
    return checkReviewContent(v.review) ? 'ok' : 'malformed'
  } catch {
    return 'malformed'
  }
}
