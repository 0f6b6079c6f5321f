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
import { buildFundWorkbook } from '../../../shared/fund/ledgerXlsx'
import { disclosureDocument } from '../../../shared/fund/print'
import { projectTitle } from '../../../shared/fund/year'
import { useCouncil } from '../../kit/CouncilContext'
import { useDocValue } from '../../kit/docHooks'
import { useEnv } from '../../kit/env'
import { PrintDocumentView } from '../../kit/PrintDocumentView'
import { useAction } from '../../kit/useAction'
import type { DocHandle } from '../../sync/docs'
import { Banner } from '../../ui/Banner'
import { TextField } from '../../ui/Field'
import { ChartBudget, ChartSpending } from './ChartFundYear'
import { budgetBars, spendingByMonth } from './ChartData'
import { DiscloseFindings } from './DiscloseFindings'

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const snapshotOf = (d: Y.Doc) => (fundYear(d) === null ? null : readFundYear(d))
const plusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)

export function DisclosePanel({ handle, year }: { handle: DocHandle; year: number }) {
  const { t, i18n } = useTranslation(['fund', 'common'])
  const env = useEnv()
  const { council } = useCouncil()
  const snap = useDocValue(handle.doc, snapshotOf)
  const [postedOn, setPostedOn] = useState(env.today())
  const [until, setUntil] = useState(plusDays(env.today(), 7))
  const { failure, run } = useAction()
  const [saved, setSaved] = useState(false)
  const lang = i18n.language
  const printT = useMemo(() => i18n.getFixedT(lang) as (k: string, o?: Record<string, unknown>) => string, [i18n, lang])
  const notice = useMemo(
    () => (snap && isIsoDate(postedOn) && isIsoDate(until) ? disclosureDocument({ councilName: council.name, year: snap, postedOn, until }, { t: printT, lang }) : null),
    [snap, postedOn, until, council.name, printT, lang],
  )
  if (!snap) return null
  const titles = new Map([...snap.decisions.budgets.keys(), ...snap.proposals.keys()].map((id) => [id, projectTitle(snap, id)]))
  const exportXlsx = () =>
    run(async () => {
      setSaved(false)
      const bytes = await buildFundWorkbook(snap, i18n.getFixedT(lang, 'fund') as (k: string, o?: Record<string, unknown>) => string)
      const r = await env.platform.saveFile({ suggestedName: `${council.name}-${year}-${t('fund:disclose.xlsxFile')}.xlsx`, kind: 'xlsx', data: bytes, mime: XLSX_MIME })
      setSaved(r.saved)
    })
  return (
    <>
      <section aria-labelledby="disclose-xlsx-h" className="card no-print">
        <h2 id="disclose-xlsx-h">{t('fund:disclose.ledgerTitle')}</h2>
        {failure ? <Banner kind="error">{failure}</Banner> : null}
        <div className="row">
          <button type="button" onClick={() => void exportXlsx()}>{t('fund:disclose.exportXlsx')}</button>
          {saved ? <span className="saved" role="status">{t('fund:disclose.xlsxSaved')}</span> : null}
        </div>
      </section>
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
