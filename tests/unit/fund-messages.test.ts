// Every code the fund rules can give (refusals, conflicts, findings, steps, lists) has its words in
// zh-CN, zh-TW and en; figures are shown in yuan from integer fen.
import { beforeAll, describe, expect, it } from 'vitest'
import { FUND_STEPS } from '../../src/shared/fund/fundPath'
import { IMPLEMENTER_KINDS, SATISFACTION_LEVELS, SCORER_ROLES } from '../../src/shared/fund/implementation'
import { INCOME_SOURCES } from '../../src/shared/fund/ledger'
import { fundConflictText, fundRefusalText } from '../../src/shared/fund/messages'
import { DEFAULT_NEGATIVE_LIST, FUND_CATEGORIES, PROPOSAL_SOURCES } from '../../src/shared/fund/proposals'
import { createI18n } from '../../src/shared/i18n/index'
import type { i18n } from 'i18next'

type Translate = (key: string, options?: Record<string, unknown>) => string

const REFUSALS = [
  // ledger
  'amountInvalid', 'dateInvalid', 'sourceRequired', 'payeeRequired', 'voucherInvalid', 'reasonRequired', 'notFound', 'notCorrectable', 'noBudget', 'tooLong', 'overdrawsProject', 'overcommitsProject', 'overdrawsYear', 'belowZero',
  // decision, screening, path, document
  'notListed', 'alreadyDecided', 'budgetInvalid', 'overAvailable', 'alreadyScreened', 'mergeTargetInvalid', 'unknownListItem', 'alreadyRecorded', 'previousPending', 'beforePrevious', 'bodyRequired', 'scanInvalid', 'disclosureInvalid', 'notApproved', 'noImplementation', 'scoresRecorded',
]
const FINDINGS = ['paymentWithoutVoucher', 'voucherWithoutScan', 'projectOverBudget', 'yearOverdrawn', 'approvedOverAvailable', 'ledgerConflict', 'stepNotDisclosed', 'paidBeforeResolution', 'paidWithoutAcceptance', 'proposalNotScreened', 'exclusionNotReplied', 'negativeListConflict', 'negativeListWords']
const CONFLICTS = ['projectOverdrawn', 'projectOvercommitted', 'yearOverdrawn', 'netNegative', 'duplicateVoucher', 'noBudget']

let langs: [string, i18n][]
beforeAll(async () => {
  langs = await Promise.all(['zh-CN', 'zh-TW', 'en'].map(async (l) => [l, await createI18n(l as 'en')] as [string, i18n]))
})

describe('the fund namespace', () => {
  it('has words for every code in every language', () => {
    const keys = [
      ...REFUSALS.map((k) => `refusal.${k}`),
      ...CONFLICTS.map((k) => `conflict.${k}`),
      ...FINDINGS.map((k) => `finding.${k}`),
      ...FUND_STEPS.map((k) => `step.${k}`),
      ...FUND_CATEGORIES.map((k) => `category.${k}`),
      ...PROPOSAL_SOURCES.map((k) => `source.${k}`),
      ...DEFAULT_NEGATIVE_LIST.map((k) => `negative.${k}`),
      ...INCOME_SOURCES.map((k) => `incomeSource.${k}`),
      ...IMPLEMENTER_KINDS.map((k) => `implementer.${k}`),
      ...SCORER_ROLES.map((k) => `scorerRole.${k}`),
      ...SATISFACTION_LEVELS.map((k) => `satisfaction.${k}`),
    ]
    for (const [lang, i] of langs) for (const k of keys) expect(i.exists(`fund:${k}`, { lng: lang, fallbackLng: false }), `${lang} fund:${k}`).toBe(true)
  })

  it('says a refusal and a conflict with their figures in yuan', () => {
    const zh = langs[0]![1].getFixedT('zh-CN') as Translate
    expect(fundRefusalText(zh, { reason: 'overdrawsProject', budget: 10_000_000, paid: 6_000_000, amount: 4_000_001, over: 1 })).toBe('这笔支出将使项目超出预算：预算 ¥100,000.00，已支付 ¥60,000.00，本次 ¥40,000.01，超出 ¥0.01。')
    const en = langs[2]![1].getFixedT('en') as Translate
    expect(fundConflictText(en, { kind: 'projectOverdrawn', projectId: 'p', budget: 100_000, paid: 130_000, over: 30_000, payments: [] })).toBe(
      "Payments recorded on two devices together pass the project's budget: budget ¥1,000.00, paid ¥1,300.00, over by ¥300.00. Check them and record a correction.",
    )
  })
})
