// The register of objections (异议) to a public notice: each with who raised it, when, what, and
// how it was handled, and the forms that record them. The writes are the caller's (the result
// notice's in the matters document; the minutes' 公示 keeps the same fields), so every notice
// registers objections the same way; the words are the minutes' objection texts.
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Objection } from '../../shared/doc/minutes'
import { Banner } from '../ui/Banner'
import { TextAreaField, TextField } from '../ui/Field'
import { useEnv } from './env'
import { formatDate } from './format'
import { useFormAction, type DescribeError } from './useFormAction'
import { useUnsavedFields } from './unsaved'

export interface ObjectionWrites {
  add: (o: { receivedOn: string; from: string; content: string }) => Promise<unknown>
  settle: (id: string, h: { handling: string; handledOn: string }) => Promise<unknown>
  describe?: DescribeError
}

export function ObjectionsRegister({ objections, editable, writes }: { objections: readonly Objection[]; editable: boolean; writes: ObjectionWrites }) {
  const { t } = useTranslation(['minutes'])
  return (
    <section className="card" aria-labelledby="objections-register-title">
      <h3 id="objections-register-title">{t('minutes:objection.title')}</h3>
      {objections.length === 0 ? <p className="muted">{t('minutes:objection.none')}</p> : null}
      <ol className="plain">
        {objections.map((o) => (
          <ObjectionItem key={o.id} objection={o} editable={editable} writes={writes} />
        ))}
      </ol>
      {editable ? <ObjectionAddForm writes={writes} /> : null}
    </section>
  )
}

function ObjectionAddForm({ writes }: { writes: ObjectionWrites }) {
  const { t } = useTranslation(['minutes'])
  const env = useEnv()
  const [receivedOn, setReceived] = useState(env.today())
  const [from, setFrom] = useState('')
  const [content, setContent] = useState('')
  const { errors, failure, submit } = useFormAction(writes.describe)
  useUnsavedFields([from.trim() && t('minutes:objection.from'), content.trim() && t('minutes:objection.content')].filter((x): x is string => !!x))
  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    void submit(() => writes.add({ receivedOn, from, content })).then((ok) => {
      if (ok) {
        setFrom('')
        setContent('')
      }
    })
  }
  return (
    <form onSubmit={onSubmit} aria-label={t('minutes:objection.add')} noValidate>
      <h4>{t('minutes:objection.add')}</h4>
      <div className="row">
        <TextField label={t('minutes:objection.receivedOn')} type="date" value={receivedOn} onChange={(e) => setReceived(e.target.value)} error={errors.receivedOn} />
        <TextField label={t('minutes:objection.from')} value={from} onChange={(e) => setFrom(e.target.value)} error={errors.from} maxLength={200} />
      </div>
      <TextAreaField label={t('minutes:objection.content')} value={content} onChange={(e) => setContent(e.target.value)} error={errors.content} rows={3} maxLength={5000} />
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      <button type="submit">{t('minutes:objection.add')}</button>
    </form>
  )
}

function ObjectionItem({ objection: o, editable, writes }: { objection: Objection; editable: boolean; writes: ObjectionWrites }) {
  const { t, i18n } = useTranslation(['minutes'])
  const env = useEnv()
  const [handling, setHandling] = useState(o.handling)
  const [handledOn, setHandledOn] = useState(o.handledOn ?? env.today())
  const { errors, failure, submit } = useFormAction(writes.describe)
  useUnsavedFields(editable && handling.trim() !== o.handling ? [t('minutes:objection.handlingFor', { from: o.from })] : [])
  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    void submit(() => writes.settle(o.id, { handling, handledOn }))
  }
  return (
    <li className="objection">
      <p>
        <strong>{t('minutes:objection.heading', { from: o.from, when: formatDate(i18n.language, o.receivedOn) })}</strong>
      </p>
      <p className="pre">{o.content}</p>
      {o.handledOn ? <p>{t('minutes:objection.handled', { when: formatDate(i18n.language, o.handledOn), handling: o.handling })}</p> : <p className="warn">{t('minutes:objection.pending')}</p>}
      {editable ? (
        <form onSubmit={onSubmit} aria-label={t('minutes:objection.handleFor', { from: o.from })} noValidate>
          <TextAreaField label={t('minutes:objection.handling')} value={handling} onChange={(e) => setHandling(e.target.value)} error={errors.handling} rows={2} maxLength={5000} />
          <TextField label={t('minutes:objection.handledOn')} type="date" value={handledOn} onChange={(e) => setHandledOn(e.target.value)} error={errors.handledOn} />
          {failure ? <Banner kind="error">{failure}</Banner> : null}
          <button type="submit">{t('minutes:objection.saveHandling')}</button>
        </form>
      ) : null}
    </li>
  )
}
