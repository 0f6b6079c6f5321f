// Chinese has one plural form, English two: i18next looks up `key_one` / `key_other`. The
// locale check wants every language to carry the same keys, so this copies each `_other`
// text of a language to a missing `_one` (harmless where a language never asks for it).
// Run after adding plural keys: node scripts/plural-keys.mjs
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const root = 'src/shared/i18n/locales'
const langs = readdirSync(root)
const files = readdirSync(join(root, 'zh-CN')).filter((f) => f.endsWith('.json'))

function addOnes(obj) {
  for (const [k, v] of Object.entries(obj)) {
    if (v && typeof v === 'object') addOnes(v)
    else if (k.endsWith('_other')) {
      const one = k.replace(/_other$/, '_one')
      if (!(one in obj)) obj[one] = v
    }
  }
  return obj
}

for (const lang of langs)
  for (const file of files) {
    const p = join(root, lang, file)
    try {
      const data = addOnes(JSON.parse(readFileSync(p, 'utf8')))
      writeFileSync(p, JSON.stringify(data, null, 2) + '\n')
    } catch (e) {
      if (e.code !== 'ENOENT') throw e
    }
  }
