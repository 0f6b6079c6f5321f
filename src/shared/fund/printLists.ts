// Two more printed documents of the fund year, in the 纪要's block model like the 收支公示 (print.ts):
//   - the opening notice: this year's income posted beside last year's results (projects, spent);
//   - the proposal list (项目建议清单) with its total against the money available, and the
//     proposals excluded by the screening with their reasons (what the street office's file asks for).
import type { IsoDate } from '../domain/dates'
import { printedDay, type PrintOptions } from '../matters/print'
import type { Block, PrintDocument } from '../minutes/blocks'
import { isolate } from '../minutes/layout'
import { headingNumber } from '../minutes/numerals'
import { formatYuan } from './money'
import { proposalList, type ListItem } from './proposals'
import { projectTitle, type FundYearSnapshot } from './year'

/** The opening notice: this year's income by source, and last year's projects and spending when known. */
export function openingNoticeDocument(input: { councilName: string; year: FundYearSnapshot; lastYear: FundYearSnapshot | null; postedOn: IsoDate }, o: PrintOptions): PrintDocument {
  const { t } = o
  const y = input.year
  const k = (key: string, opts?: Record<string, unknown>) => t(`fund:print.opening.${key}`, opts)
  const title = k('title', { year: y.year })
  const inc = y.ledger.income
  const blocks: Block[] = [
    { kind: 'title', text: title },
    { kind: 'paragraph', indent: true, text: k('intro', { year: y.year, total: formatYuan(inc.total) }) },
    {
      kind: 'table',
      header: [t('fund:print.disclosure.source'), t('fund:print.disclosure.amount')],
      rows: [
        [t('fund:incomeSource.allocation'), formatYuan(inc.allocation)],
        [t('fund:incomeSource.carryOver'), formatYuan(inc.carryOver)],
        [t('fund:incomeSource.other'), formatYuan(inc.other)],
        [t('fund:print.disclosure.total'), formatYuan(inc.total)],
      ],
    },
  ]
  const last = input.lastYear
  if (last) {
    const ids = [...last.decisions.budgets.keys()]
    blocks.push(
      { kind: 'heading', level: 1, number: '', text: k('lastYear', { year: last.year }) },
      { kind: 'paragraph', indent: true, text: k('lastYearSummary', { count: ids.length, paid: formatYuan(last.ledger.paidTotal), balance: formatYuan(last.ledger.balance) }) },
      {
        kind: 'table',
        header: [t('fund:print.disclosure.project'), t('fund:print.disclosure.actual')],
        rows: ids.length ? ids.map((id) => [isolate(projectTitle(last, id)), formatYuan(last.ledger.projects.get(id)?.paid ?? 0)]) : [[t('documents:none'), '']],
      },
    )
  }
  blocks.push({ kind: 'paragraph', indent: true, text: k('invite') }, { kind: 'closing', issuer: isolate(input.councilName), date: printedDay(o, input.postedOn), seal: null })
  return { kind: 'notice', lang: o.lang, title, draft: null, footer: isolate(input.councilName), blocks }
}

/** Why a proposal was excluded, as printed: the negative-list item's words (a default's from the locales), or the reason written. */
export function exclusionText(item: ListItem | null, reason: string, t: PrintOptions['t']): string {
  const listed = item ? (item.key ? t(`fund:negative.${item.key}`) : item.text) : ''
  return [listed, reason.trim()].filter(Boolean).join('；')
}

/** The 项目建议清单: listed proposals with their estimated cost, the total against the money, and the exclusions. */
export function proposalListDocument(input: { councilName: string; year: FundYearSnapshot; listItems: ReadonlyMap<string, ListItem>; on: IsoDate }, o: PrintOptions): PrintDocument {
  const { t } = o
  const y = input.year
  const k = (key: string, opts?: Record<string, unknown>) => t(`fund:print.list.${key}`, opts)
  const list = proposalList(y.proposals, y.ledger.income.total)
  const title = k('title', { year: y.year })
  const rows = list.rows.map((r, i) => [
    String(i + 1),
    isolate(r.proposal.title),
    t(`fund:category.${r.proposal.category}`),
    isolate(r.proposal.source.name),
    String(r.proposal.beneficiaries),
    formatYuan(r.proposal.estimatedCost),
    r.priorityItem ? isolate(input.listItems.get(r.priorityItem)?.text ?? '') : '',
  ])
  rows.push(['', t('fund:print.disclosure.total'), '', '', '', formatYuan(list.total), ''])
  const excluded = [...y.proposals.values()]
    .filter((s) => s.status === 'excluded' && s.screening?.kind === 'excluded')
    .map((s) => {
      const e = s.screening as Extract<NonNullable<typeof s.screening>, { kind: 'excluded' }>
      return [isolate(s.proposal.title), isolate(s.proposal.source.name), isolate(exclusionText(e.negativeItem ? (input.listItems.get(e.negativeItem) ?? null) : null, e.reason, t))]
    })
  const blocks: Block[] = [
    { kind: 'title', text: title },
    { kind: 'subtitle', text: isolate(input.councilName) },
    { kind: 'heading', level: 1, number: headingNumber(1, 1, o.lang), text: k('listed') },
    { kind: 'table', header: [k('no'), k('project'), k('category'), k('proposer'), k('beneficiaries'), k('estimate'), k('priority')], rows },
    { kind: 'paragraph', indent: true, text: list.margin >= 0 ? k('fits', { total: formatYuan(list.total), available: formatYuan(list.available), margin: formatYuan(list.margin) }) : k('over', { total: formatYuan(list.total), available: formatYuan(list.available), over: formatYuan(-list.margin) }) },
    { kind: 'heading', level: 1, number: headingNumber(1, 2, o.lang), text: k('excluded') },
    { kind: 'table', header: [k('project'), k('proposer'), k('reason')], rows: excluded.length ? excluded : [[t('documents:none'), '', '']] },
    { kind: 'date', text: printedDay(o, input.on) },
  ]
  return { kind: 'record', lang: o.lang, title, draft: null, footer: isolate(input.councilName), blocks }
}
