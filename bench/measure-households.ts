// Measures the household register and a campaign at 3,000 households (issue 7: "3,000 households import
// in under 5 seconds"): reading CSV and XLSX, the preview, the one-transaction write, then 3,000
// signatures recorded one by one and the live signing state. Prints figures (`npx tsx bench/measure-households.ts`).
import ExcelJS from 'exceljs'
import * as Y from 'yjs'
import { readTable } from '../src/shared/import'
import { householdsToImport, parseHouseholdTable } from '../src/shared/import/parseHouseholdTable'
import { addHouseholds, readHouseholds } from '../src/shared/doc/households'
import { decide, initCampaignDoc, readSigningState } from '../src/shared/doc/campaign'
import { recordSigning } from '../src/shared/doc/campaignEntries'
import { defaultCampaignSettings, type CampaignId } from '../src/shared/domain/campaign'
import type { CouncilId } from '../src/shared/domain/ids'

const N = 3000
const COUNCIL = 'c0ffee00-0000-4000-8000-000000000000' as CouncilId
const rows = [['楼栋', '单元', '房号', '产权人', '承租人', '建筑面积（㎡）', '联系电话']]
for (let i = 0; i < N; i++) {
  rows.push([`${1 + (i % 30)}栋`, `${1 + (i % 3)}单元`, `${100 + Math.floor(i / 90)}${String(i % 90).padStart(2, '0')}`, `业主${i}`, i % 7 ? '' : `租户${i}`, `${50 + (i % 90)}.${i % 100}`, `1380000${String(i).padStart(4, '0')}`])
}
const csv = new TextEncoder().encode(rows.map((r) => r.join(',')).join('\n'))
const wb = new ExcelJS.Workbook()
const ws = wb.addWorksheet('户册')
for (const r of rows) ws.addRow(r)
const xlsx = new Uint8Array(await wb.xlsx.writeBuffer())

async function time<T>(label: string, fn: () => Promise<T> | T, n = 5): Promise<T> {
  const ts: number[] = []
  let last: T | undefined
  for (let i = 0; i < n; i++) {
    const t = performance.now()
    last = await fn()
    ts.push(performance.now() - t)
  }
  ts.sort((a, b) => a - b)
  console.log(`${label}: median ${ts[Math.floor(n / 2)]!.toFixed(0)} ms (min ${ts[0]!.toFixed(0)}, max ${ts[n - 1]!.toFixed(0)}) over ${n}`)
  return last as T
}

const NOW = '2025-03-01T01:00:00.000Z'
function importAll(bytes: Uint8Array, name: string) {
  return async () => {
    const t = await readTable(bytes, name)
    if (!t.ok) throw new Error(t.error)
    const list = householdsToImport(parseHouseholdTable(t.rows, { existing: [], addedOn: '2025-03-01' }))
    if (!list || list.length !== N) throw new Error('preview failed')
    const doc = new Y.Doc()
    addHouseholds(doc, COUNCIL, list, NOW)
    return doc
  }
}
await time(`readTable CSV ${N} rows`, () => readTable(csv, 'h.csv'))
await time(`readTable XLSX ${N} rows`, () => readTable(xlsx, 'h.xlsx'))
const table = await readTable(csv, 'h.csv')
if (!table.ok) throw new Error(table.error)
await time(`parseHouseholdTable ${N} rows`, () => parseHouseholdTable(table.rows, { existing: [], addedOn: '2025-03-01' }))
await time(`import CSV end to end (read + preview + one-transaction write) ${N}`, importAll(csv, 'h.csv'))
const households = await time(`import XLSX end to end (read + preview + one-transaction write) ${N}`, importAll(xlsx, 'h.xlsx'))
console.log(`households document: ${Y.encodeStateAsUpdate(households).byteLength} bytes`)
const hs = await time(`readHouseholds ${N}`, () => readHouseholds(households))

const campaign = new Y.Doc()
const settings = { ...defaultCampaignSettings('relocation', '2025-03-01', '2025-03-31'), title: 'bench' }
initCampaignDoc(campaign, { councilId: COUNCIL, campaignId: 'c0ffee00-1111-4000-8000-000000000000' as CampaignId }, settings, NOW)
let t = performance.now()
hs.forEach((h, i) => {
  const day = String(1 + (i % 31)).padStart(2, '0')
  recordSigning(campaign, hs, { householdId: h.id, date: `2025-03-${day}`, recordedBy: '李秘书', device: 'A' }, `2025-03-${day}T02:00:00.000Z`)
})
console.log(`recordSigning x${N} (one click each): ${(performance.now() - t).toFixed(0)} ms, ${((performance.now() - t) / N).toFixed(2)} ms per signature`)
await time(`signingState over ${N} households / ${N} entries`, () => readSigningState(campaign, hs, '2025-03-31T10:00:00.000Z'))
t = performance.now()
decide(campaign, hs, '2025-04-01T02:00:00.000Z', '李秘书')
console.log(`decide: ${(performance.now() - t).toFixed(0)} ms; campaign document: ${Y.encodeStateAsUpdate(campaign).byteLength} bytes, ${campaign.store.clients.size} client id(s)`)
