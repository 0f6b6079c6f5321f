// Completing the follow-up: on a day (today by default), once every milestone is done. Why it
// cannot be completed yet is said before the button (completionRefusal, the shared rule) and again
// if pressed; completing is asked first, since the milestones are then fixed for the result notice.
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { completionRefusal } from '../../../shared/matters/followUp'
import { readFollowUp, readMilestones } from '../../../shared/doc/mattersFollowUp'
import { useDocValue } from '../../kit/docHooks'
import { useEnv } from '../../kit/env'
import { useFormAction } from '../../kit/useFormAction'
import { assertNothingUnsaved } from '../../kit/unsaved'
import { Banner } from '../../ui/Banner'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { TextField } from '../../ui/Field'
import type { DocHandle } from '../../sync/docs'
import { complete, useFollowUpErrors } from './followUpActions'

export function FollowUpComplete({ handle, matterId }: { handle: DocHandle; matterId: string }) {
  const { t } = useTranslation(['matters'])
  const env = useEnv()
  const [on, setOn] = useState(env.today())
  const [asking, setAsking] = useState(false)
  const { errors, failure, setFailure, busy, submit } = useFormAction(useFollowUpErrors())
  const refusal = useDocValue(handle.doc, (d) => {
    const f = readFollowUp(d, matterId)
    return f ? completionRefusal(f, readMilestones(d, matterId), on) : null
  })
  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    setFailure(null)
    // Refused at once, with the reason, rather than behind a confirmation that would fail.
    if (refusal) void submit(() => complete(env, handle, matterId, on))
    else void submit(async () => assertNothingUnsaved()).then((ok) => ok && setAsking(true))
  }
  const confirm = () => {
    void submit(() => complete(env, handle, matterId, on)).then(() => setAsking(false))
  }
  return (
    <form onSubmit={onSubmit} aria-label={t('matters:followUp.complete')} noValidate>
      <h3>{t('matters:followUp.complete')}</h3>
      {refusal ? <p className="muted">{t(`matters:followUp.refusal.${refusal}`)}</p> : <p className="muted">{t('matters:followUp.completeHint')}</p>}
      <div className="row">
        <TextField label={t('matters:followUp.completedOnField')} type="date" value={on} onChange={(e) => setOn(e.target.value)} error={errors.on} />
      </div>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      <button type="submit" className="primary" disabled={busy}>
        {t('matters:followUp.complete')}
      </button>
      {asking ? (
        <ConfirmDialog question={t('matters:followUp.completeConfirm')} confirmLabel={t('matters:followUp.complete')} busy={busy} onConfirm={confirm} onCancel={() => setAsking(false)}>
          {failure ? <Banner kind="error">{failure}</Banner> : null}
        </ConfirmDialog>
      ) : null}
    </form>
  )
}
