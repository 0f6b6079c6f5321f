// Sealed minutes made before canonical JSON and SHA-256 moved to libraries (`canonicalize`,
// @noble/hashes) still verify, with the very hash they were sealed under: tests/fixtures holds a
// sealed meeting record and a corpus of awkward values (numbers, escapes, member order by UTF-16
// code units), both written by the former hand-written code, and their canonical text is pinned.
import { readFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { canonicalJson } from '../../src/shared/doc/canonical'
import { sha256HexSync } from '../../src/shared/domain/sha256'
import { canonicalBytes, verifySealed, type SealedMinutes } from '../../src/shared/minutes/seal'

const fixture = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')) as T

/** The hash the fixture was sealed under by the former code: it must never change. */
const SEALED_HASH = '6dc595d8f87acea432ecf11ccbe7f2e94217d1ee225a6a5e102512e18ca3687d'

describe('sealed minutes from before the libraries', () => {
  it('verify, and their canonical bytes hash to the pinned hash', async () => {
    const sealed = fixture<SealedMinutes>('sealed-minutes.json')
    expect(sealed.hash).toBe(SEALED_HASH)
    expect(await verifySealed(sealed)).toEqual({ ok: true })
    const bytes = canonicalBytes(sealed.record, sealed.signatures)
    expect(sha256HexSync(bytes)).toBe(SEALED_HASH)
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(SEALED_HASH)
  })

  it('no longer verify once one character of the record is changed', async () => {
    const sealed = fixture<SealedMinutes>('sealed-minutes.json')
    sealed.record.agenda[0]!.title += '。'
    expect(await verifySealed(sealed)).toEqual({ ok: false, reason: 'hashMismatch' })
  })
})

describe('the canonical corpus', () => {
  it('serialises every value exactly as the former code did', () => {
    const corpus = fixture<{ input: unknown; canonical: string }[]>('canonical-corpus.json')
    expect(corpus.length).toBeGreaterThan(3)
    for (const { input, canonical } of corpus) expect(canonicalJson(input)).toBe(canonical)
  })
})
