// The current agenda item on the floor: recusals, motions and amendments, speeches and votes.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AgendaItemId, MemberId } from '../../../shared/domain/ids'
import { presentRows } from '../../../shared/doc/attendance'
import { readRecusals } from '../../../shared/doc/recusals'
import { useEnv } from '../../app/env'
import { useAction } from '../../app/useAction'
import { Banner } from '../../ui/Banner'
import { SelectField, TextAreaField, TextField } from '../../ui/Field'
import { useMeeting } from '../meetings/MeetingContext'
import { propose, recuseMember, unrecuseMember } from './actions'
import { MotionCard } from './MotionCard'
import type { SessionView } from './useSession'
import { useUnsavedFields } from '../../app/unsaved'

/** Members present now (signed in and not departed), observers excluded: the rule is shared/doc/attendance's. */
export const presentMembers = (view: SessionView) => presentRows(view.attendance)

export function FloorPanel({ view }: { view: SessionView }) {
  const { t } = useTranslation(['session', 'common'])
  const env = useEnv()
  const { handle, meeting } = useMeeting()
  const { failure, run } = useAction()
  const [draft, setDraft] = useState({ proposerId: '', text: '' })
  const [recusal, setRecusal] = useState({ memberId: '', reason: '' })
  useUnsavedFields([draft.text.trim() ? t('session:motion.text') : '', recusal.reason.trim() ? t('session:recusal.reason') : ''].filter(Boolean))
  const item = view.agenda.find((i) => i.id === view.session.currentItemId)
  const live = meeting.status === 'in_session' && !handle.readOnly
  if (!item) return <p className="card">{t('session:floor.noItem')}</p>
  const itemId = item.id as AgendaItemId
  const here = presentMembers(view)
  const recusals = readRecusals(handle.doc, itemId)
  const motions = view.motions.filter((m) => m.itemId === itemId && m.parentId === null)
  const onFloor = motions.some((m) => ['proposed', 'seconded', 'debating', 'voting'].includes(m.status))

  const memberOptions = [{ value: '', label: t('session:floor.choose') }, ...here.map((m) => ({ value: m.memberId, label: m.name }))]

  return (
    <section aria-labelledby="floor-title">
      {/* After 散会 no item is "current": the heading says which was discussed last. */}
      <h2 id="floor-title">{t(meeting.status === 'in_session' ? 'session:floor.title' : 'session:floor.lastTitle', { title: item.title })}</h2>
      {item.description ? <p className="pre">{item.description}</p> : null}
      {failure ? <Banner kind="error">{failure}</Banner> : null}

      <details className="card">
        <summary>{t('session:recusal.title', { count: recusals.length })}</summary>
        <ul>
          {recusals.map((r) => (
            <li key={r.memberId}>
              {t('session:recusal.entry', { name: view.names.get(r.memberId) ?? r.memberId, reason: r.reason })}{' '}
              {live ? (
                <button className="small" onClick={() => void run(() => unrecuseMember(env, handle, itemId, r.memberId as MemberId))}>
                  {t('session:recusal.undo')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
        {live ? (
          <form
            className="row"
            aria-label={t('session:recusal.add')}
            onSubmit={(e) => {
              e.preventDefault()
              void run(() => recuseMember(env, handle, itemId, recusal.memberId as MemberId, recusal.reason)).then((ok) => ok && setRecusal({ memberId: '', reason: '' }))
            }}
          >
            <SelectField label={t('session:recusal.member')} value={recusal.memberId} onChange={(e) => setRecusal((r) => ({ ...r, memberId: e.target.value }))} options={memberOptions} />
            <TextField label={t('session:recusal.reason')} value={recusal.reason} onChange={(e) => setRecusal((r) => ({ ...r, reason: e.target.value }))} />
            <button type="submit" disabled={!recusal.memberId}>
              {t('session:recusal.add')}
            </button>
          </form>
        ) : null}
      </details>

      {motions.map((m) => (
        <MotionCard key={m.id} motion={m} view={view} />
      ))}

      {live && !onFloor ? (
        <form
          className="card"
          aria-label={t('session:motion.proposeTitle')}
          onSubmit={(e) => {
            e.preventDefault()
            void run(() => propose(env, handle, { itemId, proposerId: draft.proposerId as MemberId, text: draft.text })).then((ok) => ok && setDraft({ proposerId: '', text: '' }))
          }}
        >
          <h3>{t('session:motion.proposeTitle')}</h3>
          <SelectField label={t('session:motion.proposer')} value={draft.proposerId} onChange={(e) => setDraft((d) => ({ ...d, proposerId: e.target.value }))} options={memberOptions} />
          <TextAreaField label={t('session:motion.text')} value={draft.text} onChange={(e) => setDraft((d) => ({ ...d, text: e.target.value }))} />
          <button type="submit" className="primary" disabled={!draft.proposerId}>
            {t('session:motion.propose')}
          </button>
        </form>
      ) : null}
    </section>
  )
}
