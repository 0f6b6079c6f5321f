// The decision's public notice (决议公示) of a fund year: each project voted on, approved ones with
// their budgets, the approved total against the money available, the posting period and where to
// object — in the 纪要's block model like the 收支公示 (print.ts), so print, PDF and DOCX come from
// the same producers. Pure: every word from the `t` given, every amount formatted from fen.
import type { IsoDate } from '../domain/dates'
import { printedDay, type PrintOptions } from '../matters/print'
import type { Block, PrintDocument } from '../minutes/blocks'
import { isolate } from '../minutes/layout'
import { headingNumber } from '../minutes/numerals'
import { formatYuan } from './money'
import { projectTitle, type FundYearSnapshot } from './year'

export function decisionNoticeDocument(input: { councilName: string; year: FundYearSnapshot; postedOn: IsoDate; until: IsoDate }, o: PrintOptions): PrintDocument {
  const { t } = o
  const y = input.year
  const k = (key: string, opts?: Record<string, unknown>) => t(`fund:print.decision.${key}`, opts)
  const title = k('title', { year: y.year })
  const decided = [...y.decisions.outcomes.values()].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.proposalId < b.proposalId ? -1 : 1))
  const rows = decided.map((d, i) => [String(i + 1), isolate(projectTitle(y, d.proposalId)), printedDay(o, d.on), k(d.outcome), d.outcome === 'approved' ? formatYuan(d.budget) : t('documents:dash')])
  rows.push(['', t('fund:print.disclosure.total'), '', '', formatYuan(y.decisions.approvedTotal)])
  const blocks: Block[] = [
    { kind: 'title', text: title },
    { kind: 'subtitle', text: isolate(input.councilName) },
    { kind: 'paragraph', indent: true, text: k('intro', { year: y.year }) },
    { kind: 'heading', level: 1, number: headingNumber(1, 1, o.lang), text: k('projects') },
    { kind: 'table', header: [k('no'), k('project'), k('on'), k('outcome'), k('budget')], rows },
    { kind: 'paragraph', indent: true, text: k('total', { approved: formatYuan(y.decisions.approvedTotal), available: formatYuan(y.ledger.income.total) }) },
    { kind: 'paragraph', indent: true, text: t('fund:print.disclosure.objections', { from: printedDay(o, input.postedOn), until: printedDay(o, input.until), council: isolate(input.councilName) }) },
    { kind: 'closing', issuer: isolate(input.councilName), date: printedDay(o, input.postedOn), seal: null },
  ]
  return { kind: 'notice', lang: o.lang, title, draft: null, footer: isolate(input.councilName), blocks }
}
