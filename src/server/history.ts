// The compressed history download (issue 20: what a new device receives per council-year):
//   POST /history/<councilId>   authorization: Bearer <join code>   {docs: [{name, sv?}]}
//   -> 200 application/vnd.yishi.history: ONE gzip stream of records (shared/sync/historyRecords.ts),
//      each the current state of a requested document, or only what a given state vector lacks.
// A device that joins fetches ten years of meetings here instead of one WebSocket sync per
// document: the same Yjs updates, compressed (a fifth of the bytes), in a few requests.
//
// Nothing from the request but its line and headers is looked at before the code is checked: the
// body is read (bounded) only once the code opens this council, and a refusal closes the
// connection without reading it. The read rights are the WebSocket's (hooks.ts onAuthenticate):
// any valid code of the council, read-only included, and only documents of that council; a
// request naming another council's document gets the same 403 as a bad code.
//
// The server's work stays bounded: requests per address (rateLimit.ts), requests under way at
// once, documents per request and uncompressed bytes per response (documents past the limit are
// left out: the device syncs them over its WebSocket). Documents are encoded one at a time,
// yielding to the event loop between them, and compressed by zlib off the main thread, waiting
// for the socket to drain (a slow reader holds no more than a few documents in memory).
import type { IncomingMessage, ServerResponse } from 'node:http'
import { setImmediate as yieldToLoop } from 'node:timers/promises'
import { createGzip } from 'node:zlib'
import * as Y from 'yjs'
import { isIdString } from '../shared/domain/ids'
import { parseAnyDocName } from '../shared/doc/names'
import { HISTORY_CONTENT_TYPE, HISTORY_LIMITS, encodeRecord, endRecord, type HistoryRequestBody } from '../shared/sync/historyRecords'
import { HttpError, send } from './http'
import { errorText, type SyncServerLogger } from './log'
import { RateLimiter, type BucketRate } from './rateLimit'
import type { CouncilRegistry } from './registry'
import type { DocumentBackend } from './storageTypes'

export interface HistoryLimits {
  /** Requests per socket address. */
  perAddress: BucketRate
  /** Requests answered at once by this server; more get 503 (the device then syncs over its WebSocket). */
  maxConcurrent: number
  /** Uncompressed update bytes per response; the documents past it are left out. */
  maxResponseBytes: number
}

// A join asks for a council's meetings a few dozen at a time: a 10-year council is about 10 requests.
export const DEFAULT_HISTORY_LIMITS: HistoryLimits = { perAddress: { burst: 60, perSecond: 2 }, maxConcurrent: 8, maxResponseBytes: 64 * 1024 * 1024 }

export type HistoryRoutes = (req: IncomingMessage, res: ServerResponse, path: string) => Promise<void>

export interface HistoryOptions {
  registry: CouncilRegistry
  documents: DocumentBackend
  /** The document as Hocuspocus holds it now, if it is loaded (fresher than what is stored). */
  liveDoc: (name: string) => Y.Doc | undefined
  log: SyncServerLogger
  limits?: Partial<HistoryLimits>
}

const PATH = /^\/history\/([^/]+)$/

export function createHistoryRoutes(options: HistoryOptions): HistoryRoutes {
  const limits: HistoryLimits = { ...DEFAULT_HISTORY_LIMITS, ...options.limits }
  const perAddress = new RateLimiter(limits.perAddress)
  let active = 0

  return async function history(req, res, path) {
    if (req.method !== 'POST') return send(res, 405, { error: 'method-not-allowed' }, true)
    const address = req.socket.remoteAddress ?? ''
    if (!perAddress.take(address)) return send(res, 429, { error: 'rate-limited' }, true, { 'retry-after': String(perAddress.retryAfter(address)) })
    const councilId = PATH.exec(path)?.[1]
    if (!isIdString(councilId)) return send(res, 404, { error: 'not-found' }, true)
    const auth = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')
    const granted = await options.registry.authorize(councilId, auth?.[1])
    // The body is never read for a refusal: the connection closes after the answer.
    if (!granted.ok) return send(res, 403, { error: 'not-allowed' }, true)
    if (active >= limits.maxConcurrent) return send(res, 503, { error: 'busy' }, true, { 'retry-after': '2' })
    active++
    try {
      const docs = parseBody(await readBody(req), councilId)
      await answer(res, docs, options, limits.maxResponseBytes)
    } catch (e) {
      if (e instanceof HttpError) return send(res, e.status, { error: e.code }, true)
      options.log({ type: 'http-error', error: `history: ${errorText(e)}` })
      if (res.headersSent) return void res.destroy()
      return send(res, 500, { error: 'internal' })
    } finally {
      active--
    }
  }
}

interface Wanted {
  name: string
  sv: Uint8Array | null
}

/** The request's documents: each of this council, named once, with a state vector that decodes. */
function parseBody(text: string, councilId: string): Wanted[] {
  let body: HistoryRequestBody
  try {
    body = JSON.parse(text) as HistoryRequestBody
  } catch {
    throw new HttpError(400, 'invalid-json')
  }
  if (!body || !Array.isArray(body.docs) || body.docs.length === 0 || body.docs.length > HISTORY_LIMITS.maxDocs) throw new HttpError(400, 'invalid-request')
  const seen = new Set<string>()
  return body.docs.map((d) => {
    if (typeof d !== 'object' || d === null) throw new HttpError(400, 'invalid-request')
    const name = typeof d.name === 'string' ? d.name : ''
    // Another council's document: refused as a bad code is, whatever the rest asks.
    if (parseAnyDocName(name)?.councilId !== councilId) throw new HttpError(403, 'not-allowed')
    if (seen.has(name)) throw new HttpError(400, 'invalid-request')
    seen.add(name)
    if (d.sv === undefined) return { name, sv: null }
    if (typeof d.sv !== 'string' || d.sv.length > HISTORY_LIMITS.maxStateVectorChars) throw new HttpError(400, 'invalid-request')
    const sv = new Uint8Array(Buffer.from(d.sv, 'base64'))
    try {
      Y.decodeStateVector(sv)
    } catch {
      throw new HttpError(400, 'invalid-request')
    }
    return { name, sv }
  })
}

/** The body as text, at most HISTORY_LIMITS.maxBodyBytes (413 past it, without reading on). */
function readBody(req: IncomingMessage): Promise<string> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
  if (type !== 'application/json') return Promise.reject(new HttpError(415, 'unsupported-media-type'))
  if (Number(req.headers['content-length'] ?? 0) > HISTORY_LIMITS.maxBodyBytes) return Promise.reject(new HttpError(413, 'body-too-large'))
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= HISTORY_LIMITS.maxBodyBytes) return void chunks.push(chunk)
      req.pause()
      reject(new HttpError(413, 'body-too-large'))
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

/** The current state of a document (or what `sv` lacks of it); empty when the server has none. */
async function stateOf(w: Wanted, options: HistoryOptions): Promise<Uint8Array> {
  const live = options.liveDoc(w.name)
  if (live) return Y.encodeStateAsUpdate(live, w.sv ?? undefined)
  const stored = await options.documents.fetch(w.name)
  if (!stored) return new Uint8Array(0)
  return w.sv ? Y.diffUpdate(stored, w.sv) : stored
}

/** Streams the records through gzip into the response, one document at a time. */
async function answer(res: ServerResponse, docs: Wanted[], options: HistoryOptions, maxBytes: number): Promise<void> {
  res.writeHead(200, {
    'access-control-allow-origin': '*',
    'content-type': HISTORY_CONTENT_TYPE,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  })
  const gzip = createGzip()
  gzip.pipe(res)
  let closed = false
  // A reader that goes away mid-answer: no 'drain' will come, so stop waiting for one.
  const gone = new Promise<void>((resolve) => res.once('close', () => resolve(void (closed = true))))
  const write = async (chunk: Uint8Array) => {
    if (!gzip.write(chunk)) await Promise.race([new Promise<void>((resolve) => gzip.once('drain', resolve)), gone])
  }
  let sent = 0
  for (const w of docs) {
    if (closed) break
    const update = await stateOf(w, options)
    // Past the limit the rest is left out (the device syncs it over its WebSocket); one document always goes.
    if (sent > 0 && sent + update.byteLength > maxBytes) break
    sent += update.byteLength
    await write(encodeRecord(w.name, update))
    // Lets the sockets and other requests in between two documents.
    await yieldToLoop()
  }
  if (closed) return void gzip.destroy()
  gzip.end(endRecord())
  await Promise.race([gone, new Promise<void>((resolve) => res.once('finish', resolve))])
}
