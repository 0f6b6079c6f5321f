// A ~20-page minutes exported to PDF, click to file: the long closed meeting of the export tests
// (tests/export/big-meeting.ts: 6 items × 3 motions, speeches, amendments, roll calls, long notes),
// its record laid out, rendered, printed by a Chromium already running, the file written
// (lib/pdfExport.ts, as measure-export.ts). Floor: Chromium's print alone of the same HTML already
// loaded in the page.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createI18n } from '../../src/shared/i18n/index'
import { documentHtml } from '../../src/shared/minutes/html'
import { recordDocument, type LayoutOptions, type MinutesSources } from '../../src/shared/minutes/layout'
import { assembleMeetingRecord } from '../../src/shared/minutes/model'
import { bigClosedMeeting } from '../../tests/export/big-meeting'
import { launchChromium } from '../../tests/export/chromium'
import { council } from '../../tests/unit/minutes-fixture'
import { exportRecordPdf, pdfPages, printPdf } from '../lib/pdfExport'
import { summarize, timeRuns, type Summary } from '../lib/stats'

export interface PdfResult {
  exportToFile: Summary
  printOnly: Summary
  pages: number
  bytes: number
  chromium: string
}

export async function measurePdf(runs: number): Promise<PdfResult> {
  const i18n = await createI18n('zh-CN')
  const o: LayoutOptions = { t: i18n.t.bind(i18n) as LayoutOptions['t'], lang: 'zh-CN', timeZone: 'Asia/Shanghai' }
  const record = assembleMeetingRecord(bigClosedMeeting().doc, council())
  const sources: MinutesSources = { record, signatures: [], sealedHash: null, corrections: [], notice: null, objections: [] }
  const dir = mkdtempSync(join(tmpdir(), 'yishi-bench-pdf-'))
  const browser = await launchChromium()
  try {
    const page = await browser.newPage()
    let pdf: Buffer = Buffer.alloc(0)
    const exportToFile = await timeRuns(runs, async () => {
      pdf = await exportRecordPdf(page, sources, o, join(dir, 'record.pdf'))
    }, 2)
    await page.setContent(documentHtml(recordDocument(sources, o)), { waitUntil: 'load' })
    const printOnly = await timeRuns(runs, () => printPdf(page), 2)
    return { exportToFile: summarize(exportToFile), printOnly: summarize(printOnly), pages: pdfPages(pdf), bytes: pdf.length, chromium: browser.version() }
  } finally {
    await browser.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
