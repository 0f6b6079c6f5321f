// Strict shape checks of a sealed minutes read from outside (a bundle, an import): exact keys,
// types and lengths, so a reviewer's screen never meets an unexpected value. Never throws.
import { isInstant } from '../domain/dates'
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
const vote = obj({
  id: str,
  method: oneOf('hands', 'roll_call', 'secret'),
  rule: str,
  openedAt: str,
  closedAt: orNull(str),
  eligible: count,
  result: orNull((v, d) => isObj(v) && typeof v.outcome === 'string' && isObj(v.counts) && json(v, d)),
  rollCall: list(obj({ member: person, choice: oneOf('for', 'against', 'abstain') })),
})
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

const sealedEnvelope = obj({
  record: (v) => isObj(v),
  signatures: (v, d) => Array.isArray(v) && v.length >= 1 && v.length <= 10 && list(signature)(v, d),
  algorithm: (v) => typeof v === 'string',
  hash: (v) => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v),
  signature: (v) => typeof v === 'string' && /^[A-Za-z0-9_-]{86}$/.test(v),
  publicKey: (v) => typeof v === 'string' && /^[A-Za-z0-9_-]{43}$/.test(v),
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
