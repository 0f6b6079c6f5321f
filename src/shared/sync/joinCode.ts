// Join codes: what a device presents to the sync server for one council. A code is derived from
// the council's secret with HMAC-SHA256, so the server (which stores the secret) can check it
// without a list of issued codes, and revoke one by its code id.
//
//   YS1.<councilId>.<rw|ro>.<codeId>.<mac>[.<fingerprint>]
//   mac = base64url(first 16 bytes of HMAC-SHA256(secret, "YS1|<councilId>|<access>|<codeId>"))
//
// The secret is 32 random bytes in base64url (43 characters); the key is those 32 bytes.
//
// The optional sixth part is the SHA-256 of the DER certificate of a laptop hosting on the LAN
// (base64url, 43 characters): the joining desktop app accepts exactly that certificate for the
// server address that comes with the code (src/main/certPins.ts). Codes without it (every code
// made before, and codes for a server with a CA certificate or plain ws://) parse as before.
// The MAC does not cover it, on purpose: only the server can check a MAC (it alone holds the
// secret), and the server is the very party the fingerprint is there to authenticate; so a MAC
// over it would protect the joining device from nothing. Someone who can change the code on its
// way (the paper, the QR code) can change the server address beside it just as well; the
// out-of-band hand-over is what the pin relies on. Left out of the MAC, the authority of a code
// stays independent of the transport: the server checks a code with or without a fingerprint
// alike, and a re-made certificate does not revoke anyone's code.
import { isIdString } from '../domain/ids'
import { randomBytes } from '../runtime'
import { fromBase64Url, toBase64Url } from '../encoding/base64url'

/** Re-exported for the callers written before encoding/base64url.ts existed. */
export { fromBase64Url, toBase64Url }

export type JoinAccess = 'rw' | 'ro'

export interface JoinCodeFields {
  councilId: string
  access: JoinAccess
  /** 16 lowercase hex digits (64 random bits); names the code so it can be revoked. */
  codeId: string
  /** The hosting laptop's certificate pin (see above); absent for every other server. */
  fingerprint?: string
}

export interface ParsedJoinCode extends JoinCodeFields {
  mac: string
}

const VERSION = 'YS1'
const SECRET_BYTES = 32
const MAC_BYTES = 16
// 32 bytes are 43 characters whose last one carries 4 bits (the two low bits are zero).
const SECRET_PATTERN = /^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/
const CODE_ID_PATTERN = /^[0-9a-f]{16}$/
// 16 bytes are 22 base64url characters whose last one carries 2 bits: only A, Q, g or w is
// canonical. Refusing the others means one MAC has exactly one spelling.
const MAC_PATTERN = /^[A-Za-z0-9_-]{21}[AQgw]$/
// A SHA-256 is 32 bytes, 43 characters, like the secret (one spelling per hash, as for the MAC).
const FINGERPRINT_PATTERN = SECRET_PATTERN

// src/shared compiles without DOM or Node types; these are the Web Crypto members used here,
// present in browsers, Node 20 and Electron.
interface CryptoKeyLike {
  readonly type: string
}
interface SubtleLike {
  importKey(format: 'raw', key: Uint8Array, algorithm: { name: 'HMAC'; hash: 'SHA-256' }, extractable: false, usages: ['sign']): Promise<CryptoKeyLike>
  sign(algorithm: 'HMAC', key: CryptoKeyLike, data: Uint8Array): Promise<ArrayBuffer>
}
interface CryptoGlobals {
  crypto: { subtle: SubtleLike }
  TextEncoder: new () => { encode(input: string): Uint8Array }
}
const g = globalThis as unknown as CryptoGlobals

/** A new council secret: 256 random bits, base64url without padding. */
export function newCouncilSecret(): string {
  return toBase64Url(randomBytes(SECRET_BYTES))
}

/** A new code id: 64 random bits as 16 lowercase hex digits. */
export function newCodeId(): string {
  return [...randomBytes(8)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

export function isCouncilSecret(value: unknown): value is string {
  return typeof value === 'string' && SECRET_PATTERN.test(value)
}

export function isCodeId(value: unknown): value is string {
  return typeof value === 'string' && CODE_ID_PATTERN.test(value)
}

/** A certificate fingerprint as join codes carry it: SHA-256 of the DER, base64url, 43 characters. */
export function isCertFingerprint(value: unknown): value is string {
  return typeof value === 'string' && FINGERPRINT_PATTERN.test(value)
}

/** Makes a join code. Throws on a malformed secret, council id, access or code id (a bug in the caller). */
export async function createJoinCode(secret: string, fields: JoinCodeFields): Promise<string> {
  const { councilId, access, codeId, fingerprint } = fields
  if (!isCouncilSecret(secret)) throw new Error('createJoinCode: the secret is not 43 base64url characters')
  if (!isIdString(councilId)) throw new Error('createJoinCode: not a council id')
  if (access !== 'rw' && access !== 'ro') throw new Error('createJoinCode: access must be rw or ro')
  if (!isCodeId(codeId)) throw new Error('createJoinCode: the code id must be 16 lowercase hex digits')
  if (fingerprint !== undefined && !isCertFingerprint(fingerprint)) throw new Error('createJoinCode: the fingerprint must be a SHA-256 in base64url')
  const mac = await macFor(secret, fields)
  return [VERSION, councilId, access, codeId, mac, ...(fingerprint !== undefined ? [fingerprint] : [])].join('.')
}

/** Reads a code's parts (after trimming whitespace) without checking its MAC; null if malformed. */
export function parseJoinCode(text: string): ParsedJoinCode | null {
  if (typeof text !== 'string' || text.length > 200) return null
  const parts = text.trim().split('.')
  if (parts.length !== 5 && parts.length !== 6) return null
  const [version, councilId, access, codeId, mac, fingerprint] = parts as [string, string, string, string, string, string | undefined]
  if (version !== VERSION || !isIdString(councilId)) return null
  if (access !== 'rw' && access !== 'ro') return null
  if (!isCodeId(codeId) || !MAC_PATTERN.test(mac)) return null
  if (fingerprint === undefined) return { councilId, access, codeId, mac }
  if (!isCertFingerprint(fingerprint)) return null
  return { councilId, access, codeId, mac, fingerprint }
}

/** Whether `code` is well formed and was made from `secret`. Never throws. */
export async function verifyJoinCode(code: string, secret: string): Promise<boolean> {
  const parsed = parseJoinCode(code)
  if (!parsed || !isCouncilSecret(secret)) return false
  const expected = await macFor(secret, parsed)
  return constantTimeEqual(expected, parsed.mac)
}

async function macFor(secret: string, { councilId, access, codeId }: JoinCodeFields): Promise<string> {
  const keyBytes = fromBase64Url(secret)
  if (!keyBytes) throw new Error('not base64url')
  const key = await g.crypto.subtle.importKey('raw', keyBytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  const message = new g.TextEncoder().encode(`${VERSION}|${councilId}|${access}|${codeId}`)
  const full = new Uint8Array(await g.crypto.subtle.sign('HMAC', key, message))
  return toBase64Url(full.subarray(0, MAC_BYTES))
}

/** Compares two strings in time that depends only on their length (which is public here). */
function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i)
  return diff === 0
}
