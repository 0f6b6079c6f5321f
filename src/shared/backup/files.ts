// The attached files a backup carries (issue 18): the bytes the documents' file references point
// to, listed by SHA-256, and the hashes of the ones this device did not have when the backup was
// made (a photo not yet fetched from the council server): listed as missing, never an error.
import { MAX_FILE_BYTES } from '../files/fileRef'
import { sha256Hex } from '../minutes/webCrypto'
import { fromBase64Url } from '../sync/joinCode'
import { isCanonicalBase64Url, isObjectWithKeys } from './checks'

export interface BackupFile {
  /** SHA-256 of the bytes, lowercase hex: the `hash` of the FileRefs that name it. */
  hash: string
  /** base64url (unpadded) of the file's bytes, as the documents' updates are. */
  data: string
}

const HASH = /^[0-9a-f]{64}$/
const FILE_KEYS = ['data', 'hash'] as const
/** The longest base64url of a file the app accepts (fileRef.ts MAX_FILE_BYTES). */
const MAX_DATA_CHARS = Math.ceil((MAX_FILE_BYTES * 4) / 3)

export const isFileHash = (value: unknown): value is string => typeof value === 'string' && HASH.test(value)

/** null if `files` and `missing` (each may be absent) have their exact shape: distinct hashes, none in both. */
export function checkFilesShape(files: unknown, missing: unknown): 'malformed' | null {
  const seen = new Set<string>()
  if (files !== undefined) {
    if (!Array.isArray(files)) return 'malformed'
    for (const f of files as unknown[]) {
      if (!isObjectWithKeys(f, FILE_KEYS) || !isFileHash(f.hash) || seen.has(f.hash)) return 'malformed'
      if (!isCanonicalBase64Url(f.data) || f.data.length > MAX_DATA_CHARS) return 'malformed'
      seen.add(f.hash)
    }
  }
  if (missing !== undefined) {
    if (!Array.isArray(missing)) return 'malformed'
    for (const h of missing as unknown[]) {
      if (!isFileHash(h) || seen.has(h)) return 'malformed'
      seen.add(h)
    }
  }
  return null
}

/**
 * The files' bytes, each checked against its hash, or 'badFile' when one is not the file its hash
 * names (a checksum recomputed over a changed photo). Call on shape-checked files only.
 */
export async function checkFilesWhy(files: readonly BackupFile[] | undefined): Promise<{ hash: string; bytes: Uint8Array }[] | 'badFile'> {
  const out: { hash: string; bytes: Uint8Array }[] = []
  for (const f of files ?? []) {
    const bytes = fromBase64Url(f.data)
    if (bytes === null || (await sha256Hex(bytes)) !== f.hash) return 'badFile'
    out.push({ hash: f.hash, bytes })
  }
  return out
}
