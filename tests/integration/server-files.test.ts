// The council's attached files on the real sync server (port 0): stored by content hash under
// <data>/files/<council>/<hash> (0600), uploaded with a read-write join code, read with any valid
// code; a wrong hash, an oversize file, a read-only code and a stranger are refused.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { MAX_FILE_BYTES } from '../../src/shared/files/fileRef'
import { newCouncil, runCleanups, startServer, type TestServer } from './server-fixtures'

afterEach(runCleanups)

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')
const photo = new TextEncoder().encode('JPEG bytes of a broken street lamp '.repeat(100))

async function put(s: TestServer, councilId: string, hash: string, body: Uint8Array | ReadableStream<Uint8Array>, code?: string) {
  const init: RequestInit & { duplex?: 'half' } = { method: 'PUT', body: body as BodyInit, headers: code ? { authorization: `Bearer ${code}` } : {} }
  if (body instanceof ReadableStream) init.duplex = 'half'
  const res = await fetch(`${s.httpUrl}/files/${councilId}/${hash}`, init)
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}
async function get(s: TestServer, councilId: string, hash: string, code?: string, method = 'GET') {
  const res = await fetch(`${s.httpUrl}/files/${councilId}/${hash}`, { method, headers: code ? { authorization: `Bearer ${code}` } : {} })
  return { status: res.status, bytes: new Uint8Array(await res.arrayBuffer()), type: res.headers.get('content-type') }
}

describe('attached files on the council server', () => {
  it('a read-write code uploads by hash (once), any valid code reads it back, stored 0600 under the council', async () => {
    const s = await startServer({ storage: 'files' })
    const c = await newCouncil(s)
    const rw = await c.code('rw')
    const ro = await c.code('ro')
    const hash = sha(photo)
    expect(await put(s, c.councilId, hash, photo, rw)).toEqual({ status: 201, body: { ok: true, stored: true } })
    expect(await put(s, c.councilId, hash, photo, rw)).toEqual({ status: 200, body: { ok: true, stored: false } })
    const back = await get(s, c.councilId, hash, ro)
    expect(back.status).toBe(200)
    expect(back.type).toBe('application/octet-stream')
    expect(sha(back.bytes)).toBe(hash)
    expect((await get(s, c.councilId, hash, ro, 'HEAD')).status).toBe(200)
    expect((await get(s, c.councilId, 'f'.repeat(64), ro, 'HEAD')).status).toBe(404)
    const stored = join(s.dataDir, 'files', c.councilId, hash)
    expect(statSync(stored).mode & 0o777).toBe(0o600)
    expect(statSync(join(s.dataDir, 'files', c.councilId)).mode & 0o777).toBe(0o700)
    // No temporary file is left beside it.
    expect(readdirSync(join(s.dataDir, 'files', c.councilId))).toEqual([hash])
  })

  it('a read-only code reads but never writes', async () => {
    const s = await startServer({ storage: 'files' })
    const c = await newCouncil(s)
    expect(await put(s, c.councilId, sha(photo), photo, await c.code('ro'))).toEqual({ status: 403, body: { error: 'read-only-code' } })
    expect(existsSync(join(s.dataDir, 'files', c.councilId, sha(photo)))).toBe(false)
  })

  it('bytes that do not match their hash are refused and not kept', async () => {
    const s = await startServer({ storage: 'files' })
    const c = await newCouncil(s)
    const wrong = sha(new TextEncoder().encode('something else'))
    expect(await put(s, c.councilId, wrong, photo, await c.code('rw'))).toEqual({ status: 400, body: { error: 'hash-mismatch' } })
    expect(readdirSync(join(s.dataDir, 'files', c.councilId))).toEqual([])
  })

  it('a file over the cap is refused, whether its length is declared or it just keeps coming', async () => {
    const s = await startServer({ storage: 'files' })
    const c = await newCouncil(s)
    const rw = await c.code('rw')
    const big = new Uint8Array(MAX_FILE_BYTES + 1)
    expect(await put(s, c.councilId, sha(big), big, rw)).toEqual({ status: 413, body: { error: 'file-too-large' } })
    // Chunked, no length: cut off once past the cap.
    let sent = 0
    const chunk = new Uint8Array(1024 * 1024)
    const stream = new ReadableStream<Uint8Array>({
      pull(ctl) {
        if (sent > MAX_FILE_BYTES + chunk.length) return ctl.close()
        sent += chunk.length
        ctl.enqueue(chunk)
      },
    })
    const r = await put(s, c.councilId, 'a'.repeat(64), stream, rw)
    expect(r).toEqual({ status: 413, body: { error: 'file-too-large' } })
    expect(readdirSync(join(s.dataDir, 'files', c.councilId))).toEqual([])
  }, 30_000)

  it('no code, another council’s code, an unknown council and a revoked code all answer alike', async () => {
    const s = await startServer({ storage: 'files' })
    const c = await newCouncil(s)
    const other = await newCouncil(s)
    const hash = sha(photo)
    expect((await put(s, c.councilId, hash, photo, await c.code('rw'))).status).toBe(201)
    const refused = { status: 403, body: { error: 'not-allowed' } }
    expect(await put(s, c.councilId, hash, photo)).toEqual(refused)
    expect(await put(s, c.councilId, hash, photo, await other.code('rw'))).toEqual(refused)
    const stranger = await newCouncil()
    expect(await put(s, stranger.councilId, hash, photo, await stranger.code('rw'))).toEqual(refused)
    expect((await get(s, c.councilId, hash, await other.code('ro'))).status).toBe(403)
    expect((await get(s, c.councilId, hash)).status).toBe(403)
    const codeId = '0123456789abcdef'
    const revoked = await c.code('ro', codeId)
    expect((await get(s, c.councilId, hash, revoked)).status).toBe(200)
    const r = await s.registry.revokeCode(c.councilId, codeId, await c.code('rw'))
    expect(r.ok).toBe(true)
    expect((await get(s, c.councilId, hash, revoked)).status).toBe(403)
    // Not a hash, not a council id: not found, before any code is looked at.
    expect((await get(s, c.councilId, 'not-a-hash', await c.code('ro'))).status).toBe(404)
  })

  it('is rate limited per address like the other endpoints', async () => {
    const s = await startServer({ storage: 'files' })
    const c = await newCouncil(s)
    const ro = await c.code('ro')
    const statuses: number[] = []
    for (let i = 0; i < 220; i++) statuses.push((await get(s, c.councilId, 'e'.repeat(64), ro, 'HEAD')).status)
    expect(statuses.slice(0, 200).every((x) => x === 404)).toBe(true)
    expect(statuses.at(-1)).toBe(429)
  }, 30_000)
})
