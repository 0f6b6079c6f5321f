// Fills zh-TW locale keys that are missing, by converting the zh-CN source with OpenCC
// (Simplified → Traditional, Taiwan phrasing). Existing zh-TW text, reviewed by people, is
// kept; keys no longer in zh-CN are dropped. Run: node scripts/make-zh-tw.mjs
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import * as OpenCC from 'opencc-js'

const opencc = OpenCC.Converter({ from: 'cn', to: 'twp' })
// Taiwan usage OpenCC leaves alone: corner quotes, 新增 for "create", 按 for "click".
const TAIWAN = [
  [/“/g, '「'], [/”/g, '」'], [/‘/g, '『'], [/’/g, '』'],
  [/新建/g, '新增'], [/這臺/g, '這台'], [/點「/g, '按「'], [/創建/g, '建立'], [/保存/g, '儲存'], [/錶決/g, '表決'], [/稽核/g, '審核'], [/二維碼/g, 'QR 碼'], [/U ?盤/g, '隨身碟'],
]
const convert = (text) => TAIWAN.reduce((t, [re, to]) => t.replace(re, to), opencc(text))
const root = 'src/shared/i18n/locales'

function fill(source, existing) {
  if (typeof source === 'string') return typeof existing === 'string' && existing !== '' ? existing : convert(source)
  const out = {}
  for (const [k, v] of Object.entries(source)) out[k] = fill(v, existing && typeof existing === 'object' ? existing[k] : undefined)
  return out
}

for (const file of readdirSync(join(root, 'zh-CN')).filter((f) => f.endsWith('.json'))) {
  const source = JSON.parse(readFileSync(join(root, 'zh-CN', file), 'utf8'))
  const target = join(root, 'zh-TW', file)
  const existing = existsSync(target) ? JSON.parse(readFileSync(target, 'utf8')) : {}
  writeFileSync(target, JSON.stringify(fill(source, existing), null, 2) + '\n')
  console.log(`zh-TW/${file}`)
}
