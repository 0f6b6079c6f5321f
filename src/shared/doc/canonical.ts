// RFC 8785 JSON Canonicalization Scheme (JCS) of plain JSON values, and the canonical form of a
// whole Y.Doc. Why: Y.Map.toJSON() lists keys in the order this replica integrated them, which
// differs between replicas that have converged (architecture.md 3a), so anything compared, hashed
// or signed goes through this instead of JSON.stringify.
import * as Y from 'yjs'

/**
 * The canonical JSON text of `value` (RFC 8785): object members sorted by the UTF-16 code units of
 * their names, no whitespace, numbers in ECMAScript's shortest round-trip form, strings with the
 * minimal escapes of JSON.stringify. Like JSON.stringify (and the RFC's reference code), an object
 * member whose value is undefined is left out and an undefined array element becomes null.
 * Throws TypeError on what has no JSON form: NaN and ±Infinity (RFC 8785 §3.2.2.3), lone
 * surrogates (I-JSON, RFC 7493), bigint, functions, symbols, and objects other than plain objects
 * and arrays (a Date or a Uint8Array would otherwise serialise differently per runtime).
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined) throw new TypeError('canonicalJson: undefined has no JSON form')
  const out: string[] = []
  write(value, out, new Set())
  return out.join('')
}

function write(value: unknown, out: string[], path: Set<object>): void {
  if (value === null) return void out.push('null')
  switch (typeof value) {
    case 'boolean':
      return void out.push(value ? 'true' : 'false')
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} has no JSON form`)
      // Number::toString is the serialisation RFC 8785 §3.2.2.3 prescribes; it prints -0 as "0".
      return void out.push(String(value))
    case 'string':
      return void out.push(quote(value))
    case 'object':
      break
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} has no JSON form`)
  }
  const obj = value as object
  if (path.has(obj)) throw new TypeError('canonicalJson: circular structure')
  path.add(obj)
  if (Array.isArray(obj)) {
    out.push('[')
    obj.forEach((v: unknown, i) => {
      if (i > 0) out.push(',')
      write(v === undefined ? null : v, out, path)
    })
    out.push(']')
  } else {
    const proto = Object.getPrototypeOf(obj) as unknown
    if (proto !== Object.prototype && proto !== null) throw new TypeError('canonicalJson: only plain objects and arrays have a JSON form')
    const rec = obj as Record<string, unknown>
    // The default sort compares UTF-16 code units, exactly what RFC 8785 §3.2.3 asks (not locale order).
    const keys = Object.keys(rec)
      .filter((k) => rec[k] !== undefined)
      .sort()
    out.push('{')
    keys.forEach((k, i) => {
      if (i > 0) out.push(',')
      out.push(quote(k), ':')
      write(rec[k], out, path)
    })
    out.push('}')
  }
  path.delete(obj)
}

const SHORT_ESCAPES: Readonly<Record<number, string>> = { 0x08: '\\b', 0x09: '\\t', 0x0a: '\\n', 0x0c: '\\f', 0x0d: '\\r', 0x22: '\\"', 0x5c: '\\\\' }

/** RFC 8785 §3.2.2.2: escape only `"`, `\` and U+0000–U+001F (short forms where JSON has them, else \u00xx lower-case); everything else, U+2028 included, as is. */
function quote(s: string): string {
  let out = '"'
  let from = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdfff) {
      const pair = c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00
      if (!pair) throw new TypeError(`canonicalJson: lone surrogate U+${c.toString(16).toUpperCase()} at ${i}`)
      i++
      continue
    }
    if (c >= 0x20 && c !== 0x22 && c !== 0x5c) continue
    out += s.slice(from, i) + (SHORT_ESCAPES[c] ?? `\\u${c.toString(16).padStart(4, '0')}`)
    from = i + 1
  }
  return out + s.slice(from) + '"'
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
