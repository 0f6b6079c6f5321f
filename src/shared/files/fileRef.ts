// Attached files, designed once for the whole app (requests, matter steps, follow-up, fund
// vouchers): a document holds only a reference {hash, name, type, size}; the bytes live in a
// content-addressed store (Dexie on the device, <data>/files/<council>/<hash> on the server).
// Bytes never go into a Y.Doc: every replica would carry every photo forever.

/** Largest file accepted anywhere (device, server): a phone photo or a multi-page scan fits. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024
/** Longest file name kept (characters); longer names are cut, keeping the extension. */
export const MAX_FILE_NAME = 120

/**
 * What may be attached: photos, scans and the office documents a 两委 minute comes as. A file of
 * another type is refused at the door rather than carried and never shown.
 */
export const FILE_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const
export type FileType = (typeof FILE_TYPES)[number]

export interface FileRef {
  /** SHA-256 of the bytes, 64 lower-case hex digits: the file's identity everywhere. */
  hash: string
  name: string
  type: FileType
  size: number
}

export type FileRefError = 'hashInvalid' | 'nameInvalid' | 'typeNotAllowed' | 'sizeInvalid' | 'tooLarge'

export const isSha256Hex = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v)
export const isFileType = (v: unknown): v is FileType => (FILE_TYPES as readonly unknown[]).includes(v)
export const isImageType = (t: FileType): boolean => t.startsWith('image/')

// Separators and control characters: a name is shown and offered as a download name, never a path.
// eslint-disable-next-line no-control-regex -- control characters are what is refused
const BAD_NAME = /[\\/\u0000-\u001f\u007f]/

/** Every problem with a reference, keyed by field; empty when it is valid. */
export function fileRefErrors(v: unknown): Partial<Record<keyof FileRef, FileRefError>> {
  const r = v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {}
  const errors: Partial<Record<keyof FileRef, FileRefError>> = {}
  if (!isSha256Hex(r.hash)) errors.hash = 'hashInvalid'
  if (typeof r.name !== 'string' || !r.name.trim() || r.name.length > MAX_FILE_NAME || BAD_NAME.test(r.name)) errors.name = 'nameInvalid'
  if (!isFileType(r.type)) errors.type = 'typeNotAllowed'
  if (typeof r.size !== 'number' || !Number.isSafeInteger(r.size) || r.size < 1) errors.size = 'sizeInvalid'
  else if (r.size > MAX_FILE_BYTES) errors.size = 'tooLarge'
  return errors
}

export const isFileRef = (v: unknown): v is FileRef => Object.keys(fileRefErrors(v)).length === 0

/** Only the four fields, copied: what a document stores (nothing else a caller's object carries). */
export function cleanFileRef(ref: FileRef): FileRef {
  return { hash: ref.hash, name: ref.name, type: ref.type, size: ref.size }
}

/**
 * A name as a person's device gave it, made safe to keep: separators and control characters
 * become "_", and a long name is cut from the middle so its extension survives.
 */
export function safeFileName(raw: string): string {
  const name = raw.replace(new RegExp(BAD_NAME.source, 'g'), '_').trim() || 'file'
  if (name.length <= MAX_FILE_NAME) return name
  const dot = name.lastIndexOf('.')
  const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : ''
  return name.slice(0, MAX_FILE_NAME - ext.length) + ext
}

/** The hashes a set of documents refers to, sorted and once each: what a bundle lists. */
export function referencedHashes(refs: Iterable<FileRef>): string[] {
  return [...new Set([...refs].map((r) => r.hash))].sort()
}
