// The fund year's entries in booking order: income, commitments, payments with their vouchers and
// scanned receipts, and corrections naming what they correct. Nothing here is ever edited: a
// mistake is corrected by a new entry carrying the signed difference and its reason.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { LedgerEntry, LedgerState } from '../../../shared/fund/ledger'
import { formatYuan } from '../../../shared/fund/money'
import { FileList } from '../../kit/Attachments'
import { formatDate } from '../../kit/format'
import type { DocHandle } from '../../sync/docs'
import { Table } from '../../ui/Table'
import { LedgerCorrectForm } from './LedgerCorrectForm'
import { LedgerVoucherForm } from './LedgerVoucherForm'
import { usePlainT, type PlainT } from './projectActions'

function party(e: LedgerEntry, byId: ReadonlyMap<string, LedgerEntry>, t: PlainT, day: (d: string) => string): string {
  if (e.kind === 'income') return [t(`fund:incomeSource.${e.source}`), e.from].filter(Boolean).join(' ')
  if (e.kind === 'payment') return e.payee
  if (e.kind === 'commitment') return e.note
  if (e.kind === 'voucher') return (byId.get(e.paymentId) as { payee?: string } | undefined)?.payee ?? ''
  const target = byId.get(e.corrects)
  return target ? t('fund:ledgerScreen.corrects', { kind: t(`fund:entryKind.${target.kind}`), day: day(target.on), reason: e.reason }) : e.reason
}

export function LedgerEntries({ handle, ledger, titles }: { handle: DocHandle; ledger: LedgerState; titles: ReadonlyMap<string, string> }) {
  const { t, i18n } = useTranslation(['fund', 'common'])
  const tt = usePlainT()
  const [open, setOpen] = useState<{ id: string; form: 'correct' | 'voucher' } | null>(null)
  const toggle = (id: string, form: 'correct' | 'voucher') => setOpen(open?.id === id && open.form === form ? null : { id, form })
  const byId = new Map(ledger.entries.map((e) => [e.id, e]))
  const opened = open ? byId.get(open.id) : undefined
  const projectOf = (e: LedgerEntry): string => {
    const x = e.kind === 'correction' ? byId.get(e.corrects) : e.kind === 'voucher' ? byId.get(e.paymentId) : e
    return x && (x.kind === 'payment' || x.kind === 'commitment') ? (titles.get(x.projectId) ?? x.projectId) : ''
  }
  const cols = ['on', 'kind', 'project', 'party', 'invoiceNo', 'amount', 'receipt', 'actions'].map((k) => t(`fund:ledgerScreen.col.${k}` as 'fund:ledgerScreen.col.on'))
  return (
    <section aria-labelledby="ledger-entries-h">
      <h3 id="ledger-entries-h">{t('fund:ledgerScreen.entries')}</h3>
      {ledger.entries.length === 0 ? <p className="muted">{t('fund:ledgerScreen.noEntries')}</p> : null}
      {ledger.entries.length ? (
        <Table labelledBy="ledger-entries-h" numeric={[5]} columns={cols}>
          {ledger.entries.map((e) => {
            // A payment shows its own voucher, or the first brought in later; its receipt from whichever has one.
            const vs = e.kind === 'payment' ? (ledger.vouchers.get(e.id) ?? []) : e.kind === 'voucher' ? [e.voucher] : []
            const voucher = vs[0]
            const scan = vs.find((v) => v.file)?.file
            const what = `${tt(`fund:entryKind.${e.kind}`)} ${'amount' in e ? formatYuan(e.amount) : ''}`
            const correctable = e.kind === 'income' || e.kind === 'commitment' || e.kind === 'payment'
            return (
              <tr key={e.id}>
                <td>{formatDate(i18n.language, e.on)}</td>
                <td>{tt(`fund:entryKind.${e.kind}`)}</td>
                <td>{projectOf(e)}</td>
                <td>{party(e, byId, tt, (d) => formatDate(i18n.language, d))}</td>
                <td>{voucher?.invoiceNo ?? ''}</td>
                <td className="num">{'amount' in e ? formatYuan(e.amount) : ''}</td>
                <td>{scan ? <FileList label={t('fund:ledgerScreen.form.receipt')} items={[{ id: e.id, file: scan }]} /> : null}</td>
                <td>
                  {correctable && !handle.readOnly ? (
                    <button type="button" aria-expanded={open?.id === e.id && open.form === 'correct'} aria-label={t('fund:ledgerScreen.correctNamed', { what })} onClick={() => toggle(e.id, 'correct')}>
                      {t('fund:ledgerScreen.correct')}
                    </button>
                  ) : null}
                  {e.kind === 'payment' && !scan && !handle.readOnly ? (
                    <button type="button" aria-expanded={open?.id === e.id && open.form === 'voucher'} aria-label={t('fund:ledgerScreen.addVoucherNamed', { what })} onClick={() => toggle(e.id, 'voucher')}>
                      {t('fund:ledgerScreen.addVoucher')}
                    </button>
                  ) : null}
                </td>
              </tr>
            )
          })}
        </Table>
      ) : null}
      {open?.form === 'correct' && byId.get(open.id) ? <LedgerCorrectForm key={open.id} handle={handle} entry={byId.get(open.id)!} net={ledger.net.get(open.id) ?? 0} onDone={() => setOpen(null)} /> : null}
      {open?.form === 'voucher' && opened?.kind === 'payment' ? <LedgerVoucherForm key={open.id} handle={handle} payment={opened} what={`${opened.payee} ¥${formatYuan(opened.amount)}`} onDone={() => setOpen(null)} /> : null}
    </section>
  )
}
