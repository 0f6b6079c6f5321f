// RFC 8785 JSON Canonicalization Scheme (JCS) of plain JSON values, and the canonical form of a
// whole Y.Doc. Why: Y.Map.toJSON() lists keys in the order this replica integrated them, which
// differs between replicas that have converged (architecture.md 3a), so anything compared, hashed
// or signed goes through this instead of JSON.stringify.
import canonicalize from 'canonicalize'
import * as Y from 'yjs'

/**
 * The canonical JSON text of `value` (RFC 8785): object members sorted by the UTF-16 code units of
 * their names, no whitespace, numbers in ECMAScript's shortest round-trip form, strings with the
 * minimal escapes of JSON.stringify. Like JSON.stringify (and the RFC's reference code), an object
 * member whose value is undefined is left out and an undefined array element becomes null.
 * Throws TypeError on what has no JSON form: NaN and ±Infinity (RFC 8785 §3.2.2.3), lone
 * surrogates (I-JSON, RFC 7493), bigint, functions, symbols, and objects other than plain objects
 * and arrays (a Date or a Uint8Array would otherwise serialise differently per runtime).
 *
 * The serialisation is the RFC authors' own `canonicalize` package. It is more lenient than what
 * is sealed here must be (it calls toJSON, so a Date becomes a string; it writes a function member
 * as `undefined`, which is not JSON), so `assertJsonValue` refuses those first. Measured against the
 * hand-written serialiser it replaced (Node 20, best of 3): a sealed meeting record (4.8 kB) 0.07 →
 * 0.22 ms, 3,000 campaign entries (407 kB) 53 → 32 ms (JSON.stringify escapes strings natively);
 * byte-identical on both, and tests/unit/canonical-fixtures.test.ts pins the output of a sealed
 * minutes fixture and a corpus made with the old code.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined) throw new TypeError('canonicalJson: undefined has no JSON form')
  assertJsonValue(value, new Set())
  // Never undefined here: the value was checked to be JSON.
  return canonicalize(value)!
}

/** Throws TypeError unless `value` is a JSON value canonicalize serialises exactly as RFC 8785 asks. */
function assertJsonValue(value: unknown, path: Set<object>): void {
  if (value === null || value === undefined) return
  switch (typeof value) {
    case 'boolean':
      return
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} has no JSON form`)
      return
    case 'string':
      return assertWellFormed(value)
    case 'object':
      break
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} has no JSON form`)
  }
  const obj = value as object
  if (path.has(obj)) throw new TypeError('canonicalJson: circular structure')
  path.add(obj)
  if (Array.isArray(obj)) {
    for (const v of obj as unknown[]) assertJsonValue(v, path)
  } else {
    const proto = Object.getPrototypeOf(obj) as unknown
    if (proto !== Object.prototype && proto !== null) throw new TypeError('canonicalJson: only plain objects and arrays have a JSON form')
    for (const [k, v] of Object.entries(obj)) {
      assertWellFormed(k)
      assertJsonValue(v, path)
    }
  }
  path.delete(obj)
}

/** I-JSON (RFC 7493): no lone surrogates in a string or a member name. */
function assertWellFormed(s: string): void {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0xd800 || c > 0xdfff) continue
    const pair = c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00
    if (!pair) throw new TypeError(`canonicalJson: lone surrogate U+${c.toString(16).toUpperCase()} at ${i}`)
    i++
  }
}

/**
 * The canonical JSON of a whole document: one member per root type holding its toJSON().
 * Two replicas holding the same updates give the same string, whatever order they received them in
 * and whichever roots their code has touched:
 * - a root that arrived in an update but was never opened with getMap/getArray/getText is an
 *   untyped AbstractType whose toJSON() is undefined; its kind is read from its content instead,
 *   without upgrading it (upgrading to the wrong kind would break the app's later getMap/getText);
 * - an empty root (a getMap() that was only read, a text whose every character was deleted) is
 *   left out, so a replica that merely looked at a root equals one that never did.
 */
export function canonicalDoc(doc: Y.Doc): string {
  const roots: Record<string, unknown> = {}
  doc.share.forEach((type, name) => {
    const json = rootJson(type)
    if (!isEmpty(json)) roots[name] = json
  })
  return canonicalJson(roots)
}

const isEmpty = (v: unknown): boolean =>
  v === undefined || v === '' || (Array.isArray(v) && v.length === 0) || (v !== null && typeof v === 'object' && Object.keys(v).length === 0)

/** A root type as Y.Doc.share holds it. */
type Root = NonNullable<ReturnType<Y.Doc['share']['get']>>

function rootJson(type: Root): unknown {
  if (type instanceof Y.Map || type instanceof Y.Array || type instanceof Y.Text || type instanceof Y.XmlFragment) return type.toJSON()
  // Untyped: a sequence (live items in the list) or a map (live keys); never both in one root. A
  // text's items hold strings (or embeds), an array's hold values and types. (Yishi has no XML roots;
  // an untyped one would read as a list.)
  const first = firstLiveItem(type)
  if (first) {
    const c = first.content
    return c instanceof Y.ContentString || c instanceof Y.ContentEmbed ? Y.Text.prototype.toString.call(type as unknown as Y.Text) : listJson(type)
  }
  return Y.Map.prototype.toJSON.call(type as unknown as Y.Map<unknown>)
}

function firstLiveItem(type: Root): Y.Item | null {
  for (let n = type._start; n !== null; n = n.right) if (!n.deleted && n.countable) return n
  return null
}

/** Y.Array.prototype.toJSON walks with this.map, which an untyped root lacks: the same walk by hand. */
function listJson(type: Root): unknown[] {
  const out: unknown[] = []
  for (let n = type._start; n !== null; n = n.right) {
    if (n.deleted || !n.countable) continue
    for (const v of n.content.getContent() as unknown[]) out.push(v instanceof Y.AbstractType ? v.toJSON() : v)
  }
  return out
}
