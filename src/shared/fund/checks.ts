// The street office's checks of a fund year (街道审核): every payment has a voucher (and its scan),
// no project over its budget and the year not overdrawn, every step done was disclosed, nothing paid
// before the council's resolution, and the negative list respected. Pure: findings as values (codes
// and figures) the review screen translates; an empty list means nothing to point out.
import { accepted } from './implementation'
import type { Fen } from './money'
import type { FundYearSnapshot } from './year'

export type FundFinding =
  | { code: 'paymentWithoutVoucher' | 'voucherWithoutScan'; severity: 'error' | 'warning'; projectId: string; paymentId: string; amount: Fen }
  | { code: 'projectOverBudget'; severity: 'error'; projectId: string; budget: Fen; paid: Fen; over: Fen }
  | { code: 'yearOverdrawn'; severity: 'error'; income: Fen; paid: Fen; over: Fen }
  | { code: 'approvedOverAvailable'; severity: 'error'; available: Fen; approvedTotal: Fen; over: Fen }
  | { code: 'ledgerConflict'; severity: 'error'; kind: string; entries: string[] }
  | { code: 'stepNotDisclosed'; severity: 'error'; projectId: string; step: string }
  | { code: 'paidBeforeResolution'; severity: 'error'; projectId: string }
  | { code: 'paidWithoutAcceptance'; severity: 'warning'; projectId: string }
  | { code: 'proposalNotScreened'; severity: 'warning'; proposalId: string }
  /** An excluded proposal whose proposer was never told why. */
  | { code: 'exclusionNotReplied'; severity: 'warning'; proposalId: string }
  /** An approved project that another record excluded by the negative list (two laptops disagreeing). */
  | { code: 'negativeListConflict'; severity: 'error'; projectId: string; item: string }
  /** An approved project whose title or description names something on the negative list: to look at. */
  | { code: 'negativeListWords'; severity: 'warning'; projectId: string; item: string; word: string }

/**
 * Words that mark the default negative list's items in a proposal's text (shared/domain.md §3b):
 * private costs (物业费), costs another party must bear (公房维修), government functions (staff pay).
 * An item the council wrote itself is matched by its own text when it is short enough to be a word.
 */
export const NEGATIVE_WORDS: Record<string, readonly string[]> = {
  privateCosts: ['物业费', '物管费', '个人'],
  otherPartyCosts: ['公房维修', '产权单位', '开发商'],
  governmentFunctions: ['工资', '人员经费', '办公经费', '津贴'],
}

export function fundYearFindings(y: FundYearSnapshot): FundFinding[] {
  const out: FundFinding[] = []
  const l = y.ledger
  for (const e of l.entries) {
    if (e.kind !== 'payment' || l.net.get(e.id) === 0) continue
    const vs = l.vouchers.get(e.id) ?? []
    if (!vs.length) out.push({ code: 'paymentWithoutVoucher', severity: 'error', projectId: e.projectId, paymentId: e.id, amount: l.net.get(e.id)! })
    else if (!vs.some((v) => v.file)) out.push({ code: 'voucherWithoutScan', severity: 'warning', projectId: e.projectId, paymentId: e.id, amount: l.net.get(e.id)! })
  }
  for (const c of l.conflicts) {
    if (c.kind === 'projectOverdrawn') out.push({ code: 'projectOverBudget', severity: 'error', projectId: c.projectId, budget: c.budget, paid: c.paid, over: c.over })
    else if (c.kind === 'yearOverdrawn') out.push({ code: 'yearOverdrawn', severity: 'error', income: c.income, paid: c.paid, over: c.over })
    else if (c.kind === 'projectOvercommitted') out.push({ code: 'ledgerConflict', severity: 'error', kind: c.kind, entries: [c.projectId] })
    else if (c.kind === 'netNegative') out.push({ code: 'ledgerConflict', severity: 'error', kind: c.kind, entries: [c.entryId, ...c.corrections] })
    else out.push({ code: 'ledgerConflict', severity: 'error', kind: c.kind, entries: c.payments })
  }
  const over = y.decisions.overAvailable
  if (over) out.push({ code: 'approvedOverAvailable', severity: 'error', ...over })

  for (const projectId of [...y.decisions.budgets.keys()].sort()) {
    const path = y.paths.get(projectId) ?? []
    for (const s of path) if (s.entry && !s.entry.disclosure) out.push({ code: 'stepNotDisclosed', severity: 'error', projectId, step: s.step })
    const fig = l.projects.get(projectId)
    const resolved = path.find((s) => s.step === 'councilResolution')?.entry
    if (fig && fig.paid > 0 && !resolved) out.push({ code: 'paidBeforeResolution', severity: 'error', projectId })
    const acc = y.acceptances.get(projectId)
    if (fig && fig.budget > 0 && fig.paid >= fig.budget && !(acc && accepted(acc))) out.push({ code: 'paidWithoutAcceptance', severity: 'warning', projectId })

    const st = y.proposals.get(projectId)
    if (!st) continue
    for (const c of st.conflicts) if (c.kind === 'excluded' && c.negativeItem) out.push({ code: 'negativeListConflict', severity: 'error', projectId, item: c.negativeItem })
    const text = `${st.proposal.title} ${st.proposal.description}`
    for (const item of y.negativeList) {
      const words = item.key ? (NEGATIVE_WORDS[item.key] ?? []) : item.text.trim().length <= 10 ? [item.text.trim()] : []
      const word = words.find((w) => w && text.includes(w))
      if (word) out.push({ code: 'negativeListWords', severity: 'warning', projectId, item: item.id, word })
    }
  }
  for (const [id, st] of y.proposals) {
    if (st.status === 'open' && y.decisions.outcomes.size > 0) out.push({ code: 'proposalNotScreened', severity: 'warning', proposalId: id })
    if (st.status === 'excluded' && !y.replied.has(id)) out.push({ code: 'exclusionNotReplied', severity: 'warning', proposalId: id })
  }
  return out
}
