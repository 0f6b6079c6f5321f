// The printed documents as HTML: the body markup (shown in the app and printed), the print
// stylesheet (GB/T 9704 page, fonts and page numbers), and a standalone document for print-to-PDF
// and for saving a copy. Every text is escaped; the markup carries no inline style and no script,
// so it runs under the app's CSP (style-src 'self', script-src 'self'); the stylesheet is adopted
// as a constructed stylesheet in the app, and sits in a <style> element of the standalone copy.
import type { Block, PrintDocument } from './blocks'
import { wellFormed } from './plain'
import { qrSvg } from './qr'

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/**
 * Text for HTML content or a quoted attribute: & < > " ' escaped; lone surrogates and the control
 * characters the HTML parser drops or refuses (NUL, C0 but tab and line breaks, DEL) become U+FFFD,
 * so what is printed is exactly what the model holds, or visibly replaced.
 */
export function escapeHtml(text: string): string {
  return (
    wellFormed(String(text))
      // eslint-disable-next-line no-control-regex -- matching the control characters is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '\uFFFD')
      .replace(/[&<>"']/g, (c) => ENTITIES[c]!)
  )
}

const KINDS = new Set(['record', 'summary', 'notice', 'review'])
/** A BCP 47 tag as written, or "und": the lang attribute never carries anything else. */
const safeLang = (lang: string): string => (/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(lang) ? lang : 'und')
const isChinese = (lang: string): boolean => /^zh(-|$)/i.test(lang)

/** Cells up to this wide (in em of 12 pt), in a column of only such cells, are kept on one line… */
const SHORT_CELL = 10
/** …as long as such columns together stay within this width (the type area is about 36 em of 12 pt). */
const SHORT_TOTAL = 30

/** The printed width of a text in em, roughly: CJK and full-width characters 1, others 0.55. */
function ems(text: string): number {
  let w = 0
  for (const c of text) w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u.test(c) ? 1 : 0.55
  return w
}

/** Which columns hold short values only (names, counts, dates), kept narrow and unbroken. */
function shortColumns(header: readonly string[], rows: readonly (readonly string[])[]): boolean[] {
  const widest = header.map((_, i) => Math.max(...[header, ...rows].map((r) => ems(r[i] ?? ''))))
  const short = widest.map(() => false)
  let total = 0
  for (const i of widest.map((_, i) => i).sort((a, b) => widest[a]! - widest[b]!)) {
    if (widest[i]! > SHORT_CELL || total + widest[i]! > SHORT_TOTAL) break
    total += widest[i]!
    short[i] = true
  }
  return short
}

const el = (tag: string, cls: string, inner: string): string => `<${tag} class="${cls}">${inner}</${tag}>`

function qr(hash: string): string {
  try {
    return qrSvg(hash)
  } catch {
    return '' // a hash too long (or empty) for a QR code: the printed hash still stands
  }
}

function sealHtml(b: { label: string; hash: string; note: string }): string {
  return el(
    'div',
    'pd-seal',
    el('div', 'pd-qr', qr(b.hash)) +
      el('div', 'pd-seal-text', el('p', 'pd-seal-label', escapeHtml(b.label)) + el('p', 'pd-hash', escapeHtml(b.hash)) + el('p', 'pd-seal-note', escapeHtml(b.note))),
  )
}

function blockHtml(b: Block, lang: string): string {
  const colon = isChinese(lang) ? '：' : ': '
  const label = (text: string) => el('span', 'pd-label', escapeHtml(text + colon))
  switch (b.kind) {
    case 'title':
      return el('h1', 'pd-title', escapeHtml(b.text))
    case 'subtitle':
      return el('p', 'pd-subtitle', escapeHtml(b.text))
    case 'heading': {
      const level = b.level >= 1 && b.level <= 4 ? b.level : 1
      const gap = b.number && !isChinese(lang) ? ' ' : ''
      const num = b.number ? el('span', 'pd-num', escapeHtml(b.number)) + gap : ''
      // An unnumbered heading (会议概况, 附件) starts at the margin, as GB/T 9704 sets 附件.
      return el(`h${level + 1}`, `pd-h pd-h${level}${b.number ? '' : ' pd-plain'}`, num + escapeHtml(b.text))
    }
    case 'paragraph':
      return el('p', b.indent ? 'pd-p pd-indent' : 'pd-p', escapeHtml(b.text))
    case 'field':
      return el('p', 'pd-field', label(b.label) + el('span', 'pd-value', escapeHtml(b.value)))
    case 'attendance':
      return el('p', 'pd-attendance', label(b.label) + el('span', 'pd-value', escapeHtml(b.value)))
    case 'table': {
      const width = b.header.length
      // Columns of short values (names, counts, times) never wrap: the table's automatic layout
      // then gives the long texts (summaries, objections) the rest of the width.
      const short = shortColumns(b.header, b.rows)
      const cls = (i: number) => (short[i] ? ' class="pd-short"' : '')
      const cells = (row: readonly string[], tag: 'th' | 'td') =>
        Array.from({ length: width }, (_, i) => (tag === 'th' ? `<th scope="col"${cls(i)}>${escapeHtml(row[i] ?? '')}</th>` : `<td${cls(i)}>${escapeHtml(row[i] ?? '')}</td>`)).join('')
      return (
        `<table class="pd-table"><thead><tr>${cells(b.header, 'th')}</tr></thead>` +
        `<tbody>${b.rows.map((r) => `<tr>${cells(r, 'td')}</tr>`).join('')}</tbody></table>`
      )
    }
    case 'signatures':
      return el(
        'div',
        'pd-signatures',
        b.entries
          .map((e) =>
            el(
              'p',
              'pd-sign',
              label(e.label) + el('span', e.name ? 'pd-sign-name' : 'pd-sign-name pd-blank', escapeHtml(e.name)) + el('span', e.at ? 'pd-sign-at' : 'pd-sign-at pd-blank', escapeHtml(e.at)),
            ),
          )
          .join(''),
      )
    case 'date':
      return el('p', 'pd-date', escapeHtml(b.text))
    case 'seal':
      return sealHtml(b)
    case 'closing':
      // One box: never split, never at the top of a page without the body's last lines (PRINT_CSS).
      return el('div', 'pd-closing', el('p', 'pd-date', escapeHtml(b.issuer)) + el('p', 'pd-date', escapeHtml(b.date)) + (b.seal ? sealHtml(b.seal) : ''))
    case 'pageBreak':
      return '<div class="pd-page-break"></div>'
    default:
      return ''
  }
}

/**
 * The markup of a document, to be placed inside an element of class `print-document` (the root
 * every rule of PRINT_CSS is scoped to). Classes only: no style attribute, no script, no URL.
 */
export function renderHtmlBody(doc: PrintDocument): string {
  const lang = safeLang(doc.lang)
  const kind = KINDS.has(doc.kind) ? doc.kind : 'record'
  const draft = doc.draft ? el('div', 'pd-draft', escapeHtml(doc.draft)) : ''
  return `<div class="pd-sheet pd-${kind}">${draft}${doc.blocks.map((b) => blockHtml(b, lang)).join('')}</div>`
}

const TITLE_FONT = '"FZXiaoBiaoSong-B05S", "方正小标宋简体", "SimSun", "宋体", "AR PL UMing CN", "AR PL UMing TW", "Noto Serif CJK SC", "Noto Serif CJK TC", serif'
const BODY_FONT = '"FangSong", "仿宋_GB2312", "仿宋", "STFangsong", "AR PL UMing CN", "AR PL UMing TW", "Noto Serif CJK SC", "Noto Serif CJK TC", serif'
const HEI_FONT = '"SimHei", "黑体", "WenQuanYi Zen Hei", "Noto Sans CJK SC", "Noto Sans CJK TC", sans-serif'
const KAI_FONT = '"KaiTi", "楷体", "KaiTi_GB2312", "STKaiti", "AR PL UKai CN", "AR PL UKai TW", "Noto Serif CJK SC", "Noto Serif CJK TC", serif'
const SONG_FONT = '"SimSun", "宋体", "AR PL UMing CN", "AR PL UMing TW", "Noto Serif CJK SC", "Noto Serif CJK TC", serif'
const LATIN_SERIF = `"Times New Roman", "Liberation Serif", "DejaVu Serif", ${BODY_FONT}`
const LATIN_SANS = `"Arial", "Liberation Sans", "DejaVu Sans", ${HEI_FONT}`
const MONO_FONT = '"DejaVu Sans Mono", "Noto Sans Mono CJK SC", "Consolas", "Courier New", monospace'
/** GB/T 9704: 22 lines of 3号 (16 pt) text in a 225 mm type area. */
const LINE = '28.9pt'

/**
 * The print stylesheet. Page: A4, margins top 37 mm, right 26 mm, bottom 35 mm, left (binding)
 * 28 mm; page numbers "— N —" in 4号 (14 pt) 宋体 7 mm below the type area, odd pages right and even
 * pages left, one character in (GB/T 9704 7.5). Every other rule is scoped to .print-document,
 * so adopting the sheet in the app never restyles the app itself.
 */
export const PRINT_CSS = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
@page :right {
  @bottom-right { content: "— " counter(page) " —"; font-family: ${SONG_FONT}; font-size: 14pt; vertical-align: top; text-align: right; padding-top: 7mm; padding-right: 1em; }
  @bottom-left { font-family: ${BODY_FONT}; font-size: 10.5pt; vertical-align: top; text-align: left; padding-top: 7mm; color: #444; }
}
@page :left {
  @bottom-left { content: "— " counter(page) " —"; font-family: ${SONG_FONT}; font-size: 14pt; vertical-align: top; text-align: left; padding-top: 7mm; padding-left: 1em; }
  @bottom-right { font-family: ${BODY_FONT}; font-size: 10.5pt; vertical-align: top; text-align: right; padding-top: 7mm; color: #444; }
}
.print-document { color: #000; font-family: ${BODY_FONT}; font-size: 16pt; line-height: ${LINE}; font-weight: normal; }
.print-document .pd-sheet { position: relative; box-sizing: border-box; background: #fff; color: #000; text-align: justify; }
.print-document .pd-sheet * { box-sizing: border-box; }
.print-document .pd-title { font-family: ${TITLE_FONT}; font-size: 22pt; font-weight: normal; line-height: 1.45; text-align: center; margin: 0 0 ${LINE}; }
.print-document .pd-subtitle { font-family: ${KAI_FONT}; text-align: center; margin: -14pt 0 ${LINE}; }
.print-document .pd-h { font-size: 16pt; font-weight: normal; line-height: ${LINE}; margin: 0; text-indent: 2em; break-after: avoid; page-break-after: avoid; }
.print-document .pd-h1 { font-family: ${HEI_FONT}; }
.print-document .pd-h2 { font-family: ${KAI_FONT}; }
.print-document .pd-h3, .print-document .pd-h4 { font-family: ${BODY_FONT}; }
.print-document .pd-h.pd-plain { text-indent: 0; }
.print-document .pd-p { margin: 0; orphans: 2; widows: 2; overflow-wrap: break-word; }
.print-document .pd-indent { text-indent: 2em; }
.print-document .pd-field { margin: 0; overflow-wrap: break-word; }
.print-document .pd-label { font-family: ${HEI_FONT}; }
.print-document .pd-attendance { margin: 0; padding-left: 3em; text-indent: -3em; overflow-wrap: break-word; }
.print-document :not(.pd-attendance) + .pd-attendance { margin-top: ${LINE}; }
.print-document .pd-attendance + .pd-attendance { break-before: avoid; page-break-before: avoid; }
.print-document .pd-date { margin: ${LINE} 0 0; text-align: right; padding-right: 4em; }
.print-document .pd-date + .pd-date { margin-top: 0; }
.print-document .pd-closing { margin-top: ${LINE}; break-inside: avoid; page-break-inside: avoid; break-before: avoid; page-break-before: avoid; }
.print-document .pd-closing > .pd-date:first-child { margin-top: 0; }
/* The body's last lines stay with the 落款: never one line of a paragraph left behind. */
.print-document .pd-p:has(+ .pd-closing), .print-document .pd-attendance:has(+ .pd-closing) { orphans: 3; widows: 3; break-after: avoid; page-break-after: avoid; }
.print-document .pd-table { width: 100%; border-collapse: collapse; margin: 4pt 0 10pt; font-size: 12pt; line-height: 1.5; text-align: left; }
.print-document .pd-table th, .print-document .pd-table td { border: 0.75pt solid #000; padding: 2pt 4pt; vertical-align: top; overflow-wrap: anywhere; }
.print-document .pd-table th { font-family: ${HEI_FONT}; font-weight: normal; }
.print-document .pd-table thead { display: table-header-group; }
.print-document .pd-table tr { break-inside: avoid; page-break-inside: avoid; }
.print-document .pd-table .pd-short { white-space: nowrap; }
.print-document .pd-signatures { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0 2em; margin: ${LINE} 0; break-inside: avoid; page-break-inside: avoid; }
.print-document .pd-sign { margin: 0; }
.print-document .pd-sign-name { display: inline-block; min-width: 6em; padding: 0 0.25em; border-bottom: 0.75pt solid #000; text-align: center; }
.print-document .pd-sign-at { display: inline-block; margin-left: 0.5em; font-size: 12pt; }
.print-document .pd-sign-at.pd-blank { min-width: 8em; border-bottom: 0.75pt solid #000; }
.print-document .pd-seal { display: flex; align-items: center; gap: 6mm; margin: 14pt 0; break-inside: avoid; page-break-inside: avoid; }
.print-document .pd-qr { flex: none; width: 28mm; height: 28mm; }
.print-document .pd-qr svg { display: block; width: 28mm; height: 28mm; }
.print-document .pd-seal-text { flex: 1 1 auto; min-width: 0; }
.print-document .pd-seal-label { margin: 0; font-family: ${HEI_FONT}; font-size: 12pt; line-height: 1.5; }
.print-document .pd-hash { margin: 0; font-family: ${MONO_FONT}; font-size: 10pt; line-height: 1.4; word-break: break-all; overflow-wrap: anywhere; text-align: left; }
.print-document .pd-seal-note { margin: 0; font-size: 10.5pt; line-height: 1.5; }
.print-document .pd-page-break { break-after: page; page-break-after: always; height: 0; }
.print-document .pd-draft { position: absolute; top: 14mm; right: 26mm; z-index: 1; padding: 2pt 8pt; border: 1.5pt solid #c00; color: #c00; font-family: ${HEI_FONT}; font-size: 14pt; line-height: 1.4; letter-spacing: 0.3em; pointer-events: none; }
/* A document in a Latin-script language keeps the same layout in Latin typefaces. */
.print-document .pd-sheet:lang(en) { font-family: ${LATIN_SERIF}; }
.print-document .pd-sheet:lang(en) .pd-title, .print-document .pd-sheet:lang(en) .pd-subtitle, .print-document .pd-sheet:lang(en) .pd-h2, .print-document .pd-sheet:lang(en) .pd-h3, .print-document .pd-sheet:lang(en) .pd-h4 { font-family: ${LATIN_SERIF}; }
.print-document .pd-sheet:lang(en) .pd-h1, .print-document .pd-sheet:lang(en) .pd-label, .print-document .pd-sheet:lang(en) .pd-table th, .print-document .pd-sheet:lang(en) .pd-seal-label { font-family: ${LATIN_SANS}; }
@media screen {
  .print-document { padding: 24px 12px; background: #d9d9d9; overflow-x: auto; }
  .print-document .pd-sheet { width: 210mm; min-height: 297mm; margin: 0 auto; padding: 37mm 26mm 35mm 28mm; box-shadow: 0 2px 10px rgba(0, 0, 0, 0.3); }
  .print-document .pd-page-break { height: 0; margin: 12mm -26mm 12mm -28mm; border-top: 1px dashed #999; }
}
@media print {
  .print-document { padding: 0; background: none; }
  .print-document .pd-sheet { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
  /*
   * Fixed: Chromium repeats it on every printed page, placed in each page's type area (an offset
   * outside it lands on the neighbouring page), so it is a light diagonal watermark across the
   * middle of the page rather than a stamp in the margin.
   */
  .print-document .pd-draft { position: fixed; top: 42%; left: 0; right: 0; padding: 0; border: none; text-align: center; color: rgba(204, 0, 0, 0.14); font-size: 96pt; line-height: 1; letter-spacing: 0.5em; transform: rotate(-30deg); }
}
`

/** A CSS string literal of any text: everything but letters, digits and spaces as a hex escape. */
function cssString(text: string): string {
  let out = ''
  for (const c of wellFormed(text)) out += /[\p{L}\p{N} ]/u.test(c) ? c : `\\${c.codePointAt(0)!.toString(16)} `
  return `"${out}"`
}

/**
 * A standalone HTML document for print-to-PDF and for saving a copy: the stylesheet inline, the
 * running footer (the council's name) in the page margin opposite the page number, and a CSP that
 * lets even a saved copy run nothing and load nothing.
 */
export function documentHtml(doc: PrintDocument): string {
  const lang = safeLang(doc.lang)
  const footer = doc.footer.trim()
    ? `@page :right { @bottom-left { content: ${cssString(doc.footer)}; } }\n@page :left { @bottom-right { content: ${cssString(doc.footer)}; } }\n`
    : ''
  return (
    `<!doctype html>\n<html lang="${escapeHtml(lang)}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<title>${escapeHtml(doc.title)}</title>\n` +
    `<style>${PRINT_CSS}${footer}html, body { margin: 0; padding: 0; background: #d9d9d9; }\n@media print { html, body { background: #fff; } }\n</style>\n` +
    `</head>\n<body>\n<div class="print-document" lang="${escapeHtml(lang)}">${renderHtmlBody(doc)}</div>\n</body>\n</html>\n`
  )
}
