// The 台账 workbook (matters/ledger.ts) from a sample council year, written and read back with
// exceljs as an inspector's Excel or WPS would see it: the three sheets with Chinese headings, a
// frozen header row, column widths, dates stored as dates; every label of every enum translated in
// the three languages.
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { addRequest, initMattersDoc, openMatter, recordOutcome, recordReply, recordStep, type Recorder } from '../../src/shared/doc/matters'
import { addMilestone, completeFollowUp, openFollowUp, updateMilestone } from '../../src/shared/doc/mattersFollowUp'
import { createI18n } from '../../src/shared/i18n/index'
import { buildLedgerWorkbook, type Translate } from '../../src/shared/matters/ledger'
import { ledgerInput, meetingLedgerRow } from '../../src/shared/matters/ledgerInput'
import { markLeave, markPresent, startSignIn } from '../../src/shared/doc/attendance'
import { at, memberId, noticedMeeting, register } from './session-helpers'
import { STEP_KEYS } from '../../src/shared/matters/matterPath'
import { REPLY_CHANNELS, REQUEST_CATEGORIES, REQUEST_CHANNELS, REQUESTER_KINDS } from '../../src/shared/matters/requests'
import { COUNCIL_ID, newDoc } from './helpers'

let zh: Translate
let en: Translate
let tw: Translate
beforeAll(async () => {
  zh = (await createI18n('zh-CN')).getFixedT('zh-CN', 'matters') as Translate
  en = (await createI18n('en')).getFixedT('en', 'matters') as Translate
  tw = (await createI18n('zh-TW')).getFixedT('zh-TW', 'matters') as Translate
})

const who = (n: number): Recorder => ({ now: new Date(Date.UTC(2026, 2, 1) + n * 60_000).toISOString(), by: 'laptop' })

function sampleYear() {
  const doc = newDoc()
  initMattersDoc(doc, COUNCIL_ID, 2026)
  const base = { channel: 'householdForm' as const, category: 'repairs' as const, place: { building: '3栋', unit: '2单元', room: '301' } }
  const r1 = addRequest(doc, { ...base, receivedOn: '2026-03-02', requester: { kind: 'household', name: '李家' }, text: '3栋电梯经常停运' }, who(1))
  const r2 = addRequest(doc, { ...base, receivedOn: '2026-03-04', requester: { kind: 'resident', name: '赵先生' }, text: '电梯又坏了' }, who(2))
  const r3 = addRequest(doc, { ...base, receivedOn: '2026-03-05', channel: 'phone', requester: { kind: 'resident', name: '钱女士' }, text: '邻居装修噪音' }, who(3))
  addRequest(doc, { ...base, receivedOn: '2026-04-01', category: 'greening', requester: { kind: 'resident', name: '孙大爷' }, text: '花坛缺人打理' }, who(4))
  recordOutcome(doc, { kind: 'merged', into: r1, requestId: r2, on: '2026-03-06' }, who(5))
  recordOutcome(doc, { kind: 'declined', reason: '属于物业职责，已转物业', requestId: r3, on: '2026-03-06' }, who(6))
  recordReply(doc, { requestId: r3, on: '2026-03-07', how: 'phone', what: '已转物业处理', final: true }, who(7))
  const m = openMatter(doc, { title: '3栋电梯维修', description: '', proposer: { kind: 'partyBranch', name: '社区党委' }, path: 'councilOnly', openedOn: '2026-03-10' }, [r1], who(8))
  recordStep(doc, m, 'councilDeliberation', { mode: 'outside', date: '2026-03-15', body: '居民议事会', outcome: 'approved', scan: { hash: 'a'.repeat(64), name: '议事会记录.pdf', type: 'application/pdf', size: 9000 } }, false, who(9))
  recordStep(doc, m, 'councilNotice', { mode: 'outside', date: '2026-03-16', body: '公示栏', outcome: 'done', until: '2026-03-23' }, false, who(10))
  openFollowUp(doc, m, { owner: '物业服务中心', deadline: '2026-05-31' }, '2026-03-17')
  const ms = addMilestone(doc, m, { title: '完成维修', due: '2026-05-20' })
  updateMilestone(doc, ms, { doneOn: '2026-05-18' })
  completeFollowUp(doc, m, '2026-05-19')
  return doc
}

describe('ledgers workbook', () => {
  it('writes three sheets with Chinese headings, frozen header, widths and real dates, and reads back in exceljs', async () => {
    const doc = sampleYear()
    const bytes = await buildLedgerWorkbook(ledgerInput([doc], '2026-01-01', '2026-12-31', '2026-06-01'), zh)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(bytes as unknown as ArrayBuffer)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['民情及回音', '议题及程序', '决议落实'])

    const req = wb.worksheets[0]!
    expect(req.getRow(1).values).toEqual([undefined, '收到日期', '渠道', '类别', '提出人', '提出人类型', '地点', '诉求内容', '处理结果', '处理日期', '说明', '回音日期', '回音方式', '回音内容'])
    expect(req.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(req.getColumn(7).width).toBe(40)
    expect(req.rowCount).toBe(5)
    const first = req.getRow(2)
    expect(first.getCell(1).value).toEqual(new Date('2026-03-02T00:00:00Z'))
    expect(first.getCell(1).type).toBe(ExcelJS.ValueType.Date)
    expect(first.getCell(1).numFmt).toBe('yyyy-mm-dd')
    expect(first.getCell(2).value).toBe('一户一表')
    expect(first.getCell(8).value).toBe('已立为议题')
    expect(first.getCell(10).value).toBe('议题：3栋电梯维修')
    const merged = req.getRow(3)
    expect(merged.getCell(8).value).toBe('已合并')
    expect(merged.getCell(10).value).toBe('并入：3栋电梯经常停运')
    const declined = req.getRow(4)
    expect(declined.getCell(10).value).toBe('属于物业职责，已转物业')
    expect(declined.getCell(11).value).toEqual(new Date('2026-03-07T00:00:00Z'))
    expect(declined.getCell(12).value).toBe('电话')
    expect(declined.getCell(13).value).toBe('已转物业处理')
    expect(req.getRow(5).getCell(11).value).toBeNull()

    const mat = wb.worksheets[1]!
    expect(mat.getRow(1).getCell(6).value).toBe('步骤')
    expect(mat.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(mat.rowCount).toBe(3)
    expect(mat.getRow(2).getCell(6).value).toBe('议事会协商议决')
    expect(mat.getRow(2).getCell(8).type).toBe(ExcelJS.ValueType.Date)
    expect(mat.getRow(2).getCell(10).value).toBe('通过')
    expect(mat.getRow(2).getCell(12).value).toBe('议事会记录.pdf')
    expect(mat.getRow(3).getCell(6).value).toBe('公示')

    const fu = wb.worksheets[2]!
    expect(fu.getRow(1).values).toEqual([undefined, '议题', '决议日期', '责任人', '完成期限', '状态', '逾期天数', '落实完成日期', '节点', '节点期限', '节点完成日期'])
    expect(fu.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    const row = fu.getRow(2)
    expect(row.getCell(2).value).toEqual(new Date('2026-03-15T00:00:00Z'))
    expect(row.getCell(5).value).toBe('已完成')
    expect(row.getCell(6).value).toBe(0)
    expect(row.getCell(10).type).toBe(ExcelJS.ValueType.Date)
  })

  it('adds the meetings sheet with attendance when meetings are given', async () => {
    const { doc: meeting } = noticedMeeting()
    startSignIn(meeting, register(5), at(-30))
    markPresent(meeting, memberId(1), at(-20))
    markPresent(meeting, memberId(2), at(-19))
    markPresent(meeting, memberId(3), at(-18))
    markLeave(meeting, memberId(4), '出差', at(-17))
    const row = meetingLedgerRow(meeting)!
    expect(row).toMatchObject({ members: 5, present: 3, leave: 1, absent: 0, items: 2 })
    const input = { ...ledgerInput([sampleYear()], '2025-01-01', '2026-12-31', '2026-06-01'), meetings: [row] }
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await buildLedgerWorkbook(input, zh)) as unknown as ArrayBuffer)
    const ws = wb.worksheets[3]!
    expect(ws.name).toBe('会议及出席')
    expect(ws.getRow(1).values).toEqual([undefined, '会议日期', '会议名称', '地点', '召集人', '应到人数', '实到人数', '请假人数', '缺席人数', '议程项数'])
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(ws.getRow(2).getCell(1).type).toBe(ExcelJS.ValueType.Date)
    expect(ws.getRow(2).getCell(1).value).toEqual(new Date(`${row.date}T00:00:00Z`))
    expect([5, 6, 7, 8, 9].map((c) => ws.getRow(2).getCell(c).value)).toEqual([5, 3, 1, 0, 2])
  })

  it('a date range keeps only what was received or opened in it', async () => {
    const doc = sampleYear()
    const bytes = await buildLedgerWorkbook(ledgerInput([doc], '2026-04-01', '2026-04-30', '2026-06-01'), en)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(bytes as unknown as ArrayBuffer)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Requests and replies', 'Matters and their paths', 'Resolutions and follow-up'])
    expect(wb.worksheets[0]!.rowCount).toBe(2)
    expect(wb.worksheets[0]!.getRow(2).getCell(3).value).toBe('Greenery')
    expect(wb.worksheets[1]!.rowCount).toBe(1)
  })

  it('every channel, category, requester, reply channel and step has its label in zh-CN, zh-TW and en', () => {
    const keys = [
      ...REQUEST_CHANNELS.map((k) => `channel.${k}`),
      ...REQUEST_CATEGORIES.map((k) => `category.${k}`),
      ...REQUESTER_KINDS.map((k) => `requesterKind.${k}`),
      ...REPLY_CHANNELS.map((k) => `replyChannel.${k}`),
      ...STEP_KEYS.map((k) => `step.${k}`),
    ]
    for (const t of [zh, tw, en]) for (const k of keys) expect(t(k)).not.toBe(k)
    expect(tw('step.partyMembersReview')).toBe('黨員大會審議')
  })
})
