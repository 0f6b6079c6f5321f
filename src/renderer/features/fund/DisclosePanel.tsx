// The fund year's disclose tab (FundYearScreen.tsx): the 收支公示 as it prints (print, PDF, DOCX
// through kit/PrintDocumentView), the year's 台账 as an XLSX file, what the street office's checks
// find, and the charts of budget against actual per project and of spending over the year.
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { fundYear } from '../../../shared/doc/fund'
import { readFundYear } from '../../../shared/doc/fundRead'
import { isIsoDate } from '../../../shared/domain/dates'
import { fundYearFindings } from '../../../shared/fund/checks'
import { disclosureDocument } from '../../../shared/fund/print'
import { projectTitle } from '../../../shared/fund/year'
import { useCouncil } from '../../kit/CouncilContext'
import { useDocValue } from '../../kit/docHooks'
import { useEnv } from '../../kit/env'
import { PrintDocumentView } from '../../kit/PrintDocumentView'
import type { DocHandle } from '../../sync/docs'
import { TextField } from '../../ui/Field'
import { ChartBudget, ChartSpending } from './ChartFundYear'
import { budgetBars, spendingByMonth } from './ChartData'
import { DiscloseFindings } from './DiscloseFindings'
import { LedgerXlsx } from './LedgerXlsx'
import { FundBundleExport } from './FundBundleExport'

const snapshotOf = (d: Y.Doc) => (fundYear(d) === null ? null : readFundYear(d))
const plusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)

export function DisclosePanel({ handle, year }: { handle: DocHandle; year: number }) {
  const { t, i18n } = useTranslation(['fund', 'common'])
  const env = useEnv()
  const { council } = useCouncil()
  const snap = useDocValue(handle.doc, snapshotOf)
  const [postedOn, setPostedOn] = useState(env.today())
  const [until, setUntil] = useState(plusDays(env.today(), 7))
  const lang = i18n.language
  const printT = useMemo(() => i18n.getFixedT(lang) as (k: string, o?: Record<string, unknown>) => string, [i18n, lang])
  const notice = useMemo(
    () => (snap && isIsoDate(postedOn) && isIsoDate(until) ? disclosureDocument({ councilName: council.name, year: snap, postedOn, until }, { t: printT, lang }) : null),
    [snap, postedOn, until, council.name, printT, lang],
  )
  if (!snap) return null
  const titles = new Map([...snap.decisions.budgets.keys(), ...snap.proposals.keys()].map((id) => [id, projectTitle(snap, id)]))
  return (
    <>
      <LedgerXlsx handle={handle} year={year} />
      <FundBundleExport handle={handle} />
      <div className="no-print">
        <DiscloseFindings findings={fundYearFindings(snap)} titles={titles} />
        <ChartBudget bars={budgetBars(snap.ledger, snap.decisions.budgets, titles)} />
        <ChartSpending months={spendingByMonth(snap.ledger, year)} year={year} />
      </div>
      <section aria-label={t('fund:disclose.noticeTitle')}>
        <h2 className="no-print">{t('fund:disclose.noticeTitle')}</h2>
        <div className="row bottom no-print">
          <TextField label={t('fund:disclose.postedOn')} type="date" value={postedOn} onChange={(e) => setPostedOn(e.target.value)} />
          <TextField label={t('fund:disclose.until')} type="date" value={until} onChange={(e) => setUntil(e.target.value)} />
        </div>
        {notice ? <PrintDocumentView doc={notice} fileName={`${council.name}-${year}-${t('fund:disclose.noticeFile')}`} /> : null}
      </section>
    </>
  )
}
