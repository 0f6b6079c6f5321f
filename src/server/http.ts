// The HTTP endpoints that share the sync server's port (Hocuspocus's onRequest hook):
//   GET  /health            -> 200 {ok: true}
//   POST /councils/register {councilId, secret, code?} -> 201 {ok, created, rotated} | 200 ...
//   POST /councils/revoke   {councilId, codeId, code}  -> 200 {ok: true}
//   GET  /ballot/…          the phone ballot page (staticPage.ts)
//   POST /ballot/api/…      the phone ballot endpoints (ballots.ts; contract: src/shared/phoneBallot.ts)
//   GET|HEAD|PUT /files/…   the council's attached files, by content hash (files.ts)
//   POST /history/…         the current state of a council's documents, compressed (history.ts)
// JSON in and out, a small body limit, errors as {error: code}. CORS is open: nothing here
// relies on cookies or on the caller's origin (the body carries the proof), and the web build
// of the app calls these from its own origin.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { CouncilRegistry, RegistryError } from './registry'
import { errorText, type SyncServerLogger } from './log'
import { RateLimiter, type BucketRate } from './rateLimit'

export const MAX_BODY_BYTES = 4096

const STATUS: Record<RegistryError, number> = {
  'invalid-request': 400,
  'council-registered': 409,
  'unknown-council': 404,
  'invalid-code': 403,
  'code-revoked': 403,
  'read-only-code': 403,
  conflict: 409,
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(code)
  }
}

/** The phone ballot routes, when the server has them (server.ts). */
export interface BallotRoutes {
  /** POST /ballot/api/… */
  api(req: IncomingMessage, res: ServerResponse, path: string): Promise<void>
  /** GET /ballot and /ballot/… */
  page(req: IncomingMessage, res: ServerResponse, path: string): Promise<void>
}

/** Limits of /councils/register and /councils/revoke (per socket address), and the registry's size. */
export interface CouncilLimits {
  perAddress: BucketRate
  /** Councils this server registers at most; a new one past it answers 507 `registry-full`. */
  maxCouncils: number
}

// A council registers once, then again only to rotate its secret: a handful a day per address.
export const DEFAULT_COUNCIL_LIMITS: CouncilLimits = { perAddress: { burst: 20, perSecond: 1 / 60 }, maxCouncils: 100_000 }

export function createHttpHandler(registry: CouncilRegistry, log: SyncServerLogger, ballots?: BallotRoutes, limits: CouncilLimits = DEFAULT_COUNCIL_LIMITS, files?: (req: IncomingMessage, res: ServerResponse, path: string) => Promise<void>, history?: (req: IncomingMessage, res: ServerResponse, path: string) => Promise<void>) {
  const perAddress = new RateLimiter(limits.perAddress)
  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname
      if (req.method === 'OPTIONS') return preflight(res)
      if (ballots && path.startsWith('/ballot/api/')) return await ballots.api(req, res, path)
      if (files && path.startsWith('/files/')) return await files(req, res, path)
      if (history && path.startsWith('/history/')) return await history(req, res, path)
      if (ballots && (path === '/ballot' || path.startsWith('/ballot/'))) return await ballots.page(req, res, path)
      if (path === '/health') {
        if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'method-not-allowed')
        return send(res, 200, { ok: true })
      }
      if (path === '/councils/register' || path === '/councils/revoke') {
        if (req.method !== 'POST') throw new HttpError(405, 'method-not-allowed')
        const address = req.socket.remoteAddress ?? ''
        if (!perAddress.take(address)) return send(res, 429, { error: 'rate-limited' }, false, { 'retry-after': String(perAddress.retryAfter(address)) })
        const body = await readJson(req)
        if (path === '/councils/register') {
          if (typeof body.councilId === 'string' && !registry.isRegistered(body.councilId) && registry.size >= limits.maxCouncils) {
            return send(res, 507, { error: 'registry-full' })
          }
          const r = await registry.register({ councilId: body.councilId, secret: body.secret, code: body.code })
          if (!r.ok) return send(res, STATUS[r.error], { error: r.error })
          log({ type: 'council-registered', councilId: String(body.councilId), created: r.created, rotated: r.rotated })
          return send(res, r.created ? 201 : 200, r)
        }
        const r = await registry.revokeCode(body.councilId, body.codeId, body.code)
        if (!r.ok) return send(res, STATUS[r.error], { error: r.error })
        log({ type: 'code-revoked', councilId: String(body.councilId), codeId: String(body.codeId) })
        return send(res, 200, r)
      }
      throw new HttpError(404, 'not-found')
    } catch (e) {
      if (e instanceof HttpError) return send(res, e.status, { error: e.code }, e.status === 413)
      log({ type: 'http-error', error: errorText(e) })
      return send(res, 500, { error: 'internal' })
    }
  }
}

/** A JSON object body of at most MAX_BODY_BYTES; throws HttpError (415, 413, 400). */
export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
  if (type !== 'application/json') throw new HttpError(415, 'unsupported-media-type')
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > MAX_BODY_BYTES) throw new HttpError(413, 'body-too-large')
  const text = await new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk)
      // Stop reading; the reply says `connection: close`, so Node closes the socket after it.
      req.pause()
      reject(new HttpError(413, 'body-too-large'))
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new HttpError(400, 'invalid-json')
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new HttpError(400, 'invalid-request')
  return value as Record<string, unknown>
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, HEAD, POST, PUT, OPTIONS',
  'access-control-allow-headers': 'content-type, authorization',
  'access-control-max-age': '600',
}

function preflight(res: ServerResponse): void {
  res.writeHead(204, CORS)
  res.end()
}

/** A JSON answer, with open CORS; `closeAfter` when the request body was not read to its end. */
export function send(res: ServerResponse, status: number, body: unknown, closeAfter = false, extra: Record<string, string> = {}): void {
  if (res.headersSent) return void res.end()
  const text = JSON.stringify(body)
  res.writeHead(status, {
    ...extra,
    ...CORS,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    // A body that was too large is not read to its end: the connection cannot be reused.
    ...(closeAfter ? { connection: 'close' } : {}),
  })
  res.end(text)
}
