// One request: what was asked (editable while open), its files, what became of it (merged,
// declined, a matter) and the replies; and the filled 一户一表 to print.
import { useCallback, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { readRequestStates } from '../../../shared/doc/matters'
import { readAttachments } from '../../../shared/doc/mattersFollowUp'
import type { RequestState } from '../../../shared/matters/requests'
import { householdFormDocument } from '../../../shared/matters/print'
import { AttachFiles, FileList } from '../../kit/Attachments'
import { useCouncil } from '../../kit/CouncilContext'
import { useEditForm } from '../../kit/docForm'
import { useDocValue } from '../../kit/docHooks'
import { useEnv } from '../../kit/env'
import { useErrors } from '../../kit/errors'
import { PrintDocumentView } from '../../kit/PrintDocumentView'
import { href } from '../../kit/router'
import { useAction } from '../../kit/useAction'
import { useYearDoc } from '../../kit/yearDoc'
import { Banner } from '../../ui/Banner'
import { StatusPill } from '../../ui/StatusPill'
import type { DocHandle } from '../../sync/docs'
import { attachRequestFiles, removeRequestFile, saveRequest } from './actions'
import { useDescribeRequestError } from './errors'
import { useRecorder } from './local'
import { OutcomeSection } from './OutcomeSection'
import { ConflictsNotice } from './ConflictsNotice'
import { RepliesSection } from './RepliesSection'
import { RequestForm } from './RequestForm'
import { fieldsOf, requestLabels, shownStatus, textOf, type RequestText } from './requestText'

export function RequestScreen({ year, requestId }: { year: number; requestId: string }) {
  const { t } = useTranslation(['matters', 'common'])
  const errs = useErrors()
  const { council } = useCouncil()
  const state = useYearDoc('matters', year)
  const back = <a href={href({ name: 'council', councilId: council.id, tab: 'requests' })}>{t('matters:req.backToList')}</a>
  if (state.status === 'error') return <Banner kind="error">{errs.message(state.error)}</Banner>
  if (state.status === 'loading') return <p>{t('common:status.loading')}</p>
  if (state.status === 'empty') return <p className="card">{t('matters:req.notFound')} {back}</p>
  return <RequestView handle={state.handle} year={year} requestId={requestId} back={back} />
}

function RequestView({ handle, year, requestId, back }: { handle: DocHandle; year: number; requestId: string; back: React.ReactNode }) {
  const { t } = useTranslation(['matters', 'common'])
  const { council, handle: councilHandle } = useCouncil()
  const states = useDocValue(handle.doc, readRequestStates)
  const [printing, setPrinting] = useState(false)
  const s = states?.get(requestId)
  if (!states) return <p>{t('common:status.loading')}</p>
  if (!s) return <p className="card">{t('matters:req.notFound')} {back}</p>
  const writable = !handle.readOnly && !councilHandle.readOnly
  const status = shownStatus(s)
  // While the form is shown for printing, everything else stays on screen (a draft typed there is kept) but out of the printout.
  const screenOnly = printing ? 'no-print' : undefined
  return (
    <>
      <h1 className={screenOnly}>
        {t('matters:req.titleOf', { name: s.request.requester.name || t('matters:req.unnamed') })} <StatusPill status={status} label={t(`matters:req.status.${status}`)} />
      </h1>
      <div className={screenOnly}>
        <p>{back}</p>
        <ConflictsNotice state={s} states={states} year={year} councilId={council.id} />
        <RequestEditor handle={handle} s={s} year={year} writable={writable && s.status === 'open'} />
        <RequestFiles handle={handle} requestId={requestId} writable={writable} />
        <OutcomeSection handle={handle} s={s} states={states} year={year} writable={writable} />
        <RepliesSection handle={handle} s={s} writable={writable} />
      </div>
      <PrintForm s={s} open={printing} setOpen={setPrinting} />
    </>
  )
}

function RequestEditor({ handle, s, year, writable }: { handle: DocHandle; s: RequestState; year: number; writable: boolean }) {
  const { t } = useTranslation(['matters', 'common'])
  const env = useEnv()
  const storedKey = JSON.stringify(textOf(s.request))
  const stored = useMemo(() => JSON.parse(storedKey) as RequestText, [storedKey])
  const f = useEditForm<RequestText>(stored, requestLabels(t), (_v, changed) => saveRequest(env, handle, s.request.id, patchOf(stored, changed)), {
    describe: useDescribeRequestError(),
  })
  return <RequestForm f={f} title={t('matters:req.fieldsTitle')} submitLabel={t('common:actions.save')} disabled={!writable} year={year} />
}

/** The changed form fields as a patch of the request's fields (a changed part of who or where writes all of it). */
function patchOf(stored: RequestText, changed: Partial<RequestText>): Partial<ReturnType<typeof fieldsOf>> {
  const next = fieldsOf({ ...stored, ...changed })
  const patch: Partial<ReturnType<typeof fieldsOf>> = {}
  const keys = Object.keys(changed) as (keyof RequestText)[]
  if (keys.includes('receivedOn')) patch.receivedOn = next.receivedOn
  if (keys.includes('channel')) patch.channel = next.channel
  if (keys.includes('category')) patch.category = next.category
  if (keys.includes('text')) patch.text = next.text
  if (keys.some((k) => ['kind', 'name', 'refId', 'contact'].includes(k))) patch.requester = next.requester
  if (keys.some((k) => ['building', 'unit', 'room', 'placeText'].includes(k))) patch.place = next.place
  return patch
}

function RequestFiles({ handle, requestId, writable }: { handle: DocHandle; requestId: string; writable: boolean }) {
  const { t } = useTranslation(['matters', 'common'])
  const env = useEnv()
  const { council } = useCouncil()
  const by = useRecorder(env.db) ?? ''
  const { failure, run } = useAction()
  const read = useCallback((d: Parameters<typeof readAttachments>[0]) => readAttachments(d, { kind: 'request', id: requestId }), [requestId])
  const files = useDocValue(handle.doc, read) ?? []
  return (
    <section className="card" aria-labelledby="request-files">
      <h2 id="request-files">{t('matters:req.files')}</h2>
      {files.length === 0 ? <p className="muted">{t('matters:req.noFiles')}</p> : null}
      <FileList label={t('matters:req.files')} items={files} onRemove={writable ? (id) => void run(() => removeRequestFile(env, handle, id)) : undefined} />
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      {writable ? <AttachFiles councilId={council.id} label={t('matters:req.attach')} onAttached={(refs) => attachRequestFiles(env, handle, requestId, refs, by)} /> : null}
    </section>
  )
}

function PrintForm({ s, open, setOpen }: { s: RequestState; open: boolean; setOpen: (f: (open: boolean) => boolean) => void }) {
  const { t, i18n } = useTranslation(['matters', 'common', 'documents'])
  const { council } = useCouncil()
  const doc = useMemo(() => (open ? householdFormDocument(council.name, s.request, { t: t as never, lang: i18n.language }) : null), [open, council.name, s.request, t, i18n.language])
  return (
    <section className={open ? undefined : 'card'} aria-labelledby="request-print">
      <h2 id="request-print" className="no-print">
        {t('matters:req.printTitle')}
      </h2>
      <button className="no-print" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {open ? t('matters:req.printClose') : t('matters:req.printFilled')}
      </button>
      {doc ? <PrintDocumentView doc={doc} fileName={`${council.name}-${t('matters:print.form.title')}-${s.request.receivedOn}`} /> : null}
    </section>
  )
}
