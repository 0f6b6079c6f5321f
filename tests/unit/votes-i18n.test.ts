// votes.json in every language: a sentence for every reason code, only the params each code
// carries, and every sentence renders through i18next with no placeholder or key left showing.
import { describe, expect, it } from 'vitest'
import i18next from 'i18next'
import { THRESHOLD_RULES } from '../../src/shared/domain/council'
import { VOTE_DENOMINATORS, VOTE_FIELDS, VOTE_OUTCOMES, VOTE_REASON_CODES, VOTE_REASON_PARAMS } from '../../src/shared/domain/votes'
import zhCN from '../../src/shared/i18n/locales/zh-CN/votes.json'
import zhTW from '../../src/shared/i18n/locales/zh-TW/votes.json'
import en from '../../src/shared/i18n/locales/en/votes.json'

const LOCALES = { 'zh-CN': zhCN, 'zh-TW': zhTW, en } as const
type Votes = typeof zhCN
const sorted = (xs: Iterable<string>) => [...xs].sort()

/** A bare i18next with votes as its only namespace (the app's typed keys do not know it yet). */
type Translate = (key: string, params?: Record<string, unknown>) => string
async function translator(lang: string, votes: Votes): Promise<Translate> {
  const t = await i18next.createInstance().init({ lng: lang, resources: { [lang]: { votes } }, ns: ['votes'], defaultNS: 'votes', interpolation: { escapeValue: false } })
  return t as unknown as Translate
}

describe.each(Object.entries(LOCALES) as [string, Votes][])('votes.json %s', (lang, votes) => {
  it('has exactly the codes, rules, outcomes, denominators and fields of the domain', () => {
    expect(sorted(Object.keys(votes.reason))).toEqual(sorted(VOTE_REASON_CODES))
    expect(sorted(Object.keys(votes.rule))).toEqual(sorted(THRESHOLD_RULES))
    expect(sorted(Object.keys(votes.outcome))).toEqual(sorted(VOTE_OUTCOMES))
    expect(sorted(Object.keys(votes.denominator))).toEqual(sorted(VOTE_DENOMINATORS))
    expect(sorted(Object.keys(votes.field))).toEqual(sorted(VOTE_FIELDS))
  })

  it.each(VOTE_REASON_CODES)('reason.%s uses only the params its code carries', (code) => {
    const text: string = votes.reason[code]
    const used = [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1])
    for (const p of used) expect(VOTE_REASON_PARAMS[code], `${lang} ${code} {{${p}}}`).toContain(p)
  })

  it('renders every reason with i18next: nothing raw left on screen', async () => {
    const t = await translator(lang, votes)
    for (const code of VOTE_REASON_CODES) {
      const params = Object.fromEntries(VOTE_REASON_PARAMS[code].map((p) => [p, p === 'field' ? 'forArea' : p === 'rule' ? 'half_all' : 7]))
      const text = t(`reason.${code}`, params)
      expect(text, code).not.toMatch(/\{\{|\$t\(|reason\.|field\./)
      if (VOTE_REASON_PARAMS[code].includes('field')) expect(text).toContain(votes.field.forArea)
    }
  })
})

it('zh-TW uses 「」 quotes, zh-CN “” quotes', () => {
  expect(JSON.stringify(zhTW)).not.toMatch(/[“”]/)
  expect(zhTW.reason.ruleUnknown).toContain('「')
  expect(JSON.stringify(zhCN)).not.toMatch(/[「」]/)
})

it('the issue example reads as the secretary expects', async () => {
  const t = await translator('zh-CN', zhCN)
  expect(t('reason.failedNotMoreThanHalf', { for: 12, denominator: 25, required: 13 })).toMatch(/^未通过：赞成 12 票，未过应到 25 人的半数/)
})
