// Type-to-find at the sign-in table: a person is found by part of the name (王志) or by the
// pinyin initials of the name (wzq, or w, wz). Initials come from the pinyin collator (ICU, in
// every browser and in Node) against the first character of each letter in pinyin order, so no
// 20,000-character table ships with the app; surnames read differently from the character's
// everyday reading (曾 Zēng, 单 Shàn, 区 Ōu) also answer to their surname initial.

const collator = new Intl.Collator('zh-CN-u-co-pinyin')
const LETTERS = 'ABCDEFGHJKLMNOPQRSTWXYZ'
// The first character of each letter above in pinyin collation order (no syllable begins with
// I, U or V in Mandarin pinyin).
const FIRSTS = [...'阿八嚓哒妸发旮哈讥咔垃妈拏噢妑七呥仨他屲夕丫帀']
// Surnames whose reading as a surname starts with another letter than the everyday reading.
const SURNAME: Record<string, string> = { 曾: 'Z', 单: 'S', 区: 'O', 翟: 'Z', 仇: 'Q', 解: 'X', 查: 'Z', 朴: 'P', 缪: 'M', 尉: 'Y', 盖: 'G', 乐: 'Y', 种: 'C', 秘: 'B', 繁: 'P', 祭: 'Z', 句: 'G', 长: 'Z' }

/** The pinyin initial of one Han character ('' for anything else); a Latin letter is itself. */
export function pinyinInitial(ch: string): string {
  if (/^[a-z]$/i.test(ch)) return ch.toUpperCase()
  if (!/^\p{Script=Han}$/u.test(ch)) return ''
  let found = ''
  for (let i = 0; i < FIRSTS.length; i++) if (collator.compare(ch, FIRSTS[i]!) >= 0) found = LETTERS[i]!
  return found
}

/** For each character of the name, the initials it answers to (the surname may have two). */
function initialsOf(name: string): string[][] {
  return [...name.replace(/\s+/g, '')].map((ch, i) => {
    const own = pinyinInitial(ch)
    const alt = i === 0 ? SURNAME[ch] : undefined
    return [own, ...(alt && alt !== own ? [alt] : [])].filter(Boolean)
  })
}

/** True when `query` is part of `name`, or the start of its pinyin initials (case ignored). */
export function nameMatches(name: string, query: string): boolean {
  const q = query.replace(/\s+/g, '')
  if (!q) return true
  if (name.replace(/\s+/g, '').toLowerCase().includes(q.toLowerCase())) return true
  if (!/^[a-z]+$/i.test(q)) return false
  const letters = q.toUpperCase()
  const initials = initialsOf(name)
  if (letters.length > initials.length) return false
  return [...letters].every((l, i) => initials[i]!.includes(l))
}
