// One-time voter codes for ballots cast from phones (手机投票), and the receipts phones get back.
//
// A code is 80 random bits (≥ 64 asked), written as 16 Crockford base-32 characters in four groups
// ("7KQM-2X9P-4HRT-W3CD"): no I, L, O or U, so a code read aloud or typed from a slip survives the
// usual confusions (O for 0, I or L for 1, lower case, spaces, missing hyphens). The meeting document
// keeps only SHA-256 hashes of codes; the plain code exists on its slip and on the screen that shows it.
//
// A receipt (回执) is 40 random bits, "ABCD-EFGH": short enough to compare with the projector's list.
// It is drawn by the host, unrelated to the code and to the choice.
import { randomBytes } from '../runtime'
import { sha256HexSync } from './sha256'

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
export const VOTER_CODE_LENGTH = 16
export const RECEIPT_LENGTH = 8

function base32(bytes: Uint8Array, chars: number): string {
  let bits = 0
  let value = 0
  let out = ''
  for (const b of bytes) {
    value = (value << 8) | b
    bits += 8
    while (bits >= 5 && out.length < chars) {
      out += ALPHABET[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
    value &= (1 << bits) - 1
  }
  return out
}

const group = (s: string) => s.match(/.{1,4}/g)?.join('-') ?? s

/** A fresh voter code, grouped for reading ("XXXX-XXXX-XXXX-XXXX"). */
export const newVoterCode = (): string => group(base32(randomBytes(10), VOTER_CODE_LENGTH))

/** A fresh receipt ("XXXX-XXXX"). */
export const newReceipt = (): string => group(base32(randomBytes(5), RECEIPT_LENGTH))

/**
 * A code as typed or scanned, in its canonical form (16 characters, no hyphens), or null when it
 * cannot be one: wrong length or a character outside the alphabet after the usual corrections.
 */
export function normaliseVoterCode(input: unknown): string | null {
  if (typeof input !== 'string' || input.length > 64) return null
  const s = input
    .toUpperCase()
    .replace(/[\s\-‐‑–—_.·]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
  if (s.length !== VOTER_CODE_LENGTH) return null
  for (const ch of s) if (!ALPHABET.includes(ch)) return null
  return s
}

/** A receipt in canonical grouped form, or null. */
export function normaliseReceipt(input: unknown): string | null {
  if (typeof input !== 'string' || input.length > 32) return null
  const s = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1')
  if (s.length !== RECEIPT_LENGTH || ![...s].every((c) => ALPHABET.includes(c))) return null
  return group(s)
}

/** Shown on slips and screens: the canonical code in groups of four. */
export const formatVoterCode = (canonical: string): string => group(canonical)

export const VOTER_CODE_HASH = /^[0-9a-f]{64}$/

interface EncoderGlobals {
  TextEncoder: new () => { encode(input: string): Uint8Array }
}

/**
 * What the meeting document stores for a code: SHA-256 over a domain label and the canonical code.
 * 80 random bits behind SHA-256 cannot be recovered from the hash by trying codes. Null for input
 * that is not a code.
 */
export async function voterCodeHash(code: string): Promise<string | null> {
  const canonical = normaliseVoterCode(code)
  if (!canonical) return null
  // Not crypto.subtle: it is missing from pages served over plain http on the LAN (sha256.ts).
  const g = globalThis as unknown as EncoderGlobals
  return Promise.resolve(sha256HexSync(new g.TextEncoder().encode(`yishi-voter-code/1:${canonical}`)))
}

/**
 * The ballot page's address for a meeting, with the code (if any) in the fragment: never sent to
 * the server or kept in its logs. It names the meeting by its id alone: a council id on a slip or a
 * QR code would let a resident register that council first on another server (issue 15).
 */
export function ballotPageUrl(httpBase: string, meetingDocName: string, code?: string): string {
  const base = httpBase.replace(/\/+$/, '')
  const meetingId = meetingDocName.slice(meetingDocName.lastIndexOf('/') + 1)
  return `${base}/ballot/?m=${encodeURIComponent(meetingId)}${code ? `#c=${normaliseVoterCode(code) ?? ''}` : ''}`
}
