// The daily public notice of a mock relocation (campaignNoticeDocument): addresses only unless the
// council turns names on, the rate rounded down and never up, the day's state (entries dated up to
// that day), the decision once made, and hostile room and owner text kept as text through the HTML.
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { signingStateOnDay } from '../../src/shared/campaigns/dayState'
import { parseYuan, percentText, rateText, yuanText } from '../../src/shared/campaigns/figures'
import { campaignNoticeDocument, type CampaignNoticeInput, type CampaignNoticeOptions } from '../../src/shared/campaigns/notice'
import { defaultCampaignSettings, type CampaignEntry, type CampaignSettings } from '../../src/shared/domain/campaign'
import { decideCampaign, type RelocationDecision } from '../../src/shared/domain/campaignDecision'
import type { Household, HouseholdId } from '../../src/shared/domain/household'
import { createI18n } from '../../src/shared/i18n/index'
import type { Block, PrintDocument } from '../../src/shared/minutes/blocks'
import { escapeHtml, renderHtmlBody } from '../../src/shared/minutes/html'

const HOSTILE_ROOM = '"><script>alert(1)</script>'
const HOSTILE_OWNER = '<img src=x onerror=alert(2)>'
const HOSTILE_TITLE = "{{constructor.constructor('alert(3)')()}} $t(campaigns:title)"

/** 10:00 Beijing on a day of March 2025. */
const on = (day: number) => `2025-03-${String(day).padStart(2, '0')}T02:00:00.000Z`
const date = (day: number) => on(day).slice(0, 10)

function settings(over: Partial<CampaignSettings> = {}): CampaignSettings {
  return { ...defaultCampaignSettings('relocation', date(1), date(3)), title: '东风院落模拟搬迁', ...over }
}

function households(n: number, owner = (i: number) => `业主${i}`, room = (i: number) => String(101 + i)): Household[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `h-${String(i).padStart(4, '0')}` as HouseholdId,
    building: String(1 + (i % 2)),
    unit: '1',
    room: room(i),
    owner: owner(i),
    tenant: '',
    areaCentiM2: 6000,
    phone: '',
    addedOn: '2025-01-01',
    removedOn: null,
    createdAt: '2025-01-01T00:00:00.000Z',
  }))
}

let n = 0
function sign(h: Household, day: number, type: 'sign' | 'withdraw' = 'sign'): CampaignEntry {
  return { entryId: `e-${String(++n).padStart(5, '0')}`, type, householdId: h.id, at: on(day), date: date(day), recordedBy: '李秘书', device: 'web-1', agent: null }
}

type T = CampaignNoticeOptions['t']
let zh: T
let en: T
beforeAll(async () => {
  zh = (await createI18n('zh-CN')).getFixedT('zh-CN') as T
  en = (await createI18n('en')).getFixedT('en') as T
})

function notice(
  hs: Household[],
  entries: CampaignEntry[],
  o: Partial<CampaignNoticeOptions> & { day: string; now?: string; decision?: RelocationDecision | null; settings?: CampaignSettings },
): PrintDocument {
  const s = o.settings ?? settings()
  const input: CampaignNoticeInput = {
    campaign: s,
    councilName: o.t === en ? 'Dongfeng council' : '东风社区居民议事会',
    state: signingStateOnDay(s, hs, entries, o.day, o.now ?? on(Number(o.day.slice(8)))),
    decision: o.decision ?? null,
  }
  return campaignNoticeDocument(input, { t: o.t ?? zh, lang: o.lang ?? 'zh-CN', day: o.day, showNames: o.showNames ?? false })
}

const fields = (d: PrintDocument) => Object.fromEntries(d.blocks.filter((b): b is Extract<Block, { kind: 'field' }> => b.kind === 'field').map((b) => [b.label, b.value]))
const table = (d: PrintDocument) => d.blocks.find((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table')!

describe('the daily notice', () => {
  it('lists the signed rooms only, without names, by default', () => {
    const hs = households(4)
    const d = notice(hs, [sign(hs[0]!, 1), sign(hs[2]!, 1)], { day: date(1) })
    const tb = table(d)
    expect(tb.header).toEqual(['楼栋', '单元', '已签约房号', '户数'])
    expect(tb.rows).toEqual([['1', '1', '101、103', '2']])
    expect(JSON.stringify(d)).not.toContain('业主')
    expect(d.kind).toBe('notice')
    expect(d.blocks[0]).toEqual({ kind: 'title', text: '东风院落模拟搬迁签约情况公示' })
  })

  it("prints the owners' names only when the council turned that on", () => {
    const hs = households(4)
    const d = notice(hs, [sign(hs[1]!, 1)], { day: date(1), showNames: true })
    expect(table(d).header).toEqual(['楼栋', '单元', '已签约房号', '户数'])
    expect(table(d).rows).toEqual([['2', '1', '102（业主1）', '1']])
  })

  it('gives the rate, signed out of the roll, the threshold with the households it needs, and the days left', () => {
    const hs = households(200)
    const entries = hs.slice(0, 150).map((h) => sign(h, 1)).concat(hs.slice(150, 185).map((h) => sign(h, 2)), [sign(hs[3]!, 2, 'withdraw')])
    const day1 = fields(notice(hs, entries, { day: date(1), now: on(2) }))
    expect(day1).toMatchObject({ 签约率: '75%', 已签约: '150户，共200户', 生效条件: '签约率达到90%（至少180户）', 剩余天数: '含当天还有3天' })
    const day2 = fields(notice(hs, entries, { day: date(2) }))
    expect(day2).toMatchObject({ 签约率: '92%', 已签约: '184户，共200户', 剩余天数: '含当天还有2天', 签约期: '2025年3月1日至2025年3月3日' })
    const rows = table(notice(hs, entries, { day: date(2) })).rows
    expect(rows.map((r) => r[0])).toEqual(['1', '2'])
    expect(rows.reduce((n, r) => n + Number(r[3]), 0)).toBe(184)
    expect(rows[0]![2]!.split('、')).toHaveLength(Number(rows[0]![3]))
    expect(rows[1]![2]!.split('、')).not.toContain('104')
  })

  it('never rounds the rate up', () => {
    const hs = households(3)
    const d = notice(hs, [sign(hs[0]!, 1), sign(hs[1]!, 1)], { day: date(1) })
    expect(fields(d)['签约率']).toBe('66.66%')
    expect(rateText({ num: 17_999, den: 20_000 })).toBe('89.99')
    expect(rateText({ num: 179, den: 200 })).toBe('89.5')
    expect(rateText({ num: 0, den: 0 })).toBe('0')
    expect([percentText(10_000), percentText(9_200), percentText(905), percentText(1)]).toEqual(['100', '92', '9.05', '0.01'])
  })

  it('shows the decision on a notice for the deadline or later, and the closed window', () => {
    const hs = households(10)
    const entries = hs.slice(0, 9).map((h) => sign(h, 2))
    const r = decideCampaign(settings(), hs, entries, on(4), { decisionId: 'd-1', decidedBy: '李秘书' })
    if (!r.ok || r.decision.kind !== 'relocation') throw new Error('not decided')
    const d = fields(notice(hs, entries, { day: date(4), decision: r.decision }))
    expect(d).toMatchObject({ 签约率: '90%', 剩余天数: '签约期已截止', 决定结果: '已生效：签约率 90%（9/10 户）' })
    expect(fields(notice(hs, entries, { day: date(2), now: on(4), decision: r.decision }))['决定结果']).toBeUndefined()
  })

  it('reads in English', () => {
    const hs = households(2)
    const d = notice(hs, [sign(hs[0]!, 1)], { day: date(1), t: en, lang: 'en', showNames: true })
    expect(d.blocks[0]).toEqual({ kind: 'title', text: 'Public notice of signing: 东风院落模拟搬迁' })
    expect(fields(d)).toMatchObject({ 'Signing rate': '50%', Signed: '1 of 2 households', 'Days left': '3 days including this day', 'Signing window': '1 March 2025 to 3 March 2025' })
    expect(table(d).header).toEqual(['Building', 'Unit', 'Rooms signed', 'Households'])
    expect(table(d).rows).toEqual([['1', '1', '101 (业主0)', '1']])
  })

  it('keeps hostile room, owner and title text as text through the HTML', () => {
    const error = vi.spyOn(console, 'error')
    const hs = households(2, () => HOSTILE_OWNER, () => HOSTILE_ROOM)
    const d = notice(hs, [sign(hs[0]!, 1)], { day: date(1), showNames: true, settings: settings({ title: HOSTILE_TITLE }) })
    expect(table(d).rows[0]).toEqual(['1', '1', `${HOSTILE_ROOM}（${HOSTILE_OWNER}）`, '1'])
    expect(d.title).toBe(`${HOSTILE_TITLE}签约情况公示`)
    const html = renderHtmlBody(d)
    expect(html).not.toMatch(/<(script|img)|style=/i)
    for (const s of [HOSTILE_ROOM, HOSTILE_OWNER, HOSTILE_TITLE]) expect(html).toContain(escapeHtml(s))
    expect(error).not.toHaveBeenCalled()
    error.mockRestore()
  })
})

describe('money', () => {
  it('reads yuan as whole fen and prints fen as yuan, exactly', () => {
    expect(['12', '12.5', '12.05', '1,200.05', '０.１', ' 7 '].map((s) => parseYuan(s))).toEqual([1200, 1250, 1205, 120005, 10, 700])
    expect(['', '1.234', 'abc', '-3', '1e3', '12.'].map((s) => parseYuan(s))).toEqual([null, null, null, null, null, null])
    expect(parseYuan('-30.5', { allowNegative: true })).toBe(-3050)
    expect([yuanText(0), yuanText(5), yuanText(123456), yuanText(-50), yuanText(100_000_000_000)]).toEqual(['0.00', '0.05', '1,234.56', '-0.50', '1,000,000,000.00'])
  })
})
