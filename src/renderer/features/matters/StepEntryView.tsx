// How a recorded step reads: in a Yishi meeting (a link to the meeting, the motion), outside Yishi
// (date, body, outcome, attendance, posting period, note, the scanned record and other files), or
// skipped with its reason.
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { readMeeting } from '../../../shared/doc/meeting'
import { readAttachments } from '../../../shared/doc/mattersFollowUp'
import { readMotion } from '../../../shared/doc/motions'
import { meetingDocName } from '../../../shared/doc/names'
import { asMeetingId, type MotionId } from '../../../shared/domain/ids'
import type { StepEntry } from '../../../shared/matters/matterPath'
import { AttachFiles, FileList } from '../../kit/Attachments'
import { useCouncil } from '../../kit/CouncilContext'
import { useDocHandle, useDocValue } from '../../kit/docHooks'
import { useEnv } from '../../kit/env'
import { useFormAction } from '../../kit/useFormAction'
import { Banner } from '../../ui/Banner'
import { formatDate } from '../../kit/format'
import { href } from '../../kit/router'
import type { DocHandle } from '../../sync/docs'
import { attachTo, useFollowUpErrors } from './followUpActions'

export function StepEntryView({ handle, entry }: { handle: DocHandle; entry: StepEntry }) {
  const { t, i18n } = useTranslation(['matters', 'common'])
  const date = formatDate(i18n.language, entry.date)
  const readFiles = useCallback((doc: Y.Doc) => readAttachments(doc, { kind: 'step', id: entry.id }), [entry.id])
  const attached = useDocValue(handle.doc, readFiles) ?? []
  if (entry.mode === 'skipped') return <p>{t('matters:stepView.skippedLine', { date, reason: entry.reason })}</p>
  if (entry.mode === 'meeting') return <MeetingLink entry={entry} />
  const files = [...(entry.scan ? [{ id: `scan-${entry.id}`, file: entry.scan }] : []), ...attached.map((a) => ({ id: a.id, file: a.file }))]
  return (
    <>
      <p>{t('matters:stepView.outsideLine', { date, body: entry.body, outcome: t(`matters:stepOutcome.${entry.outcome}`) })}</p>
      {entry.attendance ? <p className="muted">{t('matters:stepView.attendanceLine', entry.attendance)}</p> : null}
      {entry.until ? <p className="muted">{t('matters:stepView.untilLine', { date: formatDate(i18n.language, entry.until) })}</p> : null}
      {entry.note ? <p className="pre">{entry.note}</p> : null}
      <FileList label={t('matters:stepView.files')} items={files} />
      {handle.readOnly ? null : <AttachMore handle={handle} entry={entry} />}
    </>
  )
}

/** More files for a recorded step, e.g. the photo of a posted notice the step was recorded from. */
function AttachMore({ handle, entry }: { handle: DocHandle; entry: StepEntry }) {
  const { t } = useTranslation(['matters'])
  const env = useEnv()
  const { council } = useCouncil()
  const { failure, submit } = useFormAction(useFollowUpErrors())
  const name = t(`matters:step.${entry.step}`)
  return (
    <>
      <AttachFiles councilId={council.id} label={t('matters:stepView.attachMore', { step: name })} onAttached={(refs) => submit(() => attachTo(env, handle, { kind: 'step', id: entry.id }, refs)).then(() => undefined)} />
      {failure ? <Banner kind="error">{failure}</Banner> : null}
    </>
  )
}

/** The matter's side of the link: the meeting (opened for its title and the motion's text) and a link to it. */
function MeetingLink({ entry }: { entry: Extract<StepEntry, { mode: 'meeting' }> }) {
  const { t, i18n } = useTranslation(['matters', 'common'])
  const { council } = useCouncil()
  const state = useDocHandle(meetingDocName(council.id, asMeetingId(entry.meetingId)))
  const doc = state.status === 'ready' ? state.handle.doc : null
  const meeting = useDocValue(doc, readMeeting)
  const readText = useCallback((d: Y.Doc) => (entry.motionId ? (readMotion(d, entry.motionId as MotionId)?.text ?? null) : null), [entry.motionId])
  const motion = useDocValue(doc, readText)
  return (
    <>
      <p>
        {t('matters:stepView.inMeeting', {
          date: formatDate(i18n.language, entry.date),
          meeting: meeting?.title ?? t('matters:stepView.unknownMeeting'),
          outcome: t(`matters:stepOutcome.${entry.outcome}`),
        })}
      </p>
      {motion ? <p className="muted">{t('matters:stepView.motionLine', { text: motion })}</p> : null}
      <p>
        <a href={href({ name: 'meeting', councilId: council.id, meetingId: entry.meetingId })}>{t('matters:stepView.openMeeting')}</a>
      </p>
    </>
  )
}
