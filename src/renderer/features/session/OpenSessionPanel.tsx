// Opening the session: with quorum, one click; without, an explicit override by a named person
// with a reason, recorded in the meeting.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useEnv } from '../../app/env'
import { useFormAction } from '../../app/useFormAction'
import { Banner } from '../../ui/Banner'
import { TextField } from '../../ui/Field'
import { useCouncil } from '../councils/CouncilContext'
import { useMeeting } from '../meetings/MeetingContext'
import { open, quorumNow } from './actions'

export function OpenSessionPanel() {
  const { t } = useTranslation(['session', 'common'])
  const env = useEnv()
  const { council } = useCouncil()
  const { handle } = useMeeting()
  const [override, setOverride] = useState({ by: '', reason: '' })
  const { errors, failure, submit: save } = useFormAction()
  const q = quorumNow(handle.doc, council, env.now())

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
          <Banner kind="error">{t('session:open.noQuorum', { present: q.present, members: q.members, required: q.required })}</Banner>
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
