// The register of households through the app's own actions, on the real local stack (DocStore and
// y-indexeddb on fake-indexeddb, real Yjs):
// - a 3,000-household spreadsheet goes file -> readTable -> preview -> one transaction -> disk in
//   under 5 seconds, and is all there after the app restarts;
// - importing the same file again finds every address already on the register;
// - an import with a faulty household writes nothing;
// - an edit is kept in the household's history across a restart; an edit that changes nothing
//   adds no history; leaving the register is a date, never a deletion.
import { describe, expect, it } from 'vitest'
import { createCouncil } from '../../src/renderer/features/councils/actions'
import { importHouseholds, saveHousehold, saveNewHousehold } from '../../src/renderer/features/households/actions'
import { readHouseholdById, readHouseholdHistory, readHouseholds } from '../../src/shared/doc/households'
import { householdsDocName } from '../../src/shared/doc/names'
import { isOnRegister, type HouseholdFields } from '../../src/shared/domain/household'
import type { CouncilId } from '../../src/shared/domain/ids'
import { readTable } from '../../src/shared/import'
import { householdsToImport, parseHouseholdTable, type HouseholdImportPreview } from '../../src/shared/import/parseHouseholdTable'
import { councilInput, expectRejectsDocError, newDevice, stateOf, type TestEnv } from './env'

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴']

/** A community office's register of `n` households as a CSV (UTF-8 with a BOM, as Excel saves it): 30 buildings, 2 units, 50 rooms each. */
function registerCsv(n: number): Uint8Array {
  const lines = ['序号,楼栋,单元,房号,产权人,承租人,建筑面积（㎡）,联系电话']
  for (let i = 0; i < n; i++) {
    const building = `${Math.floor(i / 100) + 1}栋`
    const unit = `${(Math.floor(i / 50) % 2) + 1}单元`
    const room = `${Math.floor((i % 50) / 4) + 1}0${((i % 50) % 4) + 1}室`
    const owner = `${SURNAMES[i % 10]}居民${String(i + 1).padStart(4, '0')}`
    const tenant = i % 7 === 0 ? `租户${i + 1}` : ''
    const area = (5000 + ((i * 37) % 6000)) / 100
    const phone = i % 3 === 0 ? `1380000${String(i).padStart(4, '0')}` : ''
    lines.push([i + 1, building, unit, room, owner, tenant, area.toFixed(2), phone].join(','))
  }
  return new TextEncoder().encode('\uFEFF' + lines.join('\r\n') + '\r\n')
}

function ok(p: HouseholdImportPreview) {
  if (!p.ok) throw new Error(`preview failed: ${p.error}`)
  return p
}

const household = (over: Partial<HouseholdFields> = {}): HouseholdFields => ({
  building: '3',
  unit: '2',
  room: '301',
  owner: '王建国',
  tenant: '',
  areaCentiM2: 6235,
  phone: '13800000001',
  addedOn: '2025-03-01',
  removedOn: null,
  ...over,
})

async function openCouncil(env: TestEnv): Promise<CouncilId> {
  return createCouncil(env, councilInput({ name: '幸福里社区居民议事会' }))
}

describe('household register actions', () => {
  it('imports a 3,000-household spreadsheet in one transaction in under 5 seconds, and it survives a restart', async () => {
    const device = newDevice()
    let env = device.start()
    const councilId = await openCouncil(env)
    const name = householdsDocName(councilId)
    const bytes = registerCsv(3000)
    let handle = await env.docs.acquire(name)
    let updates = 0
    handle.doc.on('update', () => updates++)

    const started = performance.now()
    const table = await readTable(bytes, '幸福里住户名册.csv')
    if (!table.ok) throw new Error(table.error)
    const preview = ok(parseHouseholdTable(table.rows, { existing: readHouseholds(handle.doc), addedOn: env.today() }))
    const rows = householdsToImport(preview)
    if (!rows) throw new Error(`rows with errors: ${preview.errorCount}`)
    expect(await importHouseholds(env, handle, councilId, rows)).toBe(3000)
    const elapsed = performance.now() - started
    expect(elapsed, `3,000 households took ${Math.round(elapsed)} ms`).toBeLessThan(5000)
    expect(updates).toBe(1)

    const before = readHouseholds(handle.doc)
    expect(before).toHaveLength(3000)
    expect(before[0]).toMatchObject({ building: '1', unit: '1', room: '101', owner: '王居民0001', tenant: '租户1', areaCentiM2: 5000, phone: '13800000000', addedOn: env.today(), removedOn: null })
    expect(before.every((h) => isOnRegister(h, env.today()))).toBe(true)
    // Register order is natural: building 2 before building 10, room 201 before 1001.
    expect(before.findIndex((h) => h.building === '2')).toBeLessThan(before.findIndex((h) => h.building === '10'))

    await env.docs.release(name)
    env = await device.restart(env)
    handle = await env.docs.acquire(name)
    expect(readHouseholds(handle.doc)).toEqual(before)

    // The same file again: every row is an address already on the register, and nothing can be imported.
    const again = ok(parseHouseholdTable(table.rows, { existing: readHouseholds(handle.doc), addedOn: env.today() }))
    expect(again.errorCount).toBe(3000)
    expect(again.rows.every((r) => r.errors.some((e) => e.code === 'duplicateExisting'))).toBe(true)
    expect(householdsToImport(again)).toBeNull()
    await env.docs.release(name)
  })

  it('writes nothing when one household of an import is faulty', async () => {
    const device = newDevice()
    let env = device.start()
    const councilId = await openCouncil(env)
    const name = householdsDocName(councilId)
    let handle = await env.docs.acquire(name)
    await importHouseholds(env, handle, councilId, [household()])
    const before = stateOf(handle.doc)

    const rows = [household({ room: '302' }), household({ room: '303', owner: '  ' }), household({ room: '304' })]
    const error = await expectRejectsDocError(importHouseholds(env, handle, councilId, rows), 'invalidInput')
    expect(error.detail).toEqual([{ index: 1, errors: { owner: 'ownerRequired' } }])
    expect(stateOf(handle.doc)).toEqual(before)

    await env.docs.release(name)
    env = await device.restart(env)
    handle = await env.docs.acquire(name)
    expect(readHouseholds(handle.doc).map((h) => h.room)).toEqual(['301'])
    await env.docs.release(name)
  })

  it('keeps every edit in the household history across a restart; leaving the register is a date', async () => {
    const device = newDevice()
    let env = device.start()
    const councilId = await openCouncil(env)
    const name = householdsDocName(councilId)
    let handle = await env.docs.acquire(name)
    const id = await saveNewHousehold(env, handle, councilId, household())

    device.clock.advance(60_000)
    const editedAt = env.now()
    expect(await saveHousehold(env, handle, id, household({ owner: '王秀兰', tenant: '陈志明' }), '李主任')).toBe(true)
    // Saving the same values again changes nothing and adds no history.
    expect(await saveHousehold(env, handle, id, household({ owner: '王秀兰', tenant: '陈志明' }), '李主任')).toBe(false)
    device.clock.advance(60_000)
    expect(await saveHousehold(env, handle, id, household({ owner: '王秀兰', tenant: '陈志明', removedOn: '2025-06-30' }), '')).toBe(true)

    await env.docs.release(name)
    env = await device.restart(env)
    handle = await env.docs.acquire(name)
    expect(readHouseholdHistory(handle.doc, id)).toEqual([
      { at: editedAt, by: '李主任', changes: { owner: ['王建国', '王秀兰'], tenant: ['', '陈志明'] } },
      { at: env.now(), by: '', changes: { removedOn: [null, '2025-06-30'] } },
    ])
    const h = readHouseholdById(handle.doc, id)
    expect(h).toMatchObject({ owner: '王秀兰', removedOn: '2025-06-30' })
    expect(isOnRegister(h!, '2025-06-29')).toBe(true)
    expect(isOnRegister(h!, '2025-06-30')).toBe(false)
    // Never deleted: it is still in the document, for the campaigns that counted it.
    expect(readHouseholds(handle.doc)).toHaveLength(1)
    await env.docs.release(name)
  })
})
