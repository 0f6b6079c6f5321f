// The fund year's overview tab (FundYearScreen.tsx): the money in, entry by entry with its source
// and date; the negative and priority lists; and the opening notice (this year beside last year).
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { readLedger } from '../../../shared/doc/fund'
import { formatYuan } from '../../../shared/fund/money'
import { formatDate } from '../../kit/format'
import { useDocValue } from '../../kit/docHooks'
import type { DocHandle } from '../../sync/docs'
import { Table } from '../../ui/Table'
import { IncomeForm } from './IncomeForm'
import { OverviewLists } from './OverviewLists'
import { OverviewNotice } from './OverviewNotice'

function incomeOf(d: Y.Doc) {
  const l = readLedger(d)
  return { totals: l.income, rows: l.entries.flatMap((e) => (e.kind === 'income' ? [{ e, net: l.net.get(e.id) ?? e.amount }] : [])) }
}

export function OverviewPanel({ handle, year }: { handle: DocHandle; year: number }) {
  const { t, i18n } = useTranslation(['fund', 'common'])
  const inc = useDocValue(handle.doc, incomeOf)
  const [notice, setNotice] = useState(false)
  if (!inc) return null
  if (notice) return <OverviewNotice handle={handle} year={year} onBack={() => setNotice(false)} />
  return (
    <>
      <div className="row">
        <span className="spacer" />
        <button onClick={() => setNotice(true)}>{t('fund:notice.showOpening')}</button>
      </div>
      <h2 id="fund-income">{t('fund:income.title')}</h2>
      <p className="figures" role="status">
        {t('fund:income.totals', { total: formatYuan(inc.totals.total), allocation: formatYuan(inc.totals.allocation), carryOver: formatYuan(inc.totals.carryOver), other: formatYuan(inc.totals.other) })}
      </p>
      {inc.rows.length ? (
        <Table labelledBy="fund-income" columns={[t('fund:income.source'), t('fund:income.from'), t('fund:income.on'), t('fund:income.amount')]} numeric={[3]}>
          {inc.rows.map(({ e, net }) => (
            <tr key={e.id}>
              <td>{t(`fund:incomeSource.${e.source}`)}</td>
              <td>{e.from || t('fund:dash')}</td>
              <td>{formatDate(i18n.language, e.on)}</td>
              <td className="num">¥{formatYuan(net)}</td>
            </tr>
          ))}
        </Table>
      ) : (
        <p>{t('fund:income.none')}</p>
      )}
      <IncomeForm handle={handle} />
      <OverviewLists handle={handle} />
    </>
  )
}
