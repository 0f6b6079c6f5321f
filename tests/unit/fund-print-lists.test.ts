// The fund year's opening notice (this year's income beside last year's results) and the proposal
// list (项目建议清单, with the exclusions and their reasons), rendered to HTML and DOCX.
import * as Y from 'yjs'
import { beforeAll, describe, expect, it } from 'vitest'
import type { CouncilId } from '../../src/shared/domain/ids'
import { addListItem, addProposal, book, initFundDoc, readList, readListItem, recordDecision, screenProposal } from '../../src/shared/doc/fund'
import { readFundYear } from '../../src/shared/doc/fundRead'
import { openingNoticeDocument, proposalListDocument } from '../../src/shared/fund/printLists'
import type { ProposalFields } from '../../src/shared/fund/proposals'
import { createI18n } from '../../src/shared/i18n/index'
import type { PrintOptions } from '../../src/shared/matters/print'
import { renderDocx } from '../../src/shared/minutes/docx'
import { renderHtmlBody } from '../../src/shared/minutes/html'

let zh: PrintOptions
let en: PrintOptions
beforeAll(async () => {
  zh = { t: (await createI18n('zh-CN')).getFixedT('zh-CN') as PrintOptions['t'], lang: 'zh-CN' }
  en = { t: (await createI18n('en')).getFixedT('en') as PrintOptions['t'], lang: 'en' }
})
const who = { by: 'a', now: '2026-03-01T08:00:00.000Z' }
const f = (title: string, cost: number, name = '李桂兰'): ProposalFields => ({ title, description: '', category: 'facilities', source: { kind: 'paperForm', name }, estimatedCost: cost, beneficiaries: 150, proposedOn: '2026-02-01' })

function year(y: number, allocation: number): Y.Doc {
  const doc = new Y.Doc()
  initFundDoc(doc, 'council-0001' as CouncilId, y)
  book(doc, { kind: 'income', source: 'allocation', from: '', amount: allocation, on: `${y}-01-10` }, who)
  return doc
}

describe('the opening notice and the proposal list', () => {
  it('posts this year beside last year', async () => {
    const last = year(2025, 40_000_000)
    const p = addProposal(last, { ...f('健身步道', 38_990_000), proposedOn: '2025-02-01' }, who)
    screenProposal(last, p, { kind: 'listed', priorityItem: null, on: '2025-03-01' }, who)
    recordDecision(last, { proposalId: p, outcome: 'approved', budget: 38_990_000, on: '2025-04-01' }, who)
    book(last, { kind: 'payment', projectId: p, amount: 38_990_000, payee: 'X', on: '2025-06-01' }, who)
    const doc = openingNoticeDocument({ councilName: '幸福社区', year: readFundYear(year(2026, 32_460_000)), lastYear: readFundYear(last), postedOn: '2026-01-15' }, zh)
    const html = renderHtmlBody(doc)
    for (const s of ['2026年度社区保障资金公告', '共计324,600.00元', '2025年度资金使用情况', '上年度共实施1个项目，支出389,900.00元，结余10,100.00元。', '健身步道']) expect(html).toContain(s)
    expect((await renderDocx(doc)).byteLength).toBeGreaterThan(1000)
    expect(renderHtmlBody(openingNoticeDocument({ councilName: 'H', year: readFundYear(last), lastYear: null, postedOn: '2025-01-15' }, en))).toContain('Community fund 2025: notice')
  })

  it('lists the proposals with their total against the money, the priority first, and the exclusions with their reasons', async () => {
    const doc = year(2026, 10_000_000)
    const elderly = addListItem(doc, 'priority', '适老化改造')
    const a = addProposal(doc, f('楼道扶手', 6_000_000), who)
    const b = addProposal(doc, f('儿童游乐设施', 5_000_000, '社区妇联'), who)
    const c = addProposal(doc, f('物业费补贴', 2_000_000, '张'), who)
    const d = addProposal(doc, f('门卫工资', 1_000_000, '王'), who)
    screenProposal(doc, a, { kind: 'listed', priorityItem: elderly, on: '2026-03-01' }, who)
    screenProposal(doc, b, { kind: 'listed', priorityItem: null, on: '2026-03-01' }, who)
    screenProposal(doc, c, { kind: 'excluded', negativeItem: 'default-privateCosts', reason: '', on: '2026-03-01' }, who)
    screenProposal(doc, d, { kind: 'excluded', negativeItem: null, reason: '属于街道人员经费', on: '2026-03-01' }, who)
    const items = new Map([...readList(doc, 'negative'), ...readList(doc, 'priority')].map((i) => [i.id, i]))
    expect(readListItem(doc, elderly)!.text).toBe('适老化改造')
    const printed = proposalListDocument({ councilName: '幸福社区', year: readFundYear(doc), listItems: items, on: '2026-03-05' }, zh)
    const html = renderHtmlBody(printed)
    expect(html.indexOf('楼道扶手')).toBeLessThan(html.indexOf('儿童游乐设施'))
    for (const s of ['2026年度社区保障资金项目建议清单', '适老化改造', '60,000.00', '110,000.00', '超过可用资金100,000.00元共10,000.00元', '物业费补贴', '属于居民个人承担的费用（如物业服务费）', '门卫工资', '属于街道人员经费', '2026年3月5日']) expect(html).toContain(s)
    expect((await renderDocx(printed)).byteLength).toBeGreaterThan(1000)
  })
})
