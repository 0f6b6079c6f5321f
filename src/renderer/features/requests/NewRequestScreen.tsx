// Recording a resident's request (一户一表, a visit, a call…): its fields, the photos or scans of
// the paper form, and who records it. It goes into the matters document of the year it was
// received, and opens on its own screen once stored. Typed fields and picked files are unsaved
// input until then (leaving asks, naming them).
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FileRef } from '../../../shared/files/fileRef'
import { AttachFiles, FileList } from '../../kit/Attachments'
import { useCouncil } from '../../kit/CouncilContext'
import { useEditForm } from '../../kit/docForm'
import { useEnv } from '../../kit/env'
import { href, navigate } from '../../kit/router'
import { useUnsavedFields } from '../../kit/unsaved'
import { TextField } from '../../ui/Field'
import { saveNewRequest } from './actions'
import { useDescribeRequestError } from './errors'
import { saveRecorder, useRecorder } from './local'
import { RequestForm } from './RequestForm'
import { blankRequest, fieldsOf, requestLabels, type RequestText } from './requestText'

export function NewRequestScreen() {
  const { t } = useTranslation(['matters', 'common'])
  const { council, handle } = useCouncil()
  const back = href({ name: 'council', councilId: council.id, tab: 'requests' })
  return (
    <>
      <h1>{t('matters:req.newTitle')}</h1>
      <p>
        <a href={back}>{t('matters:req.backToList')}</a>
      </p>
      {handle.readOnly ? (
        <p className="card">{t(handle.readOnlyReason === 'access' ? 'common:status.readOnlyAccess' : 'common:status.readOnly')}</p>
      ) : (
        <NewRequestForm />
      )}
    </>
  )
}

function NewRequestForm() {
  const { t } = useTranslation(['matters', 'common'])
  const env = useEnv()
  const { council, handle } = useCouncil()
  const today = env.today()
  const blank = useMemo(() => blankRequest(today), [today])
  const remembered = useRecorder(env.db)
  const [recorder, setRecorder] = useState<string | null>(null)
  const by = recorder ?? remembered ?? ''
  const [files, setFiles] = useState<FileRef[]>([])
  const releaseFiles = useUnsavedFields(files.length > 0 ? [t('matters:req.files')] : [])
  const f = useEditForm<RequestText>(
    blank,
    requestLabels(t),
    async (v) => {
      const saved = await saveNewRequest(env, handle, council.id, fieldsOf(v), files, by.trim())
      releaseFiles()
      navigate({ name: 'request', councilId: council.id, year: saved.year, requestId: saved.requestId })
    },
    { describe: useDescribeRequestError() },
  )
  return (
    <RequestForm f={f} title={t('matters:req.newTitle')} submitLabel={t('matters:req.record')} onCancel={() => {
        // Cancelling is choosing to drop the picked files too: nothing asks.
        releaseFiles()
        navigate({ name: 'council', councilId: council.id, tab: 'requests' })
      }}
    >
      <section aria-labelledby="new-request-files">
        <h3 id="new-request-files">{t('matters:req.files')}</h3>
        <FileList label={t('matters:req.files')} items={files.map((file) => ({ id: file.hash, file }))} onRemove={(id) => setFiles((l) => l.filter((x) => x.hash !== id))} />
        <AttachFiles
          councilId={council.id}
          label={t('matters:req.attach')}
          onAttached={async (refs) => setFiles((l) => [...l, ...refs.filter((r) => !l.some((x) => x.hash === r.hash))])}
        />
      </section>
      <TextField
        label={t('matters:req.recorder')}
        hint={t('matters:req.recorderHint')}
        value={by}
        maxLength={200}
        autoComplete="name"
        onChange={(e) => setRecorder(e.target.value)}
        onBlur={() => void saveRecorder(env.db, by)}
      />
    </RequestForm>
  )
}
