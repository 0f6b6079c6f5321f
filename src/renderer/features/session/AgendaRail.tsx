// The agenda in session: the chair moves through the items; the current one is marked here and
// shown on the projector, the ones already discussed are marked done. Once the meeting is closed
// no item is "under discussion": each was discussed or not taken up.
import { useTranslation } from 'react-i18next'
import type { AgendaItemId } from '../../../shared/domain/ids'
import { readItemsTaken } from '../../../shared/doc/session'
import { useEnv } from '../../kit/env'
import { useAction } from '../../kit/useAction'
import { Banner } from '../../ui/Banner'
import { useMeeting } from '../../kit/MeetingContext'
import { current } from './actions'
import type { SessionView } from './useSession'

export function AgendaRail({ view }: { view: SessionView }) {
  const { t } = useTranslation('session')
  const env = useEnv()
  const { handle, meeting } = useMeeting()
  const { failure, run } = useAction()
  const set = (id: AgendaItemId) => run(() => current(env, handle, id))
  const inSession = meeting.status === 'in_session'
  const over = !inSession && meeting.status !== 'noticed' && meeting.status !== 'draft'
  const taken = readItemsTaken(handle.doc)
  return (
    <nav className="card rail" aria-label={t('agenda.title')}>
      <h2>{t('agenda.title')}</h2>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      <ol>
        {view.agenda.map((item, i) => {
          const isCurrent = inSession && view.session.currentItemId === item.id
          const done = !isCurrent && taken.has(item.id)
          // The items around the current one (the first, before any): what the shortcuts take.
          const at = view.agenda.findIndex((a) => a.id === view.session.currentItemId)
          const command = i === at + 1 ? 'nextAgendaItem' : at > 0 && i === at - 1 ? 'previousAgendaItem' : undefined
          return (
            <li key={item.id} className={isCurrent ? 'current' : done ? 'done' : undefined} aria-current={isCurrent ? 'step' : undefined}>
              <span>{item.title}</span>{' '}
              {done ? <span className="pill done">{t('agenda.done')}</span> : over ? <span className="pill muted">{t('agenda.notTaken')}</span> : null}
              {isCurrent ? (
                <strong className="pill">{t('agenda.current')}</strong>
              ) : inSession && !handle.readOnly ? (
                <button className="small" data-command={command} onClick={() => void set(item.id)} aria-label={t('agenda.makeCurrent', { title: item.title })}>
                  {done ? t('agenda.takeAgain') : t('agenda.take')}
                </button>
              ) : null}
            </li>
          )
        })}
      </ol>
    </nav>
  )
}
