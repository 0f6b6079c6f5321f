// The packed form of a document's state (shared/sync/packedUpdate.ts): it gives back the very
// update it was given, it is never taken for a raw update nor the other way round, and a damaged
// or hostile packed entry is refused with a reason, in bounded memory, instead of hanging.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { deflateSync } from 'fflate'
import { addMember, initCouncilDoc } from '../../src/shared/doc/council'
import { isPacked, MAX_PACKED_STATE, packedOrRaw, packUpdate, PackedUpdateError, storedUpdate, unpackUpdate, type PackedUpdateProblem } from '../../src/shared/sync/packedUpdate'
import { COUNCIL_ID, councilInput, memberFields, NOW } from './helpers'

function councilState(members: number): Uint8Array {
  const doc = new Y.Doc()
  initCouncilDoc(doc, COUNCIL_ID, councilInput(), NOW)
  for (let i = 0; i < members; i++) addMember(doc, memberFields({ name: `居民${String(i).padStart(4, '0')}` }), NOW)
  return Y.encodeStateAsUpdate(doc)
}

function problemOf(fn: () => unknown): PackedUpdateProblem | 'none' {
  try {
    fn()
    return 'none'
  } catch (e) {
    if (e instanceof PackedUpdateError) return e.problem
    throw e
  }
}

/** A packed entry by hand: the magic and header of `packUpdate`, then `body` claiming `size`. */
function forged(size: number, body: Uint8Array): Uint8Array {
  const header = packUpdate(new Uint8Array(0)).subarray(0, 12)
  const out = new Uint8Array(12 + body.length)
  out.set(header)
  new DataView(out.buffer).setUint32(8, size, true)
  out.set(body, 12)
  return out
}

describe('packed update', () => {
  it('gives back the same state, much smaller, and the document reads the same', () => {
    const state = councilState(120)
    const packed = packUpdate(state)
    expect(isPacked(packed)).toBe(true)
    expect(packed.length).toBeLessThan(state.length / 3)
    expect(unpackUpdate(packed)).toEqual(state)
    const doc = new Y.Doc()
    Y.applyUpdate(doc, storedUpdate(packed))
    expect(Y.encodeStateAsUpdate(doc)).toEqual(state)
    expect(storedUpdate(packedOrRaw(state))).toEqual(state)
    // Past the bound a state is stored raw (still readable), never refused.
    const huge = new Uint8Array(MAX_PACKED_STATE + 1)
    expect(packedOrRaw(huge)).toBe(huge)
    expect(() => packUpdate(huge)).toThrow(PackedUpdateError)
  })

  it('is never mistaken for a raw update, nor a raw update for it', () => {
    for (const state of [councilState(0), councilState(5), Y.encodeStateAsUpdate(new Y.Doc())]) {
      expect(isPacked(state)).toBe(false)
      expect(storedUpdate(state)).toBe(state)
      // What Yjs makes of a packed entry by mistake: it refuses it, it does not apply half of it.
      expect(() => Y.applyUpdate(new Y.Doc(), packUpdate(state))).toThrow()
    }
  })

  it('refuses a damaged or hostile entry with its reason', () => {
    const packed = packUpdate(councilState(50))
    expect(problemOf(() => unpackUpdate(packed.subarray(0, 6)))).toBe('header')
    expect(problemOf(() => unpackUpdate(packed.subarray(0, packed.length - 20)))).toBe('inflate')
    const garbled = packed.slice()
    garbled.fill(0xff, 14, 40)
    expect(['inflate', 'size']).toContain(problemOf(() => unpackUpdate(garbled)))
    // Claims 4 GB: refused before any memory is taken.
    expect(problemOf(() => unpackUpdate(forged(0xffffffff, new Uint8Array(8))))).toBe('tooLarge')
    expect(problemOf(() => unpackUpdate(forged(MAX_PACKED_STATE + 1, new Uint8Array(8))))).toBe('tooLarge')
  })

  it('a bomb that inflates past its declared size is refused without growing the buffer', () => {
    // 8 MB of zeros deflate to ~8 KB; the entry claims 1 KB.
    const bomb = deflateSync(new Uint8Array(8 * 1024 * 1024), { level: 9 })
    expect(bomb.length).toBeLessThan(16 * 1024)
    expect(problemOf(() => unpackUpdate(forged(1024, bomb)))).toBe('size')
    // The same stream claiming more than it holds is refused too.
    expect(problemOf(() => unpackUpdate(forged(9 * 1024 * 1024, bomb)))).toBe('size')
  })
})
