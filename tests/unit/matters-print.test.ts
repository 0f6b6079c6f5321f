// The printed 一户一表 form (blank and filled) and the result notice (实施结果公开), in the block model
// of the 纪要: rendered to HTML and DOCX by the same producers, every word from the locales.
import { beforeAll, describe, expect, it } from 'vitest'
import { createI18n } from '../../src/shared/i18n/index'
import { renderDocx } from '../../src/shared/minutes/docx'
import { renderHtmlBody } from '../../src/shared/minutes/html'
import { householdFormDocument, printedDay, resultNoticeDocument, type PrintOptions, type ResultNoticeInput } from '../../src/shared/matters/print'
import type { ResidentRequest } from '../../src/shared/matters/requests'

let zh: PrintOptions
let en: PrintOptions
beforeAll(async () => {
  zh = { t: (await createI18n('zh-CN')).getFixedT('zh-CN') as PrintOptions['t'], lang: 'zh-CN' }
  en = { t: (await createI18n('en')).getFixedT('en') as PrintOptions['t'], lang: 'en' }
})

const request: ResidentRequest = {
  id: 'r1',
  receivedOn: '2026-03-02',
  channel: 'householdForm',
  category: 'repairs',
  requester: { kind: 'household', name: '李桂兰', contact: '138-0000-0000' },
  place: { building: '3栋', unit: '2单元', room: '301' },
  text: '3栋电梯经常停运，老人上下楼困难。',
  recordedAt: '2026-03-02T08:00:00.000Z',
  recordedBy: '张秘书',
}

const result: ResultNoticeInput = {
  councilName: '幸福社区居民议事会',
  matter: { id: 'm1', title: '3栋电梯维修', description: '', proposer: { kind: 'partyBranch', name: '社区党委' }, path: 'councilOnly', openedOn: '2026-03-10', createdAt: '', createdBy: '' },
  resolvedOn: '2026-03-15',
  followUp: { matterId: 'm1', owner: '物业服务中心', deadline: '2026-05-31', openedOn: '2026-03-17', completedOn: '2026-05-19' },
  milestones: [{ id: 'x', matterId: 'm1', title: '完成维修', due: '2026-05-20', doneOn: '2026-05-18', note: '', order: 'a0' }],
  postedOn: '2026-05-20',
  until: '2026-05-27',
}

describe('printed documents of the matters path', () => {
  it('the blank form has every label, every category to tick, and room to write', () => {
    const html = renderHtmlBody(householdFormDocument('幸福社区居民议事会', null, zh))
    for (const s of ['居民诉求登记表（一户一表）', '住址', '姓名', '联系方式', '诉求内容', '住户签字', '登记人', '☐环境卫生', '☐设施维修', '☐其他']) expect(html).toContain(s)
    expect(html).not.toContain('☑')
    expect(html).toContain('＿＿＿＿')
  })

  it('the filled form carries the request, its day and its category ticked', () => {
    const html = renderHtmlBody(householdFormDocument('幸福社区居民议事会', request, zh))
    // A bare room number gets its word; what already says what it is reads as written.
    expect(html).toContain('3栋 2单元 301室')
    expect(html).toContain('李桂兰')
    expect(html).toContain('张秘书')
    expect(html).toContain('2026年3月2日')
    expect(html).toContain('☑设施维修')
    expect(html).toContain('☐环境卫生')
    expect(html).toContain('老人上下楼困难')
  })

  it('the filled form in English words the place as the households register does', () => {
    const html = renderHtmlBody(householdFormDocument('幸福社区居民议事会', { ...request, place: { building: '3', unit: '2', room: '301', text: 'east gate' } }, en))
    expect(html).toContain('Bldg 3, Unit 2, Rm 301, east gate')
  })

  it('the result notice says what was resolved, who did it, the milestones and where to object; it renders to DOCX', async () => {
    const doc = resultNoticeDocument(result, zh)
    const html = renderHtmlBody(doc)
    expect(doc.title).toBe('关于“3栋电梯维修”实施结果的公示')
    for (const s of ['2026年3月15日议决的“3栋电梯维修”已实施完成', '物业服务中心', '完成维修', '2026年5月18日', '公示期自2026年5月20日至2026年5月27日', '幸福社区居民议事会']) expect(html).toContain(s)
    const docx = await renderDocx(doc)
    expect(docx.byteLength).toBeGreaterThan(1000)
    expect(renderHtmlBody(resultNoticeDocument(result, en))).toContain('This notice is posted from 20 May 2026 to 27 May 2026')
    expect(printedDay(en, '2026-03-02')).toBe('2 March 2026')
  })
})
