// The print HTML against hostile text: names, titles, motions, speeches and objections written to
// break out of the markup. Parsed by a real HTML parser (Chromium's DOMParser, through Playwright:
// neither jsdom nor happy-dom is installed), the markup holds no script, no event handler, no URL
// and no inline style, and every hostile string is there as plain text, exactly.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createI18n } from '../../src/shared/i18n/index'
import type { PrintDocument } from '../../src/shared/minutes/blocks'
import { documentHtml, escapeHtml, PRINT_CSS, renderHtmlBody } from '../../src/shared/minutes/html'
import { noticeDocument, recordDocument, reviewDocument, summaryDocument, type LayoutOptions, type MinutesSources } from '../../src/shared/minutes/layout'
import { assembleMeetingRecord } from '../../src/shared/minutes/model'
import { wellFormed } from '../../src/shared/minutes/plain'
import { launchChromium } from '../export/chromium'
import { closedMeeting, council } from './minutes-fixture'
import { at } from './session-helpers'

const CORPUS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '</style><script>alert(2)</script>',
  "{{constructor.constructor('alert(1)')()}}",
  '&lt;b&gt;bold&lt;/b&gt;',
  'ab\u202Ecd.exe',
  'lone \uD800 high and \uDC00 low',
  "' onmouseover='alert(3)",
  '<svg onload=alert(4)><iframe src="javascript:alert(5)"></iframe>',
  '<object data=x></object><a href="javascript:alert(6)">x</a>',
  '$t(votes:outcome.passed) {{count}}',
  'nul\u0000 and bell\u0007',
]
const HOSTILE = CORPUS.join(' ¦ ')
/** What the printed text must hold: lone surrogates and refused control characters as U+FFFD. */
// eslint-disable-next-line no-control-regex -- matching the control characters is the point
const printed = (s: string): string => wellFormed(s).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '\uFFFD')

function hostileSources(): MinutesSources {
  const record = structuredClone(assembleMeetingRecord(closedMeeting().doc, council()))
  record.council.name = HOSTILE
  record.meeting.title = HOSTILE
  record.meeting.place = HOSTILE
  record.chair = { id: 'chair', name: HOSTILE }
  record.narrative = HOSTILE
  record.attendance.members.forEach((m) => {
    m.name = `${m.name}${HOSTILE}`
    if (m.status === 'leave') m.reason = HOSTILE
  })
  record.observers.forEach((o) => (o.name = HOSTILE))
  const item = record.agenda[0]!
  item.title = HOSTILE
  item.notes = HOSTILE
  const motion = item.motions[0]!
  motion.text = HOSTILE
  motion.speeches[0]!.summary = HOSTILE
  motion.resolution = { implementer: HOSTILE, due: '2025-06-30' }
  return {
    record,
    signatures: [{ role: 'chair', name: HOSTILE, signedAt: at(40) }],
    sealedHash: 'ab'.repeat(32),
    corrections: [],
    notice: { place: HOSTILE, startDate: '2025-03-11', endDate: '2025-03-17', postedAt: at(60) },
    objections: [{ id: 'o1', receivedOn: '2025-03-12', from: HOSTILE, content: HOSTILE, handling: HOSTILE, handledOn: null }],
  }
}

interface Parsed {
  elements: { tag: string; parent: string; attrs: [string, string][] }[]
  text: string
  title: string
}

let browser: Browser
let page: Page
let docs: PrintDocument[]
beforeAll(async () => {
  browser = await launchChromium()
  page = await browser.newPage()
  const i18n = await createI18n('zh-CN')
  const o: LayoutOptions = { t: i18n.t.bind(i18n) as LayoutOptions['t'], lang: 'zh-CN', timeZone: 'Asia/Shanghai' }
  const src = hostileSources()
  const review = reviewDocument(
    {
      councilName: HOSTILE,
      meetingTitle: HOSTILE,
      meetingStartsAt: '2025-03-10T19:30',
      decision: 'returned',
      comments: HOSTILE,
      reviewer: HOSTILE,
      office: HOSTILE,
      reviewedAt: at(100),
      bundleHash: HOSTILE,
      checklist: [{ id: HOSTILE, status: 'warn', detail: { [HOSTILE]: HOSTILE } }],
    },
    o,
  )
  docs = [recordDocument(src, o), summaryDocument(src, o), noticeDocument(src, o), review]
})
afterAll(async () => {
  await browser?.close()
})

/** Parses markup with Chromium's HTML parser (DOMParser runs no script) and lists what it made. */
const parse = (html: string): Promise<Parsed> =>
  page.evaluate((source) => {
    const d = new DOMParser().parseFromString(source, 'text/html')
    return {
      elements: [...d.querySelectorAll('*')].map((e) => ({ tag: e.localName, parent: e.parentElement?.localName ?? '', attrs: [...e.attributes].map((a): [string, string] => [a.name, a.value]) })),
      text: d.body.textContent ?? '',
      title: d.title,
    }
  }, html)

const BODY_TAGS = new Set(['html', 'head', 'body', 'div', 'p', 'span', 'h1', 'h2', 'h3', 'h4', 'h5', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'svg', 'rect', 'path'])
const ATTRIBUTES = new Set(['class', 'scope', 'xmlns', 'viewbox', 'viewBox', 'width', 'height', 'shape-rendering', 'role', 'aria-label', 'fill', 'd', 'lang'])

function expectInert(p: Parsed, extraTags: string[] = []): void {
  for (const e of p.elements) {
    expect(BODY_TAGS.has(e.tag) || extraTags.includes(e.tag), `element <${e.tag}>`).toBe(true)
    expect(['script', 'img', 'iframe', 'object', 'embed', 'a', 'form', 'base', 'link']).not.toContain(e.tag)
    for (const [name, value] of e.attrs) {
      expect(name.startsWith('on'), `attribute ${name} on <${e.tag}>`).toBe(false)
      expect(name).not.toBe('style')
      expect(value.replace(/\s/g, '').toLowerCase()).not.toContain('javascript:')
      if (e.tag !== 'meta') expect(ATTRIBUTES.has(name), `attribute ${name} on <${e.tag}>`).toBe(true)
    }
  }
}

describe('renderHtmlBody with hostile text', () => {
  it('makes only the expected elements and attributes: no script, img, iframe, object, handler, URL or style', async () => {
    for (const doc of docs) {
      const html = renderHtmlBody(doc)
      expect(html).not.toMatch(/\sstyle\s*=/i)
      expect(html).not.toMatch(/<script/i)
      expectInert(await parse(html))
    }
  })

  it('prints every hostile string as text, exactly (lone surrogates and NUL as U+FFFD)', async () => {
    for (const doc of docs) {
      const { text, elements } = await parse(renderHtmlBody(doc))
      for (const s of CORPUS) expect(text, `${doc.kind}: ${JSON.stringify(s)}`).toContain(printed(s))
      // Entities in the input stay entities: "&lt;b&gt;" is printed as typed, never as a <b>.
      expect(elements.some((e) => e.tag === 'b')).toBe(false)
    }
    const record = (await parse(renderHtmlBody(docs[0]!))).text
    expect(record).toContain('lone \uFFFD high and \uFFFD low')
    // i18next interpolates the template only: a {{…}} or $t(…) in a value stays as written.
    expect(record).not.toContain('通过 {{count}}')
  })

  it('escapes the five special characters and nothing else', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;')
    expect(escapeHtml('&lt;')).toBe('&amp;lt;')
    expect(escapeHtml('议事 Yishi')).toBe('议事 Yishi')
  })

  it('puts the QR code of the hash in the seal, as SVG with fill attributes only', async () => {
    const html = renderHtmlBody(docs[0]!)
    const p = await parse(html)
    const svg = p.elements.filter((e) => e.tag === 'svg')
    expect(svg).toHaveLength(1)
    expect(svg[0]!.parent).toBe('div')
    expect(html).toContain(`<p class="pd-hash">${'ab'.repeat(32)}</p>`)
    expect(p.elements.filter((e) => e.tag === 'path').every((e) => e.attrs.some(([n]) => n === 'fill'))).toBe(true)
  })
})

describe('documentHtml', () => {
  it('is a complete document with the CSP, the stylesheet and the title as text', async () => {
    const html = documentHtml(docs[0]!)
    expect(html.startsWith('<!doctype html>\n<html lang="zh-CN">')).toBe(true)
    expect(html).toContain('<meta charset="utf-8">')
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`)
    expect(html).toContain(PRINT_CSS)
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'))
    const p = await parse(html)
    expectInert(p, ['meta', 'title', 'style'])
    expect(p.elements.filter((e) => e.tag === 'style')).toHaveLength(1)
    expect(p.title).toBe(printed(docs[0]!.title))
    for (const s of CORPUS) expect(p.text).toContain(printed(s))
  })

  it('runs nothing when opened, even script added later, and keeps the footer a CSS string', async () => {
    const dialogs: string[] = []
    const tab = await browser.newPage()
    tab.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.dismiss()
    })
    await tab.setContent(documentHtml(docs[0]!))
    // A saved copy someone tampers with: the CSP still blocks inline handlers and scripts.
    await tab.evaluate(() => {
      document.body.insertAdjacentHTML('beforeend', '<img src="data:," onerror="window.__ran = 1"><img src="x" onload="window.__ran = 2">')
      const s = document.createElement('script')
      s.textContent = 'window.__ran = 3'
      document.body.append(s)
    })
    await tab.waitForTimeout(200)
    expect(await tab.evaluate(() => (window as { __ran?: number }).__ran ?? null)).toBeNull()
    expect(dialogs).toEqual([])
    expect(await tab.evaluate(() => document.querySelectorAll('.print-document .pd-sheet').length)).toBe(1)
    // The hostile council name is the running footer: it must stay one CSS string, adding no rule.
    const rules = (doc: PrintDocument) =>
      tab.setContent(documentHtml(doc)).then(() => tab.evaluate(() => [...document.styleSheets].reduce((n, s) => n + s.cssRules.length, 0)))
    const benign = await rules({ ...docs[0]!, footer: '桂溪社区居民议事会' })
    expect(await rules({ ...docs[0]!, footer: '"; } body { display: none } @page { @top-left { content: "x' })).toBe(benign)
    expect(await rules(docs[0]!)).toBe(benign)
    await tab.close()
  })

  it('never lets the lang attribute carry markup', () => {
    const html = documentHtml({ ...docs[1]!, lang: '"><script>alert(1)</script>' })
    expect(html).toContain('<html lang="und">')
    expect(html).not.toMatch(/<script/i)
  })
})
