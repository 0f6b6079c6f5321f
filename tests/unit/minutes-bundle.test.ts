// The submission bundle: sealed minutes plus an annex signed at export. Every tampering is caught
// with its reason (a flipped byte anywhere, reordered entries, a removed signature, a foreign key,
// a cut file, an altered annex, a correction of other minutes); a damaged file is an error value.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { annexBytes, BundleError, createBundle, decodeBundle, encodeBundle, verifyBundle, type Annex, type Bundle } from '../../src/shared/minutes/bundle'
import { exportPublicKey, generateDeviceKey, sealMinutes, verifySealed } from '../../src/shared/minutes/seal'
import { toBase64Url } from '../../src/shared/sync/joinCode'
import { decodeText } from '../../src/shared/runtime'
import { sha256Hex, signEd25519, utf8, type KeyPairLike } from '../../src/shared/minutes/webCrypto'
import { annexFor, baseRecord, bundleOf, clone, SIGS, theKey } from './minutes-bundle-fixture'

const key = await theKey()
const other = await generateDeviceKey()
const record = baseRecord()
const bundle = await bundleOf(record)
const text = encodeBundle(bundle)
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/** 'ok', or the decode error, or the verification's reason. */
async function outcome(t: string): Promise<string> {
  const d = decodeBundle(t)
  if (!d.ok) return d.error
  const v = await verifyBundle(d.bundle)
  return v.ok ? 'ok' : v.reason
}
const verdict = async (b: Bundle): Promise<string> => outcome(encodeBundle(b))

/** Signs an annex over `sealedHash` with `key`, as createBundle would without its checks. */
async function signAnnex(sealedHash: string, annex: Annex, signer: KeyPairLike, publicKey?: string) {
  const bytes = annexBytes(sealedHash, annex)
  return { hash: await sha256Hex(bytes), signature: toBase64Url(await signEd25519(signer.privateKey, bytes)), publicKey: publicKey ?? (await exportPublicKey(signer)) }
}

/** JSON with every object's keys in reverse code-unit order (and indented): the same content, other bytes. */
function reversedKeys(v: unknown, indent = ''): string {
  if (Array.isArray(v)) return `[${v.map((x) => reversedKeys(x, indent)).join(', ')}]`
  if (v === null || typeof v !== 'object') return JSON.stringify(v)
  const keys = Object.keys(v).sort().reverse()
  return `{\n${keys.map((k) => `${indent}  ${JSON.stringify(k)}: ${reversedKeys((v as Record<string, unknown>)[k], `${indent}  `)}`).join(',\n')}\n${indent}}`
}

describe('createBundle / verifyBundle', () => {
  it('round-trips: the decoded bundle is the one exported, verifies, and says the same key sealed and exported', async () => {
    const d = decodeBundle(text)
    expect(d.ok).toBe(true)
    if (!d.ok) return
    expect(d.bundle).toEqual(bundle)
    expect(encodeBundle(d.bundle)).toBe(text)
    expect(await verifyBundle(d.bundle)).toEqual({ ok: true, sameKey: true })
    expect(await verifySealed(d.bundle.sealed)).toEqual({ ok: true })
    expect(bundle.annexSeal.hash).toBe(await sha256Hex(annexBytes(bundle.sealed.hash, bundle.annex)))
    expect(bundle.annexSeal.publicKey).toBe(bundle.sealed.publicKey)
  })

  it('reports another exporting key as sameKey false (two laptops of one council)', async () => {
    const sealed = await sealMinutes(record, SIGS, key)
    const b = await createBundle(sealed, annexFor(sealed), other)
    expect(await verifyBundle(b)).toEqual({ ok: true, sameKey: false })
    expect(await outcome(encodeBundle(b))).toBe('ok')
  })

  it('keeps only the annex fields, in their documented order, and copies the input', async () => {
    const sealed = await sealMinutes(record, SIGS, key)
    const base = annexFor(sealed)
    const late = { ...base.corrections[0]!, text: '更正二', at: '2025-03-12T02:00:00.000Z', id: 'stored-correction-id' }
    const annex = { ...base, corrections: [late, base.corrections[0]!], objections: [{ ...base.objections[0]!, id: 'obj-2', receivedOn: '2025-03-14' }, base.objections[0]!] }
    const b = await createBundle(sealed, annex as Annex, key)
    expect(b.annex.corrections.map((c) => c.text)).toEqual([base.corrections[0]!.text, '更正二'])
    expect(Object.keys(b.annex.corrections[1]!).sort()).toEqual(['amends', 'at', 'by', 'schema', 'text'])
    expect(b.annex.objections.map((o) => o.id)).toEqual(['obj-1', 'obj-2'])
    annex.objections[0]!.content = 'changed afterwards'
    expect(await verifyBundle(b)).toEqual({ ok: true, sameKey: true })
  })

  it('refuses to bundle minutes that do not verify, an ill-formed annex, or a correction of other minutes', async () => {
    const sealed = await sealMinutes(record, SIGS, key)
    const tampered = clone(sealed)
    tampered.record.narrative = '改过'
    await expect(createBundle(tampered, annexFor(sealed), key)).rejects.toMatchObject({ code: 'sealedInvalid' })
    await expect(createBundle(sealed, annexFor(sealed, { submittedAt: 'yesterday' }), key)).rejects.toMatchObject({ code: 'annexInvalid' })
    const notice = { place: '公示栏', startDate: '2025-02-30', endDate: '2025-03-17', postedAt: '2025-03-11T01:00:00.000Z' }
    await expect(createBundle(sealed, annexFor(sealed, { notice }), key)).rejects.toBeInstanceOf(BundleError)
    await expect(createBundle(sealed, { ...annexFor(sealed), objections: null } as unknown as Annex, key)).rejects.toMatchObject({ code: 'annexInvalid' })
    const foreign = { ...annexFor(sealed).corrections[0]!, amends: 'f'.repeat(64) }
    await expect(createBundle(sealed, annexFor(sealed, { corrections: [foreign] }), key)).rejects.toMatchObject({ code: 'correctionMismatch' })
  })
})

describe('tampering', () => {
  it('catches one flipped byte anywhere in the file: every position fails to decode or to verify', async () => {
    const bytes = utf8(text)
    const seen = new Set<string>()
    for (let i = 0; i < bytes.length; i++) {
      const t = bytes.slice()
      t[i] = t[i]! ^ (1 << (i % 7))
      const o = await outcome(decodeText(t, 'utf-8'))
      seen.add(o)
      if (o === 'ok') expect.fail(`byte ${i} flipped still verifies`)
    }
    // The flips land in every part of the file: the sealed content, the seal, the annex and its seal.
    for (const reason of ['notJson', 'wrongFormat', 'malformed', 'hashMismatch', 'badSignature', 'annexHashMismatch', 'annexBadSignature']) expect(seen).toContain(reason)
  }, 60_000)

  it('catches random byte changes too (fast-check)', async () => {
    const bytes = utf8(text)
    await fc.assert(
      fc.asyncProperty(fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 255 }), async (i, mask) => {
        const t = bytes.slice()
        t[i] = t[i]! ^ mask
        expect(await outcome(decodeText(t, 'utf-8'))).not.toBe('ok')
      }),
      { numRuns: 500 },
    )
  })

  it('refuses every other spelling of the last character of a signature or key (their unused bits)', async () => {
    for (const field of ['sealed.signature', 'sealed.publicKey', 'annexSeal.signature', 'annexSeal.publicKey'] as const) {
      const [part, name] = field.split('.') as ['sealed' | 'annexSeal', 'signature' | 'publicKey']
      for (const c of B64) {
        const t = clone(bundle)
        const value = t[part][name]
        if (value.endsWith(c)) continue
        t[part][name] = value.slice(0, -1) + c
        expect(await verdict(t), `${field} ending ${c}`).not.toBe('ok')
      }
    }
  })

  it('catches reordered entries (two agenda items or two signatures swapped) and an objection slipped into the annex', async () => {
    const items = clone(bundle)
    items.sealed.record.agenda.reverse()
    expect(await verdict(items)).toBe('hashMismatch')
    const sigs = clone(bundle)
    sigs.sealed.signatures.reverse()
    expect(await verdict(sigs)).toBe('hashMismatch')
    const objections = clone(bundle)
    objections.annex.objections.push({ ...objections.annex.objections[0]!, id: 'obj-0' })
    expect(await verdict(objections)).toBe('annexHashMismatch')
  })

  it('still verifies with the object keys reordered and the file indented: the seal is over the canonical form', async () => {
    const t = reversedKeys(JSON.parse(text))
    expect(t).not.toBe(text)
    expect(t.startsWith('{\n  "sealed": {\n    "signatures"')).toBe(true)
    expect(await outcome(t)).toBe('ok')
  })

  it('catches a removed signature', async () => {
    const t = clone(bundle)
    t.sealed.signatures = t.sealed.signatures.filter((s) => s.role !== 'recorder')
    expect(await verdict(t)).toBe('hashMismatch')
  })

  it('catches a foreign key: re-signed by another key, or another public key swapped in', async () => {
    const resigned = clone(bundle)
    const sealedByOther = await sealMinutes(record, SIGS, other)
    resigned.sealed.signature = sealedByOther.signature // the content is the same, the key is not
    expect(resigned.sealed.hash).toBe(sealedByOther.hash)
    expect(await verdict(resigned)).toBe('badSignature')
    const swapped = clone(bundle)
    swapped.sealed.publicKey = await exportPublicKey(other)
    expect(await verdict(swapped)).toBe('badSignature')

    const annexResigned = clone(bundle)
    annexResigned.annexSeal = await signAnnex(bundle.sealed.hash, bundle.annex, other, bundle.annexSeal.publicKey)
    expect(await verdict(annexResigned)).toBe('annexBadSignature')
    const annexSwapped = clone(bundle)
    annexSwapped.annexSeal.publicKey = await exportPublicKey(other)
    expect(await verdict(annexSwapped)).toBe('annexBadSignature')
  })

  it('reads every prefix of the file as truncated, notJson or malformed, never ok and never throwing', async () => {
    const errors = new Set<string>()
    for (let n = 0; n < text.length; n++) {
      const d = decodeBundle(text.slice(0, n))
      expect(d.ok).toBe(false)
      if (!d.ok) errors.add(d.error)
    }
    expect([...errors].every((e) => ['truncated', 'notJson', 'malformed'].includes(e))).toBe(true)
    expect(decodeBundle(text.slice(0, text.length >> 1))).toEqual({ ok: false, error: 'truncated' })
  })

  it('catches an altered annex: notice dates moved, submission time changed, objection handling rewritten', async () => {
    const moved = clone(bundle)
    moved.annex.notice!.startDate = '2025-03-04'
    moved.annex.notice!.endDate = '2025-03-10'
    expect(await verdict(moved)).toBe('annexHashMismatch')
    const later = clone(bundle)
    later.annex.submittedAt = '2025-03-25T02:00:00.000Z'
    expect(await verdict(later)).toBe('annexHashMismatch')
    const handled = clone(bundle)
    handled.annex.objections[0]!.handling = '未处理'
    expect(await verdict(handled)).toBe('annexHashMismatch')
    const dropped = clone(bundle)
    dropped.annex.corrections = []
    expect(await verdict(dropped)).toBe('annexHashMismatch')
  })

  it('catches an annex moved onto other minutes: its seal names the sealed hash', async () => {
    const otherRecord = clone(record)
    otherRecord.narrative = '另一次会议'
    const otherBundle = await bundleOf(otherRecord)
    const moved: Bundle = { ...clone(otherBundle), annex: clone(bundle.annex), annexSeal: clone(bundle.annexSeal) }
    expect(await verdict(moved)).toBe('annexHashMismatch')
  })

  it('catches a correction naming another hash, even in an annex signed with it (correctionMismatch)', async () => {
    const t = clone(bundle)
    t.annex.corrections[0]!.amends = 'a'.repeat(64)
    t.annexSeal = await signAnnex(t.sealed.hash, t.annex, key)
    expect(await verdict(t)).toBe('correctionMismatch')
  })
})

describe('decodeBundle', () => {
  it('tells the errors apart, and verifyBundle reports malformed or unsupported without throwing', async () => {
    expect(decodeBundle('hello')).toEqual({ ok: false, error: 'notJson' })
    expect(decodeBundle('[1]')).toEqual({ ok: false, error: 'wrongFormat' })
    expect(decodeBundle(42)).toEqual({ ok: false, error: 'malformed' })
    expect(decodeBundle(JSON.stringify({ ...bundle, format: 'yishi.bundle/2' }))).toEqual({ ok: false, error: 'wrongFormat' })
    expect(decodeBundle(JSON.stringify({ ...bundle, sealed: { ...bundle.sealed, algorithm: 'RSA' } }))).toEqual({ ok: false, error: 'wrongFormat' })
    expect(decodeBundle(' '.repeat(16 * 1024 * 1024 + 1))).toEqual({ ok: false, error: 'tooLarge' })
    const malformed: unknown[] = [
      { ...bundle, extra: 1 },
      { format: bundle.format, sealed: bundle.sealed, annex: bundle.annex },
      { ...bundle, sealed: { ...bundle.sealed, hash: 'x' } },
      { ...bundle, annex: { ...bundle.annex, extra: 1 } },
      { ...bundle, annex: { ...bundle.annex, submittedAt: '2025-03-18' } },
      { ...bundle, annex: { ...bundle.annex, notice: { ...bundle.annex.notice, endDate: '2025-3-17' } } },
      { ...bundle, annex: { ...bundle.annex, objections: [...bundle.annex.objections, bundle.annex.objections[0]] } },
      { ...bundle, annex: { ...bundle.annex, objections: [{ ...bundle.annex.objections[0], handledOn: '' }] } },
      { ...bundle, annex: { ...bundle.annex, corrections: [{ ...bundle.annex.corrections[0], amends: 'A'.repeat(64) }] } },
      { ...bundle, annex: { ...bundle.annex, corrections: [{ ...bundle.annex.corrections[0], text: '' }] } },
      { ...bundle, annex: { ...bundle.annex, objections: [{ ...bundle.annex.objections[0], content: 'x'.repeat(5001) }] } },
      { ...bundle, annexSeal: { ...bundle.annexSeal, signature: bundle.annexSeal.signature.slice(1) } },
    ]
    for (const m of malformed) {
      expect(decodeBundle(JSON.stringify(m))).toEqual({ ok: false, error: 'malformed' })
      expect(await verifyBundle(m)).toEqual({ ok: false, reason: 'malformed' })
    }
    expect(decodeBundle(JSON.stringify(bundle).replace('担心噪音', '\\ud800'))).toEqual({ ok: false, error: 'malformed' })
    expect(await verifyBundle(null)).toEqual({ ok: false, reason: 'malformed' })
    expect(await verifyBundle({ ...bundle, format: 'other/1' })).toEqual({ ok: false, reason: 'unsupported' })
    expect(await verifyBundle({ ...bundle, sealed: { ...bundle.sealed, algorithm: 'RSA' } })).toEqual({ ok: false, reason: 'unsupported' })
  })

  it('never throws on arbitrary strings, nor on mutations of a real bundle', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(typeof decodeBundle(s).ok).toBe('boolean')
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
