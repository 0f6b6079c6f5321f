// The 收支公示 of a fund year (fund/print.ts) rendered to HTML and DOCX by the 纪要's producers, and
// the fund 台账 (fund/ledgerXlsx.ts) read back with exceljs as an inspector's Excel would see it.
import ExcelJS from 'exceljs'
import * as Y from 'yjs'
import { beforeAll, describe, expect, it } from 'vitest'
import type { CouncilId } from '../../src/shared/domain/ids'
import { addProposal, book, initFundDoc, recordDecision, screenProposal } from '../../src/shared/doc/fund'
import { setImplementation } from '../../src/shared/doc/fundProjects'
import { readFundYear } from '../../src/shared/doc/fundRead'
import { buildFundWorkbook } from '../../src/shared/fund/ledgerXlsx'
import { disclosureDocument } from '../../src/shared/fund/print'
import { createI18n } from '../../src/shared/i18n/index'
import type { Translate } from '../../src/shared/matters/ledger'
import type { PrintOptions } from '../../src/shared/matters/print'
import { renderDocx } from '../../src/shared/minutes/docx'
import { renderHtmlBody } from '../../src/shared/minutes/html'

let zh: PrintOptions
let en: PrintOptions
let zhFund: Translate
beforeAll(async () => {
  zh = { t: (await createI18n('zh-CN')).getFixedT('zh-CN') as PrintOptions['t'], lang: 'zh-CN' }
  en = { t: (await createI18n('en')).getFixedT('en') as PrintOptions['t'], lang: 'en' }
  zhFund = (await createI18n('zh-CN')).getFixedT('zh-CN', 'fund') as Translate
})

const who = (now = '2026-03-01T08:00:00.000Z') => ({ by: '王秘书', now })

/** ¥324,600.00 allocated, ¥10,000.50 carried over; two projects approved, one paid in two instalments and a correction. */
function fundYear(): Y.Doc {
  const doc = new Y.Doc()
  initFundDoc(doc, 'council-0001' as CouncilId, 2026)
  book(doc, { kind: 'income', source: 'allocation', from: '成华区财政局', amount: 32_460_000, on: '2026-01-10' }, who())
  // Recorded after the allocation: same day, so the booking order (and the running balance) follows the instant recorded.
  book(doc, { kind: 'income', source: 'carryOver', from: '', amount: 1_000_050, on: '2026-01-10' }, who('2026-03-01T08:00:01.000Z'))
  const lights = addProposal(doc, { title: '楼道灯更换', description: '', category: 'facilities', source: { kind: 'partyBranch', name: '社区党委' }, estimatedCost: 12_000_000, beneficiaries: 600, proposedOn: '2026-02-01' }, who())
  const garden = addProposal(doc, { title: '口袋花园', description: '', category: 'environment', source: { kind: 'organisation', name: '绿植志愿队' }, estimatedCost: 8_000_000, beneficiaries: 900, proposedOn: '2026-02-03' }, who())
  for (const p of [lights, garden]) screenProposal(doc, p, { kind: 'listed', priorityItem: null, on: '2026-03-01' }, who())
  recordDecision(doc, { proposalId: lights, outcome: 'approved', budget: 12_000_000, on: '2026-04-01' }, who())
  recordDecision(doc, { proposalId: garden, outcome: 'approved', budget: 8_000_000, on: '2026-04-01' }, who())
  setImplementation(doc, { projectId: lights, implementer: { kind: 'company', name: '蓉城电工有限公司' }, contractAmount: 12_500_000, residentsShare: 500_000, signedOn: '2026-04-20' })
  const first = book(doc, { kind: 'payment', projectId: lights, amount: 6_000_000, payee: '蓉城电工有限公司', on: '2026-05-01', voucher: { invoiceNo: 'F0001', issuedOn: '2026-05-01', file: { hash: 'b'.repeat(64), name: '发票F0001.jpg', type: 'image/jpeg', size: 1000 } } }, who('2026-05-01T08:00:00.000Z'))
  book(doc, { kind: 'correction', corrects: first, amount: -33, reason: '发票金额录入有误', on: '2026-05-02' }, who('2026-05-02T08:00:00.000Z'))
  book(doc, { kind: 'payment', projectId: lights, amount: 5_999_999, payee: '蓉城电工有限公司', on: '2026-07-01', voucher: { invoiceNo: 'F0002', issuedOn: '2026-07-01' } }, who('2026-07-01T08:00:00.000Z'))
  return doc
}

describe('the 收支公示 and the fund 台账', () => {
  it('prints income, each project budget and actual, and the balance, to the fen; renders to DOCX and in English', async () => {
    const doc = disclosureDocument({ councilName: '幸福社区居民议事会', year: readFundYear(fundYear()), postedOn: '2026-12-20', until: '2026-12-27' }, zh)
    expect(doc.title).toBe('2026年度社区保障资金收支公示')
    const html = renderHtmlBody(doc)
    for (const s of ['一、', '资金收入', '年度保障资金', '成华区财政局', '324,600.00', '上年结转', '10,000.50', '334,600.50', '楼道灯更换', '蓉城电工有限公司', '120,000.00', '119,999.66', '0.34', '口袋花园', '80,000.00', '200,000.00', '80,000.34']) expect(html).toContain(s)
    expect(html).toContain('本年度资金收入合计334,600.50元，项目支出合计119,999.66元，结余214,600.84元。')
    expect(html).toContain('公示期自2026年12月20日至2026年12月27日')
    const docx = await renderDocx(doc)
    expect(docx.byteLength).toBeGreaterThan(1000)
    const enHtml = renderHtmlBody(disclosureDocument({ councilName: 'Happiness Community Council', year: readFundYear(fundYear()), postedOn: '2026-12-20', until: '2026-12-27' }, en))
    expect(enHtml).toContain('income totals 334,600.50 yuan, spending on projects 119,999.66 yuan, leaving a balance of 214,600.84 yuan')
    expect(enHtml).toContain('Community fund 2026: income and spending')
  })

  it('the 台账 opens with exceljs: Chinese headings, a frozen header, dates as dates, amounts as yuan to the fen, a running balance', async () => {
    const bytes = await buildFundWorkbook(readFundYear(fundYear()), zhFund)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(bytes as unknown as ArrayBuffer)
    const projects = wb.getWorksheet('项目台账')!
    expect(projects.getRow(1).values).toEqual([undefined, '项目名称', '类别', '决议日期', '实施单位', '合同金额（元）', '居民自筹（元）', '预算（元）', '已承诺（元）', '已支付（元）', '结余（元）'])
    expect(projects.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    const garden = projects.getRow(2)
    expect(garden.getCell(1).value).toBe('口袋花园')
    expect(garden.getCell(3).value).toEqual(new Date('2026-04-01T00:00:00Z'))
    const lights = projects.getRow(3)
    expect([lights.getCell(1).value, lights.getCell(4).value, lights.getCell(5).value, lights.getCell(6).value, lights.getCell(9).value, lights.getCell(10).value]).toEqual(['楼道灯更换', '蓉城电工有限公司', 125_000, 5_000, 119_999.66, 0.34])
    expect(lights.getCell(9).numFmt).toBe('#,##0.00')

    const entries = wb.getWorksheet('收支明细账')!
    const rows = [2, 3, 4, 5, 6].map((n) => entries.getRow(n))
    expect(rows.map((r) => r.getCell(2).value)).toEqual(['收入', '收入', '支付', '更正', '支付'])
    expect(rows.map((r) => r.getCell(9).value)).toEqual([324_600, 334_600.5, 274_600.5, 274_600.83, 214_600.84])
    expect(rows[2]!.getCell(5).value).toBe('F0001')
    expect(rows[2]!.getCell(6).value).toBe('发票F0001.jpg')
    expect(rows[3]!.getCell(8).value).toBe(-0.33)
    expect(rows[3]!.getCell(10).value).toBe('支付 2026-05-01')
    expect(rows[3]!.getCell(11).value).toBe('发票金额录入有误')
    expect(rows[0]!.getCell(1).value).toEqual(new Date('2026-01-10T00:00:00Z'))
  })
})
