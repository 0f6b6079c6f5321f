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

function party(e: LedgerEntry, byId: ReadonlyMap<string, LedgerEntry>, t: (k: string) => string, day: (d: string) => string): string {
  if (e.kind === 'income') return [t(`fund:incomeSource.${e.source}`), e.from].filter(Boolean).join(' ')
  if (e.kind === 'payment') return e.payee
  if (e.kind === 'commitment') return e.note
  if (e.kind === 'voucher') return (byId.get(e.paymentId) as { payee?: string } | undefined)?.payee ?? ''
  const target = byId.get(e.corrects)
  return target ? `${t('fund:ledgerScreen.corrects')} ${t(`fund:entryKind.${target.kind}`)} ${day(target.on)}: ${e.reason}` : e.reason
}

export function LedgerEntries({ handle, ledger, titles }: { handle: DocHandle; ledger: LedgerState; titles: ReadonlyMap<string, string> }) {
  const { t, i18n } = useTranslation(['fund', 'common'])
  const tt = t as unknown as (k: string) => string
  const [correcting, setCorrecting] = useState<string | null>(null)
  const byId = new Map(ledger.entries.map((e) => [e.id, e]))
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
            const voucher = e.kind === 'payment' ? ledger.vouchers.get(e.id)?.[0] : e.kind === 'voucher' ? e.voucher : undefined
            const correctable = e.kind === 'income' || e.kind === 'commitment' || e.kind === 'payment'
            return (
              <tr key={e.id}>
                <td>{formatDate(i18n.language, e.on)}</td>
                <td>{tt(`fund:entryKind.${e.kind}`)}</td>
                <td>{projectOf(e)}</td>
                <td>{party(e, byId, tt, (d) => formatDate(i18n.language, d))}</td>
                <td>{voucher?.invoiceNo ?? ''}</td>
                <td className="num">{'amount' in e ? formatYuan(e.amount) : ''}</td>
                <td>{voucher?.file ? <FileList label={t('fund:ledgerScreen.form.receipt')} items={[{ id: e.id, file: voucher.file }]} /> : null}</td>
                <td>
                  {correctable && !handle.readOnly ? (
                    <button type="button" aria-expanded={correcting === e.id} aria-label={t('fund:ledgerScreen.correctNamed', { what: `${tt(`fund:entryKind.${e.kind}`)} ${formatYuan(e.amount)}` })} onClick={() => setCorrecting(correcting === e.id ? null : e.id)}>
                      {t('fund:ledgerScreen.correct')}
                    </button>
                  ) : null}
                </td>
              </tr>
            )
          })}
        </Table>
      ) : null}
      {correcting && byId.get(correcting) ? <LedgerCorrectForm key={correcting} handle={handle} entry={byId.get(correcting)!} net={ledger.net.get(correcting) ?? 0} onDone={() => setCorrecting(null)} /> : null}
    </section>
  )
}
