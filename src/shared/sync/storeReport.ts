// What the sync server tells a document's clients about storing it (a Hocuspocus stateless
// message): "stored" with the state vector of what is now on its disk, or "store-failed" (it
// keeps retrying). "Synced" in the app means stored: a client counts its changes as safe only
// once a "stored" state vector covers them (architecture.md §4).

export type StoreReport = { kind: 'stored'; stateVector: Uint8Array } | { kind: 'store-failed' }

const TAG = 'yishi-store'

function toBase64(bytes: Uint8Array): string {
  let s = ''
  for (const b of bytes) s += String.fromCharCode(b)
  return btoa(s)
}

function fromBase64(text: string): Uint8Array | null {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0))
  } catch {
    return null
  }
}

export function encodeStoreReport(report: StoreReport): string {
  return JSON.stringify(report.kind === 'stored' ? { t: TAG, kind: 'stored', sv: toBase64(report.stateVector) } : { t: TAG, kind: 'store-failed' })
}

/** The report in a stateless payload, or null if the payload is something else. */
export function parseStoreReport(payload: string): StoreReport | null {
  let value: unknown
  try {
    value = JSON.parse(payload)
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null || (value as { t?: unknown }).t !== TAG) return null
  const v = value as { kind?: unknown; sv?: unknown }
  if (v.kind === 'store-failed') return { kind: 'store-failed' }
  if (v.kind !== 'stored' || typeof v.sv !== 'string') return null
  const stateVector = fromBase64(v.sv)
  return stateVector ? { kind: 'stored', stateVector } : null
}

/**
 * Whether everything in `local` (a state vector, as Y.decodeStateVector gives it) is covered by
 * the stored one: every client's clock stored at least as far.
 */
export function storedCovers(stored: Map<number, number>, local: Map<number, number>): boolean {
  for (const [client, clock] of local) if ((stored.get(client) ?? 0) < clock) return false
  return true
}
