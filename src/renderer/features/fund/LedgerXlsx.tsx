// Saving the fund year's 台账 as an XLSX workbook (shared/fund/ledgerXlsx.ts) through the platform's
// save: offered on the ledger tab and on the disclose tab. The year is read when the button is
// pressed, so the file holds what the document holds at that moment.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { readFundYear } from '../../../shared/doc/fundRead'
import { buildFundWorkbook } from '../../../shared/fund/ledgerXlsx'
import { useCouncil } from '../../kit/CouncilContext'
import { useEnv } from '../../kit/env'
import { useAction } from '../../kit/useAction'
import type { DocHandle } from '../../sync/docs'
import { Banner } from '../../ui/Banner'

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export function LedgerXlsx({ handle, year }: { handle: DocHandle; year: number }) {
  const { t, i18n } = useTranslation(['fund', 'common'])
  const env = useEnv()
  const { council } = useCouncil()
  const { failure, run } = useAction()
  const [saved, setSaved] = useState(false)
  const exportXlsx = () =>
    run(async () => {
      setSaved(false)
      const bytes = await buildFundWorkbook(readFundYear(handle.doc), i18n.getFixedT(i18n.language, 'fund') as (k: string, o?: Record<string, unknown>) => string)
      const r = await env.platform.saveFile({ suggestedName: `${council.name}-${year}-${t('fund:disclose.xlsxFile')}.xlsx`, kind: 'xlsx', data: bytes, mime: XLSX_MIME })
      setSaved(r.saved)
    })
  return (
    <section aria-labelledby="ledger-xlsx-h" className="card no-print">
      <h2 id="ledger-xlsx-h">{t('fund:disclose.ledgerTitle')}</h2>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      <div className="row">
        <button type="button" onClick={() => void exportXlsx()}>{t('fund:disclose.exportXlsx')}</button>
        {saved ? <span className="saved" role="status">{t('fund:disclose.xlsxSaved')}</span> : null}
      </div>
    </section>
  )
}
