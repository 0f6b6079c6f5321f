// Join codes: the format, the MAC, and everything that must not verify.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  createJoinCode,
  fromBase64Url,
  isCouncilSecret,
  newCodeId,
  newCouncilSecret,
  parseJoinCode,
  toBase64Url,
  verifyJoinCode,
} from '../../src/shared/sync/joinCode'
import { COUNCIL_ID } from './helpers'

const OTHER_COUNCIL = '5d1c2b3a-9999-4e8f-a7b6-c5d4e3f2a1b0'
const CODE_ID = '0123456789abcdef'

describe('secrets and code ids', () => {
  it('a secret is 256 random bits in base64url, a code id 64 bits in hex; both differ every time', () => {
    const secrets = new Set(Array.from({ length: 50 }, newCouncilSecret))
    expect(secrets.size).toBe(50)
    for (const s of secrets) {
      expect(s).toMatch(/^[A-Za-z0-9_-]{43}$/)
      expect(isCouncilSecret(s)).toBe(true)
      expect(fromBase64Url(s)).toHaveLength(32)
    }
    const ids = new Set(Array.from({ length: 50 }, newCodeId))
    expect(ids.size).toBe(50)
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{16}$/)
  })

  it('base64url round-trips any bytes (property), and refuses other alphabets', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes)
      }),
    )
    expect(toBase64Url(Uint8Array.from([0xfb, 0xff]))).toBe('-_8')
    expect(fromBase64Url('ab+/')).toBeNull()
    expect(fromBase64Url('abc=')).toBeNull()
    expect(fromBase64Url('a')).toBeNull()
  })

  it('isCouncilSecret refuses wrong lengths, other alphabets and non-canonical last characters', () => {
    const s = newCouncilSecret()
    expect(isCouncilSecret(s.slice(0, 42))).toBe(false)
    expect(isCouncilSecret(s + 'A')).toBe(false)
    expect(isCouncilSecret(s.slice(0, 42) + '+')).toBe(false)
    expect(isCouncilSecret(s.slice(0, 42) + 'B')).toBe(false) // low bits set: a second spelling of a key
    expect(isCouncilSecret(42)).toBe(false)
  })
})

describe('createJoinCode / parseJoinCode / verifyJoinCode', () => {
  it('round-trips: the code has the documented shape, parses to its fields and verifies', async () => {
    const secret = newCouncilSecret()
    for (const access of ['rw', 'ro'] as const) {
      const code = await createJoinCode(secret, { councilId: COUNCIL_ID, access, codeId: CODE_ID })
      expect(code).toMatch(new RegExp(`^YS1\\.${COUNCIL_ID}\\.${access}\\.${CODE_ID}\\.[A-Za-z0-9_-]{22}$`))
      const parsed = parseJoinCode(code)
      expect(parsed).toEqual({ councilId: COUNCIL_ID, access, codeId: CODE_ID, mac: code.split('.')[4] })
      expect(await verifyJoinCode(code, secret)).toBe(true)
      // Whitespace around a pasted code is ignored.
      expect(await verifyJoinCode(`  ${code}\n`, secret)).toBe(true)
    }
  })

  it('is deterministic for one secret and fields, and differs across secrets, access and code ids', async () => {
    const secret = newCouncilSecret()
    const fields = { councilId: COUNCIL_ID, access: 'rw' as const, codeId: CODE_ID }
    const a = await createJoinCode(secret, fields)
    expect(await createJoinCode(secret, fields)).toBe(a)
    expect(await createJoinCode(newCouncilSecret(), fields)).not.toBe(a)
    expect((await createJoinCode(secret, { ...fields, access: 'ro' })).split('.')[4]).not.toBe(a.split('.')[4])
    expect((await createJoinCode(secret, { ...fields, codeId: newCodeId() })).split('.')[4]).not.toBe(a.split('.')[4])
  })

  it('matches HMAC-SHA256 as computed by node:crypto (truncated to 128 bits)', async () => {
    const { createHmac } = await import('node:crypto')
    const secret = newCouncilSecret()
    const code = await createJoinCode(secret, { councilId: COUNCIL_ID, access: 'ro', codeId: CODE_ID })
    const mac = createHmac('sha256', Buffer.from(fromBase64Url(secret)!)).update(`YS1|${COUNCIL_ID}|ro|${CODE_ID}`).digest().subarray(0, 16)
    expect(code.split('.')[4]).toBe(Buffer.from(mac).toString('base64url'))
  })

  it('does not verify with a wrong secret', async () => {
    const code = await createJoinCode(newCouncilSecret(), { councilId: COUNCIL_ID, access: 'rw', codeId: CODE_ID })
    expect(await verifyJoinCode(code, newCouncilSecret())).toBe(false)
    expect(await verifyJoinCode(code, 'not a secret')).toBe(false)
  })

  it('does not verify once any part is changed: access, council, code id, or any character of the MAC', async () => {
    const secret = newCouncilSecret()
    const code = await createJoinCode(secret, { councilId: COUNCIL_ID, access: 'ro', codeId: CODE_ID })
    const [v, c, , id, mac] = code.split('.') as [string, string, string, string, string]
    expect(await verifyJoinCode([v, c, 'rw', id, mac].join('.'), secret)).toBe(false)
    expect(await verifyJoinCode([v, OTHER_COUNCIL, 'ro', id, mac].join('.'), secret)).toBe(false)
    expect(await verifyJoinCode([v, c, 'ro', 'fedcba9876543210', mac].join('.'), secret)).toBe(false)
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    for (let i = 0; i < mac.length; i++) {
      const flipped = alphabet[(alphabet.indexOf(mac[i]!) + 1) % 64]!
      const tampered = [v, c, 'ro', id, mac.slice(0, i) + flipped + mac.slice(i + 1)].join('.')
      expect(await verifyJoinCode(tampered, secret), `MAC character ${i} changed`).toBe(false)
    }
  })

  it('parses nothing malformed', async () => {
    const secret = newCouncilSecret()
    const good = await createJoinCode(secret, { councilId: COUNCIL_ID, access: 'rw', codeId: CODE_ID })
    const mac = good.split('.')[4]!
    const bad = [
      '',
      'YS1',
      good.replace('YS1', 'YS2'),
      good.replace('YS1', 'ys1'),
      `${good}.extra`,
      good.replace('.rw.', '.RW.'),
      good.replace('.rw.', '.rx.'),
      good.replace(COUNCIL_ID, 'UPPER-CASE-ID'),
      good.replace(COUNCIL_ID, 'short'),
      good.replace(COUNCIL_ID, 'a.b.c.d.e.f'),
      good.replace(CODE_ID, '0123456789ABCDEF'),
      good.replace(CODE_ID, '0123456789abcde'),
      good.replace(mac, mac.slice(0, 21)),
      good.replace(mac, mac + 'A'),
      good.replace(mac, mac.slice(0, 21) + 'B'), // non-canonical: a second spelling of the same MAC
      good.replace(mac, mac.slice(0, 21) + '='),
      good.replace('.', ' .'),
      good.replaceAll('.', ','),
      `YS1.${COUNCIL_ID}.rw.${CODE_ID}.`,
      'x'.repeat(500),
    ]
    for (const text of bad) {
      expect(parseJoinCode(text), text).toBeNull()
      expect(await verifyJoinCode(text, secret), text).toBe(false)
    }
    expect(parseJoinCode(null as unknown as string)).toBeNull()
  })

  it('refuses to create a code from malformed input', async () => {
    const secret = newCouncilSecret()
    const fields = { councilId: COUNCIL_ID, access: 'rw' as const, codeId: CODE_ID }
    await expect(createJoinCode('short', fields)).rejects.toThrow(/secret/)
    await expect(createJoinCode(secret, { ...fields, councilId: 'Bad Id' })).rejects.toThrow(/council id/)
    await expect(createJoinCode(secret, { ...fields, access: 'admin' as 'rw' })).rejects.toThrow(/access/)
    await expect(createJoinCode(secret, { ...fields, codeId: 'xyz' })).rejects.toThrow(/code id/)
  })

  it('round-trips for any council id of the allowed alphabet and both access levels (property)', async () => {
    const secret = newCouncilSecret()
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^[0-9a-z-]{8,64}$/), fc.constantFrom('rw' as const, 'ro' as const), async (councilId, access) => {
        const codeId = newCodeId()
        const code = await createJoinCode(secret, { councilId, access, codeId })
        expect(parseJoinCode(code)).toMatchObject({ councilId, access, codeId })
        expect(await verifyJoinCode(code, secret)).toBe(true)
      }),
      { numRuns: 50 },
    )
  })
})
