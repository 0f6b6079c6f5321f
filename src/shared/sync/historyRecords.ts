// The contract of the compressed history download (server/history.ts answers it, the renderer's
// sync/historyDownload.ts asks): what a request holds, and the records the answer is made of.
// Once decompressed, the answer is a run of records, each
//   u32 name length, the name (UTF-8), u32 update length, the Yjs update (v1)
// (big-endian), ended by a record with an empty name. An answer cut short keeps its whole records;
// one without the end record is known to be cut short. An empty update: the server has nothing.

export const HISTORY_CONTENT_TYPE = 'application/vnd.yishi.history'

export const HISTORY_LIMITS = {
  /** Documents per request: a 10-year council's meetings take a few requests. */
  maxDocs: 64,
  /** Request body (JSON: names of about 90 characters, state vectors in base64). */
  maxBodyBytes: 64 * 1024,
  /** A state vector in base64 (a meeting's has a few dozen clients: well under 1 KiB). */
  maxStateVectorChars: 8192,
  /** What a device accepts decompressed in one answer; past it the answer is dropped. */
  maxAnswerBytes: 128 * 1024 * 1024,
} as const

export interface HistoryRequestBody {
  /** `sv`: the device's state vector in base64, so that only what it lacks is sent. */
  docs: { name: string; sv?: string }[]
}

const encoder = new TextEncoder()
const decoder = new TextDecoder('utf-8', { fatal: true })

export function encodeRecord(name: string, update: Uint8Array): Uint8Array {
  const nameBytes = encoder.encode(name)
  const out = new Uint8Array(8 + nameBytes.byteLength + update.byteLength)
  const view = new DataView(out.buffer)
  view.setUint32(0, nameBytes.byteLength)
  out.set(nameBytes, 4)
  view.setUint32(4 + nameBytes.byteLength, update.byteLength)
  out.set(update, 8 + nameBytes.byteLength)
  return out
}

/** The record that ends a complete answer. */
export const endRecord = (): Uint8Array => encodeRecord('', new Uint8Array(0))

export interface DecodedRecords {
  records: { name: string; update: Uint8Array }[]
  /** The end record was there: nothing was cut off. */
  complete: boolean
}

/** The whole records in `bytes` (a record cut off at the end is ignored); throws on a malformed name. */
export function decodeRecords(bytes: Uint8Array): DecodedRecords {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const records: DecodedRecords['records'] = []
  let at = 0
  while (at + 4 <= bytes.byteLength) {
    const nameLength = view.getUint32(at)
    if (at + 8 + nameLength > bytes.byteLength) break
    const name = decoder.decode(bytes.subarray(at + 4, at + 4 + nameLength))
    const updateLength = view.getUint32(at + 4 + nameLength)
    const start = at + 8 + nameLength
    if (start + updateLength > bytes.byteLength) break
    if (name === '') return { records, complete: true }
    records.push({ name, update: bytes.subarray(start, start + updateLength) })
    at = start + updateLength
  }
  return { records, complete: false }
}
