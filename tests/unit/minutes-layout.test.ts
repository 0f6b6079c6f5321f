// The printed documents as blocks, from a real closed meeting in zh-CN and en: the record holds
// every part domain.md section 4 asks for, the summary is numbered 一、(一) and ends with the
// attendance lines and the date, the notice lists passed motions only, and the numerals are right.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { editText, setResolution } from '../../src/shared/doc/minutes'
import { createI18n } from '../../src/shared/i18n/index'
import type { Language } from '../../src/shared/i18n/languages'
import type { Block, PrintDocument } from '../../src/shared/minutes/blocks'
import { isolate, noticeDocument, recordDocument, reviewDocument, summaryDocument, type LayoutOptions, type MinutesSources } from '../../src/shared/minutes/layout'
import { assembleMeetingRecord, type MeetingRecord, type MotionEntry } from '../../src/shared/minutes/model'
import { chineseNumeral, headingNumber, letterNumeral, romanNumeral } from '../../src/shared/minutes/numerals'
import { AMENDMENT_SCHEMA } from '../../src/shared/minutes/seal'
import { closedMeeting, council } from './minutes-fixture'
import { at } from './session-helpers'

const f = closedMeeting()
setResolution(f.doc, f.motionId, { implementer: '物业服务中心', due: '2025-06-30' })
editText(f.doc, { kind: 'narrative' }, '会议由召集人宣布开始。\n\n与会人员就加装电梯充分讨论。')
const base = assembleMeetingRecord(f.doc, council())
editText(f.doc, { kind: 'item', itemId: base.agenda[0]!.id }, '低楼层住户担心采光。\n物业承诺出具评估。')
const record = assembleMeetingRecord(f.doc, council())

/** The same record with a failed motion on the second item, as a meeting can end. */
function withFailedMotion(r: MeetingRecord): MeetingRecord {
  const copy = structuredClone(r)
  const passed = copy.agenda[0]!.motions[0]!
  const failed: MotionEntry = { ...structuredClone(passed), id: 'failed-motion', text: '垃圾分类点迁至北门', status: 'failed', amendments: [], resolution: null }
  failed.textVersions = [{ text: failed.text, at: at(20), amendmentId: null }]
  failed.votes = failed.votes.map((v) => ({ ...v, result: v.result && { ...v.result, outcome: 'failed', counts: { ...v.result.counts, for: 1, against: 2 } } }))
  copy.agenda[1]!.motions.push(failed)
  return copy
}

const SIGS = [
  { role: 'chair' as const, name: '李主任', signedAt: at(40) },
  { role: 'recorder' as const, name: '成员2', signedAt: at(41) },
]
const HASH = 'ab'.repeat(32)
const notice = { place: '小区公告栏', startDate: '2025-03-11', endDate: '2025-03-17', postedAt: at(60) }
const objection = { id: 'o1', receivedOn: '2025-03-12', from: '3栋201户', content: '担心影响采光', handling: '已上门沟通', handledOn: '2025-03-14' }
const draft: MinutesSources = { record: withFailedMotion(record), signatures: [], sealedHash: null, corrections: [], notice: null, objections: [] }
const sealed: MinutesSources = {
  record: withFailedMotion(record),
  signatures: SIGS,
  sealedHash: HASH,
  corrections: [{ schema: AMENDMENT_SCHEMA, amends: HASH, text: '第二项议题的提出人应为王五。', at: at(24 * 60), by: '成员2' }],
  notice,
  objections: [objection],
}

const options: Partial<Record<Language, LayoutOptions>> = {}
const errors = vi.spyOn(console, 'error')
beforeAll(async () => {
  for (const lang of ['zh-CN', 'en', 'zh-TW'] as const) {
    const i18n = await createI18n(lang)
    options[lang] = { t: i18n.t.bind(i18n) as LayoutOptions['t'], lang, timeZone: 'Asia/Shanghai' }
  }
})
// createI18n reports a missing key on console.error: every label the layouts ask for must exist.
afterEach(() => expect(errors).not.toHaveBeenCalled())

const o = (lang: Language): LayoutOptions => options[lang]!
const fields = (d: PrintDocument) => d.blocks.filter((b): b is Extract<Block, { kind: 'field' }> => b.kind === 'field')
const fieldValue = (d: PrintDocument, label: string) => fields(d).find((b) => b.label === label)?.value
const tables = (d: PrintDocument) => d.blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table')
const headings = (d: PrintDocument) => d.blocks.filter((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading')
const paragraphs = (d: PrintDocument) => d.blocks.filter((b): b is Extract<Block, { kind: 'paragraph' }> => b.kind === 'paragraph').map((b) => b.text)
/** Every word of a document, one block a line. */
const allText = (d: PrintDocument): string =>
  d.blocks
    .map((b) => {
      switch (b.kind) {
        case 'table':
          return [b.header, ...b.rows].map((r) => r.join(' | ')).join('\n')
        case 'signatures':
          return b.entries.map((e) => `${e.label} ${e.name} ${e.at}`).join('\n')
        case 'pageBreak':
          return '----'
        case 'heading':
          return b.number + b.text
        case 'field':
        case 'attendance':
          return `${b.label}: ${b.value}`
        case 'seal':
          return `${b.label} ${b.hash} ${b.note}`
        case 'closing':
          return [b.issuer, b.date, b.seal ? `${b.seal.label} ${b.seal.hash} ${b.seal.note}` : ''].join('\n')
        default:
          return b.text
      }
    })
    .join('\n')

describe('recordDocument (会议记录)', () => {
  it('zh-CN: heading facts, attendance with names and reasons, observers and quorum', () => {
    const d = recordDocument(draft, o('zh-CN'))
    expect(d).toMatchObject({ kind: 'record', lang: 'zh-CN', title: '桂溪社区居民议事会会议记录', draft: '草稿', footer: '桂溪社区居民议事会' })
    expect(d.blocks[0]).toEqual({ kind: 'title', text: d.title })
    expect(fieldValue(d, '时间')).toBe('2025年3月10日 19:30')
    expect(fieldValue(d, '宣布开会')).toBe('19:30')
    expect(fieldValue(d, '地点')).toBe('社区活动室')
    expect(fieldValue(d, '主持人')).toBe('李主任')
    expect(fieldValue(d, '记录人')).toBe('成员2')
    expect(fieldValue(d, '应到')).toBe('6人')
    expect(fieldValue(d, '实到')).toBe('4人：成员1、成员2、成员3、成员4')
    expect(fieldValue(d, '请假')).toBe('1人：成员6（出差）')
    expect(fieldValue(d, '缺席')).toBe('1人：成员5')
    expect(fieldValue(d, '列席')).toBe('2人：成员7、街道王科长（街道办）')
    expect(fieldValue(d, '法定人数')).toContain('达到法定人数')
    expect(paragraphs(d)).toEqual(expect.arrayContaining(['会议由召集人宣布开始。', '与会人员就加装电梯充分讨论。', '低楼层住户担心采光。', '物业承诺出具评估。']))
  })

  it('zh-CN: agenda items, recusal, motions with their wordings, speeches, both votes and the resolution', () => {
    const d = recordDocument(draft, o('zh-CN'))
    expect(headings(d).map((h) => [h.level, h.number])).toEqual([
      [1, ''], // 会议概况
      [1, '一、'],
      [2, '（一）'],
      [3, '1.'],
      [1, '二、'],
      [2, '（一）'],
      [1, ''], // 附件：签到表
    ])
    expect(fieldValue(d, '回避')).toBe('成员3（住3栋）')
    expect(fieldValue(d, '提出人')).toBe('王五')
    expect(fieldValue(d, '议题来源')).toBe('居民提出')
    expect(paragraphs(d)).toContain('第1稿（19:35）：同意3栋加装电梯')
    const speech = tables(d).find((t) => t.header[0] === '发言人')!
    expect(speech.rows).toEqual([['成员4', '反对', '担心噪音', '2分0秒']])
    const votes = tables(d).filter((t) => t.header[0] === '赞成')
    expect(votes.map((t) => t.rows[0]!.slice(0, 6))).toEqual([
      ['3', '0', '0', '2', '1', '0'], // the main motion, as amended
      ['2', '1', '0', '2', '1', '0'], // the amendment, voted first
      ['1', '2', '0', '2', '1', '0'], // the failed motion
    ])
    expect(votes.map((t) => t.rows[0]!.at(-1))).toEqual(['通过', '通过', '未通过'])
    expect(votes[0]!.rows[0]![6]).toBe('有效票（赞成加反对）：3')
    expect(fieldValue(d, '第1次表决')).toBe('举手表决，简单多数，19:45至19:46')
    expect(paragraphs(d)).toContain('通过：赞成 3 票，多于反对 0 票（弃权 0 票不算有效票）。')
    expect(fields(d).filter((b) => b.label === '决议').map((b) => b.value)).toEqual(['同意3栋加装电梯，费用按楼层分摊'])
    expect(fieldValue(d, '落实人')).toBe('物业服务中心')
    expect(fieldValue(d, '完成时限')).toBe('2025年6月30日')
  })

  it('zh-CN: 散会 with the time, blank signature lines, then the sign-in sheet after a page break', () => {
    const d = recordDocument(draft, o('zh-CN'))
    expect(paragraphs(d)).toContain('20:00散会。')
    expect(d.blocks.find((b) => b.kind === 'signatures')).toEqual({
      kind: 'signatures',
      entries: [
        { label: '主持人', name: '', at: '' },
        { label: '记录人', name: '', at: '' },
      ],
    })
    const brk = d.blocks.findIndex((b) => b.kind === 'pageBreak')
    expect(d.blocks[brk + 1]).toEqual({ kind: 'heading', level: 1, number: '', text: '附件：签到表' })
    const sheet = d.blocks[brk + 2] as Extract<Block, { kind: 'table' }>
    expect(sheet.header).toEqual(['序号', '姓名', '角色', '签到情况', '原因或说明', '进出场时间'])
    expect(sheet.rows.map((r) => [r[1], r[3], r[4]])).toEqual([
      ['成员1', '到会', '—'],
      ['成员2', '到会', '—'],
      ['成员3', '到会', '—'],
      ['成员4', '到会', '—'],
      ['成员5', '缺席', '—'],
      ['成员6', '请假', '出差'],
      ['成员7', '列席', '—'],
      ['街道王科长', '列席', '街道办'],
    ])
    expect(d.blocks.some((b) => b.kind === 'seal')).toBe(false)
  })

  it('sealed: no draft mark, the signatures as signed, the seal, and corrections naming the sealed hash', () => {
    const d = recordDocument(sealed, o('zh-CN'))
    expect(d.draft).toBeNull()
    expect(d.blocks.find((b) => b.kind === 'signatures')).toEqual({
      kind: 'signatures',
      entries: [
        { label: '主持人', name: '李主任', at: '2025年3月10日 20:10' },
        { label: '记录人', name: '成员2', at: '2025年3月10日 20:11' },
      ],
    })
    const seal = d.blocks.findIndex((b) => b.kind === 'seal')
    expect(d.blocks[seal]).toMatchObject({ kind: 'seal', hash: HASH, label: '封存值（SHA-256）' })
    const text = allText(d)
    expect(text).toContain('2025年3月11日 19:30，成员2更正：第二项议题的提出人应为王五。')
    expect(fieldValue(d, '所更正的封存记录')).toBe(HASH)
    expect(text.indexOf('更正：')).toBeGreaterThan(text.indexOf(HASH))
  })

  it('en: the same parts in English, with plurals', () => {
    const d = recordDocument(draft, o('en'))
    expect(d.draft).toBe('DRAFT')
    expect(fieldValue(d, 'Time')).toBe('10 March 2025, 19:30')
    expect(fieldValue(d, 'Expected')).toBe('6 members')
    expect(fieldValue(d, 'Present')).toBe('4 — 成员1, 成员2, 成员3, 成员4')
    expect(fieldValue(d, 'On leave')).toBe('1 — 成员6 (出差)')
    expect(fieldValue(d, 'Absent')).toBe('1 — 成员5')
    expect(fieldValue(d, 'Observers')).toBe('2 — 成员7, 街道王科长 (街道办)')
    expect(fieldValue(d, 'Recused')).toBe('成员3 (住3栋)')
    expect(headings(d).map((h) => h.number)).toEqual(['', '1.', '(1)', '(a)', '2.', '(1)', ''])
    expect(tables(d).find((t) => t.header[0] === 'Speaker')!.rows).toEqual([['成员4', 'Against', '担心噪音', '2 min 0 s']])
    expect(tables(d).filter((t) => t.header[0] === 'For').map((t) => t.rows[0]!.at(-1))).toEqual(['Passed', 'Passed', 'Not passed'])
    expect(paragraphs(d)).toContain('The meeting closed at 20:00.')
    expect(allText(d)).toContain('Attachment: sign-in sheet')
  })

  it('prints wall-clock meeting times as written, and instants in the zone asked for', () => {
    const utc = recordDocument(draft, { ...o('zh-CN'), timeZone: 'UTC' })
    expect(fieldValue(utc, '时间')).toBe('2025年3月10日 19:30')
    expect(fieldValue(utc, '宣布开会')).toBe('11:30')
    // On another day there: the time is printed with its date.
    const kiritimati = recordDocument(draft, { ...o('zh-CN'), timeZone: 'Pacific/Kiritimati' })
    expect(fieldValue(kiritimati, '时间')).toBe('2025年3月10日 19:30')
    expect(fieldValue(kiritimati, '宣布开会')).toBe('2025年3月11日 01:30')
  })

  it('records an opening without quorum: who decided, why and when, in the record and the summary', () => {
    const r = structuredClone(draft.record)
    r.session.quorumMet = false
    r.session.quorumOverride = { by: '李主任', reason: '雨天，多人未到', at: at(1) }
    const d = recordDocument({ ...draft, record: r }, o('zh-CN'))
    expect(fieldValue(d, '法定人数')).toBe('未达到法定人数，19:31由李主任决定仍然开会，原因：雨天，多人未到。其间的表决均为无效。')
    expect(paragraphs(summaryDocument({ ...draft, record: r }, o('zh-CN')))[0]).toMatch(/未达到法定人数，经李主任决定仍然开会，其间的表决无效。$/)
  })

  it('zh-TW: every label exists (no missing key is reported)', () => {
    const d = recordDocument(sealed, o('zh-TW'))
    expect(d.title).toBe('桂溪社区居民议事会會議記錄')
    expect(allText(d)).toContain('附件：簽到表')
    expect(summaryDocument(sealed, o('zh-TW')).blocks.filter((b) => b.kind === 'attendance').map((b) => (b.kind === 'attendance' ? b.label : ''))).toEqual(['出席', '請假', '缺席', '列席'])
    expect(noticeDocument(sealed, o('zh-TW')).title).toBe('關於三月议事会決議的公示')
  })

  it('says how many ballots came from phones and lists their receipts, only for a vote that took them', () => {
    expect(record.agenda[0]!.motions[0]!.votes[0]).not.toHaveProperty('phone')
    const r = structuredClone(draft.record)
    r.agenda[0]!.motions[0]!.votes[0]!.phone = { ballots: 2, receipts: ['7KQM-2X9P', 'AB12-CD34'] }
    const zh = allText(recordDocument({ ...draft, record: r }, o('zh-CN')))
    expect(zh).toContain('其中手机投票2张。')
    expect(zh).toContain('手机投票回执：7KQM-2X9P AB12-CD34')
    expect(allText(recordDocument({ ...draft, record: r }, o('en')))).toContain('Of these, 2 ballots came from phones.')
    expect(allText(recordDocument(draft, o('zh-CN')))).not.toContain('手机投票')
  })

  it('isolates user text holding bidi controls, so it cannot reorder the printed line', () => {
    expect(isolate('成员1')).toBe('成员1')
    expect(isolate('a\u202Eb')).toBe('\u2068a\u202Eb\u2069')
    expect(isolate('\u2069x')).toBe('\u2068\u2068\u2069x\u2069')
    const r = structuredClone(record)
    r.attendance.members[0]!.name = '成员\u202E1'
    expect(fieldValue(recordDocument({ ...draft, record: r }, o('zh-CN')), '实到')).toBe('4人：\u2068成员\u202E1\u2069、成员2、成员3、成员4')
  })
})

describe('summaryDocument (纪要)', () => {
  it('zh-CN: title, opening paragraph, headings 一、(一) 1., the resolution in plain words', () => {
    const d = summaryDocument(draft, o('zh-CN'))
    expect(d).toMatchObject({ kind: 'summary', title: '桂溪社区居民议事会会议纪要', draft: '草稿' })
    expect(d.blocks[1]).toEqual({ kind: 'subtitle', text: '三月议事会（2025年3月10日）' })
    expect(d.blocks[2]).toEqual({
      kind: 'paragraph',
      indent: true,
      text: '2025年3月10日 19:30，李主任召集的三月议事会在社区活动室召开，会议由李主任主持。会议应到6人，实到4人，达到法定人数。',
    })
    expect(headings(d).map((h) => `${h.level}${h.number}${h.text}`)).toEqual(['1一、加装电梯', '2（一）同意3栋加装电梯，费用按楼层分摊', '31.修正案：同意3栋加装电梯，费用按楼层分摊', '1二、垃圾分类', '2（一）垃圾分类点迁至北门'])
    const p = paragraphs(d)
    expect(p).toContain('主动议：会议采取举手表决方式，按“简单多数”规则，以赞成3票、反对0票、弃权0票通过。由物业服务中心负责落实，2025年6月30日前完成。')
    expect(p).toContain('会议采取举手表决方式，按“简单多数”规则表决，赞成1票、反对2票、弃权0票，未获通过。')
    expect(p).toContain('成员3与本议题有利害关系，回避了表决。')
    expect(d.blocks.every((b) => b.kind !== 'paragraph' || b.indent)).toBe(true)
  })

  it('zh-CN: 出席 / 请假 / 列席 lines with the names, the date in Arabic numerals, the seal when sealed', () => {
    const d = summaryDocument(draft, o('zh-CN'))
    const lines = d.blocks.filter((b) => b.kind === 'attendance')
    expect(lines).toEqual([
      { kind: 'attendance', label: '出席', value: '成员1、成员2、成员3、成员4' },
      { kind: 'attendance', label: '请假', value: '成员6' },
      { kind: 'attendance', label: '缺席', value: '成员5' },
      { kind: 'attendance', label: '列席', value: '成员7、街道王科长（街道办）' },
    ])
    expect(d.blocks.at(-1)).toEqual({ kind: 'closing', issuer: '桂溪社区居民议事会', date: '2025年3月10日', seal: null })
    const s = summaryDocument(sealed, o('zh-CN'))
    expect(s.draft).toBeNull()
    expect(s.blocks.at(-1)).toMatchObject({ kind: 'closing', issuer: '桂溪社区居民议事会', date: '2025年3月10日', seal: { hash: HASH } })
  })

  it('en: numbered 1. (1) (a), list separator ", "', () => {
    const d = summaryDocument(draft, o('en'))
    expect(d.title).toBe('桂溪社区居民议事会: minutes')
    expect(headings(d).map((h) => h.number)).toEqual(['1.', '(1)', '(a)', '2.', '(1)'])
    expect(d.blocks.filter((b) => b.kind === 'attendance').map((b) => (b.kind === 'attendance' ? `${b.label}: ${b.value}` : ''))).toEqual([
      'Present: 成员1, 成员2, 成员3, 成员4',
      'On leave: 成员6',
      'Absent: 成员5',
      'Observers: 成员7, 街道王科长 (街道办)',
    ])
    expect(paragraphs(d)[0]).toContain('4 of the 6 members attended; quorum was reached.')
    expect(paragraphs(d)).toContain('The main motion: Passed by show of hands under the rule “Simple majority”, with 3 for, 0 against and 0 abstaining. 物业服务中心 is to carry it out by 30 June 2025.')
    expect(d.blocks.at(-1)).toEqual({ kind: 'closing', issuer: '桂溪社区居民议事会', date: '10 March 2025', seal: null })
  })
})

describe('noticeDocument (公示)', () => {
  it('lists the passed main motions only, with their counts, the period and the objections', () => {
    const d = noticeDocument(sealed, o('zh-CN'))
    expect(d).toMatchObject({ kind: 'notice', title: '关于三月议事会决议的公示', draft: null })
    const text = allText(d)
    expect(text).toContain('一、同意3栋加装电梯，费用按楼层分摊（赞成3票，反对0票，弃权0票）。由物业服务中心负责落实，2025年6月30日前完成。')
    expect(text).not.toContain('垃圾分类点迁至北门')
    expect(text).not.toContain('二、')
    expect(fieldValue(d, '公示地点')).toBe('小区公告栏')
    expect(fieldValue(d, '公示期')).toBe('2025年3月11日至2025年3月17日（共7天）')
    const register = tables(d).at(-1)!
    expect(register.header).toEqual(['收到日期', '提出人', '异议内容', '处理情况', '处理日期'])
    expect(register.rows).toEqual([['2025年3月12日', '3栋201户', '担心影响采光', '已上门沟通', '2025年3月14日']])
    expect(d.blocks.filter((b) => b.kind === 'date').map((b) => (b.kind === 'date' ? b.text : ''))).toEqual(['桂溪社区居民议事会', '2025年3月11日'])
  })

  it('a "无" row when no objection came, the draft mark before the seal, English plurals', () => {
    const d = noticeDocument(draft, o('zh-CN'))
    expect(d.draft).toBe('草稿')
    expect(tables(d).at(-1)!.rows).toEqual([['无', '', '', '', '']])
    expect(fieldValue(d, '公示期')).toBe('待定')
    const en = noticeDocument({ ...sealed, notice: { ...notice, endDate: '2025-03-11' } }, o('en'))
    expect(fieldValue(en, 'Notice period')).toBe('11 March 2025 to 11 March 2025 (1 day)')
    expect(allText(en)).not.toContain('垃圾分类点迁至北门')
  })
})

describe('reviewDocument (审核意见)', () => {
  it('labels the checklist and the decision, and carries the bundle hash', () => {
    const d = reviewDocument(
      {
        councilName: '桂溪社区居民议事会',
        meetingTitle: '三月议事会',
        meetingStartsAt: '2025-03-10T19:30',
        decision: 'returned',
        comments: '请补充回避记录。',
        reviewer: '王科长',
        office: '桂溪街道办事处',
        reviewedAt: '2025-03-20T02:00:00.000Z',
        bundleHash: HASH,
        checklist: [
          { id: 'quorum', status: 'pass', detail: { votes: 2 } },
          { id: 'recusals', status: 'fail', detail: { reason: 'recusedCountMismatch', claimed: 1, expected: 2 } },
          { id: 'notice', status: 'fail', detail: { reason: 'missing' } },
          { id: 'future', status: 'warn', detail: { figure: 3 } },
          { id: 'objections', status: 'na', detail: {} },
          { id: 'signatures', status: 'fail', detail: {} },
        ],
      },
      o('zh-CN'),
    )
    expect(d).toMatchObject({ kind: 'review', title: '审核意见', draft: null, footer: '桂溪街道办事处' })
    expect(fieldValue(d, '审核结论')).toBe('退回补正')
    expect(fieldValue(d, '会议时间')).toBe('2025年3月10日 19:30')
    // The sentences are the review screen's (review:detail.*); an unknown item prints its figures.
    const { t } = o('zh-CN')
    expect(tables(d)[0]!.rows).toEqual([
      ['法定人数', '符合', t('review:detail.quorum.pass', { votes: 2 })],
      ['回避', '不符合', t('review:detail.recusals.recusedCountMismatch', { claimed: 1, expected: 2 })],
      ['公示', '不符合', t('review:detail.notice.missing')],
      ['future', '需注意', 'figure：3'],
      ['异议处理', '不适用', '—'],
      ['签字与封存', '不符合', '—'],
    ])
    expect(tables(d)[0]!.rows[1]![2]).toContain('2')
    expect(paragraphs(d)).toContain('请补充回避记录。')
    expect(d.blocks).toContainEqual({ kind: 'date', text: '2025年3月20日' })
    expect(d.blocks.at(-1)).toMatchObject({ kind: 'seal', hash: HASH })
  })
})

describe('heading numerals', () => {
  const DIGITS = '零一二三四五六七八九'
  it('writes 1–99 in Chinese: 一 … 十, 十一 … 十九, 二十 … 九十九', () => {
    for (let n = 1; n <= 99; n++) {
      const tens = Math.floor(n / 10)
      const ones = n % 10
      const expected = (tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens]}十`) + (ones ? DIGITS[ones] : '')
      expect(chineseNumeral(n), String(n)).toBe(expected)
    }
    expect([1, 10, 11, 19, 20, 21, 90, 99].map(chineseNumeral)).toEqual(['一', '十', '十一', '十九', '二十', '二十一', '九十', '九十九'])
    expect([100, 101, 110, 111, 1005, 1010].map(chineseNumeral)).toEqual(['一百', '一百零一', '一百一十', '一百一十一', '一千零五', '一千零一十'])
    expect([0, -1, 1.5, 10000].map(chineseNumeral)).toEqual(['0', '-1', '1.5', '10000'])
  })

  it('formats each GB/T 9704 level in Chinese and 1. (1) (a) (i) otherwise', () => {
    expect([1, 2, 3, 4].map((l) => headingNumber(l as 1 | 2 | 3 | 4, 12, 'zh-CN'))).toEqual(['十二、', '（十二）', '12.', '（12）'])
    expect(headingNumber(2, 3, 'zh-TW')).toBe('（三）')
    expect([1, 2, 3, 4].map((l) => headingNumber(l as 1 | 2 | 3 | 4, 4, 'en'))).toEqual(['4.', '(4)', '(d)', '(iv)'])
    expect([1, 4, 9, 14, 40, 99].map(romanNumeral)).toEqual(['i', 'iv', 'ix', 'xiv', 'xl', 'xcix'])
    expect([1, 26, 27, 52].map(letterNumeral)).toEqual(['a', 'z', 'aa', 'az'])
  })
})
