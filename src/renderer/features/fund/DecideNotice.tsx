// The decision's public notice (决议公示): the projects voted on, approved ones with their budgets,
// the posting period (7 days by default, as the minutes' 公示: defaultNoticeEnd) and where to object;
// printable, PDF and DOCX (kit/PrintDocumentView.tsx).
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { defaultNoticeEnd } from '../../../shared/doc/minutes'
import { isIsoDate } from '../../../shared/domain/dates'
import { decisionNoticeDocument } from '../../../shared/fund/decisionNotice'
import { useCouncil } from '../../kit/CouncilContext'
import { useDocValue } from '../../kit/docHooks'
import { useEnv } from '../../kit/env'
import { PrintDocumentView } from '../../kit/PrintDocumentView'
import type { DocHandle } from '../../sync/docs'
import { TextField } from '../../ui/Field'
import { snapshotOrNull } from './OverviewNotice'

export function DecideNotice({ handle, year, onBack }: { handle: DocHandle; year: number; onBack: () => void }) {
  const { t, i18n } = useTranslation(['fund', 'common'])
  const env = useEnv()
  const { council } = useCouncil()
  const snap = useDocValue(handle.doc, snapshotOrNull)
  const [postedOn, setPostedOn] = useState(env.today())
  const [until, setUntil] = useState<string | null>(null)
  const last = until ?? (isIsoDate(postedOn) ? defaultNoticeEnd(postedOn) : '')
  const lang = i18n.language
  const doc = useMemo(
    () =>
      snap && isIsoDate(postedOn) && isIsoDate(last) && last >= postedOn
        ? decisionNoticeDocument({ councilName: council.name, year: snap, postedOn, until: last }, { t: i18n.getFixedT(lang) as (k: string, o?: Record<string, unknown>) => string, lang })
        : null,
    [snap, postedOn, last, council.name, i18n, lang],
  )
  return (
    <section aria-label={t('fund:publish.title')}>
      <div className="row bottom no-print">
        <button onClick={onBack}>{t('fund:notice.back')}</button>
        <TextField label={t('fund:notice.postedOn')} type="date" value={postedOn} onChange={(e) => setPostedOn(e.target.value)} />
        <TextField label={t('fund:publish.until')} type="date" value={last} min={postedOn} onChange={(e) => setUntil(e.target.value)} />
      </div>
      <p className="hint no-print">{t('fund:publish.objectionsHint')}</p>
      {doc ? <PrintDocumentView doc={doc} fileName={`${council.name}-${year}-${t('fund:publish.file')}`} /> : null}
    </section>
  )
}
