// Renders the printed documents of the test meetings to PDF and to PNG pages, to look at them:
//   npx tsx tests/export/render-preview.ts [out-dir]     (default /tmp/yishi-pdf)
// Writes <name>.html, <name>.pdf and <name>-<page>.png (pdftoppm -r 60) for the record, summary
// and notice of the small fixture (draft and sealed), the big meeting's record, and a review opinion.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createI18n } from '../../src/shared/i18n/index'
import type { Language } from '../../src/shared/i18n/languages'
import type { PrintDocument } from '../../src/shared/minutes/blocks'
import { documentHtml } from '../../src/shared/minutes/html'
import { noticeDocument, recordDocument, reviewDocument, summaryDocument, type LayoutOptions, type MinutesSources } from '../../src/shared/minutes/layout'
import { assembleMeetingRecord } from '../../src/shared/minutes/model'
import { generateDeviceKey, sealMinutes } from '../../src/shared/minutes/seal'
import { closedMeeting, council } from '../unit/minutes-fixture'
import { at } from '../unit/session-helpers'
import { bigClosedMeeting } from './big-meeting'
import { htmlToPdf, launchChromium } from './chromium'

const out = process.argv[2] ?? '/tmp/yishi-pdf'
mkdirSync(out, { recursive: true })
const SIGS = [
  { role: 'chair' as const, name: '李主任', signedAt: at(40) },
  { role: 'recorder' as const, name: '成员2', signedAt: at(41) },
]

async function options(lang: Language): Promise<LayoutOptions> {
  const i18n = await createI18n(lang)
  return { t: i18n.t.bind(i18n) as LayoutOptions['t'], lang, timeZone: 'Asia/Shanghai' }
}

const record = assembleMeetingRecord(closedMeeting().doc, council())
const sealed = await sealMinutes(record, SIGS, await generateDeviceKey())
const notice = { place: '小区公告栏', startDate: '2025-03-11', endDate: '2025-03-17', postedAt: at(60) }
const objections = [{ id: 'o1', receivedOn: '2025-03-12', from: '3栋1单元201户', content: '担心加装电梯影响采光', handling: '已上门沟通，说明采光评估结果', handledOn: '2025-03-14' }]
const draft: MinutesSources = { record, signatures: [], sealedHash: null, corrections: [], notice: null, objections: [] }
const done: MinutesSources = { record: sealed.record, signatures: sealed.signatures, sealedHash: sealed.hash, corrections: [], notice, objections }
const big: MinutesSources = { ...draft, record: assembleMeetingRecord(bigClosedMeeting().doc, council()) }

const zh = await options('zh-CN')
const en = await options('en')
const docs: [string, PrintDocument][] = [
  ['summary-draft', summaryDocument(draft, zh)],
  ['summary-sealed', summaryDocument(done, zh)],
  ['record-sealed', recordDocument(done, zh)],
  ['notice-sealed', noticeDocument(done, zh)],
  ['record-en', recordDocument(done, en)],
  ['record-big', recordDocument(big, zh)],
  [
    'review',
    reviewDocument(
      {
        councilName: record.council.name,
        meetingTitle: record.meeting.title,
        meetingStartsAt: record.meeting.startsAt,
        decision: 'returned',
        comments: '第二项议题的表决缺少回避记录，请补正后重新报送。',
        reviewer: '王科长',
        office: '桂溪街道办事处',
        reviewedAt: '2025-03-20T02:00:00Z',
        bundleHash: sealed.hash,
        checklist: [
          { id: 'quorum', status: 'pass', detail: { votes: 2 } },
          { id: 'recusals', status: 'fail', detail: { reason: 'recusedCountMismatch', claimed: 0, expected: 1 } },
          { id: 'notice', status: 'pass', detail: { days: 7, required: 7, startDate: '2025-03-11', endDate: '2025-03-17', submittedOn: '2025-03-18' } },
          { id: 'objections', status: 'na', detail: {} },
        ],
      },
      zh,
    ),
  ],
]

const browser = await launchChromium()
try {
  for (const [name, doc] of docs) {
    for (const f of readdirSync(out)) if (f.startsWith(`${name}-`) && f.endsWith('.png')) rmSync(join(out, f))
    const html = documentHtml(doc)
    writeFileSync(join(out, `${name}.html`), html)
    writeFileSync(join(out, `${name}.pdf`), await htmlToPdf(browser, html))
    execFileSync('pdftoppm', ['-r', '60', '-png', join(out, `${name}.pdf`), join(out, name)])
    console.log(`${name}: ${execFileSync('pdfinfo', [join(out, `${name}.pdf`)]).toString().match(/Pages:\s+(\d+)/)?.[1]} pages`)
  }
} finally {
  await browser.close()
}
