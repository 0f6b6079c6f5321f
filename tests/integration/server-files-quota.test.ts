// Each council's quota of attached files on the real sync server (port 0): uploads below it are
// stored, the one that would pass it is refused (507 quota-exceeded) with nothing stored, whether
// its length was declared or not; the same bytes again still succeed without being counted; two
// uploads at once that together pass it leave exactly one stored; files already in the folder when
// the server starts count; the --file-quota flag and YISHI_FILE_QUOTA set it.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parseCli } from '../../src/server/cliArgs'
import { DEFAULT_FILE_QUOTA_BYTES } from '../../src/server/files'
import { newCouncil, runCleanups, startServer, type TestServer } from './server-fixtures'

afterEach(runCleanups)

const QUOTA = 10_000
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')
/** A scan of `size` bytes, different for each `n`. */
const scan = (n: number, size = 4_000) => new Uint8Array(size).map((_, i) => (i * 7 + n * 13) % 251)

async function put(s: TestServer, councilId: string, body: Uint8Array, code: string, chunked = false) {
  const init: RequestInit & { duplex?: 'half' } = { method: 'PUT', headers: { authorization: `Bearer ${code}` } }
  if (chunked) {
    // A stream: no content-length, so the server learns the size only once it has the bytes.
    init.body = new ReadableStream<Uint8Array>({
      start(ctl) {
        ctl.enqueue(body)
        ctl.close()
      },
    }) as BodyInit
    init.duplex = 'half'
  } else init.body = body as BodyInit
  const res = await fetch(`${s.httpUrl}/files/${councilId}/${sha(body)}`, init)
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

const filesOf = (s: TestServer, councilId: string) => (existsSync(join(s.dataDir, 'files', councilId)) ? readdirSync(join(s.dataDir, 'files', councilId)).sort() : [])
const FULL = { status: 507, body: { error: 'quota-exceeded' } }

describe('the quota of attached files per council', () => {
  for (const storage of ['files', 'sqlite'] as const) {
    it(`(${storage}) accepts below it, refuses the upload that would pass it with nothing stored, takes the same bytes again`, async () => {
      const s = await startServer({ storage, fileLimits: { quotaBytes: QUOTA } })
      const c = await newCouncil(s)
      const other = await newCouncil(s)
      const rw = await c.code('rw')
      expect(await put(s, c.councilId, scan(1), rw)).toEqual({ status: 201, body: { ok: true, stored: true } })
      expect(await put(s, c.councilId, scan(2), rw)).toEqual({ status: 201, body: { ok: true, stored: true } })
      // 8,000 held: 4,000 more would pass 10,000, declared or streamed.
      expect(await put(s, c.councilId, scan(3), rw)).toEqual(FULL)
      expect(await put(s, c.councilId, scan(3), rw, true)).toEqual(FULL)
      expect(filesOf(s, c.councilId)).toEqual([sha(scan(1)), sha(scan(2))].sort())
      // The same bytes again: already there, not counted twice, so the council is not fuller.
      expect(await put(s, c.councilId, scan(1), rw)).toEqual({ status: 200, body: { ok: true, stored: false } })
      expect(await put(s, c.councilId, scan(9, 2_000), rw)).toEqual({ status: 201, body: { ok: true, stored: true } })
      expect(await put(s, c.councilId, scan(10, 1), rw)).toEqual(FULL)
      // Another council has its own quota.
      expect((await put(s, other.councilId, scan(3), await other.code('rw'))).status).toBe(201)
    })
  }

  it('two uploads at once that together pass it: exactly one is stored', async () => {
    const s = await startServer({ storage: 'files', fileLimits: { quotaBytes: QUOTA } })
    const c = await newCouncil(s)
    const rw = await c.code('rw')
    const declared = await Promise.all([put(s, c.councilId, scan(1, 6_000), rw), put(s, c.councilId, scan(2, 6_000), rw)])
    expect(declared.map((r) => r.status).sort()).toEqual([201, 507])
    expect(filesOf(s, c.councilId)).toHaveLength(1)
    // Streamed (no declared length): counted once received, still only one of two fits.
    const d = await newCouncil(s)
    const rwD = await d.code('rw')
    const streamed = await Promise.all([put(s, d.councilId, scan(3, 6_000), rwD, true), put(s, d.councilId, scan(4, 6_000), rwD, true)])
    expect(streamed.map((r) => r.status).sort()).toEqual([201, 507])
    expect(filesOf(s, d.councilId)).toHaveLength(1)
  })

  it('counts the files already in the council’s folder when the server starts', async () => {
    const first = await startServer({ storage: 'files', fileLimits: { quotaBytes: QUOTA } })
    const c = await newCouncil(first)
    const rw = await c.code('rw')
    expect((await put(first, c.councilId, scan(1, 7_000), rw)).status).toBe(201)
    await first.close()
    const again = await startServer({ storage: 'files', dataDir: first.dataDir, fileLimits: { quotaBytes: QUOTA } })
    expect(await put(again, c.councilId, scan(2, 4_000), rw)).toEqual(FULL)
    expect((await put(again, c.councilId, scan(3, 3_000), rw)).status).toBe(201)
    expect(filesOf(again, c.councilId)).toEqual([sha(scan(1, 7_000)), sha(scan(3, 3_000))].sort())
  })

  it('is set by --file-quota or YISHI_FILE_QUOTA, 2 GiB otherwise', () => {
    expect(DEFAULT_FILE_QUOTA_BYTES).toBe(2 * 1024 ** 3)
    expect(parseCli([], {}).fileLimits).toBeUndefined()
    expect(parseCli(['--file-quota', '500M'], {}).fileLimits).toEqual({ quotaBytes: 500 * 1024 ** 2 })
    expect(parseCli([], { YISHI_FILE_QUOTA: '5GiB' }).fileLimits).toEqual({ quotaBytes: 5 * 1024 ** 3 })
    expect(parseCli(['--file-quota', '1048576'], { YISHI_FILE_QUOTA: '5G' }).fileLimits).toEqual({ quotaBytes: 1048576 })
    expect(() => parseCli(['--file-quota', 'lots'], {})).toThrow(/--file-quota/)
    expect(() => parseCli(['--file-quota', '0'], {})).toThrow(/--file-quota/)
  })
})
