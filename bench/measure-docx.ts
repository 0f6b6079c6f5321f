// Measures renderDocx on a document of about twenty pages (400 paragraphs, 20 tables, a seal): prints the median and p95 of 10 runs.
// npx tsx bench/measure-docx.ts [out.docx] also writes the document there, to open it in Word, WPS or LibreOffice.
import { writeFileSync } from 'node:fs'
import type { Block, PrintDocument } from '../src/shared/minutes/blocks'
import { renderDocx } from '../src/shared/minutes/docx'

const SENTENCES = ['会议听取了关于小区电动车集中充电设施建设的情况汇报。', '与会成员围绕选址、费用分摊和消防安全进行了讨论。', '居民代表提出应当优先保障老年人的出行需要。', '物业服务企业表示将配合做好施工期间的安全管理。']
const NUMERALS = '一二三四五六七八九十'

const blocks: Block[] = [
  { kind: 'title', text: '幸福社区居民议事会2026年度会议记录汇编' },
  { kind: 'subtitle', text: '幸福社区居民议事会' },
  { kind: 'field', label: '时间', value: '2026年1月至12月' },
]
for (let i = 0; i < 400; i++) {
  const n = Math.floor(i / 20)
  if (i % 20 === 0) blocks.push({ kind: 'heading', level: n < 10 ? 1 : 2, number: n < 10 ? `${NUMERALS[n]}、` : `（${NUMERALS[n - 10]}）`, text: `第${n + 1}次会议` })
  blocks.push({ kind: 'paragraph', text: SENTENCES[i % SENTENCES.length]!, indent: true })
  if (i % 20 === 19) blocks.push({ kind: 'table', header: ['表决事项', '同意', '反对', '弃权'], rows: Array.from({ length: 5 }, (_, r) => [`议题${r + 1}`, String(10 + r), String(r), '1']) })
}
blocks.push(
  { kind: 'attendance', label: '出席', value: Array.from({ length: 15 }, (_, i) => `成员${i + 1}`).join('、') },
  { kind: 'signatures', entries: [{ label: '主持人', name: '李主任', at: '2026-12-20 20:30' }, { label: '记录人', name: '', at: '' }] },
  { kind: 'date', text: '2026年12月20日' },
  { kind: 'seal', label: '封存校验码', hash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', note: '扫描二维码或输入校验码核验' },
)
const doc: PrintDocument = { kind: 'record', lang: 'zh-CN', title: '会议记录汇编', draft: null, footer: '幸福社区居民议事会', blocks }

const n = 10
await renderDocx(doc)
const ts: number[] = []
let bytes: Uint8Array = new Uint8Array()
for (let i = 0; i < n; i++) {
  const t = performance.now()
  bytes = await renderDocx(doc)
  ts.push(performance.now() - t)
}
ts.sort((a, b) => a - b)
const p95 = ts[Math.min(n - 1, Math.ceil(0.95 * n) - 1)]!
console.log(`renderDocx ${blocks.length} blocks (~20 pages, ${(bytes.length / 1024).toFixed(0)} KiB): median ${ts[Math.floor(n / 2)]!.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms (min ${ts[0]!.toFixed(0)}, max ${ts[n - 1]!.toFixed(0)}) over ${n}`)
const out = process.argv[2]
if (out) {
  writeFileSync(out, bytes)
  console.log(`wrote ${out}`)
}
