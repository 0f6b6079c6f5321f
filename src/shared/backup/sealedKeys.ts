// The council keys a backup may carry, sealed with a passphrase the secretary chooses: each
// council's secret (from which its join codes are made), the server it syncs with, and the codes
// issued (ids and labels, so a new laptop can revoke them). Without the passphrase a backup gives
// none of this away; with it, a new laptop gets back the power to invite and revoke devices.
//
//   key   = PBKDF2-HMAC-SHA-256(NFC(passphrase), salt 16 random bytes, KDF_ITERATIONS) → AES-256
//   data  = AES-256-GCM(key, iv 12 random bytes, canonical JSON of the keys, AAD "yishi.backup.keys/1")
//
// Web Crypto only (browsers, Node 20, Electron). AES-GCM authenticates: a wrong passphrase and a
// changed or cut `data` both fail to open, and nothing half-decrypted is ever returned. The
// iteration count is stored and read back within bounds, so a hostile file cannot make opening
// spin for minutes.
import { canonicalJson } from '../doc/canonical'
import { isInstant } from '../domain/dates'
import { isIdString } from '../domain/ids'
import { decodeText, randomBytes } from '../runtime'
import { fromBase64Url, isCodeId, isCouncilSecret, toBase64Url } from '../sync/joinCode'
import { isCanonicalBase64Url, isObjectWithKeys } from './checks'

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA-256: 240 to 280 ms in Node 20 on the test machine, once per backup. */
export const KDF_ITERATIONS = 600_000
const MIN_ITERATIONS = 100_000
const MAX_ITERATIONS = 5_000_000
/** Shorter passphrases are refused when sealing: the file may sit on a USB stick for years. */
export const MIN_PASSPHRASE = 8
const KDF = 'PBKDF2-SHA-256'
const AAD = 'yishi.backup.keys/1'
const TAG_BYTES = 16
const MAX_COUNCILS = 1_000
const MAX_ISSUED = 10_000
const MAX_LABEL = 200
const MAX_URL = 500

/** A code this device issued, without its text (made again from the secret: it is a MAC). */
export interface CarriedCode {
  codeId: string
  access: 'rw' | 'ro'
  label: string
  issuedAt: string
  revokedAt: string | null
}

/** One council's key: what lets a device invite and revoke devices. */
export interface CouncilKey {
  councilId: string
  secret: string
  serverUrl: string | null
  issued: CarriedCode[]
}

/** How the keys sit in the backup file (inside its checksummed content). */
export interface SealedKeys {
  kdf: typeof KDF
  iterations: number
  salt: string
  iv: string
  data: string
}

export type OpenKeysError = 'wrongPassphrase' | 'malformed'
export type OpenKeysResult = { ok: true; keys: CouncilKey[] } | { ok: false; error: OpenKeysError }

const SEALED_KEYS = ['data', 'iterations', 'iv', 'kdf', 'salt'] as const
const KEY_KEYS = ['councilId', 'issued', 'secret', 'serverUrl'] as const
const CODE_KEYS = ['access', 'codeId', 'issuedAt', 'label', 'revokedAt'] as const

interface CryptoKeyLike {
  readonly type: string
}
interface SubtleLike {
  importKey(format: 'raw', key: Uint8Array, algorithm: 'PBKDF2', extractable: false, usages: ['deriveKey']): Promise<CryptoKeyLike>
  deriveKey(
    algorithm: { name: 'PBKDF2'; salt: Uint8Array; iterations: number; hash: 'SHA-256' },
    base: CryptoKeyLike,
    derived: { name: 'AES-GCM'; length: 256 },
    extractable: false,
    usages: ['encrypt', 'decrypt'],
  ): Promise<CryptoKeyLike>
  encrypt(algorithm: { name: 'AES-GCM'; iv: Uint8Array; additionalData: Uint8Array }, key: CryptoKeyLike, data: Uint8Array): Promise<ArrayBuffer>
  decrypt(algorithm: { name: 'AES-GCM'; iv: Uint8Array; additionalData: Uint8Array }, key: CryptoKeyLike, data: Uint8Array): Promise<ArrayBuffer>
}
interface CryptoGlobals {
  crypto: { subtle: SubtleLike }
  TextEncoder: new () => { encode(input: string): Uint8Array }
}
const g = globalThis as unknown as CryptoGlobals
const utf8 = (text: string): Uint8Array => new g.TextEncoder().encode(text)

/** Whether a passphrase is long enough to seal with (counted in characters after NFC). */
export const passphraseLongEnough = (passphrase: string): boolean => [...passphrase.normalize('NFC')].length >= MIN_PASSPHRASE

async function keyFor(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKeyLike> {
  // NFC: the same passphrase typed on another system (macOS decomposes some characters) opens it.
  const base = await g.crypto.subtle.importKey('raw', utf8(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey'])
  return g.crypto.subtle.deriveKey({ name: 'PBKDF2', salt, iterations, hash: 'SHA-256' }, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt'])
}

/** Seals the keys. Throws on a passphrase under MIN_PASSPHRASE or keys that would not read back (a bug in the caller). */
export async function sealKeys(keys: CouncilKey[], passphrase: string, iterations: number = KDF_ITERATIONS): Promise<SealedKeys> {
  if (!passphraseLongEnough(passphrase)) throw new Error('sealKeys: passphrase too short')
  if (!checkKeys(keys)) throw new Error('sealKeys: malformed keys')
  if (!Number.isSafeInteger(iterations) || iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) throw new Error('sealKeys: iterations out of bounds')
  const salt = randomBytes(16)
  const iv = randomBytes(12)
  const key = await keyFor(passphrase, salt, iterations)
  const data = new Uint8Array(await g.crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: utf8(AAD) }, key, utf8(canonicalJson(keys))))
  return { kdf: KDF, iterations, salt: toBase64Url(salt), iv: toBase64Url(iv), data: toBase64Url(data) }
}

/** Whether a value has the shape of SealedKeys (the backup's shape check calls this). Opens nothing. */
export function isSealedKeys(value: unknown): value is SealedKeys {
  if (!isObjectWithKeys(value, SEALED_KEYS) || value.kdf !== KDF) return false
  const { iterations, salt, iv, data } = value
  if (typeof iterations !== 'number' || !Number.isSafeInteger(iterations) || iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) return false
  if (!isCanonicalBase64Url(salt) || fromBase64Url(salt)?.length !== 16) return false
  if (!isCanonicalBase64Url(iv) || fromBase64Url(iv)?.length !== 12) return false
  return isCanonicalBase64Url(data) && (fromBase64Url(data)?.length ?? 0) > TAG_BYTES
}

/**
 * Opens sealed keys with a passphrase. Never throws: a wrong passphrase (or `data` changed or cut
 * after the checksum was recomputed: AES-GCM cannot tell the two apart) is 'wrongPassphrase'; a
 * value that is not sealed keys, or that opens to something other than keys, is 'malformed'.
 */
export async function openKeys(sealed: unknown, passphrase: string): Promise<OpenKeysResult> {
  if (!isSealedKeys(sealed) || typeof passphrase !== 'string') return { ok: false, error: 'malformed' }
  let plain: Uint8Array
  try {
    const key = await keyFor(passphrase, fromBase64Url(sealed.salt)!, sealed.iterations)
    plain = new Uint8Array(await g.crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64Url(sealed.iv)!, additionalData: utf8(AAD) }, key, fromBase64Url(sealed.data)!))
  } catch {
    return { ok: false, error: 'wrongPassphrase' }
  }
  let keys: unknown
  try {
    keys = JSON.parse(decodeText(plain, 'utf-8', true))
  } catch {
    return { ok: false, error: 'malformed' }
  }
  return checkKeys(keys) ? { ok: true, keys } : { ok: false, error: 'malformed' }
}

/** The exact shape of CouncilKey[]: what sealing accepts and what opening returns. */
export function checkKeys(value: unknown): value is CouncilKey[] {
  if (!Array.isArray(value) || value.length > MAX_COUNCILS) return false
  const ids = new Set<string>()
  for (const k of value as unknown[]) {
    if (!isObjectWithKeys(k, KEY_KEYS) || !isIdString(k.councilId) || ids.has(k.councilId) || !isCouncilSecret(k.secret)) return false
    if (k.serverUrl !== null && (typeof k.serverUrl !== 'string' || k.serverUrl.length > MAX_URL)) return false
    if (!Array.isArray(k.issued) || k.issued.length > MAX_ISSUED) return false
    for (const c of k.issued as unknown[]) {
      if (!isObjectWithKeys(c, CODE_KEYS) || !isCodeId(c.codeId) || (c.access !== 'rw' && c.access !== 'ro')) return false
      if (typeof c.label !== 'string' || c.label.length > MAX_LABEL || !isInstant(c.issuedAt)) return false
      if (c.revokedAt !== null && !isInstant(c.revokedAt)) return false
    }
    ids.add(k.councilId)
  }
  return true
}
