// The projector (a second window or tab): the current item, the motion on the floor, the speaking
// timer and the last announced result, in large type, with no controls. It follows the
// secretary's window live.
import { useTranslation } from 'react-i18next'
import { useCouncil } from '../councils/CouncilContext'
import { useMeeting } from '../meetings/MeetingContext'
import { SpeakingTimer } from './SpeakingTimer'
import { ResultText } from './VoteResultView'
import { useSessionView } from './useSession'

export function ProjectorScreen() {
  const { t } = useTranslation(['session', 'common'])
  const { council } = useCouncil()
  const { handle, meeting } = useMeeting()
  const view = useSessionView(handle.doc)
  if (!view) return null
  const item = view.agenda.find((i) => i.id === view.session.currentItemId)
  const onFloor = view.motions.filter((m) => m.itemId === item?.id && ['proposed', 'seconded', 'debating', 'voting'].includes(m.status))
  const motion = onFloor.find((m) => m.parentId !== null) ?? onFloor[0]
  const running = view.speeches.find((s) => s.endedAt === null)
  const lastResult = [...view.votes].filter((v) => v.closedAt && v.result).sort((a, b) => (a.closedAt! < b.closedAt! ? 1 : -1))[0]
  return (
    <div className="projector" aria-label={t('session:projector.title')}>
      <p className="council">{council.name}</p>
      <h1>{meeting.title}</h1>
      {item ? (
        <section aria-label={t('session:projector.item')}>
          <p className="label">{t('session:projector.item')}</p>
          <p className="item">{item.title}</p>
        </section>
      ) : (
        <p className="item">{t('session:projector.waiting')}</p>
      )}
      {motion ? (
        <section aria-label={t('session:projector.motion')}>
          <p className="label">{motion.parentId ? t('session:amendment.heading') : t('session:motion.heading')}</p>
          <p className="motion-text pre">{motion.text}</p>
        </section>
      ) : null}
      {running ? (
        <section aria-label={t('session:projector.speaking')}>
          <p className="label">{t('session:speech.running', { name: view.names.get(running.speakerId) ?? '' })}</p>
          <SpeakingTimer startedAt={running.startedAt} limitSeconds={council.speechSeconds} large />
        </section>
      ) : null}
      {lastResult?.result ? (
        <section aria-label={t('session:projector.result')}>
          <p className="label">{t('session:projector.result')}</p>
          <ResultText result={lastResult.result} large />
        </section>
      ) : null}
    </div>
  )
}
