// RFC 8785 canonical JSON (src/shared/doc/canonical.ts) against the RFC's own examples, and the
// canonical form of Y.Docs that converged but list their map keys in different orders.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import fc from 'fast-check'
import { canonicalDoc, canonicalJson } from '../../src/shared/doc/canonical'

/** The IEEE 754 double with these bits (RFC 8785 appendix B lists numbers this way). */
const fromBits = (hex: string): number => {
  const view = new DataView(new ArrayBuffer(8))
  view.setBigUint64(0, BigInt(`0x${hex}`))
  return view.getFloat64(0)
}

describe('canonicalJson: RFC 8785 examples', () => {
  it('canonicalises the example of section 3.2.2 (numbers, escapes, literals)', () => {
    const input = String.raw`{
      "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
      "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
      "literals": [null, true, false]
    }`
    expect(canonicalJson(JSON.parse(input))).toBe(String.raw`{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`)
  })

  it('sorts member names by UTF-16 code units, non-ASCII and astral ones included (section 3.2.3)', () => {
    const input = String.raw`{
      "\u20ac": "Euro Sign",
      "\r": "Carriage Return",
      "\ufb33": "Hebrew Letter Dalet With Dagesh",
      "1": "One",
      "\ud83d\ude00": "Emoji: Grinning Face",
      "\u0080": "Control",
      "\u00f6": "Latin Small Letter O With Diaeresis"
    }`
    // U+1F600 is the pair D83D DE00, so it sorts before U+FB33 although its code point is greater.
    expect(canonicalJson(JSON.parse(input))).toBe(
      // (Escaped here so that no editor normalises U+FB33 into U+05D3 U+05BC.)
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    )
    // Chinese names: code-unit order, not pinyin or stroke order.
    expect(canonicalJson({ 议: 1, 事: 2, 会: 3, a: 0 })).toBe('{"a":0,"事":2,"会":3,"议":1}')
    // Integer-like names too, although JavaScript enumerates them first and in numeric order.
    expect(canonicalJson({ a: 3, 9: 2, 10: 1 })).toBe('{"10":1,"9":2,"a":3}')
  })

  it('prints numbers as appendix B lists them', () => {
    const table: [string, string][] = [
      ['0000000000000000', '0'],
      ['8000000000000000', '0'],
      ['0000000000000001', '5e-324'],
      ['8000000000000001', '-5e-324'],
      ['7fefffffffffffff', '1.7976931348623157e+308'],
      ['ffefffffffffffff', '-1.7976931348623157e+308'],
      ['4340000000000000', '9007199254740992'],
      ['c340000000000000', '-9007199254740992'],
      ['4430000000000000', '295147905179352830000'],
      ['44b52d02c7e14af5', '9.999999999999997e+22'],
      ['44b52d02c7e14af6', '1e+23'],
      ['44b52d02c7e14af7', '1.0000000000000001e+23'],
      ['444b1ae4d6e2ef4e', '999999999999999700000'],
      ['444b1ae4d6e2ef4f', '999999999999999900000'],
      ['444b1ae4d6e2ef50', '1e+21'],
      ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
      ['3eb0c6f7a0b5ed8d', '0.000001'],
      ['41b3de4355555553', '333333333.3333332'],
      ['41b3de4355555554', '333333333.33333325'],
      ['41b3de4355555555', '333333333.3333333'],
      ['41b3de4355555556', '333333333.3333334'],
      ['41b3de4355555557', '333333333.33333343'],
      ['becbf647612f3696', '-0.0000033333333333333333'],
      ['43143ff3c1cb0959', '1424953923781206.2'],
    ]
    for (const [bits, text] of table) expect(canonicalJson(fromBits(bits)), bits).toBe(text)
    expect([1e21, 1e-7, 0.1, 1e20, 1e-6, -0, 100, 4.5].map((n) => canonicalJson(n))).toEqual(['1e+21', '1e-7', '0.1', '100000000000000000000', '0.000001', '0', '100', '4.5'])
  })

  it('refuses NaN and infinities (appendix B: "error")', () => {
    for (const bits of ['7fffffffffffffff', '7ff0000000000000', 'fff0000000000000']) expect(() => canonicalJson([fromBits(bits)])).toThrow(TypeError)
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(TypeError)
  })

  it('escapes only the quote, the backslash and U+0000–U+001F; U+2028, U+2029, DEL and "/" stay as they are', () => {
    const short: Record<number, string> = { 8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r' }
    for (let c = 0; c < 0x20; c++) expect(canonicalJson(String.fromCharCode(c))).toBe(`"${short[c] ?? `\\u00${c.toString(16).padStart(2, '0')}`}"`)
    expect(canonicalJson('\u2028\u2029\u007f/\u00a0')).toBe('"\u2028\u2029\u007f/\u00a0"')
    expect(canonicalJson('a"b\\c')).toBe('"a\\"b\\\\c"')
    expect(canonicalJson('居民议事 😀')).toBe('"居民议事 😀"')
  })

  it('refuses lone surrogates (I-JSON) and values with no JSON form', () => {
    for (const s of ['\ud800', 'a\udc00b', '\ude00\ud83d', 'x\ud83d']) expect(() => canonicalJson(s)).toThrow(TypeError)
    for (const v of [1n, () => 1, Symbol('s'), new Date(0), new Uint8Array(1), new Map()]) expect(() => canonicalJson({ v: [v] })).toThrow(TypeError)
    const loop: Record<string, unknown> = {}
    loop.self = loop
    expect(() => canonicalJson(loop)).toThrow(TypeError)
    // The same object twice (not a cycle) is fine.
    const shared = { a: 1 }
    expect(canonicalJson([shared, shared])).toBe('[{"a":1},{"a":1}]')
  })

  it('treats undefined as JSON.stringify does: a member left out, an array element null', () => {
    expect(canonicalJson({ b: undefined, a: [undefined, 1] })).toBe('{"a":[null,1]}')
    expect(canonicalJson(Object.assign(Object.create(null) as object, { z: 1, y: 2 }))).toBe('{"y":2,"z":1}')
  })
})

/**
 * An independent oracle: JSON.stringify for scalars (its escapes and number forms are those of
 * RFC 8785), members sorted here. (Re-sorting an object and calling JSON.stringify would not do:
 * JavaScript enumerates integer-like keys first, whatever the insertion order.)
 */
function oracle(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(oracle).join(',')}]`
  if (v === null || typeof v !== 'object') return JSON.stringify(v)
  const rec = v as Record<string, unknown>
  return `{${Object.keys(rec)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${oracle(rec[k])}`)
    .join(',')}}`
}

/** The same value with every object's keys inserted in reverse order. */
function reversedKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reversedKeys)
  if (v === null || typeof v !== 'object') return v
  const rec = v as Record<string, unknown>
  return Object.fromEntries(
    Object.keys(rec)
      .reverse()
      .map((k) => [k, reversedKeys(rec[k])]),
  )
}

describe('canonicalJson: properties', () => {
  it('matches a JSON.stringify-based oracle, ignores key order, and parses back to the value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = canonicalJson(v)
        // fc.jsonValue can hold -0, which JSON has no form for: both print it as 0.
        expect(text).toBe(oracle(v))
        expect(canonicalJson(reversedKeys(v))).toBe(text)
        expect(canonicalJson(JSON.parse(text))).toBe(text)
      }),
      { numRuns: 300, seed: 8785 },
    )
  })
})

// -- Y.Doc ------------------------------------------------------------------------------------

const docWith = (clientID: number): Y.Doc => {
  const doc = new Y.Doc()
  doc.clientID = clientID
  return doc
}
const exchange = (a: Y.Doc, b: Y.Doc): void => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}
/** A replica restarted from stored state: a fresh Y.Doc whose roots nobody has opened yet. */
const restored = (doc: Y.Doc): Y.Doc => {
  const fresh = docWith(999)
  Y.applyUpdate(fresh, Y.encodeStateAsUpdate(doc))
  return fresh
}

describe('canonicalDoc', () => {
  it('is equal on converged replicas whose toJSON lists keys in another order', () => {
    const a = docWith(1)
    const b = docWith(2)
    a.getMap('votes').set('z', { for: 1, against: 2 })
    b.getMap('votes').set('a', { against: 2, for: 1 })
    b.getText('minutes').insert(0, '会议记录')
    exchange(a, b)
    expect(JSON.stringify(a.toJSON())).not.toBe(JSON.stringify(b.toJSON()))
    expect(canonicalDoc(a)).toBe(canonicalDoc(b))
    expect(canonicalDoc(a)).toBe('{"minutes":"会议记录","votes":{"a":{"against":2,"for":1},"z":{"against":2,"for":1}}}')
  })

  it('reads roots that arrived untyped (never opened on this replica) like typed ones, and leaves empty roots out', () => {
    const a = docWith(1)
    const nested = new Y.Map<unknown>()
    a.getMap('motions').set('m1', nested)
    nested.set('seconders', Y.Array.from(['甲', '乙']))
    a.getArray<unknown>('statusLog').push([{ from: 'draft', to: 'noticed' }, 'x'])
    a.getText('minutes').insert(0, '议事😀记录')
    a.getText('minutes').delete(2, 1) // splits the surrogate pair: Yjs stores U+FFFD, never a lone half
    a.getMap('observers') // opened, never written
    const text = a.getText('cleared')
    text.insert(0, 'gone')
    text.delete(0, 4)
    expect(a.getText('minutes').toString()).toBe('议事\ufffd记录')
    const b = restored(a)
    expect([...b.share.values()].every((t) => t.constructor === Y.AbstractType)).toBe(true)
    expect(canonicalDoc(b)).toBe(canonicalDoc(a))
    expect(JSON.parse(canonicalDoc(a))).toEqual({
      motions: { m1: { seconders: ['甲', '乙'] } },
      statusLog: [{ from: 'draft', to: 'noticed' }, 'x'],
      minutes: a.getText('minutes').toString(),
    })
    // Reading did not upgrade the roots, so the app can still open them with their real types.
    expect(b.getText('minutes').toString()).toBe(a.getText('minutes').toString())
    expect(b.getMap('motions').toJSON()).toEqual(a.getMap('motions').toJSON())
  })

  it('is equal on every replica after random concurrent map, array and text edits are exchanged', () => {
    const key = fc.constantFrom('a', 'b', 'z', '议', '事', 'é', '😀')
    const edit = fc.oneof(
      fc.record({ t: fc.constant('set' as const), root: fc.constantFrom('m1', 'm2'), key, value: fc.jsonValue({ maxDepth: 2 }) }),
      fc.record({ t: fc.constant('nest' as const), key, inner: key, value: fc.integer() }),
      fc.record({ t: fc.constant('del' as const), key }),
      fc.record({ t: fc.constant('push' as const), value: fc.string() }),
      fc.record({ t: fc.constant('text' as const), pos: fc.nat(), s: fc.string({ unit: 'grapheme', maxLength: 4 }), del: fc.nat(3) }),
    )
    let orderDiffered = 0
    fc.assert(
      fc.property(fc.array(fc.array(edit, { maxLength: 12 }), { minLength: 2, maxLength: 3 }), (perReplica) => {
        const docs = perReplica.map((edits, i) => {
          const doc = docWith(i + 1)
          for (const e of edits) {
            if (e.t === 'set') doc.getMap(e.root).set(e.key, e.value)
            else if (e.t === 'nest') {
              const inner = new Y.Map<unknown>()
              doc.getMap('m1').set(e.key, inner)
              inner.set(e.inner, e.value)
            } else if (e.t === 'del') doc.getMap('m1').delete(e.key)
            else if (e.t === 'push') doc.getArray('list').push([e.value])
            else {
              const t = doc.getText('minutes')
              t.insert(e.pos % (t.length + 1), e.s)
              const at = e.pos % (t.length + 1)
              t.delete(at, Math.min(e.del, t.length - at))
            }
          }
          return doc
        })
        for (const a of docs) for (const b of docs) if (a !== b) exchange(a, b)
        const first = canonicalDoc(docs[0]!)
        for (const doc of docs) {
          expect(canonicalDoc(doc)).toBe(first)
          expect(canonicalDoc(restored(doc))).toBe(first)
        }
        if (new Set(docs.map((d) => JSON.stringify(d.toJSON()))).size > 1) orderDiffered++
      }),
      { numRuns: 200, seed: 20250310 },
    )
    // The property must meet the case it is about: equal content, different toJSON order.
    expect(orderDiffered).toBeGreaterThan(0)
  })
})
