// The three documents of the minutes as they print: the meeting record (会议记录), the official
// summary (纪要, GB/T 9704) and the public notice (公示), each exportable as PDF and DOCX.
import { useCallback, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { noticeDocument, recordDocument, summaryDocument } from '../../../shared/minutes/layout'
import { useDocValue } from '../../kit/docHooks'
import { useCouncil } from '../../kit/CouncilContext'
import { useMeeting } from '../../kit/MeetingContext'
import { exportName, minutesSources } from './actions'
import { PrintDocumentView } from '../../kit/PrintDocumentView'

const KINDS = ['record', 'summary', 'notice'] as const
type Kind = (typeof KINDS)[number]

export function DocumentsPanel() {
  const { t, i18n } = useTranslation(['minutes', 'common'])
  const { council } = useCouncil()
  const { handle, meeting } = useMeeting()
  const [kind, setKind] = useState<Kind>('record')
  const sources = useDocValue(
    handle.doc,
    useCallback((d: Y.Doc) => minutesSources(d, council), [council]),
  )
  const lang = i18n.language
  const doc = useMemo(() => {
    if (!sources) return null
    const options = { t: i18n.getFixedT(lang) as (key: string, o?: Record<string, unknown>) => string, lang }
    return kind === 'record' ? recordDocument(sources, options) : kind === 'summary' ? summaryDocument(sources, options) : noticeDocument(sources, options)
  }, [sources, kind, i18n, lang])
  if (!sources || !doc) return null
  return (
    <section aria-label={t('minutes:tabs.documents')}>
      <div className="row no-print" role="radiogroup" aria-label={t('minutes:documents.which')}>
        {KINDS.map((k) => (
          <label key={k} className="radio-choice">
            <input type="radio" name="document-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
            {t(`minutes:documents.${k}`)}
          </label>
        ))}
      </div>
      {kind === 'notice' && !sources.notice ? <p className="muted no-print">{t('minutes:documents.noticeNotPosted')}</p> : null}
      <PrintDocumentView doc={doc} fileName={exportName(council, meeting.startsAt, t(`minutes:documents.${kind}`))} />
    </section>
  )
}
