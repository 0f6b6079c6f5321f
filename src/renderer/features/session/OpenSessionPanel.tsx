// Opening the session: with quorum, one click; without, an explicit override by a named person
// with a reason, recorded in the meeting. Before the scheduled time, it first says so and asks.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { opensEarly } from '../../../shared/domain/meeting'
import { useEnv } from '../../kit/env'
import { formatDateTime } from '../../kit/format'
import { useFormAction } from '../../kit/useFormAction'
import { Banner } from '../../ui/Banner'
import { TextField } from '../../ui/Field'
import { useCouncil } from '../../kit/CouncilContext'
import { useMeeting } from '../../kit/MeetingContext'
import { open, quorumNow } from './actions'
import { useUnsavedFields } from '../../kit/unsaved'

/** This device's wall-clock time (YYYY-MM-DDTHH:mm) at an instant: the meeting's time is wall-clock too. */
function wallClock(iso: string): string {
  const d = new Date(iso)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`
}

export function OpenSessionPanel() {
  const { t, i18n } = useTranslation(['session', 'common'])
  const env = useEnv()
  const { council } = useCouncil()
  const { handle, meeting } = useMeeting()
  const [override, setOverride] = useState({ by: '', reason: '' })
  useUnsavedFields(override.reason.trim() ? [t('session:open.reason')] : [])
  const [earlyConfirmed, setEarlyConfirmed] = useState(false)
  const { errors, failure, submit: save } = useFormAction()
  const q = quorumNow(handle.doc, council, env.now())
  const early = opensEarly(meeting.startsAt, wallClock(env.now()))

  if (early && !earlyConfirmed) {
    return (
      <section className="card" aria-labelledby="open-title">
        <h2 id="open-title">{t('session:open.title')}</h2>
        <div role="alertdialog" aria-labelledby="open-early">
          <Banner kind="error">
            <span id="open-early">{t('session:open.early', { when: formatDateTime(i18n.language, meeting.startsAt) })}</span>
          </Banner>
          <button disabled={handle.readOnly} onClick={() => setEarlyConfirmed(true)}>
            {t('session:open.earlyConfirm')}
          </button>
        </div>
      </section>
    )
  }

  async function submit(withOverride: boolean) {
    await save(() => open(env, handle, council, withOverride ? override : undefined))
  }

  return (
    <section className="card" aria-labelledby="open-title">
      <h2 id="open-title">{t('session:open.title')}</h2>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      {q.met ? (
        <>
          <p>{t('session:open.ready', { present: q.present, members: q.members })}</p>
          <button className="primary" disabled={handle.readOnly} onClick={() => void submit(false)}>
            {t('session:open.open')}
          </button>
        </>
      ) : (
        <form
          aria-label={t('session:open.overrideTitle')}
          onSubmit={(e) => {
            e.preventDefault()
            void submit(true)
          }}
        >
          <Banner kind="error" quiet>{t('session:open.noQuorum', { present: q.present, members: q.members, required: q.required })}</Banner>
          <p>{t('session:open.overrideExplain')}</p>
          <div className="grid">
            <TextField label={t('session:open.by')} value={override.by} error={errors.by} onChange={(e) => setOverride((o) => ({ ...o, by: e.target.value }))} />
            <TextField label={t('session:open.reason')} value={override.reason} error={errors.reason} onChange={(e) => setOverride((o) => ({ ...o, reason: e.target.value }))} />
          </div>
          <button type="submit" className="danger" disabled={handle.readOnly}>
            {t('session:open.openAnyway')}
          </button>
        </form>
      )}
    </section>
  )
}
