// Seal, verify, tamper, bundle and amend: every change to the content, hash, signature or key is
// caught with its reason; a damaged bundle is an error value, never an exception.
import { describe, expect, it } from 'vitest'
import { createBundle, decodeBundle, encodeBundle, verifyBundle } from '../../src/shared/minutes/bundle'
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

  it('accepts only the canonical spelling of the signature and key (the unused bits of their last character)', async () => {
    for (const field of ['signature', 'publicKey'] as const) {
      for (const c of B64) {
        if (sealed[field].endsWith(c)) continue
        const t = { ...clone(sealed), [field]: sealed[field].slice(0, -1) + c }
        expect((await verifySealed(t)).ok, `${field} ending ${c}`).toBe(false)
      }
    }
  })

  it('reports malformed and unsupported content without throwing', async () => {
    expect(await verifySealed(null)).toEqual({ ok: false, reason: 'malformed' })
    expect(await verifySealed({ ...clone(sealed), extra: 1 })).toEqual({ ok: false, reason: 'malformed' })
    expect(await verifySealed({ ...clone(sealed), algorithm: 'RSA' })).toEqual({ ok: false, reason: 'unsupported' })
    expect(await verifySealed({ ...clone(sealed), record: { ...clone(sealed).record, schema: 'yishi.minutes/2' } })).toEqual({ ok: false, reason: 'unsupported' })
  })
})

// The bundle's own tests (annex, tampering, truncation) are in minutes-bundle.test.ts; these keep
// the sealed minutes' side: they travel in a bundle unchanged and still verify on their own.
const bundle = await createBundle(sealed, { corrections: [], notice: null, objections: [], submittedAt: at(60 * 24 * 8) }, key)
const text = encodeBundle(bundle)

describe('bundles', () => {
  it('round-trips and the sealed minutes still verify', async () => {
    const d = decodeBundle(text)
    expect(d.ok).toBe(true)
    if (!d.ok) return
    expect(d.bundle.sealed).toEqual(sealed)
    expect(await verifySealed(d.bundle.sealed)).toEqual({ ok: true })
    expect(await verifyBundle(d.bundle)).toEqual({ ok: true, sameKey: true })
  })

  it('tells the errors apart', () => {
    expect(decodeBundle('hello')).toEqual({ ok: false, error: 'notJson' })
    expect(decodeBundle('[1]')).toEqual({ ok: false, error: 'wrongFormat' })
    expect(decodeBundle(JSON.stringify({ ...bundle, format: 'other/1' }))).toEqual({ ok: false, error: 'wrongFormat' })
    expect(decodeBundle(JSON.stringify({ ...bundle, sealed: { ...sealed, hash: 'x' } }))).toEqual({ ok: false, error: 'malformed' })
    expect(decodeBundle(JSON.stringify({ format: 'yishi.bundle/1', sealed }))).toEqual({ ok: false, error: 'malformed' })
    expect(decodeBundle(text.slice(0, text.length >> 1))).toEqual({ ok: false, error: 'truncated' })
  })

  it('a changed word of the minutes in a bundle is caught as hashMismatch', async () => {
    const i = text.indexOf('担心噪音')
    const d = decodeBundle(text.slice(0, i) + '支持' + text.slice(i + 2))
    expect(d.ok && (await verifyBundle(d.bundle))).toEqual({ ok: false, reason: 'hashMismatch' })
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
