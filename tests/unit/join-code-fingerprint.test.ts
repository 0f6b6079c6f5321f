// Join codes carrying a hosting laptop's certificate fingerprint (issue 15): an optional sixth
// part, outside the MAC; codes without it, including every code made before, parse and verify.
import { describe, expect, it } from 'vitest'
import { createJoinCode, isCertFingerprint, newCodeId, newCouncilSecret, parseJoinCode, toBase64Url, verifyJoinCode } from '../../src/shared/sync/joinCode'
import { parseInvite } from '../../src/renderer/sync/address'

const COUNCIL = 'c0ffee00-0000-4000-8000-000000000000'
/** A SHA-256 as join codes spell it. */
const fingerprint = (seed: number) => toBase64Url(Uint8Array.from({ length: 32 }, (_, i) => (i * 31 + seed) & 255))

// Made by the previous version of joinCode.ts (commit before d9da4bb), kept as it was handed out.
const OLD_SECRET = 'pSDbyYseXydoHphAGQzfvuR9yFa8jPFlaJu4zTLwd1w'
const OLD_CODE = 'YS1.c0ffee00-0000-4000-8000-000000000000.rw.0123456789abcdef.8PUlpw-LeEyoHATiGU5S3A'

describe('join codes with a certificate fingerprint', () => {
  it('round-trip: the fingerprint comes back, the code verifies, and one without it is the five-part code', async () => {
    const secret = newCouncilSecret()
    const codeId = newCodeId()
    const fp = fingerprint(7)
    const pinned = await createJoinCode(secret, { councilId: COUNCIL, access: 'ro', codeId, fingerprint: fp })
    const plain = await createJoinCode(secret, { councilId: COUNCIL, access: 'ro', codeId })
    expect(pinned.split('.')).toHaveLength(6)
    expect(plain.split('.')).toHaveLength(5)
    expect(parseJoinCode(pinned)).toEqual({ ...parseJoinCode(plain), fingerprint: fp })
    expect(parseJoinCode(plain)).not.toHaveProperty('fingerprint')
    expect(await verifyJoinCode(pinned, secret)).toBe(true)
    expect(await verifyJoinCode(plain, secret)).toBe(true)
    expect(await verifyJoinCode(pinned, newCouncilSecret())).toBe(false)
    // Typeable and QR-friendly: one alphabet, well under the length limit, found whole in an invitation.
    expect(pinned).toMatch(/^[A-Za-z0-9._-]+$/)
    expect(pinned.length).toBeLessThan(200)
    expect(parseInvite(`服务器：wss://192.168.1.20:4455\n加入码：${pinned}。`)).toEqual({ serverUrl: 'wss://192.168.1.20:4455', code: pinned })
  })

  it('the MAC does not cover the fingerprint: the server checks the same authority with or without it', async () => {
    const secret = newCouncilSecret()
    const fields = { councilId: COUNCIL, access: 'rw' as const, codeId: newCodeId() }
    const a = await createJoinCode(secret, { ...fields, fingerprint: fingerprint(1) })
    const b = await createJoinCode(secret, { ...fields, fingerprint: fingerprint(2) })
    expect(parseJoinCode(a)!.mac).toBe(parseJoinCode(b)!.mac)
    // Whoever could change it on the paper could change the address beside it: the pin rests on
    // the hand-over, and the server (which alone can check a MAC) is what it authenticates.
    expect(await verifyJoinCode(b, secret)).toBe(true)
    // Changing any covered field still fails.
    expect(await verifyJoinCode(a.replace('.rw.', '.ro.'), secret)).toBe(false)
  })

  it('old codes (without a fingerprint) still parse and verify', async () => {
    expect(parseJoinCode(OLD_CODE)).toEqual({ councilId: COUNCIL, access: 'rw', codeId: '0123456789abcdef', mac: '8PUlpw-LeEyoHATiGU5S3A' })
    expect(await verifyJoinCode(OLD_CODE, OLD_SECRET)).toBe(true)
    expect(await verifyJoinCode(`${OLD_CODE}.${fingerprint(3)}`, OLD_SECRET)).toBe(true)
  })

  it('refuses a malformed fingerprint when reading, and will not make a code with one', async () => {
    const fp = fingerprint(9)
    for (const bad of [fp.slice(0, 42), `${fp}A`, `${fp.slice(0, 42)}B`, `${fp.slice(0, 20)}+${fp.slice(21)}`, '']) {
      expect(isCertFingerprint(bad)).toBe(false)
      expect(parseJoinCode(`${OLD_CODE}.${bad}`)).toBeNull()
      await expect(createJoinCode(OLD_SECRET, { councilId: COUNCIL, access: 'rw', codeId: '0123456789abcdef', fingerprint: bad })).rejects.toThrow(/fingerprint/)
    }
    expect(parseJoinCode(`${OLD_CODE}.${fp}.${fp}`)).toBeNull()
    expect(isCertFingerprint(fp)).toBe(true)
  })
})
