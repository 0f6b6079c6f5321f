// The submission bundle (yishi.bundle/1) the street office receives: the sealed minutes as they
// were signed, and an annex of what came after the seal (corrections, the public notice and its
// objections, the submission time), signed at export by the exporting device. The annex seal
// names the sealed hash, so an annex cannot be moved onto other minutes. A hostile or damaged
// file is an error value, never an exception.
import { canonicalJson } from '../doc/canonical'
import { instantMs } from '../domain/dates'
import { fromBase64Url, toBase64Url } from '../encoding/base64url'
import { verifySealed, type MinutesAmendment, type SealedMinutes } from './seal'
import { checkAnnex, checkAnnexSeal, checkSealed } from './shape'
import type { Objection, PublicNotice } from './types'
import { exportRawPublicKey, importEd25519PublicKey, sha256Hex, signEd25519, utf8, verifyEd25519, type KeyPairLike } from './webCrypto'

export const BUNDLE_FORMAT = 'yishi.bundle/1'
/** Far above a year of minutes (a 20-page record is well under 1 MB). */
export const MAX_BUNDLE_CHARS = 16 * 1024 * 1024

/** What happened after the seal, as the exporting device read it from the meeting document. */
export interface Annex {
  /** Corrections (更正), each naming the sealed hash; oldest first. */
  corrections: MinutesAmendment[]
  notice: PublicNotice | null
  /** Objections (异议) received during the notice, by date received then id. */
  objections: Objection[]
  /** ISO instant of the export for the street office. */
  submittedAt: string
}

export interface AnnexSeal {
  /** SHA-256 of the annex bytes (annexBytes), 64 lowercase hex digits: the bundle's hash, cited by the review. */
  hash: string
  /** Ed25519 over the annex bytes, base64url (86 characters). */
  signature: string
  /** The exporting device's raw Ed25519 public key, base64url (43 characters). */
  publicKey: string
}

export interface Bundle {
  format: typeof BUNDLE_FORMAT
  sealed: SealedMinutes
  annex: Annex
  annexSeal: AnnexSeal
}

export type DecodeError = 'notJson' | 'wrongFormat' | 'truncated' | 'tooLarge' | 'malformed'
export type DecodeResult = { ok: true; bundle: Bundle } | { ok: false; error: DecodeError }

export type BundleFailure = 'hashMismatch' | 'badSignature' | 'annexHashMismatch' | 'annexBadSignature' | 'correctionMismatch' | 'malformed' | 'unsupported'
/** sameKey: the annex was signed by the key that sealed the minutes (informative: two laptops of one council may seal and export). */
export type BundleVerification = { ok: true; sameKey: boolean } | { ok: false; reason: BundleFailure }

export class BundleError extends Error {
  constructor(readonly code: 'sealedInvalid' | 'annexInvalid' | 'correctionMismatch') {
    super(`createBundle: ${code}`)
    this.name = 'BundleError'
  }
}

/** The bytes the annex seal hashes and signs: UTF-8 of canonicalJson({ sealedHash, annex }). */
export const annexBytes = (sealedHash: string, annex: Annex): Uint8Array => utf8(canonicalJson({ sealedHash, annex }))

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * A copy holding only the annex's own fields (a StoredCorrection's id, say, does not ride along),
 * with its lists in the documented order, so two devices exporting the same document agree.
 */
function cleanAnnex(a: Annex): Annex {
  const corrections = a.corrections.map((c) => ({ schema: c.schema, amends: c.amends, text: c.text, at: c.at, by: c.by }))
  const objections = a.objections.map((o) => ({ id: o.id, receivedOn: o.receivedOn, from: o.from, content: o.content, handling: o.handling, handledOn: o.handledOn }))
  const n = a.notice
  const copy: Annex = {
    corrections: corrections.sort((x, y) => instantMs(x.at) - instantMs(y.at) || cmp(canonicalJson(x), canonicalJson(y))),
    notice: n === null ? null : { place: n.place, startDate: n.startDate, endDate: n.endDate, postedAt: n.postedAt },
    objections: objections.sort((x, y) => cmp(x.receivedOn, y.receivedOn) || cmp(x.id, y.id)),
    submittedAt: a.submittedAt,
  }
  return JSON.parse(canonicalJson(copy)) as Annex
}

/**
 * Bundles sealed minutes with their annex, signing the annex with this device's key. Throws
 * BundleError when the sealed minutes do not verify, the annex is not well formed, or a
 * correction names other minutes: a bundle that would not verify is never produced.
 */
export async function createBundle(sealed: SealedMinutes, annex: Annex, key: KeyPairLike): Promise<Bundle> {
  if (!(await verifySealed(sealed)).ok) throw new BundleError('sealedInvalid')
  let clean: Annex
  try {
    clean = cleanAnnex(annex)
  } catch {
    throw new BundleError('annexInvalid')
  }
  if (!checkAnnex(clean)) throw new BundleError('annexInvalid')
  if (clean.corrections.some((c) => c.amends !== sealed.hash)) throw new BundleError('correctionMismatch')
  const copy = JSON.parse(canonicalJson(sealed)) as SealedMinutes
  const bytes = annexBytes(copy.hash, clean)
  const [hash, signature, publicKey] = await Promise.all([sha256Hex(bytes), signEd25519(key.privateKey, bytes), exportRawPublicKey(key.publicKey)])
  return { format: BUNDLE_FORMAT, sealed: copy, annex: clean, annexSeal: { hash, signature: toBase64Url(signature), publicKey: toBase64Url(publicKey) } }
}

export const encodeBundle = (bundle: Bundle): string => canonicalJson(bundle)

/** A file's top-level object once its size, JSON and format have been checked (shared with review files). */
export type Envelope = { ok: true; value: Record<string, unknown> } | { ok: false; error: DecodeError }

export function readEnvelope(text: unknown, format: string, maxChars: number): Envelope {
  if (typeof text !== 'string') return { ok: false, error: 'malformed' }
  if (text.length > maxChars) return { ok: false, error: 'tooLarge' }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { ok: false, error: looksTruncated(text) ? 'truncated' : 'notJson' }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, error: 'wrongFormat' }
  const v = value as Record<string, unknown>
  if (v.format !== format) return { ok: false, error: 'wrongFormat' }
  return { ok: true, value: v }
}

/**
 * Reads a bundle. The shape is checked strictly (checkSealed, checkAnnex, checkAnnexSeal); the
 * hashes and signatures are not: that is verifyBundle's job. Sealed content of another algorithm
 * or minutes schema reads as wrongFormat.
 */
export function decodeBundle(text: unknown): DecodeResult {
  const env = readEnvelope(text, BUNDLE_FORMAT, MAX_BUNDLE_CHARS)
  if (!env.ok) return env
  const shape = bundleShape(env.value)
  if (shape === 'unsupported') return { ok: false, error: 'wrongFormat' }
  if (shape !== 'ok') return { ok: false, error: 'malformed' }
  return { ok: true, bundle: env.value as unknown as Bundle }
}

const BUNDLE_KEYS = ['format', 'sealed', 'annex', 'annexSeal']

function bundleShape(value: unknown): 'ok' | 'malformed' | 'unsupported' {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'malformed'
  const v = value as Record<string, unknown>
  const keys = Object.keys(v)
  if (keys.length !== BUNDLE_KEYS.length || !keys.every((k) => BUNDLE_KEYS.includes(k))) return 'malformed'
  if (v.format !== BUNDLE_FORMAT) return 'unsupported'
  const sealed = checkSealed(v.sealed)
  if (sealed !== 'ok') return sealed
  return checkAnnex(v.annex) && checkAnnexSeal(v.annexSeal) ? 'ok' : 'malformed'
}

/** Checks an Ed25519 signature given in base64url; the shape (lengths, canonical spelling) was checked before. */
export async function checkEd25519(publicKey: string, signature: string, bytes: Uint8Array): Promise<'ok' | 'badSignature' | 'malformed' | 'unsupported'> {
  const raw = fromBase64Url(publicKey)
  const sig = fromBase64Url(signature)
  if (!raw || raw.length !== 32 || !sig || sig.length !== 64) return 'malformed'
  let key
  try {
    key = await importEd25519PublicKey(raw)
  } catch (e) {
    // A runtime without Ed25519 says NotSupportedError; a point not on the curve is a bad key.
    return e instanceof Error && e.name === 'NotSupportedError' ? 'unsupported' : 'badSignature'
  }
  try {
    return (await verifyEd25519(key, sig, bytes)) ? 'ok' : 'badSignature'
  } catch {
    return 'badSignature'
  }
}

/**
 * Checks a bundle from its content alone, in this order: shape, the sealed minutes (verifySealed),
 * the annex hash and signature, then that every correction names the sealed hash. Reports the
 * first failure. Never throws.
 */
export async function verifyBundle(bundle: unknown): Promise<BundleVerification> {
  const shape = bundleShape(bundle)
  if (shape !== 'ok') return { ok: false, reason: shape }
  const b = bundle as Bundle
  const sealed = await verifySealed(b.sealed)
  if (!sealed.ok) return sealed
  let bytes: Uint8Array
  try {
    bytes = annexBytes(b.sealed.hash, b.annex)
  } catch {
    return { ok: false, reason: 'malformed' }
  }
  if ((await sha256Hex(bytes)) !== b.annexSeal.hash) return { ok: false, reason: 'annexHashMismatch' }
  const sig = await checkEd25519(b.annexSeal.publicKey, b.annexSeal.signature, bytes)
  if (sig !== 'ok') return { ok: false, reason: sig === 'badSignature' ? 'annexBadSignature' : sig }
  if (b.annex.corrections.some((c) => c.amends !== b.sealed.hash)) return { ok: false, reason: 'correctionMismatch' }
  return { ok: true, sameKey: b.annexSeal.publicKey === b.sealed.publicKey }
}

/**
 * Whether text that failed to parse reads as the beginning of a JSON object cut short: it opens
 * with `{`, and ends inside a string or with a bracket still open, with no bracket mismatched
 * before. Scanned by hand so the answer does not depend on an engine's error messages.
 */
function looksTruncated(text: string): boolean {
  const t = text.trimStart()
  if (!t.startsWith('{')) return false
  const stack: string[] = []
  let inString = false
  for (let i = 0; i < t.length; i++) {
    const c = t[i]
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
      continue
    }
    if (c === '"') inString = true
    else if (c === '{' || c === '[') stack.push(c === '{' ? '}' : ']')
    else if (c === '}' || c === ']') {
      if (stack.pop() !== c) return false
      if (stack.length === 0) return false // closed: the error is elsewhere, not a cut
    }
  }
  return inString || stack.length > 0
}
