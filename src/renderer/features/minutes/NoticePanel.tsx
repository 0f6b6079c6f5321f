// The public notice (公示) of the resolutions: where it is posted and for which days (7 by
// default), and the register of objections (异议) received with how each was handled.
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { defaultNoticeEnd, readObjections, readPublicNotice } from '../../../shared/doc/minutes'
import { isIsoDate } from '../../../shared/domain/dates'
import type { Objection } from '../../../shared/minutes/types'
import { useDocValue } from '../../kit/docHooks'
import { useEnv } from '../../kit/env'
import { formatDate } from '../../kit/format'
import { useFormAction } from '../../kit/useFormAction'
import { useUnsavedFields } from '../../kit/unsaved'
import { Banner } from '../../ui/Banner'
import { TextAreaField, TextField } from '../../ui/Field'
import { FormActions } from '../../ui/FormActions'
import { useMeeting } from '../../kit/MeetingContext'
import { newObjection, postNotice, settleObjection } from './actions'

const OBJECTION_STATUSES = ['published', 'submitted', 'returned', 'accepted']

export function NoticePanel() {
  const { t } = useTranslation(['minutes', 'common'])
  const { handle, meeting } = useMeeting()
  const notice = useDocValue(handle.doc, readPublicNotice)
  const objections = useDocValue(handle.doc, readObjections) ?? []
  const canPost = (meeting.status === 'signed' || meeting.status === 'published') && !handle.readOnly
  const canObject = OBJECTION_STATUSES.includes(meeting.status) && !handle.readOnly

  if (!notice && meeting.status !== 'signed') {
    return <Banner kind="info">{t('minutes:notice.afterSeal')}</Banner>
  }
  return (
    <section aria-label={t('minutes:tabs.notice')}>
      <p className="muted">{t('minutes:notice.explain')}</p>
      {canPost ? <NoticeForm key={notice?.postedAt ?? 'new'} /> : null}
      {notice && !canPost ? <NoticeSummary /> : null}
      {notice ? (
        <section className="card" aria-labelledby="objections-title">
          <h2 id="objections-title">{t('minutes:objection.title')}</h2>
          {objections.length === 0 ? <p className="muted">{t('minutes:objection.none')}</p> : null}
          <ol className="plain">
            {objections.map((o) => (
              <ObjectionRow key={o.id} objection={o} editable={canObject} />
            ))}
          </ol>
          {canObject ? <ObjectionForm /> : null}
        </section>
      ) : null}
    </section>
  )
}

function NoticeSummary() {
  const { t, i18n } = useTranslation(['minutes'])
  const { handle } = useMeeting()
  const notice = useDocValue(handle.doc, readPublicNotice)
  if (!notice) return null
  return (
    <div className="card">
      <p>{t('minutes:notice.posted', { place: notice.place, from: formatDate(i18n.language, notice.startDate), to: formatDate(i18n.language, notice.endDate) })}</p>
    </div>
  )
}

function NoticeForm() {
  const { t, i18n } = useTranslation(['minutes', 'common'])
  const env = useEnv()
  const { handle, meeting } = useMeeting()
  const notice = useDocValue(handle.doc, readPublicNotice)
  const today = env.today()
  const [place, setPlace] = useState(notice?.place ?? '')
  const [startDate, setStart] = useState(notice?.startDate ?? today)
  const [endDate, setEnd] = useState(notice?.endDate ?? defaultNoticeEnd(today))
  const { errors: fields, failure, busy, submit: save } = useFormAction()
  const [saved, setSaved] = useState(false)
  // Not yet posted (or a change to the posted notice not yet saved): leaving asks, naming the fields.
  const changed = notice
    ? [place.trim() !== notice.place && t('minutes:notice.place'), startDate !== notice.startDate && t('minutes:notice.start'), endDate !== notice.endDate && t('minutes:notice.end')]
    : [place.trim() !== '' && t('minutes:notice.place')]
  useUnsavedFields(changed.filter((x): x is string => typeof x === 'string'))
  const submit = (e: FormEvent) => {
    e.preventDefault()
    setSaved(false)
    void save(() => postNotice(env, handle, { place, startDate, endDate })).then(setSaved)
  }
  return (
    <form className="card" onSubmit={submit} aria-label={t('minutes:notice.formTitle')} noValidate>
      <h2>{meeting.status === 'signed' ? t('minutes:notice.formTitle') : t('minutes:notice.editTitle')}</h2>
      {notice ? <p>{t('minutes:notice.posted', { place: notice.place, from: formatDate(i18n.language, notice.startDate), to: formatDate(i18n.language, notice.endDate) })}</p> : null}
      <TextField label={t('minutes:notice.place')} hint={t('minutes:notice.placeHint')} value={place} onChange={(e) => setPlace(e.target.value)} error={fields.place} maxLength={200} />
      <div className="row">
        <TextField
          label={t('minutes:notice.start')}
          type="date"
          value={startDate}
          onChange={(e) => {
            setStart(e.target.value)
            if (isIsoDate(e.target.value)) setEnd(defaultNoticeEnd(e.target.value))
          }}
          error={fields.startDate}
        />
        <TextField label={t('minutes:notice.end')} type="date" value={endDate} onChange={(e) => setEnd(e.target.value)} error={fields.endDate} hint={t('minutes:notice.endHint')} />
      </div>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      <FormActions submitLabel={meeting.status === 'signed' ? t('minutes:notice.post') : t('common:actions.save')} busy={busy} saved={saved} />
    </form>
  )
}

function ObjectionForm() {
  const { t } = useTranslation(['minutes', 'common'])
  const env = useEnv()
  const { handle } = useMeeting()
  const [receivedOn, setReceived] = useState(env.today())
  const [from, setFrom] = useState('')
  const [content, setContent] = useState('')
  const { errors: fields, failure, submit: save } = useFormAction()
  useUnsavedFields([...(from.trim() ? [t('minutes:objection.from')] : []), ...(content.trim() ? [t('minutes:objection.content')] : [])])
  const submit = (e: FormEvent) => {
    e.preventDefault()
    void save(() => newObjection(env, handle, { receivedOn, from, content })).then((ok) => {
      if (ok) {
        setFrom('')
        setContent('')
      }
    })
  }
  return (
    <form onSubmit={submit} aria-label={t('minutes:objection.add')} noValidate>
      <h3>{t('minutes:objection.add')}</h3>
      <div className="row">
        <TextField label={t('minutes:objection.receivedOn')} type="date" value={receivedOn} onChange={(e) => setReceived(e.target.value)} error={fields.receivedOn} />
        <TextField label={t('minutes:objection.from')} value={from} onChange={(e) => setFrom(e.target.value)} error={fields.from} maxLength={200} />
      </div>
      <TextAreaField label={t('minutes:objection.content')} value={content} onChange={(e) => setContent(e.target.value)} error={fields.content} rows={3} maxLength={5000} />
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      <button type="submit">{t('minutes:objection.add')}</button>
    </form>
  )
}

function ObjectionRow({ objection: o, editable }: { objection: Objection; editable: boolean }) {
  const { t, i18n } = useTranslation(['minutes', 'common'])
  const env = useEnv()
  const { handle } = useMeeting()
  const [handling, setHandling] = useState(o.handling)
  const [handledOn, setHandledOn] = useState(o.handledOn ?? env.today())
  const { errors: fields, failure, submit: save } = useFormAction()
  useUnsavedFields(editable && handling.trim() !== o.handling ? [t('minutes:objection.handlingFor', { from: o.from })] : [])
  const submit = (e: FormEvent) => {
    e.preventDefault()
    void save(() => settleObjection(env, handle, o.id, { handling, handledOn }))
  }
  return (
    <li className="objection">
      <p>
        <strong>{t('minutes:objection.heading', { from: o.from, when: formatDate(i18n.language, o.receivedOn) })}</strong>
      </p>
      <p className="pre">{o.content}</p>
      {o.handledOn ? (
        <p>{t('minutes:objection.handled', { when: formatDate(i18n.language, o.handledOn), handling: o.handling })}</p>
      ) : (
        <p className="warn">{t('minutes:objection.pending')}</p>
      )}
      {editable ? (
        <form onSubmit={submit} aria-label={t('minutes:objection.handleFor', { from: o.from })} noValidate>
          <TextAreaField label={t('minutes:objection.handling')} value={handling} onChange={(e) => setHandling(e.target.value)} error={fields.handling} rows={2} maxLength={5000} />
          <TextField label={t('minutes:objection.handledOn')} type="date" value={handledOn} onChange={(e) => setHandledOn(e.target.value)} error={fields.handledOn} />
          {failure ? <Banner kind="error">{failure}</Banner> : null}
          <button type="submit">{t('minutes:objection.saveHandling')}</button>
        </form>
      ) : null}
    </li>
  )
}
