// The opening notice of the fund year: this year's income by source beside last year's results
// (projects and spending, read from last year's document when this device has it), shown as it
// prints, with print/PDF and DOCX (kit/PrintDocumentView.tsx).
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { fundYear } from '../../../shared/doc/fund'
import { readFundYear } from '../../../shared/doc/fundRead'
import { isIsoDate } from '../../../shared/domain/dates'
import { openingNoticeDocument } from '../../../shared/fund/printLists'
import { useCouncil } from '../../kit/CouncilContext'
import { useDocHandle, useDocValue } from '../../kit/docHooks'
import { useEnv } from '../../kit/env'
import { PrintDocumentView } from '../../kit/PrintDocumentView'
import { yearDocName } from '../../kit/yearDoc'
import type { DocHandle } from '../../sync/docs'
import { TextField } from '../../ui/Field'

/** A year's snapshot, or null when this replica holds nothing of it (read, never started here). */
export const snapshotOrNull = (d: Y.Doc) => (fundYear(d) === null ? null : readFundYear(d))

export function OverviewNotice({ handle, year, onBack }: { handle: DocHandle; year: number; onBack: () => void }) {
  const { t, i18n } = useTranslation(['fund', 'common'])
  const env = useEnv()
  const { council } = useCouncil()
  const last = useDocHandle(yearDocName('fund', council.id, year - 1))
  const lastYear = useDocValue(last.status === 'ready' ? last.handle.doc : null, snapshotOrNull)
  const snap = useDocValue(handle.doc, snapshotOrNull)
  const [postedOn, setPostedOn] = useState(env.today())
  const lang = i18n.language
  const doc = useMemo(
    () =>
      snap && isIsoDate(postedOn)
        ? openingNoticeDocument({ councilName: council.name, year: snap, lastYear: lastYear ?? null, postedOn }, { t: i18n.getFixedT(lang) as (k: string, o?: Record<string, unknown>) => string, lang })
        : null,
    [snap, lastYear, postedOn, council.name, i18n, lang],
  )
  return (
    <section aria-label={t('fund:notice.opening')}>
      <div className="row bottom no-print">
        <button onClick={onBack}>{t('fund:notice.back')}</button>
        <TextField label={t('fund:notice.postedOn')} type="date" value={postedOn} onChange={(e) => setPostedOn(e.target.value)} />
      </div>
      {doc ? <PrintDocumentView doc={doc} fileName={`${council.name}-${year}-${t('fund:notice.openingFile')}`} /> : null}
    </section>
  )
}
