// The desktop's PDF export of a minutes document, click to file, in a Chromium that is already
// running (as Electron's is): layout of the PrintDocument, standalone HTML, Chromium's print with
// the page's own CSS page size, the file written. Shared by measure-export.ts and the issue 8 bench.
import { writeFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { documentHtml } from '../../src/shared/minutes/html'
import { recordDocument, type LayoutOptions, type MinutesSources } from '../../src/shared/minutes/layout'

export const printPdf = (page: Page): Promise<Buffer> => page.pdf({ preferCSSPageSize: true, printBackground: true })

export async function exportRecordPdf(page: Page, sources: MinutesSources, o: LayoutOptions, file: string): Promise<Buffer> {
  await page.setContent(documentHtml(recordDocument(sources, o)), { waitUntil: 'load' })
  const pdf = await printPdf(page)
  writeFileSync(file, pdf)
  return pdf
}

/** Pages in a PDF Chromium wrote (its page objects). */
export const pdfPages = (pdf: Buffer): number => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length
