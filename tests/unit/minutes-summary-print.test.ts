// The printed 纪要 as a secretary and the street office read it (issue 14): an amendment and its
// vote come before the main motion's resolution, as the meeting decided them; who attended is said
// once (the figures in the opening, the names in the 出席 / 请假 / 缺席 / 列席 lines); the 落款
// (council, date, seal with QR) is one block, kept whole and kept with the body's last lines in
// HTML (CSS break avoid) and in DOCX (keepNext / keepLines).
import JSZip from 'jszip'
import { beforeAll, describe, expect, it } from 'vitest'
import { setResolution } from '../../src/shared/doc/minutes'
import { createI18n } from '../../src/shared/i18n/index'
import type { Block } from '../../src/shared/minutes/blocks'
import { renderDocx } from '../../src/shared/minutes/docx'
import { PRINT_CSS, renderHtmlBody } from '../../src/shared/minutes/html'
import { summaryDocument, type LayoutOptions, type MinutesSources } from '../../src/shared/minutes/layout'
import { assembleMeetingRecord } from '../../src/shared/minutes/model'
import { closedMeeting, council } from './minutes-fixture'
import { at } from './session-helpers'

const f = closedMeeting()
setResolution(f.doc, f.motionId, { implementer: '物业服务中心', due: '2025-06-30' })
const record = assembleMeetingRecord(f.doc, council())
const HASH = 'cd'.repeat(32)
const sealed: MinutesSources = {
  record,
  signatures: [
    { role: 'chair', name: '李主任', signedAt: at(40) },
    { role: 'recorder', name: '成员2', signedAt: at(41) },
  ],
  sealedHash: HASH,
  corrections: [],
  notice: null,
  objections: [],
}
let zh: LayoutOptions
let en: LayoutOptions
beforeAll(async () => {
  const a = await createI18n('zh-CN')
  const b = await createI18n('en')
  zh = { t: a.t.bind(a) as LayoutOptions['t'], lang: 'zh-CN', timeZone: 'Asia/Shanghai' }
  en = { t: b.t.bind(b) as LayoutOptions['t'], lang: 'en', timeZone: 'Asia/Shanghai' }
})

const textOf = (b: Block): string =>
  b.kind === 'paragraph' || b.kind === 'title' || b.kind === 'subtitle' || b.kind === 'date'
    ? b.text
    : b.kind === 'heading'
      ? b.number + b.text
      : b.kind === 'attendance' || b.kind === 'field'
        ? `${b.label}：${b.value}`
        : b.kind === 'closing'
          ? `${b.issuer} ${b.date}`
          : ''

describe('the 纪要 block order', () => {
  it('prints the amendment and its vote before the main motion’s resolution, which says it is the main motion', () => {
    const blocks = summaryDocument(sealed, zh).blocks
    const texts = blocks.map(textOf)
    const amendment = texts.findIndex((x) => x.startsWith('1.修正案：'))
    const main = texts.findIndex((x) => x.startsWith('主动议：'))
    expect(amendment).toBeGreaterThan(0)
    // The amendment's own outcome sits right under its heading, and the main resolution comes after.
    expect(texts[amendment + 1]).toMatch(/^会议采取举手表决方式/)
    expect(main).toBeGreaterThan(amendment + 1)
    expect(texts[main]).toContain('由物业服务中心负责落实，2025年6月30日前完成。')
    // The main motion's heading still opens the motion, before its amendment.
    expect(texts.findIndex((x) => x.startsWith('（一）'))).toBeLessThan(amendment)
  })

  it('says nothing more than the outcome for a motion without amendments', () => {
    const r = structuredClone(record)
    r.agenda[0]!.motions[0]!.amendments = []
    const texts = summaryDocument({ ...sealed, record: r }, zh).blocks.map(textOf)
    expect(texts.some((x) => x.startsWith('主动议：'))).toBe(false)
    expect(texts).toContain('会议采取举手表决方式，按“简单多数”规则，以赞成3票、反对0票、弃权0票通过。由物业服务中心负责落实，2025年6月30日前完成。')
  })
})

describe('the attendance said once', () => {
  it('zh-CN: the opening gives the figures the quorum rests on; who was away or observing is named once, in the lines after the body', () => {
    const d = summaryDocument(sealed, zh)
    const all = d.blocks.map(textOf).join('\n')
    const opening = d.blocks[2]!
    expect(opening.kind === 'paragraph' && opening.text).toMatch(/会议应到6人，实到4人，达到法定人数。$/)
    expect(all.match(/应到/g)).toHaveLength(1)
    expect(all.match(/请假/g)).toHaveLength(1)
    expect(all.match(/缺席/g)).toHaveLength(1)
    expect(all.match(/列席/g)).toHaveLength(1)
    expect(all).toContain('请假：成员6')
    expect(all).toContain('缺席：成员5')
  })

  it('en: the same, once', () => {
    const all = summaryDocument(sealed, en).blocks.map(textOf).join('\n')
    expect(all).toContain('4 of the 6 members attended; quorum was reached.')
    expect(all.match(/on leave/gi)).toHaveLength(1)
    expect(all.match(/observer/gi)).toHaveLength(1)
  })
})

describe('the 落款 kept together', () => {
  it('is the last block: the council’s name, then the date, then the seal', () => {
    const d = summaryDocument(sealed, zh)
    expect(d.blocks.at(-1)).toEqual({ kind: 'closing', issuer: '桂溪社区居民议事会', date: '2025年3月10日', seal: { label: expect.any(String), hash: HASH, note: expect.any(String) } })
    expect(d.blocks.at(-2)?.kind).toBe('attendance')
    expect(d.blocks.filter((b) => b.kind === 'closing' || b.kind === 'date' || b.kind === 'seal')).toHaveLength(1)
  })

  it('HTML: one unbreakable box, after the attendance lines, with issuer, date and QR in that order', () => {
    const html = renderHtmlBody(summaryDocument(sealed, zh))
    const box = /<div class="pd-closing">(.*?)<\/div><\/div><\/div>$/s.exec(html.replace(/<\/div>$/, ''))?.[0] ?? ''
    expect(box).not.toBe('')
    const [issuer, date, qr, hash] = ['桂溪社区居民议事会', '2025年3月10日', '<svg', HASH].map((x) => box.indexOf(x))
    expect(issuer).toBeGreaterThan(-1)
    expect(issuer).toBeLessThan(date!)
    expect(date).toBeLessThan(qr!)
    expect(qr).toBeLessThan(hash!)
    expect(html.indexOf('pd-attendance')).toBeLessThan(html.indexOf('pd-closing'))
    const rule = /\.print-document \.pd-closing \{([^}]*)\}/.exec(PRINT_CSS)?.[1] ?? ''
    expect(rule).toContain('break-inside: avoid')
    expect(rule).toContain('break-before: avoid')
    expect(PRINT_CSS).toMatch(/\.pd-attendance:has\(\+ \.pd-closing\)[^{]*\{[^}]*break-after: avoid/)
  })

  it('DOCX: the attendance lines and every line of the 落款 but the last keep with the next paragraph', async () => {
    const zip = await JSZip.loadAsync(await renderDocx(summaryDocument(sealed, zh)))
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? ''
    const paragraphs = [...xml.matchAll(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs)].map((m) => m[0])
    const text = (p: string) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')
    const at = (needle: string) => paragraphs.findIndex((p) => text(p).includes(needle))
    const present = at('出席')
    const issuer = paragraphs.findIndex((p, i) => i > present && text(p) === '桂溪社区居民议事会')
    expect(present).toBeGreaterThan(0)
    expect(issuer).toBeGreaterThan(present)
    const note = paragraphs.findIndex((p, i) => i > issuer && /<w:drawing>/.test(p)) + 1
    expect(note).toBeGreaterThan(issuer)
    for (let i = present; i < note; i++) expect(paragraphs[i], `paragraph ${i}: ${text(paragraphs[i]!)}`).toMatch(/<w:keepNext\/>/)
    for (const i of [present, issuer]) expect(paragraphs[i]).toMatch(/<w:keepLines\/>/)
    expect(text(paragraphs[issuer + 1]!)).toBe('2025年3月10日')
    expect(paragraphs[note]).not.toMatch(/<w:keepNext\/>/)
  })
})
