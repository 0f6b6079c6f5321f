// The naive baseline of issue 8: the same history kept in ONE Y.Doc. Built from the profile's own
// per-document updates (so it carries exactly the same history: every client id, every deletion),
// with each document's root types renamed "<n>.<root>" (n: the document's index, base 36) so they
// do not collide; a short prefix costs about what a nested map's parent reference would, as a
// naive design nesting each meeting under one root map would do. Only the baseline is put
// together by hand like this; Yishi's documents are written by its own code.
import * as Y from 'yjs'

function varUint(n: number): Uint8Array {
  const out: number[] = []
  while (n > 0x7f) {
    out.push(0x80 | (n & 0x7f))
    n = Math.floor(n / 128)
  }
  out.push(n)
  return Uint8Array.from(out)
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

/** The update with every root type's name passed through `rename` (update format v1). */
export function renameRoots(update: Uint8Array, rename: (root: string) => string): Uint8Array {
  const { structs, ds } = Y.decodeUpdate(update)
  const groups: { client: number; clock: number; structs: (Y.Item | Y.GC | Y.Skip)[] }[] = []
  for (const s of structs) {
    const item = s as unknown as { parent: unknown }
    if (s instanceof Y.Item && typeof item.parent === 'string') item.parent = rename(item.parent)
    const last = groups.at(-1)
    if (last && last.client === s.id.client) last.structs.push(s)
    else groups.push({ client: s.id.client, clock: s.id.clock, structs: [s] })
  }
  const parts = [varUint(groups.length)]
  for (const g of groups) {
    parts.push(varUint(g.structs.length), varUint(g.client), varUint(g.clock))
    const encoder = new Y.UpdateEncoderV1()
    for (const s of g.structs) s.write(encoder, 0)
    parts.push(encoder.toUint8Array())
  }
  const clients = [...ds.clients.entries()]
  parts.push(varUint(clients.length))
  for (const [client, ranges] of clients) {
    parts.push(varUint(client), varUint(ranges.length))
    for (const r of ranges) parts.push(varUint(r.clock), varUint(r.len))
  }
  return concat(parts)
}

export interface SingleDoc {
  update: Uint8Array
  /** The root of `root` of document `name` inside the single document. */
  root(name: string, root: string): string
}

/** One update holding every document of the profile, roots renamed; throws if two documents share a client id. */
export function singleDoc(updates: ReadonlyMap<string, Uint8Array>): SingleDoc {
  const seen = new Map<number, string>()
  const renamed: Uint8Array[] = []
  const prefix = new Map([...updates.keys()].map((name, i) => [name, `${i.toString(36)}.`] as const))
  for (const [name, update] of updates) {
    for (const client of Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update)).keys()) {
      const other = seen.get(client)
      if (other !== undefined && other !== name) throw new Error(`client id ${client} in both ${other} and ${name}`)
      seen.set(client, name)
    }
    renamed.push(renameRoots(update, (root) => prefix.get(name) + root))
  }
  return { update: Y.mergeUpdates(renamed), root: (name, root) => `${prefix.get(name) ?? ''}${root}` }
}
