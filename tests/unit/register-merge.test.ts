// Importing into a register that is not empty (issue 14): new rows are added, rows that match an
// entry already there are skipped or updated field by field (old → new, kept in history), rows
// with problems block the import, and the write is one transaction or nothing.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { initCouncilDoc, readMemberHistory, readMembers, addMembers } from '../../src/shared/doc/council'
import { addHouseholds, readHouseholdHistory, readHouseholds } from '../../src/shared/doc/households'
import { importHouseholdsMerge, importMembersMerge } from '../../src/shared/doc/registerImport'
import { parseMemberTable } from '../../src/shared/import'
import { parseHouseholdTable } from '../../src/shared/import/parseHouseholdTable'
import { planHouseholdImport, planMemberImport } from '../../src/shared/import/registerMerge'
import { COUNCIL_ID, councilInput, memberFields, NOW } from './helpers'

const LATER = '2025-04-02T10:00:00.000Z'
const csv = (lines: string[]) => lines.map((l) => l.split('|').map((c) => c.trim()))

function councilWithMembers() {
  const doc = new Y.Doc()
  initCouncilDoc(doc, COUNCIL_ID, councilInput(), NOW)
  addMembers(doc, [memberFields({ name: '张三', building: '3', unit: '2', room: '301', phone: '13800000000' }), memberFields({ name: '李四', building: '3', unit: '2', room: '302', phone: '13900000000' })], NOW)
  return doc
}

const memberFile = csv([
  '姓名|楼栋|单元|房号|联系电话',
  '张三|3栋|2单元|301|13800000000', // unchanged
  '李四|3栋|2单元|302|13911112222', // phone changed
  '王五|3栋|2单元|303|13700000000', // new
])

function memberPlan(doc: Y.Doc, choice: 'skip' | 'update', rows = memberFile) {
  const existing = readMembers(doc)
  const preview = parseMemberTable(rows, { existing, defaultJoinedOn: '2025-03-01' })
  if (!preview.ok) throw new Error(preview.error)
  return planMemberImport(preview, existing, '2025-03-01', choice)
}

describe('the member merge plan', () => {
  it('adds the new row, shows the changed field old → new, and updates only when asked', () => {
    const doc = councilWithMembers()
    const lisi = readMembers(doc).find((m) => m.name === '李四')!
    const update = memberPlan(doc, 'update')
    expect(update.rows.map((r) => [r.rowNumber, r.action])).toEqual([
      [2, 'unchanged'],
      [3, 'update'],
      [4, 'add'],
    ])
    expect(update.rows[1]!.changes).toEqual([{ field: 'phone', from: '13900000000', to: '13911112222' }])
    expect(update.updates).toEqual([{ id: lisi.id, patch: { phone: '13911112222' }, changes: update.rows[1]!.changes }])
    expect(update.add.map((f) => f.name)).toEqual(['王五'])
    expect(update.counts).toMatchObject({ add: 1, update: 1, unchanged: 1, skip: 0, blocked: 0 })
    expect(update.ready).toBe(true)

    const skip = memberPlan(doc, 'skip')
    expect(skip.rows[1]!.action).toBe('skip')
    // Skipped rows still show what would have changed.
    expect(skip.rows[1]!.changes).toHaveLength(1)
    expect(skip.updates).toEqual([])
    expect(skip.counts).toMatchObject({ add: 1, skip: 1 })
  })

  it('never erases a value with an empty cell, and does not compare columns the file lacks', () => {
    const doc = councilWithMembers()
    const plan = memberPlan(doc, 'update', csv(['姓名|楼栋|单元|房号|联系电话', '李四|3|2|302|']))
    // joinedOn and role are not in the file: their defaults are not "changes".
    expect(plan.rows[0]).toMatchObject({ action: 'unchanged', changes: [] })
    expect(plan.ready).toBe(false)
  })

  it('a row with a problem blocks the whole import, whatever the choice', () => {
    const doc = councilWithMembers()
    const plan = memberPlan(doc, 'update', csv(['姓名|楼栋|单元|房号|联系电话', '李四|3|2|302|13911112222', '|3|2|304|13700000000']))
    expect(plan.counts.blocked).toBe(1)
    expect(plan.ready).toBe(false)
  })

  it('writes adds and updates in one transaction, with the update in the member history', () => {
    const doc = councilWithMembers()
    const plan = memberPlan(doc, 'update')
    let transactions = 0
    doc.on('afterTransaction', () => transactions++)
    const result = importMembersMerge(doc, plan.add, plan.updates, LATER)
    expect(result).toEqual({ added: 1, updated: 1 })
    expect(transactions).toBe(1)
    const lisi = readMembers(doc).find((m) => m.name === '李四')!
    expect(lisi.phone).toBe('13911112222')
    expect(readMemberHistory(doc, lisi.id)).toEqual([{ at: LATER, changes: { phone: ["13900000000", "13911112222"] } }])
    expect(readMembers(doc).map((m) => m.name).sort()).toEqual(['张三', '李四', '王五'].sort())
  })

  it('writes nothing at all when one update is invalid', () => {
    const doc = councilWithMembers()
    const plan = memberPlan(doc, 'update')
    const before = Y.encodeStateAsUpdate(doc)
    const bad = [...plan.updates, { id: plan.updates[0]!.id, patch: { phone: 'x'.repeat(500) } }]
    expect(() => importMembersMerge(doc, plan.add, bad, LATER)).toThrow()
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
    expect(readMembers(doc)).toHaveLength(2)
  })
})

describe('the household merge plan', () => {
  it('matches by address, updates the owner with history, and adds the new room', () => {
    const doc = new Y.Doc()
    addHouseholds(doc, COUNCIL_ID, [{ building: '3', unit: '2', room: '301', owner: '张三', tenant: '', areaCentiM2: 8550, phone: '', addedOn: '2025-01-01', removedOn: null }], NOW)
    const existing = readHouseholds(doc)
    const preview = parseHouseholdTable(csv(['楼栋|单元|房号|产权人|建筑面积', '3栋|2单元|301|张小三|85.5', '3栋|2单元|302|李四|90']), { existing, addedOn: '2025-03-01' })
    if (!preview.ok) throw new Error(preview.error)
    const plan = planHouseholdImport(preview, existing, '2025-03-01', 'update')
    expect(plan.rows.map((r) => r.action)).toEqual(['update', 'add'])
    expect(plan.rows[0]!.changes).toEqual([{ field: 'owner', from: '张三', to: '张小三' }])
    const result = importHouseholdsMerge(doc, COUNCIL_ID, plan.add, plan.updates, LATER, '表格导入')
    expect(result).toEqual({ added: 1, updated: 1 })
    const h = readHouseholds(doc).find((x) => x.room === '301')!
    expect(h.owner).toBe('张小三')
    expect(readHouseholdHistory(doc, h.id)).toEqual([{ at: LATER, by: '表格导入', changes: { owner: ["张三", "张小三"] } }])
  })
})
