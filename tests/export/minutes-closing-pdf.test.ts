// The 纪要's 落款 (council, date, seal and QR) printed by a real Chromium never stands alone at the top
// of a page (issue 14): for bodies of every length around a page boundary, the page that carries the
// council's name also carries the last lines of the body (the 列席 line) and the whole seal. Read
// back with poppler, page by page; the last page of one case is kept as an image to look at.
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { editText } from '../../src/shared/doc/minutes'
import { createI18n } from '../../src/shared/i18n/index'
import { documentHtml } from '../../src/shared/minutes/html'
import { summaryDocument, type LayoutOptions, type MinutesSources } from '../../src/shared/minutes/layout'
import { assembleMeetingRecord } from '../../src/shared/minutes/model'
import { closedMeeting, council } from '../unit/minutes-fixture'
import { at } from '../unit/session-helpers'
import { htmlToPdf, launchChromium } from './chromium'

const run = (cmd: string, ...args: string[]): string => execFileSync(cmd, args, { encoding: 'utf8' })
const pageText = (file: string, page: number): string => run('pdftotext', '-enc', 'UTF-8', '-f', String(page), '-l', String(page), file, '-').replace(/\s+/g, '')
const HASH = 'e3'.repeat(32)
const LINE = '与会成员逐一发表意见，认为楼道照明关系到老人和孩子的出行安全，应当尽快解决。'

let dir: string
let browser: Browser
let o: LayoutOptions
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yishi-closing-'))
  browser = await launchChromium()
  const i18n = await createI18n('zh-CN')
  o = { t: i18n.t.bind(i18n) as LayoutOptions['t'], lang: 'zh-CN', timeZone: 'Asia/Shanghai' }
}, 60_000)
afterAll(async () => {
  await browser?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/** A sealed 纪要 whose narrative has `n` one-line paragraphs: each one moves the 落款 down a line. */
function sources(n: number): MinutesSources {
  const f = closedMeeting()
  editText(f.doc, { kind: 'narrative' }, Array.from({ length: n }, (_, i) => `${i + 1}. ${LINE.slice(0, 20)}`).join('\n'))
  const record = assembleMeetingRecord(f.doc, council())
  return { record, signatures: [{ role: 'chair', name: '李主任', signedAt: at(40) }, { role: 'recorder', name: '成员2', signedAt: at(41) }], sealedHash: HASH, corrections: [], notice: null, objections: [] }
}

describe('the 纪要 printed to PDF', () => {
  it('keeps the 落款 with the last lines of the body and whole, whatever the body’s length', async () => {
    let moved = 0
    // Two lines at a time across a page (22 lines) and more: some lengths bring the 落款 to a boundary
    // (without the keep rules, 14 leaves the seal alone on the next page).
    for (let n = 6; n <= 30; n += 2) {
      const file = join(dir, `summary-${n}.pdf`)
      writeFileSync(file, await htmlToPdf(browser, documentHtml(summaryDocument(sources(n), o))))
      const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', file))?.[1])
      const texts = Array.from({ length: pages }, (_, i) => pageText(file, i + 1))
      const issuerPage = texts.findIndex((t) => /桂溪社区居民议事会2025年3月10日/.test(t))
      expect(issuerPage, `n=${n}: the council and the date on one page`).toBeGreaterThanOrEqual(0)
      const last = texts[issuerPage]!
      // The body's last line, the date and the whole seal share the council's page.
      expect(last, `n=${n}`).toContain('列席：')
      expect(last, `n=${n}`).toContain(HASH.slice(0, 16))
      expect(issuerPage, `n=${n}: nothing after the 落款`).toBe(pages - 1)
      // A page that starts with the attendance lines (not the narrative) means the break was moved up.
      if (pages > 1 && /^—?\d*—?出席：/.test(last.replace(/^—\d+—/, ''))) moved++
      if (n === 30) {
        execFileSync('pdftoppm', ['-r', '60', '-png', '-f', String(pages), '-l', String(pages), file, join(dir, 'last')])
        mkdirSync('/tmp/shots/minutes', { recursive: true })
        const png = run('sh', '-c', `ls ${dir}/last*.png`).trim()
        copyFileSync(png, '/tmp/shots/minutes/summary-last-page.png')
      }
    }
    expect(moved, 'some length put the 落款 at a page boundary').toBeGreaterThan(0)
  }, 240_000)
})
