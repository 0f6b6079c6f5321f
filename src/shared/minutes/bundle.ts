// The sealed bundle file (yishi.bundle/1): the sealed minutes as canonical JSON, and its strict
// decoder. A hostile or damaged file is an error value, never an exception.
import { canonicalJson } from '../doc/canonical'
import type { SealedMinutes } from './seal'
import { checkSealed } from './shape'

export const BUNDLE_FORMAT = 'yishi.bundle/1'
/** Far above a year of minutes (a 20-page record is well under 1 MB). */
export const MAX_BUNDLE_CHARS = 16 * 1024 * 1024

export type DecodeError = 'notJson' | 'wrongFormat' | 'truncated' | 'tooLarge' | 'malformed'
export type DecodeResult = { ok: true; sealed: SealedMinutes } | { ok: false; error: DecodeError }

export const encodeBundle = (sealed: SealedMinutes): string => canonicalJson({ format: BUNDLE_FORMAT, sealed })

/**
 * Reads a bundle. The shape is checked strictly (checkSealed); the hash and signature are not:
 * that is verifySealed's job. An 'unsupported' sealed content (another algorithm or minutes
 * schema) reads as wrongFormat.
 */
export function decodeBundle(text: unknown): DecodeResult {
  if (typeof text !== 'string') return { ok: false, error: 'malformed' }
  if (text.length > MAX_BUNDLE_CHARS) return { ok: false, error: 'tooLarge' }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { ok: false, error: looksTruncated(text) ? 'truncated' : 'notJson' }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, error: 'wrongFormat' }
  const v = value as Record<string, unknown>
  if (v.format !== BUNDLE_FORMAT) return { ok: false, error: 'wrongFormat' }
  if (Object.keys(v).some((k) => k !== 'format' && k !== 'sealed')) return { ok: false, error: 'malformed' }
  const shape = checkSealed(v.sealed)
  if (shape === 'unsupported') return { ok: false, error: 'wrongFormat' }
  if (shape !== 'ok') return { ok: false, error: 'malformed' }
  return { ok: true, sealed: v.sealed as SealedMinutes }
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
