// Measures the member import on a 10,000-row register: reading CSV and XLSX, the preview, and the one-transaction write. Prints figures (npm run bench).
import ExcelJS from 'exceljs'
import { readTable, parseMemberTable } from '../src/shared/import'
import { addMembers } from '../src/shared/doc/council'
import { initCouncilDoc } from '../src/shared/doc/council'
import { defaultCouncilInput } from '../src/shared/domain/council'
import * as Y from 'yjs'

const rows = [['姓名', '角色', '楼栋', '单元', '房号', '面积', '电话']]
for (let i = 0; i < 10_000; i++) rows.push([`成员${i}`, '议事会成员', String(1 + (i % 40)), String(1 + (i % 4)), String(100 + i), `${50 + (i % 90)}.${i % 100}`, `1380000${String(i).padStart(4, '0')}`])
const csv = new TextEncoder().encode(rows.map((r) => r.join(',')).join('\n'))
const wb = new ExcelJS.Workbook()
const ws = wb.addWorksheet('成员')
for (const r of rows) ws.addRow(r)
const xlsx = new Uint8Array(await wb.xlsx.writeBuffer())

async function time(label: string, fn: () => Promise<unknown> | unknown, n = 5) {
  const ts: number[] = []
  for (let i = 0; i < n; i++) {
    const t = performance.now()
    await fn()
    ts.push(performance.now() - t)
  }
  ts.sort((a, b) => a - b)
  console.log(`${label}: median ${ts[Math.floor(n / 2)]!.toFixed(0)} ms (min ${ts[0]!.toFixed(0)}, max ${ts[n - 1]!.toFixed(0)}) over ${n}`)
}
await time('readTable CSV 10,000 rows', () => readTable(csv, 'r.csv'))
await time('readTable XLSX 10,000 rows', () => readTable(xlsx, 'r.xlsx'))
const t = await readTable(xlsx, 'r.xlsx')
if (!t.ok) throw new Error('read failed')
await time('parseMemberTable 10,000 rows', () => parseMemberTable(t.rows, { existing: [], defaultJoinedOn: '2026-01-01' }))
const p = parseMemberTable(t.rows, { existing: [], defaultJoinedOn: '2026-01-01' })
if (!p.ok || p.errorCount) throw new Error('preview failed')
await time('addMembers 10,000 (one transaction)', () => {
  const d = new Y.Doc()
  initCouncilDoc(d, 'c0ffee00-0000-4000-8000-000000000000' as never, { ...defaultCouncilInput('resident', '2026-01-01'), name: 'x' }, '2026-01-01T00:00:00.000Z')
  addMembers(d, p.rows.map((r) => r.fields), '2026-01-01T00:00:00.000Z')
})
