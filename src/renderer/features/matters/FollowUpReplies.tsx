// The reply (回音) to every resident whose request led to the matter, once it is carried out: the
// requests with the reply each has, and one form that records the same reply (when, how, what) for
// every one still waiting, all or nothing.
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { readRequestStates } from '../../../shared/doc/matters'
import { REPLY_CHANNELS, requestsOfMatter, type ReplyChannel } from '../../../shared/matters/requests'
import { useDocValue } from '../../kit/docHooks'
import { useEnv } from '../../kit/env'
import { formatDate } from '../../kit/format'
import { useDraft } from '../../kit/useDraft'
import { useFormAction } from '../../kit/useFormAction'
import { Banner } from '../../ui/Banner'
import { SelectField, TextAreaField, TextField } from '../../ui/Field'
import { FormActions } from '../../ui/FormActions'
import type { DocHandle } from '../../sync/docs'
import { replyToAll, useFollowUpErrors } from './followUpActions'

export function FollowUpReplies({ handle, matterId }: { handle: DocHandle; matterId: string }) {
  const { t, i18n } = useTranslation(['matters'])
  const states = useDocValue(handle.doc, (d) => requestsOfMatter(readRequestStates(d), matterId)) ?? []
  const waiting = states.filter((s) => !s.finalReply).length
  return (
    <section aria-labelledby="follow-up-replies-title">
      <h3 id="follow-up-replies-title">{t('matters:followUp.replies')}</h3>
      {states.length === 0 ? <p className="muted">{t('matters:followUp.noRequests')}</p> : null}
      <ul className="plain replies">
        {states.map((s) => (
          <li key={s.request.id}>
            <strong>{s.request.requester.name}</strong> {t('matters:followUp.requestOn', { date: formatDate(i18n.language, s.request.receivedOn) })}
            {' · '}
            {s.finalReply ? (
              t('matters:followUp.repliedLine', { date: formatDate(i18n.language, s.finalReply.on), how: t(`matters:replyChannel.${s.finalReply.how}`), what: s.finalReply.what })
            ) : (
              <span className="warn">{t('matters:followUp.waitingReply')}</span>
            )}
          </li>
        ))}
      </ul>
      {waiting > 0 && !handle.readOnly ? <ReplyAllForm handle={handle} matterId={matterId} waiting={waiting} /> : null}
    </section>
  )
}

function ReplyAllForm({ handle, matterId, waiting }: { handle: DocHandle; matterId: string; waiting: number }) {
  const { t } = useTranslation(['matters'])
  const env = useEnv()
  const labels = { what: t('matters:followUp.replyWhat') }
  const draft = useDraft<{ on: string; how: ReplyChannel; what: string }>({ on: env.today(), how: 'noticeBoard', what: '' }, (v) => (v.what.trim() ? [labels.what] : []))
  const { errors, failure, busy, submit } = useFormAction(useFollowUpErrors())
  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    // Once every resident has the reply, the form goes and the list above shows each one's.
    void draft.submit((v) => submit(() => replyToAll(env, handle, matterId, v)))
  }
  return (
    <form onSubmit={onSubmit} aria-label={t('matters:followUp.replyAll', { count: waiting })} noValidate>
      <div className="row">
        <TextField label={t('matters:followUp.replyOn')} type="date" value={draft.value.on} onChange={(e) => draft.set((v) => ({ ...v, on: e.target.value }))} error={errors.on} />
        <SelectField
          label={t('matters:followUp.replyHow')}
          value={draft.value.how}
          onChange={(e) => draft.set((v) => ({ ...v, how: e.target.value as ReplyChannel }))}
          options={REPLY_CHANNELS.map((c) => ({ value: c, label: t(`matters:replyChannel.${c}`) }))}
        />
      </div>
      <TextAreaField label={labels.what} value={draft.value.what} onChange={(e) => draft.set((v) => ({ ...v, what: e.target.value }))} error={errors.what} rows={3} maxLength={5000} />
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      <FormActions submitLabel={t('matters:followUp.replyAll', { count: waiting })} busy={busy} />
    </form>
  )
}
