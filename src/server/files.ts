// The council's attached files over HTTP (photos, scans, vouchers: shared/files/fileRef.ts):
//   PUT  /files/<councilId>/<sha256>   the bytes; a read-write join code (authorization: Bearer <code>)
//   GET  /files/<councilId>/<sha256>   the bytes; any valid code of the council (read-only included)
//   HEAD /files/<councilId>/<sha256>   whether the server has it (a device uploads only what is missing)
// Files are content-addressed: the name IS the SHA-256 of the bytes, checked on upload, so a file
// can never be replaced by other bytes, an upload is idempotent and a download can be verified.
// Stored at <data>/files/<councilId>/<hash> (folders 0700, files 0600), written to a temporary
// file and renamed, so a crash never leaves half a file under a hash.
// Each council may hold at most `quotaBytes` of files (fileQuota.ts, default 2 GiB): an upload
// that would pass it is refused with 507 quota-exceeded and nothing is stored.
//
// Anyone without a valid code of this council gets the same 403 whatever the reason (unknown
// council, wrong council, bad or revoked code), so the endpoint tells a stranger nothing.
import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { chmod, mkdir, rename, stat, unlink } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join } from 'node:path'
import { isIdString } from '../shared/domain/ids'
import { isSha256Hex, MAX_FILE_BYTES } from '../shared/files/fileRef'
import { send } from './http'
import { FileQuota, type Reservation } from './fileQuota'
import { errorText, type SyncServerLogger } from './log'
import { RateLimiter, type BucketRate } from './rateLimit'
import type { CouncilRegistry } from './registry'

export interface FileLimits {
  /** Largest file accepted (bytes). */
  maxBytes: number
  /** Requests per socket address (uploads and downloads together). */
  perAddress: BucketRate
  /** Bytes of files one council may hold (fileQuota.ts); Infinity for none. */
  quotaBytes: number
}

/** A year of an active council's photos and scans (README, Attached files): 2 GiB. */
export const DEFAULT_FILE_QUOTA_BYTES = 2 * 1024 ** 3

// A secretary uploads a dozen photos at once; a second laptop fetches a year's files on first sync.
export const DEFAULT_FILE_LIMITS: FileLimits = { maxBytes: MAX_FILE_BYTES, perAddress: { burst: 200, perSecond: 5 }, quotaBytes: DEFAULT_FILE_QUOTA_BYTES }

export type FileRoutes = (req: IncomingMessage, res: ServerResponse, path: string) => Promise<void>

const PATH = /^\/files\/([^/]+)\/([^/]+)$/

export function createFileRoutes(options: { dataDir: string; registry: CouncilRegistry; log: SyncServerLogger; limits?: Partial<FileLimits> }): FileRoutes {
  const limits: FileLimits = { ...DEFAULT_FILE_LIMITS, ...options.limits }
  const perAddress = new RateLimiter(limits.perAddress)
  const root = join(options.dataDir, 'files')
  if (!(limits.quotaBytes > 0)) throw new Error('the file quota must be positive')
  const quota = new FileQuota(root, limits.quotaBytes)

  return async function files(req, res, path) {
    const method = req.method ?? 'GET'
    if (method !== 'GET' && method !== 'HEAD' && method !== 'PUT') return send(res, 405, { error: 'method-not-allowed' }, method !== 'OPTIONS')
    const address = req.socket.remoteAddress ?? ''
    if (!perAddress.take(address)) return send(res, 429, { error: 'rate-limited' }, method === 'PUT', { 'retry-after': String(perAddress.retryAfter(address)) })
    const m = PATH.exec(path)
    const councilId = m?.[1]
    const hash = m?.[2]
    if (!isIdString(councilId) || !isSha256Hex(hash)) return send(res, 404, { error: 'not-found' }, method === 'PUT')
    const auth = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')
    const granted = await options.registry.authorize(councilId, auth?.[1])
    if (!granted.ok) return send(res, 403, { error: 'not-allowed' }, method === 'PUT')

    if (method !== 'PUT') {
      const file = join(root, councilId, hash)
      const size = await stat(file).then(
        (s) => (s.isFile() ? s.size : null),
        () => null,
      )
      if (size === null) return send(res, 404, { error: 'not-found' })
      res.writeHead(200, {
        'access-control-allow-origin': '*',
        'content-type': 'application/octet-stream',
        'content-length': size,
        // The address names the content: it never changes, but it is private to the council.
        'cache-control': 'private, max-age=31536000, immutable',
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; sandbox",
      })
      if (method === 'HEAD') return void res.end()
      const stream = createReadStream(file)
      stream.on('error', () => res.destroy())
      return void stream.pipe(res)
    }

    if (granted.access !== 'rw') return send(res, 403, { error: 'read-only-code' }, true)
    return putFile(req, res, { root, councilId, hash, limits, quota, log: options.log })
  }
}

interface PutContext {
  root: string
  councilId: string
  hash: string
  limits: FileLimits
  quota: FileQuota
  log: SyncServerLogger
}

/**
 * Stores an upload under its hash. The council's quota is checked before a byte is read when the
 * length is declared, else once the bytes are in (still in a temporary file); a hash already here
 * succeeds without being counted again, even on a full council.
 */
async function putFile(req: IncomingMessage, res: ServerResponse, c: PutContext): Promise<void> {
  const header = req.headers['content-length']
  const declared = header === undefined ? null : Number(header)
  if (declared !== null && declared > c.limits.maxBytes) return send(res, 413, { error: 'file-too-large' }, true)
  const folder = join(c.root, c.councilId)
  const file = join(folder, c.hash)
  const exists = await stat(file).then(
    (s) => s.isFile(),
    () => false,
  )
  // Already here (the same bytes, by their hash): nothing to read, write or count.
  if (exists) return send(res, 200, { ok: true, stored: false }, true)
  let reservation: Reservation | null = null
  if (declared !== null && Number.isFinite(declared)) {
    reservation = await c.quota.reserve(c.councilId, declared)
    if (!reservation) return send(res, 507, { error: 'quota-exceeded' }, true)
  }
  try {
    await mkdir(folder, { recursive: true, mode: 0o700 })
    await chmod(c.root, 0o700)
    await chmod(folder, 0o700)
    const temp = join(folder, `.upload-${randomBytes(8).toString('hex')}`)
    const result = await receive(req, temp, c.limits.maxBytes)
    if (result.error) {
      await unlink(temp).catch(() => {})
      if (result.error === 'too-large') return send(res, 413, { error: 'file-too-large' }, true)
      if (result.error === 'io') {
        c.log({ type: 'http-error', error: `file upload: ${result.detail}` })
        return send(res, 500, { error: 'internal' }, true)
      }
      return send(res, 400, { error: 'incomplete' }, true)
    }
    if (result.size === 0 || result.hash !== c.hash) {
      await unlink(temp).catch(() => {})
      return send(res, 400, { error: result.size === 0 ? 'empty-file' : 'hash-mismatch' })
    }
    reservation ??= await c.quota.reserve(c.councilId, result.size)
    if (!reservation) {
      await unlink(temp).catch(() => {})
      return send(res, 507, { error: 'quota-exceeded' })
    }
    await chmod(temp, 0o600)
    // Same bytes under the same name: renaming over a twin that just landed changes nothing.
    await rename(temp, file)
    const counted = reservation.commit(c.hash, result.size)
    return send(res, counted ? 201 : 200, { ok: true, stored: counted })
  } finally {
    reservation?.release()
  }
}

type Received = { error: null; hash: string; size: number } | { error: 'too-large' | 'aborted' | 'io'; detail?: string }

/** Streams the body to `temp`, hashing it, stopping (without reading on) past `maxBytes`. */
function receive(req: IncomingMessage, temp: string, maxBytes: number): Promise<Received> {
  return new Promise((resolve) => {
    const sha = createHash('sha256')
    const out = createWriteStream(temp, { mode: 0o600, flags: 'wx' })
    let size = 0
    let done = false
    const finish = (r: Received) => {
      if (done) return
      done = true
      if (r.error) {
        req.unpipe(out)
        req.pause()
        out.destroy()
        // The temp file is unlinked by the caller once the stream has let go of it.
        out.once('close', () => resolve(r))
        if (out.closed) resolve(r)
      } else resolve(r)
    }
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBytes) return finish({ error: 'too-large' })
      sha.update(chunk)
    })
    req.on('close', () => {
      if (!req.complete) finish({ error: 'aborted' })
    })
    out.on('error', (e) => finish({ error: 'io', detail: errorText(e) }))
    out.on('finish', () => finish({ error: null, hash: sha.digest('hex'), size }))
    req.pipe(out)
  })
}
