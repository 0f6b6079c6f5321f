// Hostile Yjs updates crafted just under the server's update bounds (updateBounds.ts), written
// byte by byte in Yjs' update format v1 (what a provider sends), for the cost tests. Not a test
// file itself. Each one is legal: a real Y.Doc integrates it, slowly.
import * as Y from 'yjs'
import { connect, newCouncil, waitFor, type TestServer } from './server-fixtures'

/** lib0 encoding: varUint, varString, and raw bytes (an item's info byte is a uint8, not a varUint). */
class UpdateWriter {
  private bytes: number[] = []
  byte(b: number): this {
    this.bytes.push(b)
    return this
  }
  uint(n: number): this {
    while (n > 0x7f) {
      this.bytes.push(0x80 | (n & 0x7f))
      n = Math.floor(n / 128)
    }
    this.bytes.push(n)
    return this
  }
  string(s: string): this {
    const d = new TextEncoder().encode(s)
    this.uint(d.length)
    for (const b of d) this.bytes.push(b)
    return this
  }
  done(): Uint8Array {
    return Uint8Array.from(this.bytes)
  }
}

interface Ref {
  client: number
  clock: number
}
/** One item of a crafted update: a one-character string (or one map value with `key`). */
export interface Crafted {
  client: number
  clock: number
  origin?: Ref
  rightOrigin?: Ref
  /** Root type name, written only when the item has neither origin. */
  root?: string
  /** The id of the item holding the parent type, written only when the item has neither origin. */
  parent?: Ref
  key?: string
  /** A string item of this text (default 'x'); ignored for map values. */
  text?: string
  /** A nested Y.Map instead of a string. */
  map?: boolean
}

/** Encodes items (grouped by client, clocks contiguous from each client's first) as one v1 update. */
export function encodeItems(items: Crafted[]): Uint8Array {
  const byClient = new Map<number, Crafted[]>()
  for (const it of items) {
    let list = byClient.get(it.client)
    if (!list) byClient.set(it.client, (list = []))
    list.push(it)
  }
  const w = new UpdateWriter().uint(byClient.size)
  for (const [client, list] of [...byClient].sort((a, b) => b[0] - a[0])) {
    list.sort((a, b) => a.clock - b.clock)
    w.uint(list.length).uint(client).uint(list[0]!.clock)
    for (const it of list) {
      const content = it.map ? 7 : it.key !== undefined ? 8 : 4
      const info = content | (it.origin ? 0x80 : 0) | (it.rightOrigin ? 0x40 : 0) | (it.key !== undefined ? 0x20 : 0)
      w.byte(info)
      if (it.origin) w.uint(it.origin.client).uint(it.origin.clock)
      if (it.rightOrigin) w.uint(it.rightOrigin.client).uint(it.rightOrigin.clock)
      if (!it.origin && !it.rightOrigin) {
        if (it.parent) w.uint(0).uint(it.parent.client).uint(it.parent.clock)
        else w.uint(1).string(it.root ?? 't')
        if (it.key !== undefined) w.string(it.key)
      }
      if (it.map) w.uint(1) // ContentType: YMapRefID
      else if (it.key !== undefined) w.uint(1).uint(119).string(it.text ?? 'v')
      else w.string(it.text ?? 'x')
    }
  }
  return w.uint(0).done()
}

/** Length of an item (its string's UTF-16 length; 1 for a map value or a type). */
const lengthOf = (it: Crafted) => (it.map || it.key !== undefined ? 1 : (it.text ?? 'x').length)

/** Spreads `count` items over clients from `firstClient` up, `perClient` each, clocks from `clock0`. */
export function spread(count: number, perClient: number, firstClient: number, make: (i: number) => Omit<Crafted, 'client' | 'clock'>, clock0 = 0): Crafted[] {
  const out: Crafted[] = []
  const clocks = new Map<number, number>()
  for (let i = 0; i < count; i++) {
    const client = firstClient + Math.floor(i / perClient)
    const clock = clocks.get(client) ?? clock0
    const it = { client, clock, ...make(i) }
    clocks.set(client, clock + lengthOf(it))
    out.push(it)
  }
  return out
}

/**
 * "Many distinct origins early in one long list": a string of `length` characters (client 1,
 * one struct) in root text 't', then `count` one-character items, each after a different early
 * character and with no right origin, from clients above 1. Each of them scans to the end of the
 * list: O(count²) to integrate, and each origin is used once (no bound on siblings applies).
 */
export function spreadOrigins(count: number, length = count + 10, perClient = 25): Uint8Array {
  return encodeItems([{ client: 1, clock: 0, root: 't', text: 'a'.repeat(length) }, ...spread(count, perClient, 2, (i) => ({ origin: { client: 1, clock: i } }))])
}

/** The same items as spreadOrigins but without the string: a delta against a document that has it. */
export function spreadOriginsDelta(count: number, firstClient: number, perClient = 25, longClient = 1): Uint8Array {
  return encodeItems(spread(count, perClient, firstClient, (i) => ({ origin: { client: longClient, clock: i } })))
}

/** `count` values for key `key` of root map 'm', none with an origin: each walks the key's whole chain. */
export function keyChain(count: number, firstClient: number, key = 'k'): Uint8Array {
  return encodeItems(spread(count, 1, firstClient, () => ({ root: 'm', key })))
}

/** `count` items all right after character 0 of client 1's string, from clients above all before: each scans every earlier one. */
export function siblings(count: number, firstClient: number): Uint8Array {
  return encodeItems(spread(count, 1, firstClient, () => ({ origin: { client: 1, clock: 0 } })))
}

/** The time a fresh Y.Doc takes to apply these updates, one after another (ms, each). */
export function integrationMs(updates: Uint8Array[], doc = new Y.Doc()): number[] {
  return updates.map((u) => {
    const t = performance.now()
    Y.applyUpdate(doc, u)
    return performance.now() - t
  })
}

/** A map nested `depth` deep under root map 'root' (key 'c' at each level), one client, level k at clock k-1. */
export function nestedLevels(client: number, from: number, to: number): Uint8Array {
  const items: Crafted[] = []
  for (let level = from; level <= to; level++) {
    const place = level === 1 ? { root: 'root' } : { parent: { client, clock: level - 2 } }
    items.push({ client, clock: level - 1, key: 'c', map: true, ...place })
  }
  return encodeItems(items)
}

/**
 * Two clients on a council of their own; returns a function that types keystrokes from one to
 * the other for 800 ms, one after another, and resolves with the slowest one's time (ms).
 */
export async function bystanders(server: TestServer): Promise<() => Promise<number>> {
  const council = await newCouncil(server)
  const a = connect(server.url, council.docName, await council.code('rw'))
  const b = connect(server.url, council.docName, await council.code('rw'))
  await waitFor(() => a.provider.isSynced && b.provider.isSynced, 'bystanders synced')
  let n = 0
  const once = async (): Promise<number> => {
    const value = `keystroke ${++n}`
    const started = performance.now()
    a.doc.getText('minutes').insert(0, value)
    await waitFor(() => b.doc.getText('minutes').toString().startsWith(value), 'keystroke reached the peer', 30_000)
    return performance.now() - started
  }
  return async () => {
    let worst = 0
    const started = performance.now()
    while (performance.now() - started < 800) worst = Math.max(worst, await once())
    return worst
  }
}
