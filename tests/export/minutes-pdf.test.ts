// The meeting record of a long meeting printed to PDF by a real Chromium, as the desktop app's
// printToPDF does, then read back with poppler: every font an embedded, named CJK TrueType font, the
// resolutions and 散会 in the text, A4, the GB/T page numbers, about twenty pages.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createI18n } from '../../src/shared/i18n/index'
import { documentHtml } from '../../src/shared/minutes/html'
import { recordDocument, summaryDocument, type LayoutOptions, type MinutesSources } from '../../src/shared/minutes/layout'
import { assembleMeetingRecord } from '../../src/shared/minutes/model'
import { generateDeviceKey, sealMinutes } from '../../src/shared/minutes/seal'
import { council } from '../unit/minutes-fixture'
import { at } from '../unit/session-helpers'
import { bigClosedMeeting, resolutionText } from './big-meeting'
import { htmlToPdf, launchChromium } from './chromium'

const run = (cmd: string, ...args: string[]): string => execFileSync(cmd, args, { encoding: 'utf8' })

/** pdffonts' table, split at the column boundaries its dashed line gives. */
function pdffonts(file: string): { name: string; type: string; emb: string }[] {
  const lines = run('pdffonts', file).split('\n')
  const spans = [...lines[1]!.matchAll(/-+/g)].map((m) => [m.index, m.index + m[0].length] as const)
  const col = (line: string, i: number) => line.slice(spans[i]![0], spans[i]![1]).trim()
  return lines.slice(2).filter((l) => l.trim()).map((l) => ({ name: col(l, 0), type: col(l, 1), emb: col(l, 3) }))
}

/**
 * The embedded fonts' names. Chromium (Skia) writes CFF-flavoured OpenType fonts — the Noto CJK
 * collections — as Type 3 fonts, which pdffonts lists as "[none]"; their FontDescriptor still names
 * the font the glyphs came from.
 */
function fontNames(file: string): string[] {
  const pdf = readFileSync(file).toString('latin1')
  const named = pdffonts(file).map((f) => f.name).filter((n) => n !== '[none]')
  return [...named, ...[...pdf.matchAll(/\/FontName\s*\/([\w+-]+)/g)].map((m) => m[1]!)]
}

/** The text of a PDF with all white space removed, so wrapped lines read as one. */
const pdfText = (file: string): string => run('pdftotext', '-enc', 'UTF-8', file, '-').replace(/\s+/g, '')

let dir: string
let browser: Browser
let o: LayoutOptions
let sources: MinutesSources
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yishi-pdf-'))
  browser = await launchChromium()
  const i18n = await createI18n('zh-CN')
  o = { t: i18n.t.bind(i18n) as LayoutOptions['t'], lang: 'zh-CN', timeZone: 'Asia/Shanghai' }
  const record = assembleMeetingRecord(bigClosedMeeting().doc, council())
  const signatures = [
    { role: 'chair' as const, name: '成员1', signedAt: at(300) },
    { role: 'recorder' as const, name: '成员2', signedAt: at(301) },
  ]
  const sealed = await sealMinutes(record, signatures, await generateDeviceKey())
  sources = { record: sealed.record, signatures: sealed.signatures, sealedHash: sealed.hash, corrections: [], notice: null, objections: [] }
}, 60_000)
afterAll(async () => {
  await browser?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('the meeting record printed to PDF', () => {
  it('is about twenty A4 pages in embedded, named CJK TrueType fonts, with the whole text', async () => {
    const file = join(dir, 'record.pdf')
    writeFileSync(file, await htmlToPdf(browser, documentHtml(recordDocument(sources, o))))

    const info = run('pdfinfo', file)
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1])
    expect(pages).toBeGreaterThanOrEqual(15)
    expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/)

    const fonts = pdffonts(file)
    expect(fonts.length).toBeGreaterThan(0)
    expect(fonts.filter((f) => f.emb !== 'yes')).toEqual([])
    // The document's font stacks reach TrueType CJK fonts before the CFF-based Noto ones (which
    // Chromium can only write as unnamed Type 3 glyphs): real, named CID fonts, as a viewer and a
    // search expect. With no 仿宋/黑体/楷体 installed (as here), 文鼎明体, 文泉驿正黑 and 文鼎楷体 stand in.
    expect(fonts.filter((f) => f.type === 'Type 3')).toEqual([])
    const names = fontNames(file)
    for (const cjk of ['UMingCN', 'WenQuanYiZenHei', 'UKaiCN']) expect(names.some((n) => n.endsWith(`+${cjk}`))).toBe(true)
    expect(fonts.every((f) => f.type === 'CID TrueType')).toBe(true)

    const text = pdfText(file)
    for (const item of [0, 4]) expect(text).toContain(resolutionText(item, 0)) // the two amended main motions
    expect(text).toContain('散会')
    expect(text).toContain('附件：签到表')
    expect(text).toContain(sources.sealedHash)
    // GB/T 9704 page numbers: "— N —" on every page, the last one too.
    expect(text).toContain('—1—')
    expect(text).toContain(`—${pages}—`)
  }, 120_000)

  it('prints the summary (纪要) with its attendance lines and the date in Arabic numerals', async () => {
    const file = join(dir, 'summary.pdf')
    writeFileSync(file, await htmlToPdf(browser, documentHtml(summaryDocument(sources, o))))
    expect(pdffonts(file).every((f) => f.emb === 'yes')).toBe(true)
    const text = pdfText(file)
    expect(text).toContain('桂溪社区居民议事会会议纪要')
    expect(text).toMatch(/一、加装电梯.*（一）.*二、垃圾分类/)
    expect(text).toMatch(/出席：.*请假：成员21、成员22.*列席：/)
    expect(text).toContain('2025年3月10日')
  }, 120_000)
})
