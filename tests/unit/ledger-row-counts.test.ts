// What the ledgers tab shows before saving (ledgerRowCounts) is what the workbook holds: for
// random council years and ranges, each sheet's count equals the data rows exceljs reads back.
import ExcelJS from 'exceljs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addRequest, initMattersDoc, openMatter, recordStep, type Recorder } from '../../src/shared/doc/matters'
import { addMilestone, openFollowUp } from '../../src/shared/doc/mattersFollowUp'
import { buildLedgerWorkbook, ledgerRowCounts, type Translate } from '../../src/shared/matters/ledger'
import { ledgerInput } from '../../src/shared/matters/ledgerInput'
import { COUNCIL_ID, newDoc } from './helpers'

const t: Translate = (key) => key
const who = (n: number): Recorder => ({ now: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(), by: 'laptop' })
const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10)

function year(requestDays: number[], matterDays: number[]) {
  const doc = newDoc()
  initMattersDoc(doc, COUNCIL_ID, 2026)
  let n = 0
  const ids = requestDays.map((d) => addRequest(doc, { channel: 'visit', category: 'repairs', place: { text: '3栋' }, receivedOn: day(d), requester: { kind: 'resident', name: '周阿姨' }, text: `诉求${d}` }, who(++n)))
  matterDays.forEach((d, i) => {
    const m = openMatter(doc, { title: `议题${i}`, description: '', proposer: { kind: 'partyBranch', name: '社区党委' }, path: 'councilOnly', openedOn: day(d) }, ids[i] && requestDays[i]! <= d ? [ids[i]] : [], who(++n))
    if (i % 2 === 0) recordStep(doc, m, 'councilDeliberation', { mode: 'outside', date: day(d + 1), body: '居民议事会', outcome: 'approved' }, false, who(++n))
    if (i % 2 === 0) {
      openFollowUp(doc, m, { owner: '物业', deadline: day(d + 30) }, day(d + 2))
      for (let k = 0; k < i % 3; k++) addMilestone(doc, m, { title: `节点${k}`, due: day(d + 10 + k) })
    }
  })
  return doc
}

describe('ledger row counts', () => {
  it('match the rows of every sheet of the workbook', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 6 }),
        fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 4 }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 300 }),
        fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 3 }),
        async (requests, matters, a, b, meetings) => {
          const input = { ...ledgerInput([year(requests, matters)], day(Math.min(a, b)), day(Math.max(a, b)), '2026-12-31') }
          input.meetings = meetings.map((d) => ({ date: day(d), title: '例会', place: '', convener: '', members: 5, present: 4, leave: 1, absent: 0, items: 2 }))
          const counts = ledgerRowCounts(input)
          const wb = new ExcelJS.Workbook()
          await wb.xlsx.load((await buildLedgerWorkbook(input, t)) as unknown as ArrayBuffer)
          expect(wb.worksheets.map((w) => w.rowCount - 1)).toEqual([counts.requests, counts.matters, counts.followUp, counts.meetings].map((c) => c ?? 0))
        },
      ),
      { numRuns: 25 },
    )
  }, 60_000)
})
