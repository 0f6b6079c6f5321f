// Sealing the minutes once the chair and the recorder have signed: RFC 8785 canonical JSON of
// { record, signatures }, its SHA-256, and an Ed25519 signature by the device's key. Verifying
// recomputes everything from the content and never trusts the stored hash. A correction is an
// amendment that names the sealed hash; the sealed minutes are never edited.
import { canonicalJson } from '../doc/canonical'
import { isInstant } from '../domain/dates'
import { fromBase64Url, toBase64Url } from '../encoding/base64url'
import { exportRawPublicKey, generateEd25519, importEd25519PublicKey, sha256Hex, signEd25519, utf8, verifyEd25519, type KeyPairLike } from './webCrypto'
import { checkSealed } from './shape'
import { MINUTES_SCHEMA, type MeetingRecord } from './types'

export const SEAL_ALGORITHM = 'Ed25519'
export const AMENDMENT_SCHEMA = 'yishi.minutes-amendment/1'

export interface Signature {
  role: 'chair' | 'recorder'
  name: string
  /** ISO 8601 instant. */
  signedAt: string
}

export interface SealedMinutes {
  record: MeetingRecord
  /** Sorted by role, time, then name, so the order they were collected in does not change the hash. */
  signatures: Signature[]
  algorithm: typeof SEAL_ALGORITHM
  /** SHA-256 of the canonical bytes, 64 lowercase hex digits. */
  hash: string
  /** Ed25519 over the canonical bytes, base64url (86 characters). */
  signature: string
  /** The device's raw Ed25519 public key, base64url (43 characters). */
  publicKey: string
}

export interface MinutesAmendment {
  schema: typeof AMENDMENT_SCHEMA
  /** The hash of the sealed minutes this corrects. */
  amends: string
  text: string
  at: string
  by: string
}

export type VerifyResult = { ok: true } | { ok: false; reason: 'hashMismatch' | 'badSignature' | 'malformed' | 'unsupported' }

export class SealError extends Error {
  constructor(readonly code: 'signaturesMissing' | 'signatureInvalid' | 'recordInvalid' | 'correctionInvalid') {
    super(`sealMinutes: ${code}`)
    this.name = 'SealError'
  }
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
const sortSignatures = (list: readonly Signature[]): Signature[] =>
  list.map((s) => ({ role: s.role, name: s.name.trim(), signedAt: s.signedAt })).sort((a, b) => cmp(a.role, b.role) || cmp(a.signedAt, b.signedAt) || cmp(a.name, b.name))

/** The bytes that are hashed and signed: UTF-8 of canonicalJson({ record, signatures }). */
export const canonicalBytes = (record: MeetingRecord, signatures: readonly Signature[]): Uint8Array => utf8(canonicalJson({ record, signatures }))

/** A device key: Ed25519, the private key non-extractable (only the public key can be exported). */
export const generateDeviceKey = (): Promise<KeyPairLike> => generateEd25519()

/** The raw public key of a pair, base64url. */
export const exportPublicKey = async (key: KeyPairLike): Promise<string> => toBase64Url(await exportRawPublicKey(key.publicKey))

/** Seals signed minutes. Throws SealError unless the chair and the recorder have both signed (name and instant). */
export async function sealMinutes(record: MeetingRecord, signatures: readonly Signature[], key: KeyPairLike): Promise<SealedMinutes> {
  if (record?.schema !== MINUTES_SCHEMA) throw new SealError('recordInvalid')
  const sorted = sortSignatures(signatures)
  if (sorted.some((s) => (s.role !== 'chair' && s.role !== 'recorder') || !s.name || s.name.length > 60 || !isInstant(s.signedAt))) throw new SealError('signatureInvalid')
  if (!sorted.some((s) => s.role === 'chair') || !sorted.some((s) => s.role === 'recorder')) throw new SealError('signaturesMissing')
  // A copy through JSON, so later changes to the caller's objects cannot reach the sealed one.
  const content = JSON.parse(canonicalJson({ record, signatures: sorted })) as { record: MeetingRecord; signatures: Signature[] }
  const bytes = canonicalBytes(content.record, content.signatures)
  const [hash, signature, publicKey] = await Promise.all([sha256Hex(bytes), signEd25519(key.privateKey, bytes), exportRawPublicKey(key.publicKey)])
  return { ...content, algorithm: SEAL_ALGORITHM, hash, signature: toBase64Url(signature), publicKey: toBase64Url(publicKey) }
}

/** Checks a sealed minutes from its content alone. Never throws. */
export async function verifySealed(sealed: unknown): Promise<VerifyResult> {
  const shape = checkSealed(sealed)
  if (shape !== 'ok') return { ok: false, reason: shape }
  const s = sealed as SealedMinutes
  let bytes: Uint8Array
  try {
    bytes = canonicalBytes(s.record, s.signatures)
  } catch {
    return { ok: false, reason: 'malformed' }
  }
  if ((await sha256Hex(bytes)) !== s.hash) return { ok: false, reason: 'hashMismatch' }
  const raw = fromBase64Url(s.publicKey)
  const sig = fromBase64Url(s.signature)
  if (!raw || raw.length !== 32 || !sig || sig.length !== 64) return { ok: false, reason: 'malformed' }
  let key
  try {
    key = await importEd25519PublicKey(raw)
  } catch (e) {
    // A runtime without Ed25519 says NotSupportedError; a point not on the curve is a bad key.
    return { ok: false, reason: e instanceof Error && e.name === 'NotSupportedError' ? 'unsupported' : 'badSignature' }
  }
  try {
    return (await verifyEd25519(key, sig, bytes)) ? { ok: true } : { ok: false, reason: 'badSignature' }
  } catch {
    return { ok: false, reason: 'badSignature' }
  }
}

/** A correction to sealed minutes: refers to the sealed hash; the sealed minutes stay as they are. */
export function amendSealed(previous: SealedMinutes, correction: { text: string; at: string; by: string }): MinutesAmendment {
  const text = correction.text.trim()
  const by = correction.by.trim()
  if (!/^[0-9a-f]{64}$/.test(previous.hash)) throw new SealError('recordInvalid')
  if (!text || !by || by.length > 60 || !isInstant(correction.at)) throw new SealError('correctionInvalid')
  return { schema: AMENDMENT_SCHEMA, amends: previous.hash, text, at: correction.at, by }
}
