// The result notice (实施结果公开) once the follow-up is complete: the document (on screen as it
// prints, PDF, DOCX), where it is posted and for which days (7 by default, the minutes' 公示 rule),
// and the objections received during it.
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { defaultNoticeEnd } from '../../../shared/doc/minutes'
import { readResultNotice } from '../../../shared/doc/mattersResultNotice'
import { readFollowUp } from '../../../shared/doc/mattersFollowUp'
import { isIsoDate } from '../../../shared/domain/dates'
import { useDocValue } from '../../kit/docHooks'
import { useEnv } from '../../kit/env'
import { formatDate } from '../../kit/format'
import { useFormAction } from '../../kit/useFormAction'
import { useUnsavedFields } from '../../kit/unsaved'
import { Banner } from '../../ui/Banner'
import { TextField } from '../../ui/Field'
import { FormActions } from '../../ui/FormActions'
import type { DocHandle } from '../../sync/docs'
import { postNotice, useFollowUpErrors } from './followUpActions'
import { ResultNoticeObjections } from './ResultNoticeObjections'
import { ResultNoticeView } from './ResultNoticeView'

export function ResultNotice({ handle, matterId }: { handle: DocHandle; year: number; matterId: string }) {
  const { t, i18n } = useTranslation(['matters'])
  const notice = useDocValue(handle.doc, (d) => readResultNotice(d, matterId))
  const [showing, setShowing] = useState(false)
  return (
    <section aria-labelledby="result-notice-title">
      <h3 id="result-notice-title">{t('matters:resultNotice.title')}</h3>
      {notice ? (
        <p>{t('matters:resultNotice.posted', { place: notice.place, from: formatDate(i18n.language, notice.startDate), to: formatDate(i18n.language, notice.endDate) })}</p>
      ) : (
        <p className="muted">{t('matters:resultNotice.explain')}</p>
      )}
      <button type="button" onClick={() => setShowing(true)}>
        {t('matters:resultNotice.show')}
      </button>
      {showing ? <ResultNoticeView handle={handle} matterId={matterId} onClose={() => setShowing(false)} /> : null}
      {handle.readOnly ? null : <PostForm key={notice?.postedAt ?? 'new'} handle={handle} matterId={matterId} />}
      {notice ? <ResultNoticeObjections handle={handle} matterId={matterId} /> : null}
    </section>
  )
}

function PostForm({ handle, matterId }: { handle: DocHandle; matterId: string }) {
  const { t } = useTranslation(['matters', 'minutes', 'common'])
  const env = useEnv()
  const notice = useDocValue(handle.doc, (d) => readResultNotice(d, matterId))
  const completedOn = useDocValue(handle.doc, (d) => readFollowUp(d, matterId)?.completedOn ?? null)
  const today = env.today()
  const first = completedOn && completedOn > today ? completedOn : today
  const [place, setPlace] = useState(notice?.place ?? '')
  const [startDate, setStart] = useState(notice?.startDate ?? first)
  const [endDate, setEnd] = useState(notice?.endDate ?? defaultNoticeEnd(first))
  const [saved, setSaved] = useState(false)
  const { errors, failure, busy, submit } = useFormAction(useFollowUpErrors())
  const labels = { place: t('minutes:notice.place'), start: t('minutes:notice.start'), end: t('minutes:notice.end') }
  const changed = notice ? [place.trim() !== notice.place && labels.place, startDate !== notice.startDate && labels.start, endDate !== notice.endDate && labels.end] : [place.trim() !== '' && labels.place]
  useUnsavedFields(changed.filter((x): x is string => !!x))
  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    setSaved(false)
    void submit(() => postNotice(env, handle, matterId, { place, startDate, endDate })).then(setSaved)
  }
  return (
    <form onSubmit={onSubmit} aria-label={t('matters:resultNotice.post')} noValidate>
      <TextField label={labels.place} hint={t('minutes:notice.placeHint')} value={place} onChange={(e) => setPlace(e.target.value)} error={errors.place} maxLength={200} />
      <div className="row">
        <TextField
          label={labels.start}
          type="date"
          value={startDate}
          onChange={(e) => {
            setStart(e.target.value)
            if (isIsoDate(e.target.value)) setEnd(defaultNoticeEnd(e.target.value))
          }}
          error={errors.startDate}
        />
        <TextField label={labels.end} type="date" value={endDate} onChange={(e) => setEnd(e.target.value)} error={errors.endDate} hint={t('minutes:notice.endHint')} />
      </div>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      <FormActions submitLabel={notice ? t('common:actions.save') : t('matters:resultNotice.post')} busy={busy} saved={saved} />
    </form>
  )
}
