// Cancelling an open vote that cannot (or should not) be announced: who decided and why, recorded
// in the meeting document; the motion goes back to debate, so the meeting is never stuck on a vote.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Vote } from '../../../shared/doc/votes'
import { useEnv } from '../../kit/env'
import { useUnsavedFields } from '../../kit/unsaved'
import { useAction } from '../../kit/useAction'
import { useErrors } from '../../kit/errors'
import { Banner } from '../../ui/Banner'
import { TextAreaField, TextField } from '../../ui/Field'
import { useMeeting } from '../../kit/MeetingContext'
import { cancelOpenVote } from './voteFixActions'

export function CancelVote({ vote, chairName }: { vote: Vote; chairName: string }) {
  const { t } = useTranslation(['session'])
  const env = useEnv()
  const errs = useErrors()
  const { handle } = useMeeting()
  const { failure, setFailure } = useAction()
  const [open, setOpen] = useState(false)
  const [form, setForm] = useState({ by: chairName, reason: '' })
  const [fields, setFields] = useState<Record<string, string>>({})
  const labels = { by: t('session:voteFix.by'), reason: t('session:voteFix.cancelReason') }
  // Hiding the form keeps what was typed (this component stays mounted); leaving the screen asks.
  const release = useUnsavedFields([...(form.reason.trim() ? [labels.reason] : []), ...(form.by !== chairName ? [labels.by] : [])])

  async function submit() {
    setFailure(null)
    setFields({})
    try {
      await cancelOpenVote(env, handle, vote.id, form)
      release()
    } catch (e) {
      const d = errs.describe(e)
      setFields(d.fields)
      setFailure(d.banner)
    }
  }

  if (!open)
    return (
      <button className="link-like" onClick={() => setOpen(true)}>
        {t('session:voteFix.cancelOpen')}
      </button>
    )
  return (
    <form
      className="card cancel-vote"
      aria-label={t('session:voteFix.cancelTitle')}
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <h5>{t('session:voteFix.cancelTitle')}</h5>
      <p className="muted">{t('session:voteFix.cancelExplain')}</p>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      <TextField label={labels.by} value={form.by} error={fields.by} maxLength={60} onChange={(e) => setForm((f) => ({ ...f, by: e.target.value }))} />
      <TextAreaField label={labels.reason} value={form.reason} error={fields.reason} maxLength={500} onChange={(e) => setForm((f) => ({ ...f, reason: e.target.value }))} />
      <div className="row">
        <button type="submit" className="danger">
          {t('session:voteFix.cancelDo')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('session:voteFix.cancelBack')}
        </button>
      </div>
    </form>
  )
}
