// File names for what the user saves, made safe for every OS: main applies it to the name the
// renderer suggests (after the IPC validator has refused folders and control characters), and
// the browser build to its downloads. It removes what Windows forbids or hides, caps the length
// in bytes and makes the name end in the kind's extension.
import { FILE_EXTENSIONS, type SaveFileKind } from './ipc'
import { utf8 } from './minutes/webCrypto'

/**
 * 255 bytes is the limit of a name on ext4, APFS and NTFS (in UTF-16 units there, which a
 * UTF-8 byte count over-estimates); a little is kept back for editors' and sync clients'
 * temporary copies ("~$name", "name.tmp").
 */
export const FILE_NAME_MAX_BYTES = 240

/** The name used when nothing usable is left of the suggestion. */
export const FALLBACK_NAME = 'yishi'

// Windows refuses these as a name's first part, whatever follows the first dot ("nul.txt"),
// and with trailing spaces; COM and LPT also take the superscript digits ¹²³.
const WINDOWS_RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(\s*\..*)?$/iu
// Forbidden by Windows (and ':' by macOS Finder), and controls (a download name gets no validator).
// eslint-disable-next-line no-control-regex -- control characters are what is removed
const FORBIDDEN = /[<>:"|?*\\/\u0000-\u001f\u007f]/gu

const byteLength = (text: string): number => utf8(text).length

/** Cuts `text` to at most `max` UTF-8 bytes, never inside a character. */
function truncateBytes(text: string, max: number): string {
  if (byteLength(text) <= max) return text
  let out = ''
  let bytes = 0
  for (const char of text) {
    const size = byteLength(char)
    if (bytes + size > max) break
    out += char
    bytes += size
  }
  return out
}

/** What Explorer would trim or hide: leading dots, trailing dots and spaces, surrounding blanks. */
function tidy(name: string): string {
  return name.trim().replace(/^\.+/u, '').replace(/[. ]+$/u, '').trim()
}

/** The kind's extension when `name` ends with it (any case), else null. */
function existingExtension(name: string, extension: string): string | null {
  return name.toLowerCase().endsWith(extension) && name.length > extension.length ? name.slice(-extension.length) : null
}

/**
 * A safe file name for `kind`: "清风社区居民议事会-2025-03-01-会议纪要" → "….pdf". Keeps the
 * extension's case when the suggestion already has it ("minutes.PDF"); adds it otherwise.
 */
export function safeFileName(suggested: string, kind: SaveFileKind): string {
  const extension = FILE_EXTENSIONS[kind]
  let stem = tidy(suggested.normalize('NFC').replace(FORBIDDEN, '_'))
  const kept = existingExtension(stem, extension)
  if (kept !== null) stem = tidy(stem.slice(0, -extension.length))
  if (WINDOWS_RESERVED.test(stem)) stem = `_${stem}`
  stem = tidy(truncateBytes(stem, FILE_NAME_MAX_BYTES - byteLength(extension)))
  if (stem === '') stem = FALLBACK_NAME
  return `${stem}${kept ?? extension}`
}

/** The last part of the kind's extension, as dialog filters take it ("yishi.json" → "json"). */
export function filterExtension(kind: SaveFileKind): string {
  return FILE_EXTENSIONS[kind].split('.').pop() ?? ''
}
