// The community fund years of the council, and opening a new one.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { indexedYears } from '../../../shared/doc/council'
import { readAvailable, readDecisions, readLedger } from '../../../shared/doc/fund'
import { formatYuan } from '../../../shared/fund/money'
import { useCouncil } from '../../kit/CouncilContext'
import { useDocHandle, useDocValue } from '../../kit/docHooks'
import { useEnv } from '../../kit/env'
import { href, navigate } from '../../kit/router'
import { yearDocName } from '../../kit/yearDoc'
import { TextField } from '../../ui/Field'
import { Table } from '../../ui/Table'

const fundYears = (d: Y.Doc) => indexedYears(d, 'fund')
const figures = (d: Y.Doc) => ({ available: readAvailable(d), approved: readDecisions(d).approvedTotal, spent: readLedger(d).paidTotal })

function YearRow({ year }: { year: number }) {
  const { t } = useTranslation('fund')
  const { council } = useCouncil()
  const state = useDocHandle(yearDocName('fund', council.id, year))
  const f = useDocValue(state.status === 'ready' ? state.handle.doc : null, figures)
  const cell = (fen: number | undefined) => (fen === undefined ? '…' : `¥${formatYuan(fen)}`)
  return (
    <tr>
      <th scope="row">
        <a href={href({ name: 'fundYear', councilId: council.id, year, tab: 'overview' })}>{t('tab.yearLink', { year })}</a>
      </th>
      <td className="num">{cell(f?.available)}</td>
      <td className="num">{cell(f?.approved)}</td>
      <td className="num">{cell(f?.spent)}</td>
    </tr>
  )
}

export function FundTab() {
  const { t } = useTranslation('fund')
  const env = useEnv()
  const { council, handle } = useCouncil()
  const years = useDocValue(handle.doc, fundYears) ?? []
  const [year, setYear] = useState(env.today().slice(0, 4))
  const n = Number(year)
  const valid = /^\d{4}$/.test(year) && n >= 1900 && n <= 2199
  return (
    <>
      <h2 id="fund-years">{t('tab.title')}</h2>
      <p className="hint">{t('tab.intro')}</p>
      {years.length ? (
        <Table labelledBy="fund-years" columns={[t('tab.year'), t('tab.available'), t('tab.approved'), t('tab.spent')]} numeric={[1, 2, 3]}>
          {years.map((y) => (
            <YearRow key={y} year={y} />
          ))}
        </Table>
      ) : (
        <p>{t('tab.none')}</p>
      )}
      <form
        className="row bottom card"
        aria-label={t('tab.open')}
        onSubmit={(e) => {
          e.preventDefault()
          if (valid) navigate({ name: 'fundYear', councilId: council.id, year: n, tab: 'overview' })
        }}
      >
        <TextField label={t('tab.newYear')} inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value.trim())} error={valid ? undefined : t('tab.yearInvalid')} />
        <button type="submit" className="primary" disabled={!valid || handle.readOnly}>
          {years.includes(n) ? t('tab.goTo', { year: n }) : t('tab.open')}
        </button>
      </form>
    </>
  )
}
