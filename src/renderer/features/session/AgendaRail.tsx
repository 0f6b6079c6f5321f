// The agenda in session: the chair moves through the items; the current one is marked here and
// shown on the projector.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AgendaItemId } from '../../../shared/domain/ids'
import { useEnv } from '../../app/env'
import { useErrors } from '../../app/errors'
import { Banner } from '../../ui/Banner'
import { useMeeting } from '../meetings/MeetingContext'
import { current } from './actions'
import type { SessionView } from './useSession'

export function AgendaRail({ view }: { view: SessionView }) {
  const { t } = useTranslation('session')
  const env = useEnv()
  const errs = useErrors()
  const { handle, meeting } = useMeeting()
  const [failure, setFailure] = useState<string | null>(null)
  const set = async (id: AgendaItemId) => {
    setFailure(null)
    try {
      await current(env, handle, id)
    } catch (e) {
      setFailure(errs.message(e))
    }
  }
  return (
    <nav className="card rail" aria-label={t('agenda.title')}>
      <h2>{t('agenda.title')}</h2>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      <ol>
        {view.agenda.map((item) => {
          const isCurrent = view.session.currentItemId === item.id
          return (
            <li key={item.id} className={isCurrent ? 'current' : undefined} aria-current={isCurrent ? 'step' : undefined}>
              <span>{item.title}</span>
              {isCurrent ? (
                <strong className="pill">{t('agenda.current')}</strong>
              ) : meeting.status === 'in_session' && !handle.readOnly ? (
                <button className="small" onClick={() => void set(item.id)} aria-label={t('agenda.makeCurrent', { title: item.title })}>
                  {t('agenda.take')}
                </button>
              ) : null}
            </li>
          )
        })}
      </ol>
    </nav>
  )
}
