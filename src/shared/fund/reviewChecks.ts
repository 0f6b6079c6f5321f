// The street office's four questions of a fund year (issue 19 step 8), answered from the findings
// of fund/checks.ts: every payment has a voucher; no project over its budget (nor the year over its
// money); every step disclosed; the negative list respected. Each is passed, failed (an error
// finding) or to look at (only warnings), with the findings that answer it.
import type { FundFinding } from './checks'

export const FUND_REVIEW_CHECKS = ['vouchers', 'budgets', 'disclosed', 'negativeList'] as const
export type FundReviewCheck = (typeof FUND_REVIEW_CHECKS)[number]

const CODES: Record<FundReviewCheck, readonly FundFinding['code'][]> = {
  vouchers: ['paymentWithoutVoucher', 'voucherWithoutScan'],
  budgets: ['projectOverBudget', 'yearOverdrawn', 'approvedOverAvailable', 'ledgerConflict'],
  disclosed: ['stepNotDisclosed'],
  negativeList: ['negativeListConflict', 'negativeListWords'],
}

export interface FundCheckResult {
  check: FundReviewCheck
  state: 'passed' | 'failed' | 'lookAt'
  findings: FundFinding[]
}

export function fundReviewChecks(findings: readonly FundFinding[]): FundCheckResult[] {
  return FUND_REVIEW_CHECKS.map((check) => {
    const mine = findings.filter((f) => CODES[check].includes(f.code))
    const state = mine.some((f) => f.severity === 'error') ? 'failed' : mine.length ? 'lookAt' : 'passed'
    return { check, state, findings: mine }
  })
}
