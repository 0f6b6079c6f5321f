// The agenda in session: the chair moves through the items; the current one is marked here and
// shown on the projector.
import { useTranslation } from 'react-i18next'
import type { AgendaItemId } from '../../../shared/domain/ids'
import { useEnv } from '../../app/env'
import { useAction } from '../../app/useAction'
import { Banner } from '../../ui/Banner'
import { useMeeting } from '../meetings/MeetingContext'
import { current } from './actions'
import type { SessionView } from './useSession'

export function AgendaRail({ view }: { view: SessionView }) {
  const { t } = useTranslation('session')
  const env = useEnv()
  const { handle, meeting } = useMeeting()
  const { failure, run } = useAction()
  const set = (id: AgendaItemId) => run(() => current(env, handle, id))
  return (
    <nav className="card rail" aria-label={t('agenda.title')}>
      <h2>{t('agenda.title')}</h2>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      <ol>
        {view.agenda.map((item, i) => {
          const isCurrent = view.session.currentItemId === item.id
          // The items around the current one (the first, before any): what the shortcuts take.
          const at = view.agenda.findIndex((a) => a.id === view.session.currentItemId)
          const command = i === at + 1 ? 'nextAgendaItem' : at > 0 && i === at - 1 ? 'previousAgendaItem' : undefined
          return (
            <li key={item.id} className={isCurrent ? 'current' : undefined} aria-current={isCurrent ? 'step' : undefined}>
              <span>{item.title}</span>
              {isCurrent ? (
                <strong className="pill">{t('agenda.current')}</strong>
              ) : meeting.status === 'in_session' && !handle.readOnly ? (
                <button className="small" data-command={command} onClick={() => void set(item.id)} aria-label={t('agenda.makeCurrent', { title: item.title })}>
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
