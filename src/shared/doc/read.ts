// Typed reads of loosely typed Y.Map values: a synced document may hold anything, so every
// read checks its type and falls back rather than trusting the wire.
import * as Y from 'yjs'

export const str = (m: Y.Map<unknown>, k: string, fallback = ''): string => {
  const v = m.get(k)
  return typeof v === 'string' ? v : fallback
}
export const strOrNull = (m: Y.Map<unknown>, k: string): string | null => {
  const v = m.get(k)
  return typeof v === 'string' ? v : null
}
export const int = (m: Y.Map<unknown>, k: string, fallback: number): number => {
  const v = m.get(k)
  return typeof v === 'number' && Number.isSafeInteger(v) ? v : fallback
}
export const intOrNull = (m: Y.Map<unknown>, k: string): number | null => {
  const v = m.get(k)
  return typeof v === 'number' && Number.isSafeInteger(v) ? v : null
}
export const bool = (m: Y.Map<unknown>, k: string, fallback: boolean): boolean => {
  const v = m.get(k)
  return typeof v === 'boolean' ? v : fallback
}
export function oneOf<T extends string>(m: Y.Map<unknown>, k: string, allowed: readonly T[], fallback: T): T {
  const v = m.get(k)
  return typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : fallback
}
export function strings(m: Y.Map<unknown>, k: string): string[] {
  const v = m.get(k)
  return v instanceof Y.Array ? v.toArray().filter((x): x is string => typeof x === 'string') : []
}
/** The child Y.Map of an entity map, or null when absent or of another type. */
export function child(parent: Y.Map<unknown>, id: string): Y.Map<unknown> | null {
  const v = parent.get(id)
  return v instanceof Y.Map ? (v as Y.Map<unknown>) : null
}

/** Sets only the keys whose value differs, so an edit touches no more than it changes. */
export function setChanged(m: Y.Map<unknown>, patch: Record<string, unknown>): Record<string, [unknown, unknown]> {
  const changed: Record<string, [unknown, unknown]> = {}
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue
    const old = m.get(k)
    if (old !== v) {
      m.set(k, v)
      changed[k] = [old ?? null, v]
    }
  }
  return changed
}
