// The fund year's 台账 as an XLSX workbook, written with the matters ledger's helpers
// (matters/ledger.ts: exceljs loaded on first use, headings from the locales, a frozen header row,
// widths, dates as Excel dates): one sheet of projects (budget, committed, paid, remaining, the
// implementer and contract) and one of every entry in booking order with the running balance.
// Amounts are cells of yuan with two decimals, computed from integer fen (never summed as floats).
import { asDate, col, loadExcel, sheet, type Translate } from '../matters/ledger'
import type { LedgerEntry } from './ledger'
import { formatYuan, yuanForCell } from './money'
import { projectTitle, type FundYearSnapshot } from './year'

function projectRows(y: FundYearSnapshot, t: Translate): Record<string, unknown>[] {
  return [...y.decisions.budgets.keys()]
    .map((id) => {
      const fig = y.ledger.projects.get(id)!
      const impl = y.implementations.get(id)
      const st = y.proposals.get(id)
      return {
        title: projectTitle(y, id),
        category: st ? t(`category.${st.proposal.category}`) : '',
        decidedOn: asDate(y.decisions.outcomes.get(id)?.on),
        implementer: impl?.implementer.name ?? '',
        contractAmount: impl ? yuanForCell(impl.contractAmount) : null,
        residentsShare: impl ? yuanForCell(impl.residentsShare) : null,
        budget: yuanForCell(fig.budget),
        committed: yuanForCell(fig.committed),
        paid: yuanForCell(fig.paid),
        remaining: yuanForCell(fig.remaining),
      }
    })
    .sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0))
}

function entryRows(y: FundYearSnapshot, t: Translate): Record<string, unknown>[] {
  const l = y.ledger
  const byId = new Map<string, LedgerEntry>(l.entries.map((e) => [e.id, e]))
  const projectOf = (e: LedgerEntry | undefined): string => (e && (e.kind === 'payment' || e.kind === 'commitment') ? projectTitle(y, e.projectId) : '')
  // Running balance in fen (exact), shown as yuan.
  let balance = 0
  return l.entries.map((e) => {
    const target = e.kind === 'correction' ? byId.get(e.corrects) : e.kind === 'voucher' ? byId.get(e.paymentId) : e
    const inflow = e.kind === 'income' ? e.amount : e.kind === 'correction' && target?.kind === 'income' ? e.amount : 0
    const outflow = e.kind === 'payment' ? e.amount : e.kind === 'correction' && target?.kind === 'payment' ? e.amount : 0
    balance += inflow - outflow
    const voucher = e.kind === 'payment' ? e.voucher : e.kind === 'voucher' ? e.voucher : undefined
    return {
      on: asDate(e.on),
      kind: t(`entryKind.${e.kind}`),
      project: projectOf(target),
      party: e.kind === 'income' ? [t(`incomeSource.${e.source}`), e.from].filter(Boolean).join(' ') : e.kind === 'payment' ? e.payee : target?.kind === 'payment' ? target.payee : '',
      invoiceNo: voucher?.invoiceNo ?? '',
      scan: voucher?.file?.name ?? '',
      income: inflow ? yuanForCell(inflow) : null,
      payment: outflow ? yuanForCell(outflow) : null,
      balance: yuanForCell(balance),
      corrects: e.kind === 'correction' && target ? `${t(`entryKind.${target.kind}`)} ${target.on}` : '',
      reason: e.kind === 'correction' ? e.reason : e.kind === 'commitment' ? [formatYuan(e.amount), e.note].filter(Boolean).join(' ') : '',
      by: e.by,
    }
  })
}

/** The fund year's 台账 as the bytes of an .xlsx workbook. `t` is fixed to the fund namespace. */
export async function buildFundWorkbook(y: FundYearSnapshot, t: Translate): Promise<Uint8Array> {
  const Excel = await loadExcel()
  const wb = new Excel.Workbook()
  wb.creator = 'Yishi'
  sheet(wb, t('ledger.projects.sheet'), t, 'ledger.projects', [
    col('title', 'long', 28), col('category', 'text', 12), col('decidedOn', 'date', 12), col('implementer', 'text', 18), col('contractAmount', 'money', 14),
    col('residentsShare', 'money', 14), col('budget', 'money', 14), col('committed', 'money', 14), col('paid', 'money', 14), col('remaining', 'money', 14),
  ], projectRows(y, t))
  sheet(wb, t('ledger.entries.sheet'), t, 'ledger.entries', [
    col('on', 'date', 12), col('kind', 'text', 10), col('project', 'long', 24), col('party', 'text', 20), col('invoiceNo', 'text', 14), col('scan', 'text', 18),
    col('income', 'money', 14), col('payment', 'money', 14), col('balance', 'money', 14), col('corrects', 'text', 18), col('reason', 'long', 24), col('by', 'text', 10),
  ], entryRows(y, t))
  const out = await wb.xlsx.writeBuffer()
  return out instanceof Uint8Array ? new Uint8Array(out.buffer, out.byteOffset, out.byteLength) : new Uint8Array(out)
}
