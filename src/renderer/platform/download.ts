// Saving a file through the browser's download: the web build's way.
import type { SaveFileRequest } from './types'

const refused = (c: string): boolean => {
  const code = c.codePointAt(0) ?? 0
  return code < 0x20 || code === 0x7f || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069) || '\\/:*?"<>|'.includes(c)
}

/** Removes what file systems refuse (and path separators, bidi controls), keeps Chinese, caps the length. */
export function safeFileName(name: string): string {
  const cleaned = [...name]
    .map((c) => (refused(c) ? '_' : c))
    .join('')
    .replace(/^[.\s]+/, '')
    .trim()
  return (cleaned || 'yishi').slice(0, 120)
}

export async function downloadFile({ suggestedName, data, mime }: SaveFileRequest): Promise<{ saved: boolean }> {
  const blob = new Blob([typeof data === 'string' ? data : new Uint8Array(data)], { type: mime })
  const url = URL.createObjectURL(blob)
  try {
    const a = document.createElement('a')
    a.href = url
    a.download = safeFileName(suggestedName)
    a.rel = 'noopener'
    document.body.append(a)
    a.click()
    a.remove()
  } finally {
    // Give the download a moment to start before the URL goes away.
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }
  return { saved: true }
}
