// A printed document (blocks.ts) as a Word file, laid out as GB/T 9704 lays out official documents:
// A4 with its margins, 22 lines a page, 小标宋 titles, 仿宋 body, 黑体 / 楷体 headings, "— 1 —"
// page numbers on the outer side. Pure: runs in the renderer or in main and returns the bytes.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  ImageRun,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  UnderlineType,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
} from 'docx'
import type { Block, PrintDocument } from './blocks'
import { qrPng } from './qr'

const mm = (v: number): number => Math.round((v * 1440) / 25.4)
const PAGE = { width: 11906, height: 16838, top: mm(37), left: mm(28), bottom: mm(35), right: mm(26) }
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right
/** 22 lines fill the 225 mm text block exactly (12,756 twips / 22, rounded down). */
const LINE = 579
/** One character of 16 pt (三号), in twips. */
const CHAR = 320
const FONT = { title: '方正小标宋简体', body: '仿宋_GB2312', hei: '黑体', kai: '楷体_GB2312', song: '宋体', mono: 'Courier New' }
/** Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt, 五号 10.5 pt. */
const SIZE = { title: 44, body: 32, table: 28, small: 24, hash: 21 }
const QR_PX = 113

const exact = { line: LINE, lineRule: LineRuleType.EXACT }
const firstLine2 = { firstLineChars: 200, firstLine: 2 * CHAR }

const XML_FORBIDDEN = /[^\t\n\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

/** Text as docx may write it: line ends as \n, and without the characters XML 1.0 forbids (controls, lone surrogates, U+FFFE/FFFF). */
function xmlSafeText(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(XML_FORBIDDEN, '')
}

/** One face for every script; the eastAsia hint makes Word and WPS use it for ambiguous-width punctuation (“”、…) too. */
const fontOf = (name: string) => (name === FONT.mono ? { ascii: name, hAnsi: name, eastAsia: name, cs: name } : { ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: 'eastAsia' })

/** Runs of plain text; each newline becomes a line break. */
function runs(text: string, font: string, size: number, extra: Omit<IRunOptions, 'text' | 'font' | 'size' | 'break'> = {}): TextRun[] {
  return xmlSafeText(text)
    .split('\n')
    .map((line, i) => new TextRun({ ...extra, text: line, font: fontOf(font), size, ...(i > 0 ? { break: 1 } : {}) }))
}

const blank = (chars: number): TextRun =>
  new TextRun({ text: '\u3000'.repeat(chars), font: fontOf(FONT.body), size: SIZE.body, underline: { type: UnderlineType.SINGLE } })

const para = (options: IParagraphOptions): Paragraph => new Paragraph({ spacing: exact, ...options })

function labelled(label: string, lang: string): string {
  const clean = label.trimEnd()
  if (/[:：]$/.test(clean)) return clean
  return clean + (/^(zh|ja)\b/i.test(lang) ? '：' : ': ')
}

/** Approximate width in twips at 16 pt: full-width characters one em, others half. */
function width(text: string): number {
  let w = 0
  for (const c of text) w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u.test(c) ? CHAR : CHAR / 2
  return w
}

const HEADING_FONT = { 1: FONT.hei, 2: FONT.kai, 3: FONT.body, 4: FONT.body } as const
const rule = { style: BorderStyle.SINGLE, size: 4, color: '000000' }

function table(header: string[], rows: string[][]): Table | null {
  const n = Math.max(header.length, ...rows.map((r) => r.length))
  if (n === 0) return null
  const col = Math.floor(TEXT_WIDTH / n)
  const row = (cells: string[], head: boolean): TableRow =>
    new TableRow({
      ...(head ? { tableHeader: true } : {}),
      cantSplit: true,
      children: Array.from({ length: n }, (_, i) =>
        new TableCell({
          width: { size: col, type: WidthType.DXA },
          margins: { left: 80, right: 80 },
          children: [
            new Paragraph({
              alignment: head ? AlignmentType.CENTER : AlignmentType.LEFT,
              spacing: { line: 400, lineRule: LineRuleType.AT_LEAST },
              children: runs(cells[i] ?? '', FONT.body, SIZE.table, head ? { bold: true } : {}),
            }),
          ],
        }),
      ),
    })
  return new Table({
    width: { size: col * n, type: WidthType.DXA },
    columnWidths: Array.from({ length: n }, () => col),
    borders: { top: rule, bottom: rule, left: rule, right: rule, insideHorizontal: rule, insideVertical: rule },
    rows: [...(header.length ? [row(header, true)] : []), ...rows.map((r) => row(r, false))],
  })
}

function seal(b: { label: string; hash: string; note: string }): Paragraph[] {
  const hash = xmlSafeText(b.hash).trim()
  const grouped = /^[0-9a-f]{64}$/i.test(hash) ? (hash.match(/.{16}/g) ?? []).join(' ') : hash
  const out = [
    para({ keepNext: true, children: runs(b.label, FONT.hei, SIZE.body) }),
    para({ keepNext: true, children: runs(grouped, FONT.mono, SIZE.hash) }),
  ]
  if (hash) {
    out.push(
      new Paragraph({
        keepNext: true,
        spacing: { before: 200, after: 200 },
        children: [
          new ImageRun({
            type: 'png',
            data: qrPng(hash, 8),
            transformation: { width: QR_PX, height: QR_PX },
            altText: { name: 'QR', title: xmlSafeText(b.label), description: hash },
          }),
        ],
      }),
    )
  }
  out.push(para({ children: runs(b.note, FONT.body, SIZE.body) }))
  return out
}

/**
 * The 落款 as Word keeps it together: every line keepNext (so issuer, date and seal share a page)
 * and keepLines; the block before it is rendered with keepNext too (see `block`), so the 落款
 * never opens a page on its own.
 */
function closing(b: Extract<Block, { kind: 'closing' }>): Paragraph[] {
  const line = (text: string, last: boolean) =>
    para({ alignment: AlignmentType.RIGHT, indent: { right: 4 * CHAR }, keepLines: true, keepNext: !last, children: runs(text, FONT.body, SIZE.body) })
  return [para({ keepNext: true, children: [] }), line(b.issuer, false), line(b.date, !b.seal), ...(b.seal ? seal(b.seal) : [])]
}

/** `keep`: keep this block on the page of the next one (the body's last lines before the 落款). */
function block(b: Block, lang: string, keep = false): (Paragraph | Table)[] {
  const k = keep ? { keepNext: true, keepLines: true } : {}
  switch (b.kind) {
    case 'title':
      return [para({ alignment: AlignmentType.CENTER, spacing: { ...exact, after: LINE }, children: runs(b.text, FONT.title, SIZE.title) })]
    case 'subtitle':
      return [para({ alignment: AlignmentType.CENTER, children: runs(b.text, FONT.body, SIZE.body) })]
    case 'heading':
      return [para({ keepNext: true, outlineLevel: b.level - 1, indent: firstLine2, children: runs(b.number + b.text, HEADING_FONT[b.level], SIZE.body) })]
    case 'paragraph':
      return [para({ alignment: AlignmentType.BOTH, ...k, ...(b.indent ? { indent: firstLine2 } : {}), children: runs(b.text, FONT.body, SIZE.body) })]
    case 'field':
      return [para({ children: [...runs(labelled(b.label, lang), FONT.body, SIZE.body, { bold: true }), ...runs(b.value, FONT.body, SIZE.body)] })]
    case 'attendance': {
      const label = labelled(b.label, lang)
      const hang = Math.min(width(xmlSafeText(label)), TEXT_WIDTH / 2)
      return [para({ alignment: AlignmentType.BOTH, ...k, indent: { left: hang, hanging: hang }, children: [...runs(label, FONT.hei, SIZE.body), ...runs(b.value, FONT.body, SIZE.body)] })]
    }
    case 'table': {
      const t = table(b.header, b.rows)
      return t ? [t, para({ children: [] })] : []
    }
    case 'signatures':
      return b.entries.map((e) =>
        para({
          indent: { left: 2 * CHAR },
          children: [
            ...runs(labelled(e.label, lang), FONT.body, SIZE.body),
            ...(e.name.trim() ? runs(e.name, FONT.body, SIZE.body) : [blank(6)]),
            new TextRun({ text: '\u3000\u3000', size: SIZE.body }),
            ...(e.at.trim() ? runs(e.at, FONT.body, SIZE.body) : [blank(8)]),
          ],
        }),
      )
    case 'date':
      return [para({ alignment: AlignmentType.RIGHT, indent: { right: 4 * CHAR }, children: runs(b.text, FONT.body, SIZE.body) })]
    case 'seal':
      return seal(b)
    case 'closing':
      return closing(b)
    case 'pageBreak':
      return [para({ children: [new PageBreak()] })]
  }
}

/** GB/T 9704 page numbers: 4号 宋体 "— 1 —", one character in from the outer edge (right on odd pages, left on even). */
function footer(text: string, odd: boolean): Footer {
  const inset = SIZE.table * 10
  const number = new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: fontOf(FONT.song), size: SIZE.table })
  const label = text ? runs(text, FONT.body, SIZE.small) : []
  const tab = new TextRun({ children: [new Tab()] })
  return new Footer({
    children: [
      new Paragraph({
        indent: odd ? { right: inset } : { left: inset },
        tabStops: [{ type: TabStopType.RIGHT, position: odd ? TEXT_WIDTH - inset : TEXT_WIDTH }],
        children: odd ? [...label, tab, number] : [number, tab, ...label],
      }),
    ],
  })
}

const draftHeader = (text: string): Header =>
  new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: runs(text, FONT.hei, SIZE.table) })] })

const escapeXml = (s: string): string => xmlSafeText(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** docx writes no dc:language, so the core properties part is written here. */
function coreXml(title: string, lang: string): string {
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')
  const stamp = (name: string) => `<dcterms:${name} xsi:type="dcterms:W3CDTF">${now}</dcterms:${name}>`
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(title)}</dc:title><dc:language>${escapeXml(lang)}</dc:language>${stamp('created')}${stamp('modified')}</cp:coreProperties>`
  )
}

/**
 * The DOCX bytes of `doc`. onProgress gets increasing fractions in (0, 1]: up to 0.3 while the
 * blocks are built (synchronously), then 1 once the file is packed, which takes most of the time.
 */
export async function renderDocx(doc: PrintDocument, options: { onProgress?: (fraction: number) => void } = {}): Promise<Uint8Array> {
  let reported = 0
  const progress = (f: number) => {
    if (f > reported && (f - reported >= 0.05 || f === 1)) {
      reported = f
      options.onProgress?.(f)
    }
  }
  const lang = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(doc.lang) ? doc.lang : 'zh-CN'
  const chinese = /^zh\b/i.test(lang)
  const children: (Paragraph | Table)[] = []
  doc.blocks.forEach((b, i) => {
    // The 出席 / 请假 / 列席 lines hold together and with the 落款 after them; a paragraph just before it too.
    const next = doc.blocks[i + 1]?.kind
    const keep = next === 'closing' || (b.kind === 'attendance' && next === 'attendance' && doc.blocks.slice(i + 1).find((x) => x.kind !== 'attendance')?.kind === 'closing')
    children.push(...block(b, lang, keep))
    progress((0.25 * (i + 1)) / doc.blocks.length)
  })
  if (!children.length || !(children[children.length - 1] instanceof Paragraph)) children.push(new Paragraph({}))
  const header = doc.draft === null ? undefined : draftHeader(doc.draft)
  const document = new Document({
    title: xmlSafeText(doc.title),
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: fontOf(FONT.body), size: SIZE.body, language: { value: chinese ? 'en-US' : lang, eastAsia: chinese ? lang : 'zh-CN' } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
            margin: { top: PAGE.top, left: PAGE.left, bottom: PAGE.bottom, right: PAGE.right, header: mm(15), footer: mm(22) },
          },
        },
        ...(header ? { headers: { default: header, even: header } } : {}),
        footers: { default: footer(doc.footer, true), even: footer(doc.footer, false) },
        children,
      },
    ],
  })
  progress(0.3)
  const bytes = await Packer.pack(document, 'uint8array', false, [{ path: 'docProps/core.xml', data: coreXml(doc.title, lang) }])
  progress(1)
  return bytes
}
