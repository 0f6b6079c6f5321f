// One milestone of a follow-up: its title and due date, the day it was done and a note (a draft
// until saved: leaving first asks, naming them), and its photos.
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { detachFile, readAttachments } from '../../../shared/doc/mattersFollowUp'
import type { Milestone } from '../../../shared/matters/followUp'
import { useCouncil } from '../../kit/CouncilContext'
import { AttachFiles, FileList } from '../../kit/Attachments'
import { useDocValue } from '../../kit/docHooks'
import { useEnv } from '../../kit/env'
import { formatDate } from '../../kit/format'
import { useFormAction } from '../../kit/useFormAction'
import { useUnsavedFields } from '../../kit/unsaved'
import { writeDoc } from '../../kit/write'
import { Banner } from '../../ui/Banner'
import { TextAreaField, TextField } from '../../ui/Field'
import { FormActions } from '../../ui/FormActions'
import type { DocHandle } from '../../sync/docs'
import { attachTo, changeMilestone, useFollowUpErrors } from './followUpActions'

export function MilestoneRow({ handle, milestone: m, editable }: { handle: DocHandle; milestone: Milestone; editable: boolean }) {
  const { t, i18n } = useTranslation(['matters'])
  const env = useEnv()
  const { council } = useCouncil()
  const files = useDocValue(handle.doc, (d) => readAttachments(d, { kind: 'milestone', id: m.id })) ?? []
  const { failure, submit } = useFormAction(useFollowUpErrors())
  const lang = i18n.language
  return (
    <li className="milestone">
      <h4>{m.title}</h4>
      <p>
        {t('matters:followUp.milestoneLine', { due: formatDate(lang, m.due) })}
        {' · '}
        {m.doneOn ? t('matters:followUp.milestoneDone', { date: formatDate(lang, m.doneOn) }) : <span className="warn">{t('matters:followUp.milestoneOpen')}</span>}
      </p>
      {m.note && !editable ? <p className="pre">{m.note}</p> : null}
      {editable ? <MilestoneForm handle={handle} milestone={m} /> : null}
      <FileList
        items={files}
        label={t('matters:followUp.milestonePhotos', { title: m.title })}
        onRemove={editable ? (id) => void submit(() => writeDoc(env, handle, (d) => detachFile(d, id))) : undefined}
      />
      {editable ? (
        <AttachFiles councilId={council.id} label={t('matters:followUp.addPhotosTo', { title: m.title })} onAttached={(refs) => submit(() => attachTo(env, handle, { kind: 'milestone', id: m.id }, refs)).then(() => undefined)} />
      ) : null}
      {failure ? <Banner kind="error">{failure}</Banner> : null}
    </li>
  )
}

function MilestoneForm({ handle, milestone: m }: { handle: DocHandle; milestone: Milestone }) {
  const { t } = useTranslation(['matters'])
  const env = useEnv()
  const [doneOn, setDoneOn] = useState(m.doneOn ?? '')
  const [note, setNote] = useState(m.note)
  const { errors, failure, busy, submit } = useFormAction(useFollowUpErrors())
  const labels = { doneOn: t('matters:followUp.doneOnOf', { title: m.title }), note: t('matters:followUp.noteOf', { title: m.title }) }
  useUnsavedFields([doneOn !== (m.doneOn ?? '') && labels.doneOn, note !== m.note && labels.note].filter((x): x is string => !!x))
  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    void submit(() => changeMilestone(env, handle, m.id, { doneOn: doneOn || null, note }))
  }
  return (
    <form onSubmit={onSubmit} aria-label={t('matters:followUp.milestoneForm', { title: m.title })} noValidate>
      <div className="row">
        <TextField label={labels.doneOn} hint={t('matters:followUp.doneOnHint')} type="date" value={doneOn} onChange={(e) => setDoneOn(e.target.value)} error={errors.doneOn} />
        {m.doneOn === null && !doneOn ? (
          <button type="button" onClick={() => setDoneOn(env.today())}>
            {t('matters:followUp.doneToday')}
          </button>
        ) : null}
      </div>
      <TextAreaField label={labels.note} value={note} onChange={(e) => setNote(e.target.value)} error={errors.note} rows={2} maxLength={5000} />
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      <FormActions submitLabel={t('matters:followUp.saveMilestone')} busy={busy} />
    </form>
  )
}
