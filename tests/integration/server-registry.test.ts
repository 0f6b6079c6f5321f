// Council registration (trust on first use), revocation, and the HTTP endpoints that expose them.
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/server/sqliteStorage'
import { CouncilRegistry } from '../../src/server/registry'
import { MAX_BODY_BYTES } from '../../src/server/http'
import type { SyncServerOptions } from '../../src/server/server'
import { newCouncilId } from '../../src/shared/domain/ids'
import { createJoinCode, newCouncilSecret, type JoinAccess } from '../../src/shared/sync/joinCode'
import { onCleanup, openTestStorage, runCleanups, startServer, tempDir, withPostgres } from './server-fixtures'

afterEach(runCleanups)

const code = (secret: string, councilId: string, access: JoinAccess = 'rw', codeId = '1111111111111111') => createJoinCode(secret, { councilId, access, codeId })

// postgres too: the registry's contract holds whichever storage keeps its rows.
describe.each(withPostgres())('storage: %s', (storage) => {
  async function registry() {
    const s = await openTestStorage(storage, tempDir())
    onCleanup(() => s.close())
    return new CouncilRegistry(s.registry)
  }
  const start = (options: Partial<SyncServerOptions> = {}) => startServer({ storage, ...options })

  describe('CouncilRegistry: trust on first use', () => {
    it('the first registration of an unknown council stores its secret; codes made from it then authorize', async () => {
      const r = await registry()
      const id = newCouncilId()
      const secret = newCouncilSecret()
      expect(r.isRegistered(id)).toBe(false)
      expect(await r.authorize(id, await code(secret, id))).toEqual({ ok: false, reason: 'unknown-council' })
      expect(await r.register({ councilId: id, secret })).toEqual({ ok: true, created: true, rotated: false })
      expect(r.isRegistered(id)).toBe(true)
      expect(await r.authorize(id, await code(secret, id, 'ro', '2222222222222222'))).toEqual({ ok: true, access: 'ro', codeId: '2222222222222222' })
    })

    it('registering a known council again needs a valid read-write code made from the stored secret', async () => {
      const r = await registry()
      const id = newCouncilId()
      const secret = newCouncilSecret()
      await r.register({ councilId: id, secret })
      const attacker = newCouncilSecret()
      expect(await r.register({ councilId: id, secret: attacker })).toEqual({ ok: false, error: 'council-registered' })
      expect(await r.register({ councilId: id, secret: attacker, code: await code(attacker, id) })).toEqual({ ok: false, error: 'invalid-code' })
      expect(await r.register({ councilId: id, secret: attacker, code: await code(secret, id, 'ro') })).toEqual({ ok: false, error: 'read-only-code' })
      expect(await r.register({ councilId: id, secret: attacker, code: await code(secret, newCouncilId()) })).toEqual({ ok: false, error: 'invalid-code' })
      // The secret is unchanged: old codes still work, the attacker's do not.
      expect((await r.authorize(id, await code(secret, id))).ok).toBe(true)
      expect(await r.authorize(id, await code(attacker, id))).toEqual({ ok: false, reason: 'invalid-code' })

      // The host re-registers with a valid code: same secret, nothing changes.
      expect(await r.register({ councilId: id, secret, code: await code(secret, id) })).toEqual({ ok: true, created: false, rotated: false })
    })

    it('a valid read-write code can rotate the secret: old codes stop working, live connections are told', async () => {
      const r = await registry()
      const id = newCouncilId()
      const secret = newCouncilSecret()
      await r.register({ councilId: id, secret })
      const changes: unknown[] = []
      r.onCodesChanged((c) => changes.push(c))
      const next = newCouncilSecret()
      expect(await r.register({ councilId: id, secret: next, code: await code(secret, id) })).toEqual({ ok: true, created: false, rotated: true })
      expect(changes).toEqual([{ councilId: id }])
      expect(await r.authorize(id, await code(secret, id))).toEqual({ ok: false, reason: 'invalid-code' })
      expect((await r.authorize(id, await code(next, id))).ok).toBe(true)
    })

    it('rotating again and again at once: the newest secret always works (a late re-read never puts an older one back)', async () => {
      const r = await registry()
      const id = newCouncilId()
      let current = newCouncilSecret()
      await r.register({ councilId: id, secret: current })
      for (let i = 0; i < 12; i++) {
        const next = newCouncilSecret()
        expect(await r.register({ councilId: id, secret: next, code: await code(current, id) })).toMatchObject({ ok: true, rotated: true })
        current = next
        expect((await r.authorize(id, await code(current, id))).ok).toBe(true)
      }
      // The notices of those writes arrive later: still the newest secret.
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect((await r.authorize(id, await code(current, id))).ok).toBe(true)
    })

    it('a revoked read-write code can neither register again nor revoke', async () => {
      const r = await registry()
      const id = newCouncilId()
      const secret = newCouncilSecret()
      await r.register({ councilId: id, secret })
      expect(await r.revokeCode(id, '1111111111111111', await code(secret, id, 'rw', '3333333333333333'))).toEqual({ ok: true })
      const revoked = await code(secret, id)
      expect(await r.register({ councilId: id, secret: newCouncilSecret(), code: revoked })).toEqual({ ok: false, error: 'code-revoked' })
      expect(await r.revokeCode(id, '3333333333333333', revoked)).toEqual({ ok: false, error: 'code-revoked' })
    })

    it('two first registrations racing for one council: exactly one secret wins', async () => {
      const r = await registry()
      const id = newCouncilId()
      const [s1, s2] = [newCouncilSecret(), newCouncilSecret()]
      const results = await Promise.all([r.register({ councilId: id, secret: s1 }), r.register({ councilId: id, secret: s2 })])
      expect(results.filter((x) => x.ok)).toHaveLength(1)
      const winner = results[0]!.ok ? s1 : s2
      expect((await r.authorize(id, await code(winner, id))).ok).toBe(true)
      expect((await r.authorize(id, await code(winner === s1 ? s2 : s1, id))).ok).toBe(false)
    })

    it('refuses malformed input', async () => {
      const r = await registry()
      const secret = newCouncilSecret()
      expect(await r.register({ councilId: 'Not An Id', secret })).toEqual({ ok: false, error: 'invalid-request' })
      expect(await r.register({ councilId: newCouncilId(), secret: 'short' })).toEqual({ ok: false, error: 'invalid-request' })
      expect(await r.register({ councilId: newCouncilId(), secret, code: 42 })).toEqual({ ok: false, error: 'invalid-request' })
      expect(await r.revokeCode(newCouncilId(), 'not-hex', 'x')).toEqual({ ok: false, error: 'invalid-request' })
      expect(await r.revokeCode(newCouncilId(), '1111111111111111', 'x')).toEqual({ ok: false, error: 'unknown-council' })
    })
  })

  describe('CouncilRegistry: revoking codes', () => {
    it('needs a valid read-write code of that council; a revoked code no longer authorizes, others still do', async () => {
      const r = await registry()
      const id = newCouncilId()
      const secret = newCouncilSecret()
      await r.register({ councilId: id, secret })
      const victim = await code(secret, id, 'ro', 'aaaaaaaaaaaaaaaa')
      expect(await r.revokeCode(id, 'aaaaaaaaaaaaaaaa', await code(secret, id, 'ro'))).toEqual({ ok: false, error: 'read-only-code' })
      expect(await r.revokeCode(id, 'aaaaaaaaaaaaaaaa', await code(newCouncilSecret(), id))).toEqual({ ok: false, error: 'invalid-code' })
      expect((await r.authorize(id, victim)).ok).toBe(true)

      const changes: unknown[] = []
      r.onCodesChanged((c) => changes.push(c))
      expect(await r.revokeCode(id, 'aaaaaaaaaaaaaaaa', await code(secret, id))).toEqual({ ok: true })
      expect(await r.revokeCode(id, 'aaaaaaaaaaaaaaaa', await code(secret, id))).toEqual({ ok: true }) // idempotent
      expect(changes).toEqual([
        { councilId: id, codeId: 'aaaaaaaaaaaaaaaa' },
        { councilId: id, codeId: 'aaaaaaaaaaaaaaaa' },
      ])
      expect(r.isRevoked(id, 'aaaaaaaaaaaaaaaa')).toBe(true)
      expect(await r.authorize(id, victim)).toEqual({ ok: false, reason: 'code-revoked' })
      expect((await r.authorize(id, await code(secret, id, 'ro', 'bbbbbbbbbbbbbbbb'))).ok).toBe(true)
    })

    it('survives a restart: councils, rotated secrets and revocations are on disk', async () => {
      const dir = tempDir()
      const id = newCouncilId()
      const other = newCouncilId()
      const secret = newCouncilSecret()
      const next = newCouncilSecret()
      const s1 = await openTestStorage(storage, dir)
      const r1 = new CouncilRegistry(s1.registry)
      await r1.register({ councilId: id, secret })
      await r1.register({ councilId: other, secret })
      await r1.revokeCode(id, 'cccccccccccccccc', await code(secret, id))
      expect(await r1.register({ councilId: other, secret: next, code: await code(secret, other) })).toMatchObject({ rotated: true })
      await s1.close()
      const s2 = await openTestStorage(storage, dir)
      onCleanup(() => s2.close())
      const r2 = new CouncilRegistry(s2.registry)
      expect(r2.isRegistered(id)).toBe(true)
      expect(r2.isRevoked(id, 'cccccccccccccccc')).toBe(true)
      expect(r2.isRevoked(id, '1111111111111111')).toBe(false)
      expect((await r2.authorize(other, await code(next, other))).ok).toBe(true)
      expect(await r2.authorize(other, await code(secret, other))).toEqual({ ok: false, reason: 'invalid-code' })
      // TOFU still holds after the restart: the stored secret is the one that counts.
      expect(await r2.register({ councilId: id, secret: newCouncilSecret() })).toEqual({ ok: false, error: 'council-registered' })
    })
  })

  describe('HTTP endpoints', () => {
    const post = (url: string, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
      fetch(url, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) })

    it('GET /health answers {ok: true}', async () => {
      const s = await start()
      const res = await fetch(`${s.httpUrl}/health`)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toMatch(/^application\/json/)
      expect(await res.json()).toEqual({ ok: true })
    })

    it('POST /councils/register: 201 the first time, 409 without a code, 200 with a valid one, 403 with a bad one', async () => {
      const s = await start()
      const councilId = newCouncilId()
      const secret = newCouncilSecret()
      let res = await post(`${s.httpUrl}/councils/register`, { councilId, secret })
      expect([res.status, await res.json()]).toEqual([201, { ok: true, created: true, rotated: false }])
      res = await post(`${s.httpUrl}/councils/register`, { councilId, secret: newCouncilSecret() })
      expect([res.status, await res.json()]).toEqual([409, { error: 'council-registered' }])
      res = await post(`${s.httpUrl}/councils/register`, { councilId, secret, code: await code(secret, councilId) })
      expect([res.status, await res.json()]).toEqual([200, { ok: true, created: false, rotated: false }])
      res = await post(`${s.httpUrl}/councils/register`, { councilId, secret, code: await code(newCouncilSecret(), councilId) })
      expect([res.status, await res.json()]).toEqual([403, { error: 'invalid-code' }])
      expect(s.events).toContainEqual({ type: 'council-registered', councilId, created: true, rotated: false })
    })

    it('POST /councils/revoke: 200 with a read-write code, 403 with a read-only one, 404 for an unknown council', async () => {
      const s = await start()
      const councilId = newCouncilId()
      const secret = newCouncilSecret()
      await s.registry.register({ councilId, secret })
      let res = await post(`${s.httpUrl}/councils/revoke`, { councilId, codeId: 'dddddddddddddddd', code: await code(secret, councilId, 'ro') })
      expect([res.status, await res.json()]).toEqual([403, { error: 'read-only-code' }])
      res = await post(`${s.httpUrl}/councils/revoke`, { councilId, codeId: 'dddddddddddddddd', code: await code(secret, councilId) })
      expect([res.status, await res.json()]).toEqual([200, { ok: true }])
      expect(s.registry.isRevoked(councilId, 'dddddddddddddddd')).toBe(true)
      res = await post(`${s.httpUrl}/councils/revoke`, { councilId: newCouncilId(), codeId: 'dddddddddddddddd', code: 'x' })
      expect([res.status, await res.json()]).toEqual([404, { error: 'unknown-council' }])
    })

    it('answers every mistake with a JSON {error} and a fitting status, and keeps serving', async () => {
      const s = await start()
      const cases: [Promise<Response>, number, string][] = [
        [post(`${s.httpUrl}/councils/register`, '{not json'), 400, 'invalid-json'],
        [post(`${s.httpUrl}/councils/register`, '[1,2]'), 400, 'invalid-request'],
        [post(`${s.httpUrl}/councils/register`, { councilId: 1 }), 400, 'invalid-request'],
        [post(`${s.httpUrl}/councils/register`, 'councilId=x', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'unsupported-media-type'],
        [post(`${s.httpUrl}/councils/register`, JSON.stringify({ pad: 'x'.repeat(MAX_BODY_BYTES) })), 413, 'body-too-large'],
        [fetch(`${s.httpUrl}/councils/register`), 405, 'method-not-allowed'],
        [post(`${s.httpUrl}/health`, {}), 405, 'method-not-allowed'],
        [fetch(`${s.httpUrl}/`), 404, 'not-found'],
        [fetch(`${s.httpUrl}/councils`), 404, 'not-found'],
      ]
      for (const [pending, status, error] of cases) {
        const res = await pending
        expect([res.status, await res.json()]).toEqual([status, { error }])
      }
      // A body streamed without a length is cut off at the limit too.
      const stream = new ReadableStream({
        start(c) {
          for (let i = 0; i < 10; i++) c.enqueue(new TextEncoder().encode('x'.repeat(1000)))
          c.close()
        },
      })
      const res = await fetch(`${s.httpUrl}/councils/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit)
      expect(res.status).toBe(413)
      expect((await fetch(`${s.httpUrl}/health`)).status).toBe(200)
    })

    it('answers CORS preflights, so the web build can register from its own origin', async () => {
      const s = await start()
      const res = await fetch(`${s.httpUrl}/councils/register`, {
        method: 'OPTIONS',
        headers: { origin: 'http://127.0.0.1:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      })
      expect(res.status).toBe(204)
      expect(res.headers.get('access-control-allow-origin')).toBe('*')
      // content-type for the JSON endpoints; authorization carries the join code of the files endpoint.
      expect(res.headers.get('access-control-allow-headers')).toBe('content-type, authorization')
    })
  })
})

describe('SQLite storage', () => {
  it('opens its file in WAL mode', async () => {
    const db = await openDatabase(tempDir())
    onCleanup(() => db.close())
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
  })
})
