// The 收支公示 of a fund year (income, each project's budget and actual, the balance) as a printed
// notice in the 纪要's block model (minutes/blocks.ts), so print, PDF and DOCX come from the same
// producers and the same layout rules as the result notice (matters/print.ts). Pure: every word from
// the `t` given (namespaces fund: and documents:), every amount formatted from integer fen.
import type { IsoDate } from '../domain/dates'
import { printedDay, type PrintOptions } from '../matters/print'
import type { Block, PrintDocument } from '../minutes/blocks'
import { isolate } from '../minutes/layout'
import { headingNumber } from '../minutes/numerals'
import { formatYuan } from './money'
import { projectTitle, type FundYearSnapshot } from './year'

export interface DisclosureInput {
  councilName: string
  year: FundYearSnapshot
  /** The day the notice is posted and the last day it stays up. */
  postedOn: IsoDate
  until: IsoDate
}

/** The 收支公示: income by entry, spending by approved project, the balance, where to object. */
export function disclosureDocument(input: DisclosureInput, o: PrintOptions): PrintDocument {
  const { t } = o
  const y = input.year
  const l = y.ledger
  const k = (key: string, opts?: Record<string, unknown>) => t(`fund:print.disclosure.${key}`, opts)
  const title = k('title', { year: y.year })
  const income = l.entries
    .filter((e) => e.kind === 'income')
    .filter((e) => l.net.get(e.id) !== 0)
    .map((e) => [t(`fund:incomeSource.${e.source}`), isolate(e.from.trim() || t('documents:dash')), printedDay(o, e.on), formatYuan(l.net.get(e.id)!)])
  income.push([k('total'), '', '', formatYuan(l.income.total)])
  const projects = [...y.decisions.budgets.keys()]
    .map((id) => ({ id, title: projectTitle(y, id), fig: l.projects.get(id)!, impl: y.implementations.get(id) }))
    .sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : a.id < b.id ? -1 : 1))
    .map((p) => [isolate(p.title), isolate(p.impl?.implementer.name ?? t('documents:dash')), formatYuan(p.fig.budget), formatYuan(p.fig.paid), formatYuan(p.fig.remaining)])
  const budgetTotal = [...y.decisions.budgets.values()].reduce((s, b) => s + b, 0)
  projects.push([k('total'), '', formatYuan(budgetTotal), formatYuan(l.paidTotal), formatYuan(budgetTotal - l.paidTotal)])
  const blocks: Block[] = [
    { kind: 'title', text: title },
    { kind: 'subtitle', text: isolate(input.councilName) },
    { kind: 'heading', level: 1, number: headingNumber(1, 1, o.lang), text: k('income') },
    { kind: 'table', header: [k('source'), k('from'), k('date'), k('amount')], rows: income },
    { kind: 'heading', level: 1, number: headingNumber(1, 2, o.lang), text: k('spending') },
    { kind: 'table', header: [k('project'), k('implementer'), k('budget'), k('actual'), k('remaining')], rows: projects },
    { kind: 'heading', level: 1, number: headingNumber(1, 3, o.lang), text: k('balance') },
    { kind: 'paragraph', indent: true, text: k('summary', { income: formatYuan(l.income.total), paid: formatYuan(l.paidTotal), balance: formatYuan(l.balance) }) },
    { kind: 'paragraph', indent: true, text: k('objections', { from: printedDay(o, input.postedOn), until: printedDay(o, input.until), council: isolate(input.councilName) }) },
    { kind: 'closing', issuer: isolate(input.councilName), date: printedDay(o, input.postedOn), seal: null },
  ]
  return { kind: 'notice', lang: o.lang, title, draft: null, footer: isolate(input.councilName), blocks }
}
