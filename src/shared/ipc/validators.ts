// The pure validators main runs on every payload before a handler sees it: exact keys, plain
// objects, bounded sizes, no paths or control characters. The reason is for main's log only.
import { isLanguage } from '../i18n/languages'
import { ID_CHARS, isIdString } from '../domain/ids'
import {
  BACKUP_TEXT_MAX,
  FILE_DATA_MAX,
  OPEN_FILE_KINDS,
  SAVE_FILE_KINDS,
  type HostSyncRequest,
  type OpenFileRequest,
  type OpenProjectorRequest,
  type ReadBackupRequest,
  type SaveFileRequest,
  type SavePdfRequest,
  type SetLanguageRequest,
  type WriteBackupRequest,
} from './types'

/** The reason is for main's log only; the renderer gets 'invalid-payload'. */
export type PayloadCheck<T> = { ok: true; payload: T } | { ok: false; reason: string }

export const SUGGESTED_NAME_MAX = 200

// C0 and C1 controls, DEL, and the bidi overrides and isolates that let a name like
// "minutes\u202Efdp.exe" display as something it is not.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN_CHARS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/u
const PATH_CHARS = /[/\\]/u

function isPlainObject(input: unknown): input is Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return false
  const proto: unknown = Object.getPrototypeOf(input)
  return proto === Object.prototype || proto === null
}

/** Exactly these keys, no more and no fewer: extra keys are refused, not ignored. */
function hasExactKeys(input: Record<string, unknown>, keys: readonly string[]): boolean {
  const own = Object.keys(input)
  return own.length === keys.length && keys.every((k) => Object.prototype.hasOwnProperty.call(input, k))
}

export function validateNoPayload(input: unknown): PayloadCheck<undefined> {
  return input === undefined ? { ok: true, payload: undefined } : { ok: false, reason: 'expected no payload' }
}

/** A single file name as the user might see it: no folders, no controls, not "." or "..". */
export function checkFileName(name: unknown, max = SUGGESTED_NAME_MAX): string | null {
  if (typeof name !== 'string') return 'not a string'
  if (name.trim().length === 0) return 'empty'
  if (name.length > max) return `longer than ${max}`
  if (FORBIDDEN_CHARS.test(name)) return 'control character'
  if (PATH_CHARS.test(name)) return 'path separator'
  if (/^\.+$/u.test(name.trim())) return 'only dots'
  return null
}

export function validateSavePdf(input: unknown): PayloadCheck<SavePdfRequest> {
  if (!isPlainObject(input)) return { ok: false, reason: 'not a plain object' }
  if (!hasExactKeys(input, ['suggestedName'])) return { ok: false, reason: 'unexpected keys' }
  const problem = checkFileName(input['suggestedName'])
  if (problem !== null) return { ok: false, reason: `suggestedName: ${problem}` }
  return { ok: true, payload: { suggestedName: input['suggestedName'] as string } }
}

/**
 * The projector route and nothing else: no query, no other screen, no extra or encoded
 * characters. Ids as in shared/domain/ids.ts. `$` without the m flag ends the string (no
 * trailing newline sneaks through).
 */
export const PROJECTOR_ROUTE_PATTERN = new RegExp(`^#/c/${ID_CHARS}/m/${ID_CHARS}/projector$`, 'u')
/** The longest route the pattern admits: two 64-character ids. */
export const PROJECTOR_ROUTE_MAX = '#/c/'.length + 64 + '/m/'.length + 64 + '/projector'.length

export function isProjectorRoute(route: unknown): route is string {
  return typeof route === 'string' && route.length <= PROJECTOR_ROUTE_MAX && PROJECTOR_ROUTE_PATTERN.test(route)
}

/** The route the renderer passes to openProjector for one meeting. */
export function projectorRoute(councilId: string, meetingId: string): string {
  return `#/c/${councilId}/m/${meetingId}/projector`
}

export function validateOpenProjector(input: unknown): PayloadCheck<OpenProjectorRequest> {
  if (!isPlainObject(input)) return { ok: false, reason: 'not a plain object' }
  if (!hasExactKeys(input, ['route'])) return { ok: false, reason: 'unexpected keys' }
  const route = input['route']
  if (typeof route !== 'string') return { ok: false, reason: 'route: not a string' }
  if (route.length > PROJECTOR_ROUTE_MAX) return { ok: false, reason: `route: longer than ${PROJECTOR_ROUTE_MAX}` }
  if (!isProjectorRoute(route)) return { ok: false, reason: 'route: not a projector route' }
  return { ok: true, payload: { route } }
}

export function validateSetLanguage(input: unknown): PayloadCheck<SetLanguageRequest> {
  if (!isPlainObject(input)) return { ok: false, reason: 'not a plain object' }
  if (!hasExactKeys(input, ['language'])) return { ok: false, reason: 'unexpected keys' }
  const language = input['language']
  if (!isLanguage(language)) return { ok: false, reason: 'language: not one of the app languages' }
  return { ok: true, payload: { language } }
}

/**
 * UTF-8 length of a string without encoding it (shared has no Buffer). A lone surrogate
 * counts 3, as TextEncoder writes U+FFFD for it. Stops counting past `limit`.
 */
export function utf8Length(text: string, limit = Number.POSITIVE_INFINITY): number {
  let bytes = 0
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80) bytes += 1
    else if (code < 0x800) bytes += 2
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4
        i++
      } else bytes += 3
    } else bytes += 3
  }
  return bytes
}

/** Text or bytes no bigger than `max` bytes; null when fine, else the reason. */
function checkData(data: unknown, max: number): string | null {
  if (typeof data === 'string') {
    // Every UTF-16 unit is at least one UTF-8 byte: refuse the hopeless ones before counting.
    if (data.length > max || utf8Length(data, max) > max) return `larger than ${max} bytes`
    return null
  }
  if (data instanceof Uint8Array) return data.byteLength > max ? `larger than ${max} bytes` : null
  return 'neither text nor a Uint8Array'
}

function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value)
}

export function validateSaveFile(input: unknown): PayloadCheck<SaveFileRequest> {
  if (!isPlainObject(input)) return { ok: false, reason: 'not a plain object' }
  if (!hasExactKeys(input, ['suggestedName', 'kind', 'data'])) return { ok: false, reason: 'unexpected keys' }
  const { suggestedName, kind, data } = input
  const problem = checkFileName(suggestedName)
  if (problem !== null) return { ok: false, reason: `suggestedName: ${problem}` }
  if (!isOneOf(SAVE_FILE_KINDS, kind)) return { ok: false, reason: 'kind: unknown' }
  const dataProblem = checkData(data, FILE_DATA_MAX)
  if (dataProblem !== null) return { ok: false, reason: `data: ${dataProblem}` }
  return { ok: true, payload: { suggestedName: suggestedName as string, kind, data: data as string | Uint8Array } }
}

export function validateOpenFile(input: unknown): PayloadCheck<OpenFileRequest> {
  if (!isPlainObject(input)) return { ok: false, reason: 'not a plain object' }
  if (!hasExactKeys(input, ['kind', 'multiple'])) return { ok: false, reason: 'unexpected keys' }
  const { kind, multiple } = input
  if (!isOneOf(OPEN_FILE_KINDS, kind)) return { ok: false, reason: 'kind: unknown' }
  if (typeof multiple !== 'boolean') return { ok: false, reason: 'multiple: not a boolean' }
  return { ok: true, payload: { kind, multiple } }
}

export function validateWriteBackup(input: unknown): PayloadCheck<WriteBackupRequest> {
  if (!isPlainObject(input)) return { ok: false, reason: 'not a plain object' }
  if (!hasExactKeys(input, ['data'])) return { ok: false, reason: 'unexpected keys' }
  const data = input['data']
  if (!(data instanceof Uint8Array)) return { ok: false, reason: 'data: not bytes' }
  if (data.byteLength === 0) return { ok: false, reason: 'data: empty' }
  if (data.byteLength > BACKUP_TEXT_MAX) return { ok: false, reason: `data: longer than ${BACKUP_TEXT_MAX}` }
  return { ok: true, payload: { data } }
}

export function validateReadBackup(input: unknown): PayloadCheck<ReadBackupRequest> {
  if (!isPlainObject(input)) return { ok: false, reason: 'not a plain object' }
  if (!hasExactKeys(input, ['name'])) return { ok: false, reason: 'unexpected keys' }
  // Only a plain name passes here; main then looks it up in the folder's list.
  const problem = checkFileName(input['name'])
  if (problem !== null) return { ok: false, reason: `name: ${problem}` }
  return { ok: true, payload: { name: input['name'] as string } }
}

export function validateHostSync(input: unknown): PayloadCheck<HostSyncRequest> {
  if (!isPlainObject(input)) return { ok: false, reason: 'not a plain object' }
  if (!hasExactKeys(input, ['councilId'])) return { ok: false, reason: 'unexpected keys' }
  const id = input['councilId']
  if (typeof id !== 'string' || !isIdString(id)) return { ok: false, reason: 'councilId: not an id' }
  return { ok: true, payload: { councilId: id } }
}
