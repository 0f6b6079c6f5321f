// A year's records signed whole for the street office ({format, file, seal}): the fund-year file
// (fund/bundle.ts) and the requests-and-matters year file (matters/bundle.ts) share this envelope.
// The seal is SHA-256 and Ed25519 over the file's canonical JSON (RFC 8785), made by the exporting
// device's key, as the minutes' bundle annex is; the checks are that bundle's (readEnvelope, checkEd25519).
import { canonicalJson } from '../doc/canonical'
import { toBase64Url } from '../encoding/base64url'
import { checkEd25519, readEnvelope, type DecodeError } from './bundle'
import { exportRawPublicKey, sha256Hex, signEd25519, utf8, type KeyPairLike } from './webCrypto'

export interface FileSeal {
  /** SHA-256 of the file's canonical bytes, 64 lowercase hex digits. */
  hash: string
  /** Ed25519 over the same bytes, base64url. */
  signature: string
  /** The exporting device's raw Ed25519 public key, base64url. */
  publicKey: string
}

export type SignedFileFailure = 'hashMismatch' | 'badSignature' | 'malformed' | 'unsupported'
export type SignedFileVerification = { ok: true } | { ok: false; reason: SignedFileFailure }

export const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)

/** The bytes hashed and signed: UTF-8 of the file's canonical JSON. */
export const signedFileBytes = (file: unknown): Uint8Array => utf8(canonicalJson(file))

export function sealShapeOk(s: unknown): s is FileSeal {
  return isObj(s) && typeof s.hash === 'string' && /^[0-9a-f]{64}$/.test(s.hash) && typeof s.signature === 'string' && typeof s.publicKey === 'string'
}

/** Seals a copy of the file (through canonical JSON: later changes to the caller's objects cannot reach it). Throws when its shape is wrong. */
export async function sealFile<T>(file: T, shapeOk: (f: unknown) => f is T, key: KeyPairLike, what: string): Promise<{ file: T; seal: FileSeal }> {
  const copy = JSON.parse(canonicalJson(file)) as unknown
  if (!shapeOk(copy)) throw new Error(`${what}: file malformed`)
  const bytes = signedFileBytes(copy)
  const [hash, signature, publicKey] = await Promise.all([sha256Hex(bytes), signEd25519(key.privateKey, bytes), exportRawPublicKey(key.publicKey)])
  return {
    file: copy,
    seal: {
      hash,
      signature: toBase64Url(signature),
      publicKey: toBase64Url(publicKey),
    },
  }
}

export type SignedFileDecode<T> = { ok: true; value: { format: string; file: T; seal: FileSeal } } | { ok: false; error: DecodeError }

/** Reads a file: size, JSON, format and shape; the hash and signature are verifySignedFile's. */
export function decodeSignedFile<T>(text: unknown, format: string, maxChars: number, shapeOk: (f: unknown) => f is T): SignedFileDecode<T> {
  const env = readEnvelope(text, format, maxChars)
  if (!env.ok) return env
  const v = env.value
  if (Object.keys(v).length !== 3 || !shapeOk(v.file) || !sealShapeOk(v.seal)) return { ok: false, error: 'malformed' }
  return { ok: true, value: { format, file: v.file, seal: v.seal } }
}

/** Checks a signed file from its content alone: shape, the hash of the file, the signature. Never throws. */
export async function verifySignedFile(b: unknown, format: string, shapeOk: (f: unknown) => boolean): Promise<SignedFileVerification> {
  if (!isObj(b) || b.format !== format || !shapeOk(b.file) || !sealShapeOk(b.seal)) return { ok: false, reason: 'malformed' }
  let bytes: Uint8Array
  try {
    bytes = signedFileBytes(b.file)
  } catch {
    return { ok: false, reason: 'malformed' }
  }
  if ((await sha256Hex(bytes)) !== b.seal.hash) return { ok: false, reason: 'hashMismatch' }
  const sig = await checkEd25519(b.seal.publicKey, b.seal.signature, bytes)
  return sig === 'ok' ? { ok: true } : { ok: false, reason: sig }
}
