// The council document's index of year documents (matters and fund): what a new laptop fetches and
// a backup carries, so a year opened on either of two laptops must be listed once on both.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { indexedYears, indexYearDoc } from '../../src/shared/doc/council'
import { DocError } from '../../src/shared/doc/errors'

describe('the year index of the council document', () => {
  it('lists each year once, newest first, and keeps matters and fund apart', () => {
    const doc = new Y.Doc()
    indexYearDoc(doc, 'matters', 2025, '2025-01-02T00:00:00Z')
    indexYearDoc(doc, 'matters', 2026, '2026-01-02T00:00:00Z')
    indexYearDoc(doc, 'matters', 2026, '2026-03-02T00:00:00Z')
    indexYearDoc(doc, 'fund', 2026, '2026-01-05T00:00:00Z')
    expect(indexedYears(doc, 'matters')).toEqual([2026, 2025])
    expect(indexedYears(doc, 'fund')).toEqual([2026])
  })

  it('merges years opened on two laptops offline', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    indexYearDoc(a, 'matters', 2026, '2026-01-02T00:00:00Z')
    indexYearDoc(b, 'matters', 2026, '2026-01-03T00:00:00Z')
    indexYearDoc(b, 'matters', 2024, '2026-01-03T00:00:00Z')
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(indexedYears(a, 'matters')).toEqual([2026, 2024])
    expect(indexedYears(b, 'matters')).toEqual(indexedYears(a, 'matters'))
  })

  it('refuses a year no document can have', () => {
    const doc = new Y.Doc()
    expect(() => indexYearDoc(doc, 'fund', 2026.5, 'x')).toThrow(DocError)
    expect(() => indexYearDoc(doc, 'fund', 1800, 'x')).toThrow(DocError)
    expect(indexedYears(doc, 'fund')).toEqual([])
  })
})
