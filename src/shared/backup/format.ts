// The backup file (yishi.backup/1): every council's documents as Yjs updates, and the local
// settings that are safe to carry, under a SHA-256 checksum of the content's canonical JSON.
//
//   { "content": BackupContent, "format": "yishi.backup/1", "sha256": "<64 hex>" }   (RFC 8785)
//
// The checksum catches damage (a cut copy, a flipped bit on a USB stick); it is not a signature:
// whoever can write the file can recompute it, so decodeBackup also checks the shape strictly
// and that every update decodes into the document its name says, before anything is applied.
// A damaged or hostile file is an error value, never an exception.
import { canonicalJson } from '../doc/canonical'
import { readEnvelope } from '../minutes/bundle'
import { sha256Hex, utf8 } from '../minutes/webCrypto'
import { checkContentShape, checkUpdatesWhy, isObjectWithKeys } from './shape'
import type { SealedKeys } from './sealedKeys'

export const BACKUP_FORMAT = 'yishi.backup/1'

/**
 * The longest backup text read or written, in UTF-16 code units (the file is UTF-8 and almost all
 * base64url, so bytes ≈ characters; pass the same number as the byte limit when reading a file).
 * V8 caps a string near 2^29 characters (~512 M), and decoding holds the text, its parsed copy
 * and the decoded updates at once, so 256 M leaves room; a council's decade of meetings is a few
 * tens of MB (bench/measure-backup.ts prints the size of a 50-meeting council).
 */
export const MAX_BACKUP_CHARS = 256 * 1024 * 1024

export interface BackupCouncil {
  id: string
  name: string
  /** How many meeting documents of this council the backup holds. */
  meetings: number
}

export interface BackupDoc {
  /** The document's name (shared/doc/names.ts): the council's, a meeting's, a campaign's or the households register's. */
  name: string
  /** base64url (unpadded) of Y.encodeStateAsUpdate(doc). */
  update: string
}

export interface BackupSetting {
  key: string
  value: unknown
}

export interface BackupContent {
  /** ISO instant the backup was made. */
  createdAt: string
  appVersion: string
  councils: BackupCouncil[]
  docs: BackupDoc[]
  /**
   * Local (Dexie) data worth carrying: settings only, and of those only the ones the renderer
   * lists as safe (data/backup.ts). Never the ballot box (unsealed secret ballots), the sync
   * settings, join codes or council secrets, nor the device key: a backup sits on a USB stick or
   * a network share, and whoever holds it must not be able to join the council's server as this
   * device or read how anyone voted in an open secret ballot.
   */
  local: { settings: BackupSetting[] }
  /**
   * Only in a backup made with a passphrase: the council keys (secrets, servers, issued codes),
   * sealed under it (sealedKeys.ts). Backups without it (automatic ones, older ones) restore
   * everything but the power to invite devices.
   */
  keys?: SealedKeys
}

/** What the restore screen shows before the user confirms. */
export interface BackupSummary {
  createdAt: string
  appVersion: string
  councils: BackupCouncil[]
  docCount: number
  /** Size of the backup text in UTF-8 bytes. */
  bytes: number
  /** Whether it carries council keys sealed with a passphrase. */
  sealedKeys: boolean
}

/** newerSchema: a document in it was written by a newer Yishi (the failure carries that Yishi's appVersion). */
export type BackupDecodeError = 'notJson' | 'wrongFormat' | 'truncated' | 'tooLarge' | 'checksumMismatch' | 'malformed' | 'badUpdate' | 'newerSchema'

export type BackupDecodeResult =
  | { ok: true; content: BackupContent; summary: BackupSummary }
  | { ok: false; error: BackupDecodeError; appVersion?: string }

/** Thrown when asked to write a backup that could not be read back, or to restore unchecked content. */
export class BackupError extends Error {
  constructor(readonly code: 'tooLarge' | 'malformed' | 'badUpdate' | 'newerSchema') {
    super(`backup: ${code}`)
    this.name = 'BackupError'
  }
}

const FILE_KEYS = ['content', 'format', 'sha256'] as const
const SHA256_HEX = /^[0-9a-f]{64}$/

/**
 * The backup file's text. Throws BackupError('malformed') for content that decodeBackup would
 * refuse by its shape, and BackupError('tooLarge') past MAX_BACKUP_CHARS: a backup that cannot be
 * restored is never written. (The updates themselves are not re-checked: they come from
 * Y.encodeStateAsUpdate.)
 */
export async function encodeBackup(content: BackupContent): Promise<string> {
  if (checkContentShape(content) !== null) throw new BackupError('malformed')
  let body: string
  try {
    body = canonicalJson(content)
  } catch {
    throw new BackupError('malformed')
  }
  // The envelope adds under 100 characters; refuse before building a second huge string.
  if (body.length > MAX_BACKUP_CHARS - 128) throw new BackupError('tooLarge')
  const sha256 = await sha256Hex(utf8(body))
  // canonicalJson of { content, format, sha256 } spelled out: the keys are already in RFC 8785
  // order and body is canonical, so this is the same text without parsing the content again.
  return `{"content":${body},"format":${canonicalJson(BACKUP_FORMAT)},"sha256":"${sha256}"}`
}

/**
 * Reads and checks a backup, in this order: size, JSON (a cut file reads as truncated), format,
 * the envelope's keys, the checksum (so any change to the content, valid JSON or not, reads as
 * checksumMismatch), the content's shape, then every update: it must apply completely to an
 * empty document and name the council (and meeting) its document name says. Never throws.
 */
export async function decodeBackup(text: unknown): Promise<BackupDecodeResult> {
  const env = readEnvelope(text, BACKUP_FORMAT, MAX_BACKUP_CHARS)
  if (!env.ok) return env
  const file = env.value
  if (!isObjectWithKeys(file, FILE_KEYS) || typeof file.sha256 !== 'string' || !SHA256_HEX.test(file.sha256)) return { ok: false, error: 'malformed' }
  if (file.content === null || typeof file.content !== 'object' || Array.isArray(file.content)) return { ok: false, error: 'malformed' }
  let body: string
  try {
    body = canonicalJson(file.content)
  } catch {
    // Only JSON.parse's lone surrogates (\ud800) have no canonical form.
    return { ok: false, error: 'malformed' }
  }
  if ((await sha256Hex(utf8(body))) !== file.sha256) return { ok: false, error: 'checksumMismatch' }
  const shape = checkContentShape(file.content)
  if (shape !== null) return { ok: false, error: shape }
  const content = file.content as BackupContent
  const updates = checkUpdatesWhy(content)
  if (updates === 'newerSchema') return { ok: false, error: updates, appVersion: content.appVersion }
  if (updates === 'badUpdate') return { ok: false, error: updates }
  return { ok: true, content, summary: summarise(content, text as string) }
}

/**
 * The updates of content that may not have come through decodeBackup, checked as decodeBackup
 * checks them (shape, then each update), as bytes in the order of content.docs. Throws
 * BackupError: the restore calls this before applying anything, so bad content changes nothing.
 */
export function backupUpdates(content: unknown): Uint8Array[] {
  const shape = checkContentShape(content)
  if (shape !== null) throw new BackupError(shape)
  const updates = checkUpdatesWhy(content as BackupContent)
  if (!Array.isArray(updates)) throw new BackupError(updates)
  return updates
}

export function summarise(content: BackupContent, text: string): BackupSummary {
  return {
    createdAt: content.createdAt,
    appVersion: content.appVersion,
    councils: content.councils.map((c) => ({ id: c.id, name: c.name, meetings: c.meetings })),
    docCount: content.docs.length,
    bytes: utf8Length(text),
    sealedKeys: content.keys !== undefined,
  }
}

/** UTF-8 length without allocating the bytes (the text may be hundreds of MB). */
export function utf8Length(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) n += 1
    else if (c < 0x800) n += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4
      i++
    } else n += 3
  }
  return n
}
