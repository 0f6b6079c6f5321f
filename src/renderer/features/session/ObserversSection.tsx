// Observers (列席) at the meeting: those on the register who signed in, those added here (with a
// note), and the form to add one. The name leaves the unsaved list as it is submitted (kit/useDraft.ts).
import { useTranslation } from 'react-i18next'
import { useEnv } from '../../kit/env'
import { useDraft } from '../../kit/useDraft'
import { useMeeting } from '../../kit/MeetingContext'
import { dropObserver, newObserver } from './actions'
import type { Run } from './floorTypes'
import type { SessionView } from './useSession'

export function ObserversSection({ view, editable, run }: { view: SessionView; editable: boolean; run: Run }) {
  const { t } = useTranslation(['session', 'common'])
  const env = useEnv()
  const { handle } = useMeeting()
  const observer = useDraft({ name: '', note: '' }, (o) => (o.name.trim() ? [t('session:observers.name')] : []))
  // Observers on the register (role 列席) who signed in: listed with the observers added here,
  // as the printed record lists them (register first, in the one order of names).
  const registerObservers = view.attendance.filter((a) => !a.counts && a.status === 'present')
  return (
    <>
      <h3>{t('session:observers.title')}</h3>
      {view.observers.length === 0 && registerObservers.length === 0 ? <p className="muted">{t('session:observers.none')}</p> : null}
      <ul aria-label={t('session:observers.title')}>
        {registerObservers.map((a) => (
          <li key={a.memberId}>{t('session:observers.fromRegister', { name: a.name })}</li>
        ))}
        {view.observers.map((o) => (
          <li key={o.id}>
            {o.note ? t('session:observers.withNote', { name: o.name, note: o.note }) : o.name}{' '}
            {editable ? (
              <button className="small" onClick={() => void run(() => dropObserver(env, handle, o.id))} aria-label={t('session:observers.remove', { name: o.name })}>
                {t('common:actions.remove')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {editable ? (
        <form
          className="row"
          aria-label={t('session:observers.add')}
          onSubmit={(e) => {
            e.preventDefault()
            void observer.submit((o) => run(() => newObserver(env, handle, o.name, o.note)))
          }}
        >
          <label className="field">
            <span className="label">{t('session:observers.name')}</span>
            <input value={observer.value.name} onChange={(e) => observer.set((o) => ({ ...o, name: e.target.value }))} />
          </label>
          <label className="field">
            <span className="label">{t('session:observers.note')}</span>
            <input value={observer.value.note} onChange={(e) => observer.set((o) => ({ ...o, note: e.target.value }))} />
          </label>
          <button type="submit">{t('session:observers.add')}</button>
        </form>
      ) : null}
    </>
  )
}
