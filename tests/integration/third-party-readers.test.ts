// The 台账 workbooks (matters and fund) and a printed DOCX, built from real Yjs documents by the
// shared builders, opened by LibreOffice headless as a third-party reader (an inspector's office
// suite) would: every sheet read back to CSV "as shown", every file converted to PDF.
import { execFile } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CouncilId } from '../../src/shared/domain/ids'
import { addProposal, book, initFundDoc, recordDecision, screenProposal } from '../../src/shared/doc/fund'
import { setImplementation } from '../../src/shared/doc/fundProjects'
import { readFundYear } from '../../src/shared/doc/fundRead'
import { addRequest, initMattersDoc, openMatter, recordStep, type Recorder } from '../../src/shared/doc/matters'
import { addMilestone, completeFollowUp, openFollowUp, updateMilestone } from '../../src/shared/doc/mattersFollowUp'
import { buildFundWorkbook } from '../../src/shared/fund/ledgerXlsx'
import { createI18n } from '../../src/shared/i18n/index'
import { buildLedgerWorkbook, type Translate } from '../../src/shared/matters/ledger'
import { ledgerInput } from '../../src/shared/matters/ledgerInput'
import { resultNoticeDocument, type PrintOptions } from '../../src/shared/matters/print'
import { renderDocx } from '../../src/shared/minutes/docx'
import { COUNCIL_ID, newDoc } from '../unit/helpers'

const run = promisify(execFile)
const who = (n: number): Recorder => ({ now: new Date(Date.UTC(2026, 2, 1) + n * 60_000).toISOString(), by: '张秘书' })

/** A matters year: one request, raised as a matter deliberated by the council, followed up to completion. */
function mattersYear(): Y.Doc {
  const doc = newDoc()
  initMattersDoc(doc, COUNCIL_ID, 2026)
  const r = addRequest(doc, { channel: 'householdForm', category: 'repairs', place: { building: '3栋', unit: '2单元', room: '301' }, receivedOn: '2026-03-02', requester: { kind: 'household', name: '李家' }, text: '3栋电梯经常停运' }, who(1))
  const m = openMatter(doc, { title: '3栋电梯维修', description: '', proposer: { kind: 'partyBranch', name: '社区党委' }, path: 'councilOnly', openedOn: '2026-03-10' }, [r], who(2))
  recordStep(doc, m, 'councilDeliberation', { mode: 'outside', date: '2026-03-15', body: '居民议事会', outcome: 'approved' }, false, who(3))
  openFollowUp(doc, m, { owner: '物业服务中心', deadline: '2026-05-31' }, '2026-03-17')
  updateMilestone(doc, addMilestone(doc, m, { title: '完成维修', due: '2026-05-20' }), { doneOn: '2026-05-18' })
  completeFollowUp(doc, m, '2026-05-19')
  return doc
}

/** A fund year: ¥324,600.00 allocated, one project approved and paid in two payments. */
function fundYear(): Y.Doc {
  const doc = new Y.Doc()
  const by = (now: string) => ({ by: '王秘书', now })
  initFundDoc(doc, 'council-0001' as CouncilId, 2026)
  book(doc, { kind: 'income', source: 'allocation', from: '成华区财政局', amount: 32_460_000, on: '2026-01-10' }, by('2026-03-01T08:00:00.000Z'))
  const lights = addProposal(doc, { title: '楼道灯更换', description: '', category: 'facilities', source: { kind: 'partyBranch', name: '社区党委' }, estimatedCost: 12_000_000, beneficiaries: 600, proposedOn: '2026-02-01' }, by('2026-03-01T08:00:00.000Z'))
  screenProposal(doc, lights, { kind: 'listed', priorityItem: null, on: '2026-03-01' }, by('2026-03-01T08:00:00.000Z'))
  recordDecision(doc, { proposalId: lights, outcome: 'approved', budget: 12_000_000, on: '2026-04-01' }, by('2026-04-01T08:00:00.000Z'))
  setImplementation(doc, { projectId: lights, implementer: { kind: 'company', name: '蓉城电工有限公司' }, contractAmount: 12_500_000, residentsShare: 500_000, signedOn: '2026-04-20' })
  book(doc, { kind: 'payment', projectId: lights, amount: 6_000_000, payee: '蓉城电工有限公司', on: '2026-05-01', voucher: { invoiceNo: 'F0001', issuedOn: '2026-05-01' } }, by('2026-05-01T08:00:00.000Z'))
  book(doc, { kind: 'payment', projectId: lights, amount: 5_999_967, payee: '蓉城电工有限公司', on: '2026-07-01', voucher: { invoiceNo: 'F0002', issuedOn: '2026-07-01' } }, by('2026-07-01T08:00:00.000Z'))
  return doc
}

/** RFC 4180 rows of a CSV file as LibreOffice writes it (quoted fields may hold commas). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  const endField = () => {
    row.push(field)
    field = ''
  }
  const endRow = () => {
    endField()
    rows.push(row)
    row = []
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"'
      i++
    } else if (ch === '"') quoted = !quoted
    else if (quoted) field += ch
    else if (ch === ',') endField()
    else if (ch === '\n') endRow()
    else if (ch !== '\r') field += ch
  }
  if (field !== '' || row.length > 0) endRow()
  return rows
}

let dir = ''
const soffice = (convertTo: string, files: string[]) =>
  run('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', convertTo, '--outdir', join(dir, 'out'), ...files.map((f) => join(dir, f))], { timeout: 110_000 })
const csv = async (name: string) => parseCsv(await readFile(join(dir, 'out', name), 'utf8'))
const pdfText = async (name: string) => (await run('pdftotext', ['-layout', join(dir, 'out', name), '-'])).stdout

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'yishi-lo-'))
  const matters = (await createI18n('zh-CN')).getFixedT('zh-CN', 'matters') as Translate
  const fund = (await createI18n('zh-CN')).getFixedT('zh-CN', 'fund') as Translate
  const print: PrintOptions = { t: (await createI18n('zh-CN')).getFixedT('zh-CN') as PrintOptions['t'], lang: 'zh-CN' }
  await writeFile(join(dir, 'matters.xlsx'), await buildLedgerWorkbook(ledgerInput([mattersYear()], '2026-01-01', '2026-12-31', '2026-06-01'), matters))
  await writeFile(join(dir, 'fund.xlsx'), await buildFundWorkbook(readFundYear(fundYear()), fund))
  const notice = resultNoticeDocument({
    councilName: '幸福社区居民议事会',
    matter: { id: 'm1', title: '3栋电梯维修', description: '', proposer: { kind: 'partyBranch', name: '社区党委' }, path: 'councilOnly', openedOn: '2026-03-10', createdAt: '', createdBy: '' },
    resolvedOn: '2026-03-15',
    followUp: { matterId: 'm1', owner: '物业服务中心', deadline: '2026-05-31', openedOn: '2026-03-17', completedOn: '2026-05-19' },
    milestones: [{ id: 'x', matterId: 'm1', title: '完成维修', due: '2026-05-20', doneOn: '2026-05-18', note: '', order: 'a0' }],
    postedOn: '2026-05-20',
    until: '2026-05-27',
  }, print)
  await writeFile(join(dir, 'notice.docx'), await renderDocx(notice))
  // Separator, quote, UTF-8, line 1, -, language, quote text, detect numbers, save cells AS SHOWN
  // (so a date reads as the reader shows it, not its serial), no formulas, no trim, every sheet to its own file.
  await soffice('csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1', ['matters.xlsx', 'fund.xlsx'])
  await soffice('pdf', ['matters.xlsx', 'fund.xlsx', 'notice.docx'])
}, 120_000)

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('LibreOffice reads what the app exports', () => {
  it('opens every file: one CSV per sheet and a PDF of each', async () => {
    const out = (await readdir(join(dir, 'out'))).sort()
    expect(out).toEqual(expect.arrayContaining(['fund.pdf', 'matters.pdf', 'notice.pdf', 'matters-民情及回音.csv', 'matters-议题及程序.csv', 'matters-决议落实.csv', 'fund-项目台账.csv', 'fund-收支明细账.csv']))
  })

  it('reads the matters 台账 sheets with Chinese headings, text and dates as dates', async () => {
    const requests = await csv('matters-民情及回音.csv')
    expect(requests[0]!.slice(0, 3)).toEqual(['收到日期', '渠道', '类别'])
    expect(requests[1]!.slice(0, 2)).toEqual(['2026-03-02', '一户一表'])
    expect(requests[1]![6]).toBe('3栋电梯经常停运')
    const path = await csv('matters-议题及程序.csv')
    expect(path[0]![5]).toBe('步骤')
    expect(path[1]![0]).toBe('3栋电梯维修')
    expect(path[1]![3]).toBe('2026-03-10')
    expect(path[1]![5]).toBe('议事会协商议决')
    const followUp = await csv('matters-决议落实.csv')
    expect(followUp[0]!.slice(0, 4)).toEqual(['议题', '决议日期', '责任人', '完成期限'])
    expect(followUp[1]!.slice(0, 5)).toEqual(['3栋电梯维修', '2026-03-15', '物业服务中心', '2026-05-31', '已完成'])
    expect(followUp[1]![8]).toBe('2026-05-20')
    expect(await pdfText('matters.pdf')).toContain('物业服务中心')
  })

  it('reads the fund 台账 with dates as dates and money as yuan to the fen', async () => {
    const projects = await csv('fund-项目台账.csv')
    expect(projects[0]!.slice(0, 3)).toEqual(['项目名称', '类别', '决议日期'])
    expect(projects[1]!.slice(0, 1)).toEqual(['楼道灯更换'])
    expect(projects[1]![2]).toBe('2026-04-01')
    expect(projects[1]!.slice(4, 6)).toEqual(['125,000.00', '5,000.00'])
    const entries = await csv('fund-收支明细账.csv')
    expect(entries.slice(1, 4).map((r) => [r[0], r[1], r[8]])).toEqual([
      ['2026-01-10', '收入', '324,600.00'],
      ['2026-05-01', '支付', '264,600.00'],
      ['2026-07-01', '支付', '204,600.33'],
    ])
    expect(entries[2]![4]).toBe('F0001')
    expect(await pdfText('fund.pdf')).toContain('蓉城电工有限公司')
  })

  it('renders the result notice DOCX with its title, Chinese body and an embedded CJK font', async () => {
    const text = (await pdfText('notice.pdf')).replace(/\s+/g, '')
    expect(text).toContain('关于“3栋电梯维修”实施结果的公示')
    expect(text).toContain('物业服务中心')
    expect(text).toContain('公示期自2026年5月20日至2026年5月27日')
    const fonts = (await run('pdffonts', [join(dir, 'out', 'notice.pdf')])).stdout.split('\n').slice(2)
    const embeddedCjk = fonts.filter((l) => /CJK|Ming|Kai|Hei|Song|WenQuanYi|Fang/i.test(l) && /\byes\b/.test(l.slice(60)))
    expect(embeddedCjk.length).toBeGreaterThan(0)
  })
})
