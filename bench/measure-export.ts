// Measures the print export on the ~20-page record of a long meeting (6 items ×
// 3 motions, tests/export/big-meeting.ts): assembling the record, laying out the PrintDocument, and
// rendering the standalone HTML, the DOCX, and the whole PDF export in Chromium (as Electron's
// printToPDF: layout, HTML, print, file written). Median and p95 of 10 runs each; prints figures,
// asserts nothing (budgets are issue 8's).
//   npx tsx bench/measure-export.ts
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createI18n } from '../src/shared/i18n/index'
import { renderDocx } from '../src/shared/minutes/docx'
import { documentHtml } from '../src/shared/minutes/html'
import { recordDocument, summaryDocument, type LayoutOptions, type MinutesSources } from '../src/shared/minutes/layout'
import { assembleMeetingRecord } from '../src/shared/minutes/model'
import { council } from '../tests/unit/minutes-fixture'
import { bigClosedMeeting } from '../tests/export/big-meeting'
import { launchChromium } from '../tests/export/chromium'
import { exportRecordPdf } from './lib/pdfExport'

const RUNS = 10
const i18n = await createI18n('zh-CN')
const o: LayoutOptions = { t: i18n.t.bind(i18n) as LayoutOptions['t'], lang: 'zh-CN', timeZone: 'Asia/Shanghai' }
const { doc } = bigClosedMeeting()
const c = council()
const record = assembleMeetingRecord(doc, c)
const sources: MinutesSources = { record, signatures: [], sealedHash: null, corrections: [], notice: null, objections: [] }

async function time(label: string, fn: () => unknown): Promise<void> {
  await fn() // one warm-up run: the first call pays for JIT and Intl formatter creation
  const ts: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now()
    await fn()
    ts.push(performance.now() - t)
  }
  ts.sort((a, b) => a - b)
  const pick = (q: number) => ts[Math.min(ts.length - 1, Math.ceil(q * ts.length) - 1)]!
  console.log(`${label}: median ${pick(0.5).toFixed(1)} ms, p95 ${pick(0.95).toFixed(1)} ms (min ${ts[0]!.toFixed(1)}, max ${ts.at(-1)!.toFixed(1)}) over ${RUNS}`)
}

const sample = recordDocument(sources, o)
const html = documentHtml(sample)
console.log(`record: ${sample.blocks.length} blocks, ${(html.length / 1024).toFixed(0)} KiB of HTML`)
await time('assembleMeetingRecord', () => assembleMeetingRecord(doc, c))
await time('recordDocument (layout)', () => recordDocument(sources, o))
await time('documentHtml (render)', () => documentHtml(sample))
await time('recordDocument + documentHtml', () => documentHtml(recordDocument(sources, o)))
await time('summaryDocument + documentHtml', () => documentHtml(summaryDocument(sources, o)))
await time('DOCX of the record (layout + renderDocx)', () => renderDocx(recordDocument(sources, o)))

// The whole PDF export, click to file, in a Chromium that is already running (as the app's is).
const dir = mkdtempSync(join(tmpdir(), 'yishi-bench-'))
const browser = await launchChromium()
const page = await browser.newPage()
try {
  await time('PDF export (layout + HTML + Chromium print + file)', () => exportRecordPdf(page, sources, o, join(dir, 'record.pdf')))
} finally {
  await browser.close()
  rmSync(dir, { recursive: true, force: true })
}
