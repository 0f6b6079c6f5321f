// The figures the disclose tab's charts draw (and its tables give to screen readers): each
// project's budget against what was paid, and the year's spending month by month, cumulated.
// Pure and in fen; the chart turns fen into yuan only to draw.
import type { LedgerState } from '../../../shared/fund/ledger'
import { addFen, type Fen } from '../../../shared/fund/money'

export interface BudgetBar {
  projectId: string
  title: string
  budget: Fen
  paid: Fen
}

export function budgetBars(ledger: LedgerState, budgets: ReadonlyMap<string, Fen>, titles: ReadonlyMap<string, string>): BudgetBar[] {
  return [...budgets.keys()]
    .map((id) => ({ projectId: id, title: titles.get(id) ?? id, budget: budgets.get(id)!, paid: ledger.projects.get(id)?.paid ?? 0 }))
    .sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : a.projectId < b.projectId ? -1 : 1))
}

export interface MonthSpending {
  /** 1–12. */
  month: number
  /** Paid in the month, after corrections booked in it (a correction counts in the month it was booked). */
  paid: Fen
  /** Paid from January to the end of the month. */
  cumulative: Fen
}

/** Payments and payment corrections of `year`, by the month they were booked on. */
export function spendingByMonth(ledger: LedgerState, year: number): MonthSpending[] {
  const byId = new Map(ledger.entries.map((e) => [e.id, e]))
  const paid: Fen[] = Array.from({ length: 12 }, () => 0)
  for (const e of ledger.entries) {
    if (Number(e.on.slice(0, 4)) !== year) continue
    const m = Number(e.on.slice(5, 7)) - 1
    if (e.kind === 'payment') paid[m] = addFen(paid[m]!, e.amount)
    else if (e.kind === 'correction' && byId.get(e.corrects)?.kind === 'payment') paid[m] = addFen(paid[m]!, e.amount)
  }
  let running = 0
  return paid.map((p, i) => {
    running = addFen(running, p)
    return { month: i + 1, paid: p, cumulative: running }
  })
}
