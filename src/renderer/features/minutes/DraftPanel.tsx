// Drafting the meeting record: what was recorded in the room is already in it (attendance,
// motions, speeches, votes); the secretary adds the narrative, notes per agenda item and who
// implements each resolution by when, then says the draft is ready to sign.
import { useCallback, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { DRAFT_STATUSES, readItemNotes, readNarrative, readResolution, readSealed } from '../../../shared/doc/minutes'
import { readAgenda } from '../../../shared/doc/meeting'
import type { AgendaItem } from '../../../shared/domain/meeting'
import { readMotions, type Motion } from '../../../shared/doc/motions'
import { useDocValue } from '../../app/docHooks'
import { useEnv } from '../../app/env'
import { useAction } from '../../app/useAction'
import { href } from '../../app/router'
import { Banner } from '../../ui/Banner'
import { TextField } from '../../ui/Field'
import { FormActions } from '../../ui/FormActions'
import { useCouncil } from '../councils/CouncilContext'
import { useMeeting } from '../meetings/MeetingContext'
import { completeDraft, editNarrative, saveResolution } from './actions'
import { NarrativeField } from './NarrativeField'

export function DraftPanel() {
  const { t } = useTranslation(['minutes', 'common'])
  const env = useEnv()
  const { council } = useCouncil()
  const { handle, meeting } = useMeeting()
  const items = useDocValue(handle.doc, readAgenda) ?? []
  const motions = useDocValue(handle.doc, readMotions) ?? []
  const sealed = useDocValue(handle.doc, readSealed)
  const { failure, setFailure, run } = useAction()
  const errs = useAction()
  const editable = DRAFT_STATUSES.includes(meeting.status) && !sealed && !handle.readOnly
  const base = { councilId: council.id, meetingId: meeting.id }

  return (
    <section aria-label={t('minutes:tabs.draft')}>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      {errs.failure ? <Banner kind="error">{errs.failure}</Banner> : null}
      {sealed ? (
        <Banner kind="info">
          {t('minutes:draft.sealed')} <a href={href({ name: 'minutes', ...base, tab: 'sign' })}>{t('minutes:draft.toCorrections')}</a>
        </Banner>
      ) : (
        <p className="muted">{t('minutes:draft.explain')}</p>
      )}
      {meeting.status === 'minutes_drafted' && !sealed ? <Banner kind="info">{t('minutes:draft.editAfterFinish')}</Banner> : null}
      <div className="card">
        <NarrativeField
          label={t('minutes:draft.narrative')}
          hint={t('minutes:draft.narrativeHint')}
          doc={handle.doc}
          read={readNarrative}
          write={(v) => editNarrative(handle, { kind: 'narrative' }, v)}
          disabled={!editable}
          onError={(e) => void errs.run(() => Promise.reject(e))}
        />
      </div>
      {items.map((item, i) => (
        <ItemDraft key={item.id} index={i} item={item} doc={handle.doc} motions={motions.filter((m) => m.itemId === item.id && m.parentId === null)} editable={editable} onError={(e) => void errs.run(() => Promise.reject(e))} />
      ))}
      {meeting.status === 'closed' && !handle.readOnly ? (
        <div className="card row">
          <p className="spacer">{t('minutes:draft.finishExplain')}</p>
          <button
            className="primary"
            onClick={() => {
              setFailure(null)
              void run(() => completeDraft(env, handle)).then((ok) => ok && (window.location.hash = href({ name: 'minutes', ...base, tab: 'sign' }).slice(1)))
            }}
          >
            {t('minutes:draft.finish')}
          </button>
        </div>
      ) : null}
    </section>
  )
}

function ItemDraft(props: { index: number; item: AgendaItem; doc: Y.Doc; motions: Motion[]; editable: boolean; onError: (e: unknown) => void }) {
  const { t } = useTranslation(['minutes', 'common'])
  const { item } = props
  const read = useCallback((d: Y.Doc) => readItemNotes(d, item.id), [item.id])
  const { handle } = useMeeting()
  return (
    <section className="card" aria-labelledby={`item-${item.id}`}>
      <h2 id={`item-${item.id}`}>{t('minutes:draft.item', { n: props.index + 1, title: item.title })}</h2>
      <NarrativeField
        label={t('minutes:draft.itemNotes')}
        doc={props.doc}
        read={read}
        write={(v) => editNarrative(handle, { kind: 'item', itemId: item.id }, v)}
        disabled={!props.editable}
        rows={4}
        onError={props.onError}
      />
      {props.motions.length === 0 ? <p className="muted">{t('minutes:draft.noMotions')}</p> : null}
      {props.motions.map((m) => (
        <ResolutionForm key={m.id} motion={m} editable={props.editable} />
      ))}
    </section>
  )
}

function ResolutionForm({ motion, editable }: { motion: Motion; editable: boolean }) {
  const { t } = useTranslation(['minutes', 'session', 'common'])
  const env = useEnv()
  const { handle } = useMeeting()
  const readThis = useCallback((d: Y.Doc) => readResolution(d, motion.id), [motion.id])
  const current = useDocValue(handle.doc, readThis)
  const [implementer, setImplementer] = useState(current?.implementer ?? '')
  const [due, setDue] = useState(current?.due ?? '')
  const [saved, setSaved] = useState(false)
  const [busy, setBusy] = useState(false)
  const { failure, run } = useAction()
  const submit = (e: FormEvent) => {
    e.preventDefault()
    setSaved(false)
    setBusy(true)
    void run(() => saveResolution(env, handle, motion.id, { implementer, due })).then((ok) => {
      setBusy(false)
      setSaved(ok)
    })
  }
  return (
    <form className="resolution" onSubmit={submit} aria-label={t('minutes:draft.resolutionOf', { text: motion.text })}>
      <p>
        <strong>{t(`session:motionStatus.${motion.status}`)}</strong> {motion.text}
      </p>
      {motion.status === 'passed' ? (
        <>
          <div className="row">
            <TextField label={t('minutes:draft.implementer')} value={implementer} onChange={(e) => setImplementer(e.target.value)} disabled={!editable} maxLength={200} />
            <TextField label={t('minutes:draft.due')} type="date" value={due} onChange={(e) => setDue(e.target.value)} disabled={!editable} />
          </div>
          {failure ? <Banner kind="error">{failure}</Banner> : null}
          {editable ? <FormActions submitLabel={t('minutes:draft.saveResolution')} busy={busy} saved={saved} /> : null}
        </>
      ) : null}
    </form>
  )
}
