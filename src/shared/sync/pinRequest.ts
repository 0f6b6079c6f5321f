// The renderer asking main to accept one self-signed certificate for one server: the payload of
// the `sync:pinCertificate` channel and its validator (main checks every payload before use).
// Sent when a join code carrying a fingerprint (joinCode.ts) is used on the desktop app.
import { isCertFingerprint } from './joinCode'

export interface PinCertificateRequest {
  /** The server address the code came with: wss:// or https:// only (ws:// has no certificate). */
  serverUrl: string
  /** SHA-256 of the certificate's DER, base64url, from the join code. */
  fingerprint: string
}

const URL_MAX = 300

/** `ok` with the payload, or the reason (for main's log only). */
export function validatePinCertificate(input: unknown): { ok: true; payload: PinCertificateRequest } | { ok: false; reason: string } {
  if (typeof input !== 'object' || input === null || Object.getPrototypeOf(input) !== Object.prototype) return { ok: false, reason: 'not a plain object' }
  const record = input as Record<string, unknown>
  const keys = Object.keys(record).sort()
  if (keys.length !== 2 || keys[0] !== 'fingerprint' || keys[1] !== 'serverUrl') return { ok: false, reason: 'unexpected keys' }
  const { serverUrl, fingerprint } = record
  if (!isCertFingerprint(fingerprint)) return { ok: false, reason: 'fingerprint: not a SHA-256 in base64url' }
  if (typeof serverUrl !== 'string' || serverUrl.length > URL_MAX) return { ok: false, reason: 'serverUrl: not a string' }
  // (src/shared has no URL class: a pattern here; main parses the address before pinning.)
  if (!/^(?:wss|https):\/\/[^\s/@?#]+(?:\/[^\s?#]*)?$/i.test(serverUrl)) return { ok: false, reason: 'serverUrl: not a wss:// or https:// address' }
  return { ok: true, payload: { serverUrl, fingerprint } }
}
