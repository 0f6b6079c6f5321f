// The DOCX of a printed document, unzipped and parsed as XML: every block kind's words in order,
// GB/T 9704 page, fonts and page numbers, the draft header, hostile text kept inert, progress.
import { DOMParser, type Document as XmlDocument, type Element as XmlElement, type Node as XmlNode } from '@xmldom/xmldom'
import fc from 'fast-check'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import type { Block, PrintDocument } from '../../src/shared/minutes/blocks'
import { renderDocx } from '../../src/shared/minutes/docx'
import { qrMatrix, qrPng } from '../../src/shared/minutes/qr'

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const XML_FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu
const HASH = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
const mm = (v: number) => Math.round((v * 1440) / 25.4)

function sample(over: Partial<PrintDocument> = {}): PrintDocument {
  return {
    kind: 'summary',
    lang: 'zh-CN',
    title: '幸福社区居民议事会会议纪要',
    draft: null,
    footer: '幸福社区居民议事会',
    blocks: [
      { kind: 'title', text: '幸福社区居民议事会会议纪要' },
      { kind: 'subtitle', text: '2026年第3次会议' },
      { kind: 'field', label: '时间', value: '2026年11月22日 19:00' },
      { kind: 'heading', level: 1, number: '一、', text: '关于电动车充电桩的议题' },
      { kind: 'heading', level: 2, number: '（一）', text: '讨论情况' },
      { kind: 'heading', level: 3, number: '1.', text: '居民意见' },
      { kind: 'paragraph', text: '会议听取了业主代表的意见。\n第二行说明。', indent: true },
      { kind: 'table', header: ['表决', '票数'], rows: [['同意', '12'], ['反对', '3']] },
      { kind: 'attendance', label: '出席', value: '张三、李四、王五' },
      { kind: 'signatures', entries: [{ label: '主持人', name: '李主任', at: '2026-11-22 20:30' }, { label: '记录人', name: '', at: '' }] },
      { kind: 'date', text: '2026年11月22日' },
      { kind: 'pageBreak' },
      { kind: 'seal', label: '封存校验码', hash: HASH, note: '扫描二维码或输入校验码核验' },
    ],
    ...over,
  }
}

interface Docx {
  zip: JSZip
  /** Every XML part by path, decoded as strict UTF-8. */
  parts: Map<string, string>
  xml(path: string): XmlDocument
}

function parse(xml: string): XmlDocument {
  const problems: string[] = []
  const onError = (level: string, msg: string) => {
    if (level !== 'warning') problems.push(`${level}: ${msg}`)
  }
  const doc = new DOMParser({ onError }).parseFromString(xml, 'application/xml')
  expect(problems).toEqual([])
  return doc
}

async function open(bytes: Uint8Array): Promise<Docx> {
  const zip = await JSZip.loadAsync(bytes)
  const parts = new Map<string, string>()
  for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n))) {
    parts.set(name, new TextDecoder('utf-8', { fatal: true }).decode(await zip.file(name)!.async('uint8array')))
  }
  return { zip, parts, xml: (path) => parse(parts.get(path) ?? '') }
}

const all = (node: XmlDocument | XmlElement, local: string): XmlElement[] => Array.from(node.getElementsByTagNameNS(W, local))
const val = (el: XmlElement | undefined, local: string, attr = 'val'): string | null => (el ? (all(el, local)[0]?.getAttributeNS(W, attr) ?? null) : null)

/** A paragraph's words: w:t as written, w:tab as a tab, w:br as a newline (a page break as \f). */
function text(node: XmlNode): string {
  const el = node as XmlElement
  if (el.namespaceURI === W && el.localName === 't') return el.textContent ?? ''
  if (el.namespaceURI === W && el.localName === 'tab' && (el.parentNode as XmlElement | null)?.localName === 'r') return '\t'
  if (el.namespaceURI === W && el.localName === 'br') return el.getAttributeNS(W, 'type') === 'page' ? '\f' : '\n'
  if (el.namespaceURI === W && el.localName === 'instrText') return ''
  return Array.from(node.childNodes ?? []).map(text).join('')
}

const paragraphs = (doc: XmlDocument): string[] => all(doc, 'p').map(text)
const runWith = (doc: XmlDocument, t: string): XmlElement => {
  const run = all(doc, 'r').find((r) => text(r) === t)
  if (!run) throw new Error(`no run "${t}"`)
  return run
}
const paragraphWith = (doc: XmlDocument, start: string): XmlElement => all(doc, 'p').find((p) => text(p).startsWith(start))!
const font = (run: XmlElement) => val(run, 'rFonts', 'eastAsia')
const size = (run: XmlElement) => Number(val(run, 'sz'))
const bold = (run: XmlElement) => all(run, 'b').length > 0 && !['0', 'false'].includes(val(run, 'b') ?? '')

function partOf(d: Docx, ref: XmlElement): string {
  const id = ref.getAttributeNS(R, 'id')
  const rel = Array.from(d.xml('word/_rels/document.xml.rels').getElementsByTagName('Relationship')).find((r) => r.getAttribute('Id') === id)
  return `word/${rel!.getAttribute('Target')!}`
}

const d = await open(await renderDocx(sample()))
const doc = d.xml('word/document.xml')

describe('renderDocx', () => {
  it('writes every block kind, in order', () => {
    const blank = (n: number) => '\u3000'.repeat(n)
    expect(paragraphs(doc).filter((p) => p !== '')).toEqual([
      '幸福社区居民议事会会议纪要',
      '2026年第3次会议',
      '时间：2026年11月22日 19:00',
      '一、关于电动车充电桩的议题',
      '（一）讨论情况',
      '1.居民意见',
      '会议听取了业主代表的意见。\n第二行说明。',
      '表决',
      '票数',
      '同意',
      '12',
      '反对',
      '3',
      '出席：张三、李四、王五',
      '主持人：李主任\u3000\u30002026-11-22 20:30',
      `记录人：${blank(6)}\u3000\u3000${blank(8)}`,
      '2026年11月22日',
      '\f',
      '封存校验码',
      'e3b0c44298fc1c14 9afbf4c8996fb924 27ae41e4649b934c a495991b7852b855',
      '扫描二维码或输入校验码核验',
    ])
    expect(text(runWith(doc, '一、关于电动车充电桩的议题'))).toBe('一、关于电动车充电桩的议题')
  })

  it('lays the page out per GB/T 9704: A4, margins 37/28/35/26 mm, 22 exact lines', () => {
    const sect = all(doc, 'sectPr')[0]!
    expect([val(sect, 'pgSz', 'w'), val(sect, 'pgSz', 'h')]).toEqual(['11906', '16838'])
    expect(['top', 'left', 'bottom', 'right'].map((side) => Number(val(sect, 'pgMar', side)))).toEqual([mm(37), mm(28), mm(35), mm(26)])
    const body = paragraphWith(doc, '会议听取了')
    expect(val(body, 'spacing', 'lineRule')).toBe('exact')
    expect(Number(val(body, 'spacing', 'line'))).toBeGreaterThanOrEqual(560)
    expect(Number(val(body, 'spacing', 'line'))).toBeLessThanOrEqual(580)
    expect(val(body, 'ind', 'firstLineChars')).toBe('200')
    expect(val(paragraphWith(doc, '幸福社区居民议事会会议纪要'), 'jc')).toBe('center')
    expect(val(paragraphWith(doc, '2026年11月22日'), 'jc')).toBe('right')
  })

  it('uses 小标宋 22 pt for the title, 仿宋 16 pt for the body, 黑体 / 楷体 for headings and labels', () => {
    const title = runWith(doc, '幸福社区居民议事会会议纪要')
    expect([font(title), size(title)]).toEqual(['方正小标宋简体', 44])
    expect(val(title, 'rFonts', 'ascii')).toBe('方正小标宋简体')
    const body = runWith(doc, '会议听取了业主代表的意见。')
    expect(font(body)).toMatch(/^仿宋/)
    expect(size(body)).toBe(32)
    expect(font(runWith(doc, '一、关于电动车充电桩的议题'))).toBe('黑体')
    expect(font(runWith(doc, '（一）讨论情况'))).toMatch(/^楷体/)
    expect(font(runWith(doc, '1.居民意见'))).toMatch(/^仿宋/)
    expect(font(runWith(doc, '出席：'))).toBe('黑体')
    const attendance = paragraphWith(doc, '出席：')
    expect(Number(val(attendance, 'ind', 'hanging'))).toBeGreaterThan(0)
    expect(val(attendance, 'ind', 'left')).toBe(val(attendance, 'ind', 'hanging'))
    expect(bold(runWith(doc, '时间：'))).toBe(true)
    expect(bold(runWith(doc, '2026年11月22日 19:00'))).toBe(false)
  })

  it('writes a ruled table with a repeated bold header row', () => {
    const [table] = all(doc, 'tbl')
    const borders = all(table!, 'tblBorders')[0]
    expect(['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => val(borders, side))).toEqual(Array(6).fill('single'))
    const [head, ...rows] = all(table!, 'tr')
    expect(all(head!, 'tblHeader').length).toBe(1)
    expect(all(head!, 'r').every(bold)).toBe(true)
    expect(rows.flatMap((r) => all(r, 'r')).some(bold)).toBe(false)
  })

  it('leaves an underlined blank to sign on paper, and breaks the page', () => {
    const signature = paragraphWith(doc, '记录人：')
    const underlined = all(signature, 'r').filter((r) => all(r, 'u').length)
    expect(underlined.map(text)).toEqual(['\u3000'.repeat(6), '\u3000'.repeat(8)])
    expect(all(doc, 'br').filter((b) => b.getAttributeNS(W, 'type') === 'page')).toHaveLength(1)
  })

  it('prints the seal hash in monospace with its QR code as a PNG image', async () => {
    expect(val(runWith(doc, 'e3b0c44298fc1c14 9afbf4c8996fb924 27ae41e4649b934c a495991b7852b855'), 'rFonts', 'ascii')).toBe('Courier New')
    const media = Object.keys(d.zip.files).filter((n) => n.startsWith('word/media/'))
    expect(media).toHaveLength(1)
    const png = await d.zip.file(media[0]!)!.async('uint8array')
    const width = new DataView(png.buffer, png.byteOffset).getUint32(16)
    const scale = width / qrMatrix(HASH).size
    expect(Number.isInteger(scale)).toBe(true)
    expect(png).toEqual(qrPng(HASH, scale))
    expect(d.parts.get('word/document.xml')).toContain(`descr="${HASH}"`)
  })

  it('numbers pages "— n —" in every footer, with the footer text, and sets title and language', () => {
    const refs = all(doc, 'footerReference')
    expect(refs.map((r) => r.getAttributeNS(W, 'type')).sort()).toEqual(['default', 'even'])
    for (const ref of refs) {
      const footer = d.xml(partOf(d, ref))
      expect(all(footer, 'instrText').map((i) => i.textContent?.trim())).toEqual(['PAGE'])
      expect(all(footer, 'fldChar').map((f) => f.getAttributeNS(W, 'fldCharType'))).toEqual(['begin', 'separate', 'end'])
      expect(paragraphs(footer).join('').replace('\t', '|')).toMatch(/^(幸福社区居民议事会\|— {2}—|— {2}—\|幸福社区居民议事会)$/)
    }
    const core = d.xml('docProps/core.xml')
    expect(core.getElementsByTagNameNS('http://purl.org/dc/elements/1.1/', 'title')[0]?.textContent).toBe('幸福社区居民议事会会议纪要')
    expect(core.getElementsByTagNameNS('http://purl.org/dc/elements/1.1/', 'language')[0]?.textContent).toBe('zh-CN')
  })

  it('carries the draft mark in a header on every page iff the document is a draft', async () => {
    expect(all(doc, 'headerReference')).toHaveLength(0)
    expect(Object.keys(d.zip.files).filter((n) => /header\d*\.xml$/.test(n))).toEqual([])
    const draft = await open(await renderDocx(sample({ draft: '征求意见稿', lang: 'zh-TW' })))
    const refs = all(draft.xml('word/document.xml'), 'headerReference')
    expect(refs.map((r) => r.getAttributeNS(W, 'type')).sort()).toEqual(['default', 'even'])
    for (const ref of refs) expect(paragraphs(draft.xml(partOf(draft, ref)))).toEqual(['征求意见稿'])
    expect(draft.parts.get('docProps/core.xml')).toContain('<dc:language>zh-TW</dc:language>')
  })
})

const HOSTILE = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', ']]>', '&amp;', 'a\u0000\u0007b', 'x\uD800y', '{{constructor}}', '\u202Eevil', `it's "quoted"`, '<![CDATA[x]]>', '<?xml version="1.0"?>', '<w:t>injected</w:t>']
/** What a hostile string should read as: the same text without the characters XML forbids. */
const inert = (s: string) => s.replace(/\r\n?/g, '\n').replace(XML_FORBIDDEN, '')

/** Every XML part parses, holds no character XML forbids and no script or img element. */
function expectWellFormed(d: Docx) {
  for (const [path, xml] of d.parts) {
    expect(xml.match(XML_FORBIDDEN), path).toBeNull()
    const els = Array.from(parse(xml).getElementsByTagName('*'))
    expect(els.filter((e) => /^(script|img|iframe)$/i.test(e.localName ?? '')), path).toEqual([])
    expect(els.filter((e) => e.namespaceURI === W && e.localName === 't' && e.getElementsByTagName('*').length > 0), path).toEqual([])
  }
}

describe('renderDocx with hostile text', () => {
  const h = (i: number) => HOSTILE[i % HOSTILE.length]!
  const hostile: PrintDocument = {
    kind: 'record',
    lang: 'zh-CN"><x',
    title: HOSTILE.join(' '),
    draft: h(0),
    footer: h(1),
    blocks: [
      { kind: 'title', text: HOSTILE.join(' ') },
      { kind: 'subtitle', text: h(1) },
      { kind: 'heading', level: 1, number: h(2), text: h(3) },
      ...HOSTILE.map((t): Block => ({ kind: 'paragraph', text: t, indent: true })),
      { kind: 'field', label: h(0), value: h(1) },
      { kind: 'attendance', label: h(4), value: h(5) },
      { kind: 'table', header: [h(0), h(1)], rows: HOSTILE.map((t, i) => [t, h(i + 1)]) },
      { kind: 'signatures', entries: [{ label: h(6), name: h(7), at: h(8) }] },
      { kind: 'date', text: h(9) },
      { kind: 'seal', label: h(0), hash: h(1), note: h(2) },
    ],
  }

  it('keeps every part well-formed XML, with the text present as text', async () => {
    const d = await open(await renderDocx(hostile))
    expectWellFormed(d)
    const words = paragraphs(d.xml('word/document.xml'))
    for (const t of HOSTILE) expect(words, JSON.stringify(t)).toContain(inert(t))
    expect(words).toContain(inert(HOSTILE.join(' ')))
    expect(words).toContain('ab')
    expect(words).toContain('xy')
    const core = d.xml('docProps/core.xml')
    expect(core.getElementsByTagNameNS('http://purl.org/dc/elements/1.1/', 'title')[0]?.textContent).toBe(inert(HOSTILE.join(' ')))
    expect(core.getElementsByTagNameNS('http://purl.org/dc/elements/1.1/', 'language')[0]?.textContent).toBe('zh-CN')
    const headers = [...d.parts.keys()].filter((p) => /^word\/header\d+\.xml$/.test(p))
    expect(headers.length).toBeGreaterThan(0)
    for (const p of headers) expect(paragraphs(d.xml(p))).toEqual([HOSTILE[0]])
    expect(d.parts.get('word/document.xml')).not.toMatch(/<(script|img)\b/i)
  })

  it('keeps any string inert', async () => {
    const unit = fc.oneof(fc.string({ unit: 'binary', maxLength: 1 }), fc.constantFrom('\uD800', '\uDFFF', '\u0000', '\u001F', '\uFFFE', '\r', '<', '&', ']]>', '"', '\u202E'))
    const str = fc.string({ unit, maxLength: 30 })
    await fc.assert(
      fc.asyncProperty(str, str, async (a, b) => {
        const d = await open(await renderDocx({ kind: 'notice', lang: 'zh-CN', title: a, draft: b, footer: a, blocks: [{ kind: 'paragraph', text: a, indent: false }, { kind: 'table', header: [b], rows: [[a]] }] }))
        expectWellFormed(d)
        const words = paragraphs(d.xml('word/document.xml'))
        const read = (s: string) => inert(s).replace(/[\u0085\u2028\u2029]/g, '\n')
        expect(words[0]).toBe(read(a))
        expect(words.slice(1, 3)).toEqual([read(b), read(a)])
      }),
      { numRuns: 40 },
    )
  })
})

const SENTENCES = ['会议听取了关于小区电动车集中充电设施建设的情况汇报。', '与会成员围绕选址、费用分摊和消防安全进行了讨论。', '居民代表提出应当优先保障老年人的出行需要。', '物业服务企业表示将配合做好施工期间的安全管理。']

/** About twenty pages: 400 one-line paragraphs under 20 headings, each section ending with a table. */
function twentyPages(): PrintDocument {
  const blocks: Block[] = [{ kind: 'title', text: '幸福社区居民议事会2026年度会议记录汇编' }]
  for (let i = 0; i < 400; i++) {
    if (i % 20 === 0) blocks.push({ kind: 'heading', level: 1, number: `${'一二三四五六七八九十'[Math.floor(i / 20) % 10]}、`, text: `第${i / 20 + 1}次会议` })
    blocks.push({ kind: 'paragraph', text: SENTENCES[i % SENTENCES.length]!, indent: true })
    if (i % 20 === 19) blocks.push({ kind: 'table', header: ['表决事项', '同意', '反对', '弃权'], rows: Array.from({ length: 5 }, (_, r) => [`议题${r + 1}`, String(10 + r), String(r), '1']) })
  }
  return { kind: 'record', lang: 'zh-CN', title: '会议记录汇编', draft: null, footer: '幸福社区居民议事会', blocks }
}

describe('renderDocx on a twenty-page document', () => {
  it('renders every paragraph and table, reporting increasing progress that ends at 1', async () => {
    const seen: number[] = []
    const d = await open(await renderDocx(twentyPages(), { onProgress: (f) => seen.push(f) }))
    const doc = d.xml('word/document.xml')
    expect(all(doc, 'tbl')).toHaveLength(20)
    expect(paragraphs(doc).filter((p) => SENTENCES.includes(p))).toHaveLength(400)
    expect(seen.length).toBeGreaterThanOrEqual(3)
    expect(seen.every((f, i) => f > 0 && f <= 1 && (i === 0 || f > seen[i - 1]!))).toBe(true)
    expect(seen.at(-1)).toBe(1)
  })

  it('reports 1 for an empty document too', async () => {
    const seen: number[] = []
    const d = await open(await renderDocx({ ...sample(), blocks: [] }, { onProgress: (f) => seen.push(f) }))
    expect(all(d.xml('word/document.xml'), 'p').length).toBeGreaterThan(0)
    expect(seen.at(-1)).toBe(1)
  })
})
