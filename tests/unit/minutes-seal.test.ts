// Seal, verify, tamper, bundle and amend: every change to the content, hash, signature or key is
// caught with its reason; a damaged bundle is an error value, never an exception.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeBundle, encodeBundle } from '../../src/shared/minutes/bundle'
import { assembleMeetingRecord } from '../../src/shared/minutes/model'
import { amendSealed, exportPublicKey, generateDeviceKey, SealError, sealMinutes, verifySealed, type SealedMinutes } from '../../src/shared/minutes/seal'
import { council, closedMeeting } from './minutes-fixture'
import { at } from './session-helpers'

const SIGS = [
  { role: 'recorder' as const, name: '成员2', signedAt: at(41) },
  { role: 'chair' as const, name: '李主任', signedAt: at(40) },
]
const record = assembleMeetingRecord(closedMeeting().doc, council())
const key = await generateDeviceKey()
const sealed = await sealMinutes(record, SIGS, key)
const clone = (s: SealedMinutes): SealedMinutes => JSON.parse(JSON.stringify(s)) as SealedMinutes
/** Replaces the character at `i` by another of the same alphabet. */
const flip = (s: string, i: number, alphabet: string): string => s.slice(0, i) + alphabet[(alphabet.indexOf(s[i]!) + 1) % alphabet.length]! + s.slice(i + 1)
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

describe('sealMinutes / verifySealed', () => {
  it('seals with a non-extractable device key, and verifies', async () => {
    expect(key.privateKey.extractable).toBe(false)
    expect(sealed.publicKey).toBe(await exportPublicKey(key))
    expect(sealed.signatures.map((s) => s.role)).toEqual(['chair', 'recorder'])
    expect(await verifySealed(sealed)).toEqual({ ok: true })
    expect(await verifySealed(clone(sealed))).toEqual({ ok: true })
  })

  it('refuses to seal without both signatures', async () => {
    await expect(sealMinutes(record, SIGS.slice(0, 1), key)).rejects.toBeInstanceOf(SealError)
    await expect(sealMinutes(record, [{ ...SIGS[0]!, signedAt: 'yesterday' }, SIGS[1]!], key)).rejects.toThrow('signatureInvalid')
  })

  it('catches a changed byte of the content as hashMismatch', async () => {
    const t = clone(sealed)
    t.record.agenda[0]!.motions[0]!.votes[0]!.result!.counts.for += 1
    expect(await verifySealed(t)).toEqual({ ok: false, reason: 'hashMismatch' })
    const u = clone(sealed)
    u.record.meeting.title = u.record.meeting.title.replace('三', '四')
    expect(await verifySealed(u)).toEqual({ ok: false, reason: 'hashMismatch' })
    const w = clone(sealed)
    w.signatures = w.signatures.slice(0, 1) // a removed signature
    expect(await verifySealed(w)).toEqual({ ok: false, reason: 'hashMismatch' })
  })

  it('catches a flipped hash, a flipped signature and a foreign key', async () => {
    const h = clone(sealed)
    h.hash = flip(h.hash, 10, '0123456789abcdef')
    expect(await verifySealed(h)).toEqual({ ok: false, reason: 'hashMismatch' })
    const s = clone(sealed)
    s.signature = flip(s.signature, 5, B64)
    expect(await verifySealed(s)).toEqual({ ok: false, reason: 'badSignature' })
    const k = clone(sealed)
    k.publicKey = await exportPublicKey(await generateDeviceKey())
    expect(await verifySealed(k)).toEqual({ ok: false, reason: 'badSignature' })
  })

  it('reports malformed and unsupported content without throwing', async () => {
    expect(await verifySealed(null)).toEqual({ ok: false, reason: 'malformed' })
    expect(await verifySealed({ ...clone(sealed), extra: 1 })).toEqual({ ok: false, reason: 'malformed' })
    expect(await verifySealed({ ...clone(sealed), algorithm: 'RSA' })).toEqual({ ok: false, reason: 'unsupported' })
    expect(await verifySealed({ ...clone(sealed), record: { ...clone(sealed).record, schema: 'yishi.minutes/2' } })).toEqual({ ok: false, reason: 'unsupported' })
  })
})

describe('bundles', () => {
  const text = encodeBundle(sealed)

  it('round-trips and still verifies', async () => {
    const d = decodeBundle(text)
    expect(d.ok).toBe(true)
    if (d.ok) expect(await verifySealed(d.sealed)).toEqual({ ok: true })
  })

  it('reads a truncated file as truncated, never throwing', () => {
    for (const n of [1, 10, text.length >> 1, text.length - 1]) {
      const d = decodeBundle(text.slice(0, n))
      expect(d.ok).toBe(false)
      if (!d.ok) expect(['truncated', 'notJson']).toContain(d.error)
    }
    expect(decodeBundle(text.slice(0, text.length >> 1))).toEqual({ ok: false, error: 'truncated' })
  })

  it('tells the other errors apart', () => {
    expect(decodeBundle('hello')).toEqual({ ok: false, error: 'notJson' })
    expect(decodeBundle('[1]')).toEqual({ ok: false, error: 'wrongFormat' })
    expect(decodeBundle(JSON.stringify({ format: 'other/1', sealed }))).toEqual({ ok: false, error: 'wrongFormat' })
    expect(decodeBundle(JSON.stringify({ format: 'yishi.bundle/1', sealed: { ...sealed, hash: 'x' } }))).toEqual({ ok: false, error: 'malformed' })
    expect(decodeBundle(' '.repeat(16 * 1024 * 1024 + 1))).toEqual({ ok: false, error: 'tooLarge' })
  })

  it('a flipped byte in a bundle is caught by the decoder or the verifier', async () => {
    const i = text.indexOf('担心噪音')
    const tampered = text.slice(0, i) + '支持' + text.slice(i + 2)
    const d = decodeBundle(tampered)
    expect(d.ok && (await verifySealed(d.sealed))).toEqual({ ok: false, reason: 'hashMismatch' })
  })

  it('never throws on arbitrary strings, nor on mutations of a real bundle', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const d = decodeBundle(s)
        expect(typeof d.ok).toBe('boolean')
      }),
      { numRuns: 500 },
    )
    fc.assert(
      fc.property(fc.nat(text.length - 1), fc.string({ maxLength: 3 }), (i, s) => {
        expect(() => decodeBundle(text.slice(0, i) + s + text.slice(i + 1))).not.toThrow()
      }),
      { numRuns: 300 },
    )
  })
})

describe('amendSealed', () => {
  it('refers to the sealed hash and leaves the sealed minutes unchanged', () => {
    const before = JSON.stringify(sealed)
    const a = amendSealed(sealed, { text: '更正：反对票为0', at: at(60), by: '成员2' })
    expect(a).toEqual({ schema: 'yishi.minutes-amendment/1', amends: sealed.hash, text: '更正：反对票为0', at: at(60), by: '成员2' })
    expect(JSON.stringify(sealed)).toBe(before)
    expect(() => amendSealed(sealed, { text: ' ', at: at(60), by: '成员2' })).toThrow(SealError)
  })
})
