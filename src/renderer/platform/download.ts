// Saving a file through the browser's download: the web build's way.
import { safeFileName } from '../../shared/fileNames'
import type { SaveFileRequest } from './types'

export async function downloadFile({ suggestedName, kind, data, mime }: SaveFileRequest): Promise<{ saved: boolean }> {
  const blob = new Blob([typeof data === 'string' ? data : new Uint8Array(data)], { type: mime })
  const url = URL.createObjectURL(blob)
  try {
    const a = document.createElement('a')
    a.href = url
    a.download = safeFileName(suggestedName, kind)
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
