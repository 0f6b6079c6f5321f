// The replies (回音) to whoever asked: when, how, what; a final one closes the request's loop and
// waits for a decision (replyRefusal says why a reply is refused, in words).
import { useTranslation } from 'react-i18next'
import { REPLY_CHANNELS, type ReplyChannel, type RequestState } from '../../../shared/matters/requests'
import type { IsoDate } from '../../../shared/domain/dates'
import { useEnv } from '../../kit/env'
import { formatDate } from '../../kit/format'
import { useDraft } from '../../kit/useDraft'
import { useFormAction } from '../../kit/useFormAction'
import { Banner } from '../../ui/Banner'
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../ui/Field'
import { FormActions } from '../../ui/FormActions'
import { StatusPill } from '../../ui/StatusPill'
import type { DocHandle } from '../../sync/docs'
import { saveReply } from './actions'
import { useDescribeRequestError } from './errors'
import { useRecorder } from './local'

export function RepliesSection({ handle, s, writable }: { handle: DocHandle; s: RequestState; writable: boolean }) {
  const { t, i18n } = useTranslation(['matters', 'common'])
  return (
    <section className="card" aria-labelledby="request-replies">
      <h2 id="request-replies">{t('matters:req.reply.title')}</h2>
      {s.replies.length === 0 ? <p className="muted">{t('matters:req.reply.none')}</p> : null}
      {s.replies.length > 0 ? (
        <ul className="plain" aria-label={t('matters:req.reply.title')}>
          {s.replies.map((r) => (
            <li key={r.id} className="reply">
              <strong>{formatDate(i18n.language, r.on)}</strong> {t(`matters:replyChannel.${r.how}`)}{' '}
              {r.final ? <StatusPill status="replied" label={t('matters:req.reply.final')} /> : null}
              <p>{r.what}</p>
            </li>
          ))}
        </ul>
      ) : null}
      {writable ? <ReplyForm handle={handle} s={s} /> : null}
    </section>
  )
}

function ReplyForm({ handle, s }: { handle: DocHandle; s: RequestState }) {
  const { t } = useTranslation(['matters', 'common'])
  const env = useEnv()
  const by = useRecorder(env.db) ?? ''
  const action = useFormAction(useDescribeRequestError())
  const empty = { on: env.today(), how: 'inPerson' as ReplyChannel, what: '', final: false }
  const draft = useDraft(empty, (v) => (v.what.trim() ? [t('matters:req.reply.what')] : []))
  const v = draft.value
  const submit = () => draft.submit((d) => action.submit(() => saveReply(env, handle, { requestId: s.request.id, on: d.on as IsoDate, how: d.how, what: d.what, final: d.final }, by)))
  return (
    <form
      className="stack"
      aria-label={t('matters:req.reply.add')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <h3>{t('matters:req.reply.add')}</h3>
      {action.failure ? <Banner kind="error">{action.failure}</Banner> : null}
      <div className="grid">
        <TextField label={t('matters:req.reply.on')} type="date" value={v.on} onChange={(e) => draft.set((x) => ({ ...x, on: e.target.value }))} />
        <SelectField
          label={t('matters:req.reply.how')}
          value={v.how}
          onChange={(e) => draft.set((x) => ({ ...x, how: e.target.value as ReplyChannel }))}
          options={REPLY_CHANNELS.map((c) => ({ value: c, label: t(`matters:replyChannel.${c}`) }))}
        />
      </div>
      <TextAreaField label={t('matters:req.reply.what')} rows={3} maxLength={4000} value={v.what} onChange={(e) => draft.set((x) => ({ ...x, what: e.target.value }))} />
      <CheckboxField label={t('matters:req.reply.finalLabel')} checked={v.final} onChange={(e) => draft.set((x) => ({ ...x, final: e.target.checked }))} />
      {s.outcome ? null : <p className="hint">{t('matters:req.reply.finalHint')}</p>}
      <FormActions submitLabel={t('matters:req.reply.submit')} busy={action.busy} />
    </form>
  )
}
