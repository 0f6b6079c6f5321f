// Asks the council server for the current state of some of a council's documents in one
// compressed answer (server/history.ts; the records: shared/sync/historyRecords.ts). Null when it
// cannot (an older server without the endpoint, a refusal, the network, a timeout, a damaged
// answer): the caller then syncs those documents over the WebSocket, as before.
import { HISTORY_CONTENT_TYPE, HISTORY_LIMITS, decodeRecords, type HistoryRequestBody } from '../../shared/sync/historyRecords'
import { httpBaseOf } from './address'
import { concat } from '../../shared/backup/gzip'
import { toBase64Url } from '../../shared/encoding/base64url'

const TIMEOUT_MS = 60_000

export interface HistoryServer {
  /** The council server's ws:// or wss:// address (as its sync settings hold it). */
  serverUrl: string
  councilId: string
  /** The join code this device presents (read-only ones may read). */
  code: string
}

export type Fetch = typeof fetch

/**
 * The updates the server sent, by document name (only names asked for, only non-empty updates:
 * a document the server lacks is simply absent). `stateVectors`: what this device has of some of
 * them, so that only the rest is sent.
 */
export async function downloadHistory(s: HistoryServer, names: readonly string[], stateVectors: ReadonlyMap<string, Uint8Array> = new Map(), fetchFn: Fetch = fetch): Promise<Map<string, Uint8Array> | null> {
  const body: HistoryRequestBody = { docs: names.map((name) => (stateVectors.has(name) ? { name, sv: toBase64Url(stateVectors.get(name)!) } : { name })) }
  const abort = new AbortController()
  const timer = setTimeout(() => abort.abort(), TIMEOUT_MS)
  try {
    const res = await fetchFn(`${httpBaseOf(s.serverUrl)}/history/${encodeURIComponent(s.councilId)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.code}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: abort.signal,
    })
    // An older server answers 404 (JSON); a proxy may answer anything: only our answer is read.
    if (!res.ok || !res.body || (res.headers.get('content-type') ?? '').split(';')[0]!.trim() !== HISTORY_CONTENT_TYPE) {
      await res.body?.cancel().catch(() => {})
      return null
    }
    const bytes = await inflate(res.body, abort)
    const wanted = new Set(names)
    const out = new Map<string, Uint8Array>()
    // An answer cut short still gives its whole records; the rest sync over the WebSocket.
    for (const r of decodeRecords(bytes).records) if (wanted.has(r.name) && r.update.byteLength > 0) out.set(r.name, r.update)
    return out
  } catch {
    return null
  } finally {
    clearTimeout(timer)
  }
}

/**
 * The gzip body decompressed, up to HISTORY_LIMITS.maxAnswerBytes (past it the download is
 * aborted and nothing kept). A stream that breaks off keeps what came before the break.
 */
async function inflate(body: ReadableStream<Uint8Array>, abort: AbortController): Promise<Uint8Array> {
  const reader = body.pipeThrough(new DecompressionStream('gzip') as ReadableWritablePair<Uint8Array, Uint8Array>).getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > HISTORY_LIMITS.maxAnswerBytes) {
        abort.abort()
        throw new Error('history answer too large')
      }
      chunks.push(value)
    }
  } catch (e) {
    if (size > HISTORY_LIMITS.maxAnswerBytes) throw e
    // Cut short (the connection dropped): the whole records received so far are kept.
  }
  return concat(chunks, size)
}
