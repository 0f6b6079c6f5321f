// The records of the compressed history download (src/shared/sync/historyRecords.ts): what the
// server writes reads back, and an answer cut short keeps its whole records and says it is cut.
import { expect, it } from 'vitest'
import { concat as concatChunks } from '../../src/shared/backup/gzip'
import { decodeRecords, encodeRecord, endRecord } from '../../src/shared/sync/historyRecords'

const concat = (...parts: Uint8Array[]) => concatChunks(parts)

const a = encodeRecord('council/a/meeting/1', new Uint8Array([1, 2, 3]))
const b = encodeRecord('council/a/meeting/2', new Uint8Array(0))
const c = encodeRecord('council/a/meeting/3', new Uint8Array(1000).fill(7))

it('reads back every record of a complete answer, an empty update included', () => {
  const { records, complete } = decodeRecords(concat(a, b, c, endRecord()))
  expect(complete).toBe(true)
  expect(records.map((r) => [r.name, r.update.byteLength])).toEqual([
    ['council/a/meeting/1', 3],
    ['council/a/meeting/2', 0],
    ['council/a/meeting/3', 1000],
  ])
  expect([...records[0]!.update]).toEqual([1, 2, 3])
})

it('an answer cut anywhere keeps the records before the cut and says it is not complete', () => {
  const whole = concat(a, b, c, endRecord())
  for (let cut = 0; cut < whole.byteLength - endRecord().byteLength; cut += 7) {
    const { records, complete } = decodeRecords(whole.subarray(0, cut))
    expect(complete).toBe(false)
    const fit = [a, b, c].filter((_, i) => [a, b, c].slice(0, i + 1).reduce((n, r) => n + r.byteLength, 0) <= cut).length
    expect(records).toHaveLength(fit)
  }
})
