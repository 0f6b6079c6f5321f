// The backup file: every council's documents as Yjs updates, the attached files they refer to, and
// the local settings that are safe to carry, under a SHA-256 checksum. Written as version 2
// (yishi.backup/2, gzipped with its binary parts outside the JSON: packed.ts); version 1 files
// (the JSON text below) are still read and restored:
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
import { decodeText } from '../runtime'
import { checkContentShape, checkUpdatesWhy, isObjectWithKeys } from './shape'
import { checkFilesWhy, type BackupFile } from './files'
import { isGzip } from './gzip'
import { BACKUP_FORMAT_V2, packBackup, unpackBackup } from './packed'
import type { SealedKeys } from './sealedKeys'

export type { BackupFile }
/** The first format, still read: a JSON text. */
export const BACKUP_FORMAT = 'yishi.backup/1'
/** The format written now (packed.ts). */
export { BACKUP_FORMAT_V2 }

/**
 * The longest backup read or written: a version 1 text in UTF-16 code units (UTF-8 and almost all
 * base64url, so bytes ≈ characters), and the bytes of a version 2 file, compressed or inflated
 * (gzip never makes a backup larger than what it holds by more than a few bytes per 32 KiB, and the
 * inflated payload holds each blob once, in fewer bytes than version 1's base64 of it); pass the
 * same number as the byte limit when reading a file.
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
  /**
   * The attached files the documents refer to (matters, follow-up, fund vouchers), by hash, once
   * each; absent when there are none. Only in version 2 files in practice.
   */
  files?: BackupFile[]
  /** Hashes of files the documents refer to that this device did not have: listed, not an error. */
  missingFiles?: string[]
}

/** What the restore screen shows before the user confirms. */
export interface BackupSummary {
  createdAt: string
  appVersion: string
  councils: BackupCouncil[]
  docCount: number
  /** Size of the backup file in bytes. */
  bytes: number
  /** Whether it carries council keys sealed with a passphrase. */
  sealedKeys: boolean
  /** Attached files carried, and referred to but not carried. */
  files: number
  missingFiles: number
}

/**
 * newerSchema: a document in it was written by a newer Yishi (the failure carries that Yishi's
 * appVersion). damaged: a compressed file that does not inflate (cut short or changed). badFile:
 * an attached file that is not the file its hash names.
 */
export type BackupDecodeError = 'notJson' | 'wrongFormat' | 'truncated' | 'tooLarge' | 'checksumMismatch' | 'malformed' | 'badUpdate' | 'newerSchema' | 'damaged' | 'badFile'

export type BackupDecodeResult =
  | { ok: true; content: BackupContent; summary: BackupSummary }
  | { ok: false; error: BackupDecodeError; appVersion?: string }

/** Thrown when asked to write a backup that could not be read back, or to restore unchecked content. */
export class BackupError extends Error {
  constructor(readonly code: 'tooLarge' | 'malformed' | 'badUpdate' | 'newerSchema' | 'badFile') {
    super(`backup: ${code}`)
    this.name = 'BackupError'
  }
}

const FILE_KEYS = ['content', 'format', 'sha256'] as const
const SHA256_HEX = /^[0-9a-f]{64}$/

/**
 * The backup file's bytes, in the current format (packed.ts). Throws BackupError('malformed') for
 * content that decodeBackup would refuse by its shape, and BackupError('tooLarge') past
 * MAX_BACKUP_CHARS bytes: a backup that cannot be restored is never written. (The updates and
 * files are not re-checked: they come from Y.encodeStateAsUpdate and the hash-checked store.)
 */
export async function encodeBackup(content: BackupContent): Promise<Uint8Array> {
  if (checkContentShape(content) !== null) throw new BackupError('malformed')
  let file: Uint8Array | null
  try {
    file = await packBackup(content, MAX_BACKUP_CHARS)
  } catch {
    throw new BackupError('malformed')
  }
  if (file === null || file.byteLength > MAX_BACKUP_CHARS) throw new BackupError('tooLarge')
  return file
}

/**
 * The backup as version 1 wrote it (the JSON text). No longer what the app writes: kept so the
 * tests make old backups with the old writer, and restore them.
 */
export async function encodeBackupV1(content: BackupContent): Promise<string> {
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
 * Reads and checks a backup: the bytes of a file of either version, or a version 1 text. A
 * version 2 file is unpacked (packed.ts: it inflates, its header, its checksum); a version 1 file
 * is checked in this order: size, JSON (a cut file reads as truncated), format, the envelope's
 * keys, the checksum (so any change to the content, valid JSON or not, reads as
 * checksumMismatch). Then, for both, the content's shape, every update (it must apply completely
 * to an empty document and name the council, meeting or year its document name says) and every
 * attached file against its hash. Never throws.
 */
export async function decodeBackup(input: unknown): Promise<BackupDecodeResult> {
  if (!(input instanceof Uint8Array)) return decodeV1(input)
  if (input.byteLength > MAX_BACKUP_CHARS) return { ok: false, error: 'tooLarge' }
  if (!isGzip(input)) return decodeV1(decodeText(input, 'utf-8'), input.byteLength)
  const unpacked = await unpackBackup(input, MAX_BACKUP_CHARS)
  if (!unpacked.ok) return unpacked
  return checkContent(unpacked.content, input.byteLength)
}

/** A version 1 file's text (an editor's byte order mark dropped: the checksum judges the rest). */
async function decodeV1(input: unknown, bytes?: number): Promise<BackupDecodeResult> {
  const text = typeof input === 'string' && input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
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
  return checkContent(file.content, bytes ?? utf8Length(text as string))
}

/** The checks both versions make once the file itself is sound. */
async function checkContent(value: unknown, bytes: number): Promise<BackupDecodeResult> {
  const shape = checkContentShape(value)
  if (shape !== null) return { ok: false, error: shape }
  const content = value as BackupContent
  const updates = checkUpdatesWhy(content)
  if (updates === 'newerSchema') return { ok: false, error: updates, appVersion: content.appVersion }
  if (updates === 'badUpdate') return { ok: false, error: updates }
  if ((await checkFilesWhy(content.files)) === 'badFile') return { ok: false, error: 'badFile' }
  return { ok: true, content, summary: summarise(content, bytes) }
}

/**
 * The attached files of content checked as backupUpdates checks its updates: bytes checked
 * against their hash. Throws BackupError('badFile') before the restore stores or merges anything.
 */
export async function backupFiles(content: BackupContent): Promise<{ hash: string; bytes: Uint8Array }[]> {
  const files = await checkFilesWhy(content.files)
  if (files === 'badFile') throw new BackupError('badFile')
  return files
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

/** What the restore screen shows; `size`: the file's bytes, or the text whose UTF-8 length they are. */
export function summarise(content: BackupContent, size: string | number): BackupSummary {
  return {
    createdAt: content.createdAt,
    appVersion: content.appVersion,
    councils: content.councils.map((c) => ({ id: c.id, name: c.name, meetings: c.meetings })),
    docCount: content.docs.length,
    bytes: typeof size === 'number' ? size : utf8Length(size),
    sealedKeys: content.keys !== undefined,
    files: content.files?.length ?? 0,
    missingFiles: content.missingFiles?.length ?? 0,
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
