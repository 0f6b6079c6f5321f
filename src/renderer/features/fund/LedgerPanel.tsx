// The fund year's ledger tab (FundYearScreen.tsx): the conflicts a merge revealed (shown, never
// hidden, until a correction resolves them), the year's figures, each project's balance, the form
// that books a commitment or a payment with its voucher, and every entry with its corrections.
import { useTranslation } from 'react-i18next'
import { readLedger } from '../../../shared/doc/fund'
import { fundConflictText } from '../../../shared/fund/messages'
import { formatYuan } from '../../../shared/fund/money'
import { useDocValue } from '../../kit/docHooks'
import type { DocHandle } from '../../sync/docs'
import { Banner } from '../../ui/Banner'
import { Table } from '../../ui/Table'
import { LedgerEntries } from './LedgerEntries'
import { LedgerEntryForm } from './LedgerEntryForm'
import { LedgerXlsx } from './LedgerXlsx'
import { readProjectRows, usePlainT } from './projectActions'

export function LedgerPanel({ handle, year }: { handle: DocHandle; year: number }) {
  const { t } = useTranslation(['fund', 'common'])
  const pt = usePlainT()
  const ledger = useDocValue(handle.doc, readLedger)
  const rows = useDocValue(handle.doc, readProjectRows) ?? []
  if (!ledger) return null
  const titles = new Map(rows.map((r) => [r.id, r.title]))
  return (
    <>
      {ledger.conflicts.length ? (
        <Banner kind="error">
          <strong className="block">{t('fund:ledgerScreen.conflicts')}</strong>
          {ledger.conflicts.map((c, i) => (
            <span key={i} className="block">
              {'projectId' in c && titles.has(c.projectId) ? pt('fund:ledgerScreen.conflictOf', { project: titles.get(c.projectId), text: fundConflictText(pt, c) }) : fundConflictText(pt, c)}
            </span>
          ))}
        </Banner>
      ) : null}
      <section className="card" aria-labelledby="ledger-year-h">
        <h2 id="ledger-year-h">{t('fund:ledgerScreen.year')}</h2>
        <p>{t('fund:ledgerScreen.yearFigures', { income: formatYuan(ledger.income.total), committed: formatYuan(ledger.committedTotal), paid: formatYuan(ledger.paidTotal), balance: formatYuan(ledger.balance) })}</p>
        <Table
          label={t('fund:ledgerScreen.balances')}
          numeric={[1, 2, 3, 4]}
          columns={[t('fund:projects.project'), t('fund:projects.budget'), t('fund:projects.committed'), t('fund:projects.paid'), t('fund:projects.remaining')]}
        >
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.title}</th>
              <td className="num">{formatYuan(r.budget)}</td>
              <td className="num">{formatYuan(r.committed)}</td>
              <td className="num">{formatYuan(r.paid)}</td>
              <td className="num">{formatYuan(r.remaining)}</td>
            </tr>
          ))}
        </Table>
      </section>
      {handle.readOnly ? null : rows.length ? <LedgerEntryForm handle={handle} projects={rows} /> : <p className="muted">{t('fund:projects.none')}</p>}
      <LedgerEntries handle={handle} ledger={ledger} titles={titles} />
      <LedgerXlsx handle={handle} year={year} />
    </>
  )
}
