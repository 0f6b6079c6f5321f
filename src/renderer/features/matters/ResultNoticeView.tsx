// The result notice as it prints, over the matter screen (the whole page while shown, and all that
// prints or goes into the PDF), with its PDF and DOCX exports (kit/PrintDocumentView). Before it is
// posted, the days are today's and the default seven; once posted, the posted ones.
import { useEffect } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { readMatterPath, readMatters } from '../../../shared/doc/matters'
import { readFollowUp, readMilestones } from '../../../shared/doc/mattersFollowUp'
import { readResultNotice } from '../../../shared/doc/mattersResultNotice'
import { defaultNoticeEnd } from '../../../shared/doc/minutes'
import { resultNoticeDocument } from '../../../shared/matters/print'
import { useCouncil } from '../../kit/CouncilContext'
import { useDocValue } from '../../kit/docHooks'
import { useEnv } from '../../kit/env'
import { PrintDocumentView } from '../../kit/PrintDocumentView'
import type { DocHandle } from '../../sync/docs'

function usePrintLayer(): void {
  useEffect(() => {
    document.body.classList.add('print-layer-open')
    return () => document.body.classList.remove('print-layer-open')
  }, [])
}

export function ResultNoticeView({ handle, matterId, onClose }: { handle: DocHandle; matterId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation(['matters', 'common'])
  const env = useEnv()
  const { council } = useCouncil()
  usePrintLayer()
  const lang = i18n.language
  const today = env.today()
  // Rebuilt from the document on each render (useDocValue re-renders on every change of it).
  const doc = useDocValue(handle.doc, (d) => {
    const matter = readMatters(d).find((m) => m.id === matterId)
    const path = readMatterPath(d, matterId)
    const followUp = readFollowUp(d, matterId)
    if (!matter || !path?.resolvedOn || !followUp) return null
    const notice = readResultNotice(d, matterId)
    const postedOn = notice?.startDate ?? (followUp.completedOn && followUp.completedOn > today ? followUp.completedOn : today)
    const input = { councilName: council.name, matter, resolvedOn: path.resolvedOn, followUp, milestones: readMilestones(d, matterId), postedOn, until: notice?.endDate ?? defaultNoticeEnd(postedOn) }
    return { print: resultNoticeDocument(input, { t: i18n.getFixedT(lang) as (key: string, o?: Record<string, unknown>) => string, lang }), title: matter.title }
  })
  return createPortal(
    <div className="overlay print-layer" role="dialog" aria-modal="true" aria-label={t('matters:resultNotice.title')}>
      <div className="row no-print">
        <h2>{t('matters:resultNotice.title')}</h2>
        <span className="spacer" />
        <button onClick={onClose} autoFocus>
          {t('common:actions.close')}
        </button>
      </div>
      {doc ? <PrintDocumentView doc={doc.print} fileName={t('matters:resultNotice.fileName', { council: council.name, matter: doc.title })} /> : null}
    </div>,
    document.body,
  )
}
