// The households document (council/<id>/households): all-or-nothing adds, edits kept in each
// household's history, concurrent edits of different fields both kept, junk from the wire ignored.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addHousehold, addHouseholds, householdCount, initHouseholdsDoc, readHouseholdById, readHouseholdHistory, readHouseholds, updateHousehold } from '../../src/shared/doc/households'
import { metaOf, ORIGIN_IMPORT, schemaState } from '../../src/shared/doc/schema'
import { compareNatural, isOnRegister, validateHousehold, type HouseholdFields } from '../../src/shared/domain/household'
import { asCouncilId } from '../../src/shared/domain/ids'
import { COUNCIL_ID, expectDocError, NOW, replicaOf, stateOf, syncAll } from './helpers'

const LATER = '2025-04-02T10:00:00.000Z'

function fields(over: Partial<HouseholdFields> = {}): HouseholdFields {
  return { building: '3', unit: '2', room: '301', owner: '王建国', tenant: '', areaCentiM2: 6235, phone: '13800000001', addedOn: '2025-01-01', removedOn: null, ...over }
}

describe('validateHousehold', () => {
  it('checks the owner, the address, the area, the phone and the dates', () => {
    expect(validateHousehold(fields())).toEqual({})
    expect(validateHousehold(fields({ owner: ' ', building: '', unit: '', room: '', areaCentiM2: -1, phone: 'x', addedOn: '2025-13-01' }))).toEqual({
      owner: 'ownerRequired',
      room: 'addressRequired',
      areaCentiM2: 'areaNegative',
      phone: 'phoneInvalid',
      addedOn: 'addedInvalid',
    })
    expect(validateHousehold(fields({ removedOn: '2024-12-31', tenant: '租'.repeat(61) }))).toEqual({ removedOn: 'removedBeforeAdded', tenant: 'tenantTooLong' })
  })

  it('is on the register from addedOn to the day before removedOn', () => {
    const h = fields({ addedOn: '2025-01-01', removedOn: '2025-03-01' })
    expect([isOnRegister(h, '2024-12-31'), isOnRegister(h, '2025-01-01'), isOnRegister(h, '2025-02-28'), isOnRegister(h, '2025-03-01')]).toEqual([false, true, true, false])
  })

  it('orders designators naturally, the same everywhere', () => {
    expect(['10', '2', '3A', '3', '02', 'B'].sort(compareNatural)).toEqual(['02', '2', '3', '3A', '10', 'B'])
  })
})

describe('addHouseholds', () => {
  it('writes the meta and every household in one transaction, with the import origin', () => {
    const doc = new Y.Doc()
    const origins: unknown[] = []
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin))
    const ids = addHouseholds(doc, COUNCIL_ID, [fields(), fields({ room: '302', owner: '李秀英' })], NOW)
    expect(origins).toEqual([ORIGIN_IMPORT])
    expect(schemaState(doc)).toEqual({ state: 'current', kind: 'households' })
    expect(metaOf(doc).get('councilId')).toBe(COUNCIL_ID)
    expect(readHouseholds(doc).map((h) => h.id)).toEqual(ids)
    expect(readHouseholdById(doc, ids[0]!)).toEqual({ ...fields(), id: ids[0], createdAt: NOW })
    expect(householdCount(doc)).toBe(2)
  })

  it('writes nothing when any household is invalid', () => {
    const doc = new Y.Doc()
    initHouseholdsDoc(doc, COUNCIL_ID)
    const before = stateOf(doc)
    const e = expectDocError(() => addHouseholds(doc, COUNCIL_ID, [fields(), fields({ owner: '' })], NOW), 'invalidInput')
    expect(e.detail).toEqual([{ index: 1, errors: { owner: 'ownerRequired' } }])
    expect(stateOf(doc)).toEqual(before)
  })

  it('refuses a document of another council or another kind', () => {
    const doc = new Y.Doc()
    initHouseholdsDoc(doc, COUNCIL_ID)
    expectDocError(() => addHousehold(doc, asCouncilId('00000000-0000-4000-8000-000000000001'), fields(), NOW), 'invalidDocument')
  })
})

describe('updateHousehold and the history', () => {
  it('keeps each change with when and by whom', () => {
    const doc = new Y.Doc()
    const id = addHousehold(doc, COUNCIL_ID, fields(), NOW)
    expect(updateHousehold(doc, id, { tenant: '张三', areaCentiM2: 6300 }, LATER, '李秘书')).toBe(true)
    expect(updateHousehold(doc, id, { tenant: '张三' }, LATER, '李秘书')).toBe(false)
    expect(readHouseholdHistory(doc, id)).toEqual([{ at: LATER, by: '李秘书', changes: { tenant: ['', '张三'], areaCentiM2: [6235, 6300] } }])
    expectDocError(() => updateHousehold(doc, id, { owner: '' }, LATER, '李'), 'invalidInput')
    expectDocError(() => updateHousehold(doc, 'nope-0000' as never, { owner: 'x' }, LATER, '李'), 'notFound')
  })

  it('keeps both of two concurrent edits of different fields, and both history entries', () => {
    const a = new Y.Doc()
    const id = addHousehold(a, COUNCIL_ID, fields(), NOW)
    const b = replicaOf(a)
    updateHousehold(a, id, { phone: '13900000000' }, LATER, '甲')
    updateHousehold(b, id, { tenant: '张三' }, LATER, '乙')
    syncAll(a, b)
    for (const d of [a, b]) {
      expect(readHouseholdById(d, id)).toMatchObject({ phone: '13900000000', tenant: '张三' })
      expect(readHouseholdHistory(d, id).map((c) => c.by).sort()).toEqual(['乙', '甲'])
    }
  })

  it('reads junk from the wire as safe values and skips what is not a household', () => {
    const doc = new Y.Doc()
    const id = addHousehold(doc, COUNCIL_ID, fields(), NOW)
    const m = doc.getMap('households').get(id) as Y.Map<unknown>
    m.set('areaCentiM2', 1.5)
    m.set('owner', 42)
    doc.getMap('households').set('junk', 'not a map')
    ;(m.get('history') as Y.Array<unknown>).push(['nonsense'])
    expect(readHouseholds(doc)).toHaveLength(1)
    expect(readHouseholdById(doc, id)).toMatchObject({ areaCentiM2: null, owner: '' })
    expect(readHouseholdHistory(doc, id)).toEqual([])
  })
})
