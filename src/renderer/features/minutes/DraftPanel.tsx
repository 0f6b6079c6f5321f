// Drafting the meeting record: what was recorded in the room is already in it (attendance,
// motions, speeches, votes); the secretary adds the narrative, notes per agenda item and who
// implements each resolution by when, then says the draft is ready to sign.
import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { DRAFT_STATUSES, readItemNotes, readNarrative } from '../../../shared/doc/minutes'
import { readSealed } from '../../../shared/minutes/sealedStore'
import { readAgenda } from '../../../shared/doc/meeting'
import type { AgendaItem } from '../../../shared/domain/meeting'
import { readMotions, type Motion } from '../../../shared/doc/motions'
import { useDocValue } from '../../kit/docHooks'
import { useEnv } from '../../kit/env'
import { useAction } from '../../kit/useAction'
import { href } from '../../kit/router'
import { Banner } from '../../ui/Banner'
import { useUnsavedFields } from '../../kit/unsaved'
import { useCouncil } from '../../kit/CouncilContext'
import { useMeeting } from '../../kit/MeetingContext'
import { completeDraft, editNarrative } from './actions'
import { FollowUpFields, type ReportPending } from './FollowUpFields'
import { NarrativeField } from './NarrativeField'

export function DraftPanel() {
  const { t } = useTranslation(['minutes', 'common'])
  const { council } = useCouncil()
  const { handle, meeting } = useMeeting()
  const items = useDocValue(handle.doc, readAgenda) ?? []
  const motions = useDocValue(handle.doc, readMotions) ?? []
  const sealed = useDocValue(handle.doc, readSealed)
  const errs = useAction()
  const editable = DRAFT_STATUSES.includes(meeting.status) && !sealed && !handle.readOnly
  const base = { councilId: council.id, meetingId: meeting.id }
  // Deadlines typed only in part, by motion: not in the document yet, so sending is refused and leaving asks.
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set())
  const onPending = useCallback<ReportPending>(
    (motionId, isPending) =>
      setPending((old) => {
        if (old.has(motionId) === isPending) return old
        const next = new Set(old)
        if (isPending) next.add(motionId)
        else next.delete(motionId)
        return next
      }),
    [],
  )
  // Labels in the language shown now (the motion's words, not a sentence kept from when it was typed).
  const pendingLabels = motions.filter((m) => pending.has(m.id)).map((m) => t('minutes:draft.dueOf', { text: m.text }))
  useUnsavedFields(pendingLabels)

  return (
    <section aria-label={t('minutes:tabs.draft')}>
      {errs.failure ? <Banner kind="error">{errs.failure}</Banner> : null}
      {sealed ? (
        <Banner kind="info">
          {t('minutes:draft.sealed')} <a href={href({ name: 'minutes', ...base, tab: 'sign' })}>{t('minutes:draft.toCorrections')}</a>
        </Banner>
      ) : (
        <p className="muted">
          {t('minutes:draft.explain')} {editable ? t('minutes:draft.followUpStored') : null}
        </p>
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
        <ItemDraft
          key={item.id}
          index={i}
          item={item}
          doc={handle.doc}
          motions={motions.filter((m) => m.itemId === item.id && m.parentId === null)}
          editable={editable}
          onError={(e) => void errs.run(() => Promise.reject(e))}
          onPending={onPending}
        />
      ))}
      {meeting.status === 'closed' && !handle.readOnly ? <FinishDraft pendingLabels={pendingLabels} /> : null}
    </section>
  )
}

/** Saying the draft is ready to sign: refused, naming them, while deadlines are typed only in part. */
function FinishDraft({ pendingLabels }: { pendingLabels: string[] }) {
  const { t } = useTranslation(['minutes', 'common'])
  const env = useEnv()
  const { council } = useCouncil()
  const { handle, meeting } = useMeeting()
  const { failure, setFailure, run } = useAction()
  const [refused, setRefused] = useState(false)
  const base = { councilId: council.id, meetingId: meeting.id }
  return (
    <div className="card">
      {/* Beside the button it answers: a refusal at the top of a long draft would go unseen. */}
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      {refused && pendingLabels.length ? <Banner kind="error">{t('minutes:draft.finishRefused', { fields: pendingLabels.join(t('common:unsaved.separator')) })}</Banner> : null}
      <div className="row">
        <p className="spacer">{t('minutes:draft.finishExplain')}</p>
        <button
          className="primary"
          onClick={() => {
            setFailure(null)
            setRefused(pendingLabels.length > 0)
            if (pendingLabels.length) return
            void run(() => completeDraft(env, handle, pendingLabels)).then(
              (ok) =>
                ok &&
                (window.location.hash = href({
                  name: 'minutes',
                  ...base,
                  tab: 'sign',
                }).slice(1)),
            )
          }}
        >
          {t('minutes:draft.finish')}
        </button>
      </div>
    </div>
  )
}

function ItemDraft(props: { index: number; item: AgendaItem; doc: Y.Doc; motions: Motion[]; editable: boolean; onError: (e: unknown) => void; onPending: ReportPending }) {
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
        <Resolution key={m.id} motion={m} editable={props.editable} onPending={props.onPending} />
      ))}
    </section>
  )
}

/** A motion's outcome and, when it passed, who implements it by when (stored as typed). */
function Resolution({ motion, editable, onPending }: { motion: Motion; editable: boolean; onPending: ReportPending }) {
  const { t } = useTranslation(['minutes', 'session'])
  return (
    <div className="resolution" role="group" aria-label={t('minutes:draft.resolutionOf', { text: motion.text })}>
      <p>
        <strong>{t(`session:motionStatus.${motion.status}`)}</strong> {motion.text}
      </p>
      {motion.status === 'passed' ? <FollowUpFields motionId={motion.id} editable={editable} onPending={onPending} /> : null}
    </div>
  )
}
