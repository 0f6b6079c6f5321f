// Notes on the follow-up (what happened, on which day) with their photos; a new note and the
// photos picked for it are written together.
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { FileRef } from '../../../shared/files/fileRef'
import type { FollowUpNote } from '../../../shared/matters/followUp'
import { readAttachments, readFollowUp, readNotes } from '../../../shared/doc/mattersFollowUp'
import { useCouncil } from '../../kit/CouncilContext'
import { AttachFiles, FileList } from '../../kit/Attachments'
import { useDocValue } from '../../kit/docHooks'
import { useEnv } from '../../kit/env'
import { formatDate } from '../../kit/format'
import { useDraft } from '../../kit/useDraft'
import { useFormAction } from '../../kit/useFormAction'
import { Banner } from '../../ui/Banner'
import { TextAreaField, TextField } from '../../ui/Field'
import { FormActions } from '../../ui/FormActions'
import type { DocHandle } from '../../sync/docs'
import { newNote, useFollowUpErrors } from './followUpActions'

export function FollowUpNotes({ handle, matterId }: { handle: DocHandle; year: number; matterId: string }) {
  const { t } = useTranslation(['matters'])
  const notes = useDocValue(handle.doc, (d) => readNotes(d, matterId)) ?? []
  const open = useDocValue(handle.doc, (d) => !readFollowUp(d, matterId)?.completedOn)
  return (
    <section aria-labelledby="follow-up-notes-title">
      <h3 id="follow-up-notes-title">{t('matters:followUp.notes')}</h3>
      {notes.length === 0 ? <p className="muted">{t('matters:followUp.noNotes')}</p> : null}
      <ol className="plain">
        {notes.map((n) => (
          <NoteRow key={n.id} handle={handle} note={n} />
        ))}
      </ol>
      {open && !handle.readOnly ? <AddNoteForm handle={handle} matterId={matterId} /> : null}
    </section>
  )
}

function NoteRow({ handle, note: n }: { handle: DocHandle; note: FollowUpNote }) {
  const { t, i18n } = useTranslation(['matters'])
  const files = useDocValue(handle.doc, (d) => readAttachments(d, { kind: 'note', id: n.id })) ?? []
  return (
    <li className="note">
      <p>
        <strong>{formatDate(i18n.language, n.on)}</strong> <span className="pre">{n.text}</span>
      </p>
      <FileList items={files} label={t('matters:followUp.notePhotos', { date: formatDate(i18n.language, n.on) })} />
    </li>
  )
}

function AddNoteForm({ handle, matterId }: { handle: DocHandle; matterId: string }) {
  const { t } = useTranslation(['matters'])
  const env = useEnv()
  const { council } = useCouncil()
  const labels = { text: t('matters:followUp.noteText'), files: t('matters:followUp.notePhotosPicked') }
  const draft = useDraft<{ on: string; text: string; files: FileRef[] }>({ on: env.today(), text: '', files: [] }, (v) =>
    [v.text.trim() && labels.text, v.files.length > 0 && labels.files].filter((x): x is string => !!x),
  )
  const { errors, failure, busy, submit } = useFormAction(useFollowUpErrors())
  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    void draft.submit((v) => submit(() => newNote(env, handle, matterId, { on: v.on, text: v.text }, v.files)))
  }
  const picked = draft.value.files.map((file) => ({ id: file.hash, file }))
  return (
    <form onSubmit={onSubmit} aria-label={t('matters:followUp.addNote')} noValidate>
      <TextField label={t('matters:followUp.noteOn')} type="date" value={draft.value.on} onChange={(e) => draft.set((v) => ({ ...v, on: e.target.value }))} error={errors.on} />
      <TextAreaField label={labels.text} value={draft.value.text} onChange={(e) => draft.set((v) => ({ ...v, text: e.target.value }))} error={errors.text} rows={3} maxLength={5000} />
      <FileList items={picked} label={labels.files} onRemove={(hash) => draft.set((v) => ({ ...v, files: v.files.filter((f) => f.hash !== hash) }))} />
      <AttachFiles councilId={council.id} label={t('matters:followUp.pickPhotos')} onAttached={async (refs) => draft.set((v) => ({ ...v, files: [...v.files, ...refs.filter((r) => !v.files.some((f) => f.hash === r.hash))] }))} />
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      <FormActions submitLabel={t('matters:followUp.addNote')} busy={busy} />
    </form>
  )
}
