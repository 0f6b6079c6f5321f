// The council keys a passphrase backup carries (src/shared/backup/sealedKeys.ts): they open with
// the passphrase and only with it; a changed, cut or hostile sealed value is refused with a clear
// reason and opens to nothing; the backup file's shape accepts them, and a backup without them
// (every older backup) still decodes.
import { describe, expect, it } from 'vitest'
import { checkKeys, isSealedKeys, openKeys, passphraseLongEnough, sealKeys, type CouncilKey, type SealedKeys } from '../../src/shared/backup/sealedKeys'
import { checkContentShape } from '../../src/shared/backup/shape'
import { fromBase64Url, newCouncilSecret, toBase64Url } from '../../src/shared/sync/joinCode'
import { COUNCIL_ID } from './helpers'

// The lowest count opening accepts: the tests seal many times on a shared 2-core machine.
const FAST = 100_000
const PASS = '锦江议事会2026春'

const keys = (): CouncilKey[] => [
  {
    councilId: COUNCIL_ID,
    secret: newCouncilSecret(),
    serverUrl: 'wss://yishi.example.org',
    issued: [
      { codeId: '0123456789abcdef', access: 'rw', label: '记录人的电脑', issuedAt: '2026-04-01T10:00:00.000Z', revokedAt: null },
      { codeId: 'fedcba9876543210', access: 'ro', label: '街道办', issuedAt: '2026-04-02T10:00:00.000Z', revokedAt: '2026-05-01T10:00:00.000Z' },
    ],
  },
]

/** The same sealed value with one byte of `field` changed (or cut to `length` bytes). */
function altered(sealed: SealedKeys, field: 'data' | 'iv' | 'salt', change: (b: Uint8Array) => Uint8Array): SealedKeys {
  return { ...sealed, [field]: toBase64Url(change(fromBase64Url(sealed[field])!)) }
}

describe('sealed council keys', () => {
  it('open with their passphrase to exactly what was sealed, and nothing of them is readable in the file', async () => {
    const k = keys()
    const sealed = await sealKeys(k, PASS, FAST)
    expect(isSealedKeys(sealed)).toBe(true)
    expect(JSON.stringify(sealed)).not.toContain(k[0]!.secret)
    expect(JSON.stringify(sealed)).not.toContain('街道办')
    expect(await openKeys(sealed, PASS)).toEqual({ ok: true, keys: k })
    // Fresh salt and iv each time: two backups of the same keys share nothing.
    const again = await sealKeys(k, PASS, FAST)
    expect(again.salt).not.toBe(sealed.salt)
    expect(again.data).not.toBe(sealed.data)
  })

  it('seal with 600,000 PBKDF2 iterations by default', async () => {
    const sealed = await sealKeys(keys(), PASS)
    expect(sealed.iterations).toBe(600_000)
    expect(sealed.kdf).toBe('PBKDF2-SHA-256')
  })

  it('a wrong passphrase opens nothing; the same text in another Unicode form opens', async () => {
    const sealed = await sealKeys(keys(), 'Café du conseil', FAST)
    expect(await openKeys(sealed, 'Cafe du conseil')).toEqual({ ok: false, error: 'wrongPassphrase' })
    expect(await openKeys(sealed, '')).toEqual({ ok: false, error: 'wrongPassphrase' })
    // "é" typed as e + combining accent (as macOS may give it) is the same passphrase.
    expect((await openKeys(sealed, 'Cafe\u0301 du conseil')).ok).toBe(true)
  })

  it('changed or cut data, iv or salt is refused with a reason, never half opened', async () => {
    const sealed = await sealKeys(keys(), PASS, FAST)
    const flip = (b: Uint8Array) => {
      const c = b.slice()
      c[5] = c[5]! ^ 1
      return c
    }
    for (const field of ['data', 'iv', 'salt'] as const) {
      expect(await openKeys(altered(sealed, field, flip), PASS)).toEqual({ ok: false, error: 'wrongPassphrase' })
    }
    // The tag is the last 16 bytes: a cut anywhere fails authentication…
    expect(await openKeys(altered(sealed, 'data', (b) => b.subarray(0, b.length - 1)), PASS)).toEqual({ ok: false, error: 'wrongPassphrase' })
    expect(await openKeys(altered(sealed, 'data', (b) => b.subarray(0, 40)), PASS)).toEqual({ ok: false, error: 'wrongPassphrase' })
    // …and one that leaves no room for a tag, or an iv or salt of the wrong length, is not sealed keys at all.
    expect(await openKeys(altered(sealed, 'data', (b) => b.subarray(0, 16)), PASS)).toEqual({ ok: false, error: 'malformed' })
    expect(await openKeys(altered(sealed, 'iv', (b) => b.subarray(0, 8)), PASS)).toEqual({ ok: false, error: 'malformed' })
    expect(await openKeys(altered(sealed, 'salt', (b) => b.subarray(0, 15)), PASS)).toEqual({ ok: false, error: 'malformed' })
  })

  it('a hostile sealed value is refused before any work: iterations out of bounds, other algorithms, extra keys', async () => {
    const sealed = await sealKeys(keys(), PASS, FAST)
    for (const bad of [
      { ...sealed, iterations: 1 },
      { ...sealed, iterations: 1e9 },
      { ...sealed, iterations: 150_000.5 },
      { ...sealed, kdf: 'scrypt' },
      { ...sealed, extra: 1 },
      { ...sealed, data: `${sealed.data}=` },
      null,
      'keys',
    ]) {
      expect(isSealedKeys(bad)).toBe(false)
      expect(await openKeys(bad, PASS)).toEqual({ ok: false, error: 'malformed' })
    }
  })

  it('sealing refuses a short passphrase and keys that would not open again', async () => {
    expect(passphraseLongEnough('1234567')).toBe(false)
    expect(passphraseLongEnough('议事会口令八个字符')).toBe(true)
    await expect(sealKeys(keys(), '1234567', FAST)).rejects.toThrow(/too short/)
    const bad = keys()
    bad[0]!.secret = 'not-a-secret'
    expect(checkKeys(bad)).toBe(false)
    await expect(sealKeys(bad, PASS, FAST)).rejects.toThrow(/malformed/)
    expect(checkKeys(keys())).toBe(true)
    const twice = keys()
    expect(checkKeys([twice[0]!, twice[0]!])).toBe(false)
  })

  it('a backup content may carry sealed keys, or none (older backups); anything else there is malformed', async () => {
    const base = { createdAt: '2026-04-01T10:00:00.000Z', appVersion: '0.1.0', councils: [], docs: [], local: { settings: [] } }
    expect(checkContentShape(base)).toBeNull()
    expect(checkContentShape({ ...base, keys: await sealKeys(keys(), PASS, FAST) })).toBeNull()
    expect(checkContentShape({ ...base, keys: { kdf: 'PBKDF2-SHA-256' } })).toBe('malformed')
    expect(checkContentShape({ ...base, keys: null })).toBe('malformed')
  })
})
