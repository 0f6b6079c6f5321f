// Deliberation on a motion: who asked for the floor (those who have not spoken go first, for and
// against alternate), the running speech with its timer, and each speech's summary and length.
// The requests live in the meeting document (shared/doc/floor.ts): they outlast this screen.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { speakingQueue, STANCES, type SpeakingRequest, type Stance } from '../../../shared/domain/speaking'
import { pendingFloorRequests } from '../../../shared/doc/floor'
import type { Motion } from '../../../shared/doc/motions'
import type { Speech } from '../../../shared/doc/speeches'
import { useEnv } from '../../kit/env'
import { useUnsavedFields } from '../../kit/unsaved'
import { useAction } from '../../kit/useAction'
import { Banner } from '../../ui/Banner'
import { SelectField, TextAreaField } from '../../ui/Field'
import { useMeeting } from '../../kit/MeetingContext'
import { useCouncil } from '../../kit/CouncilContext'
import { askFloor, giveTheFloor, stopSpeaking, withdrawFloor } from './actions'
import { presentMembers } from './useSession'
import { SpeakingTimer } from './SpeakingTimer'
import { formatSeconds } from './useClock'
import type { SessionView } from './useSession'
import type { Run } from './floorTypes'

export function SpeechPanel({ motion, view }: { motion: Motion; view: SessionView }) {
  const { t } = useTranslation(['session', 'common'])
  const env = useEnv()
  const { handle, meeting } = useMeeting()
  const { council } = useCouncil()
  const { failure, run } = useAction()
  const [summary, setSummary] = useState('')
  useUnsavedFields(summary.trim() ? [t('session:speech.summary')] : [])
  const live = meeting.status === 'in_session' && !handle.readOnly
  const speeches = view.speeches.filter((s) => s.motionId === motion.id)
  const running = speeches.find((s) => s.endedAt === null)
  const limit = council.speechSeconds
  const queue = speakingQueue(pendingFloorRequests(handle.doc, motion.id), speeches, { maxPerMotion: council.speechesPerMotion })
  const name = (id: string) => view.names.get(id) ?? id

  // The summary field is emptied as the floor is given, not when the store returns: the running
  // speech's form shows as soon as the write is applied, and what the secretary types into it
  // then must not be wiped by a late clear (seen under load in meeting-session).
  const start = (r: SpeakingRequest) => {
    setSummary('')
    void run(() => giveTheFloor(env, handle, { motionId: motion.id, speakerId: r.speakerId, stance: r.stance }))
  }

  return (
    <section className="speeches" aria-label={t('session:speech.title')}>
      <h4>{t('session:speech.title')}</h4>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      {running ? (
        <form
          className="card running"
          aria-label={t('session:speech.running', { name: name(running.speakerId) })}
          onSubmit={(e) => {
            e.preventDefault()
            // The summary goes into the document now: it is no longer unsaved input while the store
            // finishes (a reload then asks nothing); a refused write puts it back in the field.
            const text = summary
            setSummary('')
            void run(() => stopSpeaking(env, handle, running.id, text)).then((ok) => ok || setSummary(text))
          }}
        >
          <p>
            <strong>{t('session:speech.running', { name: name(running.speakerId) })}</strong> {t(`session:stance.${running.stance}`)}
          </p>
          <SpeakingTimer startedAt={running.startedAt} limitSeconds={limit} />
          <TextAreaField label={t('session:speech.summary')} value={summary} onChange={(e) => setSummary(e.target.value)} />
          <button type="submit" className="primary" disabled={!live} data-command="recordSpeech toggleSpeakingTimer">
            {t('session:speech.end')}
          </button>
        </form>
      ) : null}

      <AskFloorForm live={live} motion={motion} view={view} run={run} />

      {queue.length ? (
        <ol className="queue" aria-label={t('session:speech.queue')}>
          {queue.map((q, i) => (
            <li key={q.speakerId}>
              {t('session:speech.queued', { name: name(q.speakerId), stance: t(`session:stance.${q.stance}`), count: q.spoken })}
              {q.atLimit ? <strong className="warn"> {t('session:speech.atLimit', { max: council.speechesPerMotion })}</strong> : null}{' '}
              {live ? (
                <button
                  className="small"
                  data-command={i === 0 && !running ? 'toggleSpeakingTimer' : undefined}
                  onClick={() => start(q)}
                  aria-label={t('session:speech.giveFloor', { name: name(q.speakerId) })}
                >
                  {t('session:speech.start')}
                </button>
              ) : null}{' '}
              {live ? (
                <button
                  className="small"
                  onClick={() => void run(() => withdrawFloor(env, handle, motion.id, q.speakerId))}
                  aria-label={t('session:speech.withdrawAsk', { name: name(q.speakerId) })}
                >
                  {t('session:speech.withdraw')}
                </button>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}

      <SpeechLog speeches={speeches} name={name} limit={limit} />
    </section>
  )
}

/** Asking for the floor for someone present (or an observer): the request is in the document at once. */
function AskFloorForm({ live, motion, view, run }: { live: boolean; motion: Motion; view: SessionView; run: Run }) {
  const { t } = useTranslation(['session', 'common'])
  const env = useEnv()
  const { handle } = useMeeting()
  const [ask, setAsk] = useState<{ speakerId: string; stance: Stance }>({ speakerId: '', stance: 'for' })
  // A speaker chosen but not yet registered is input not yet stored: leaving asks first (app/unsaved).
  useUnsavedFields(ask.speakerId ? [t('session:speech.askTitle')] : [])
  if (!live) return null
  const speakers = [
    { value: '', label: t('session:floor.choose') },
    ...presentMembers(view).map((m) => ({ value: m.memberId, label: m.name })),
    ...view.observers.map((o) => ({ value: o.id, label: t('session:speech.observer', { name: o.name }) })),
  ]
  return (
    <form
      className="row"
      aria-label={t('session:speech.askTitle')}
      onSubmit={(e) => {
        e.preventDefault()
        if (!ask.speakerId) return
        // As for the summary: the request is in the document now; a refused write puts it back.
        const request = ask
        setAsk({ speakerId: '', stance: 'for' })
        void run(() => askFloor(env, handle, { motionId: motion.id, ...request })).then((ok) => ok || setAsk(request))
      }}
    >
      <SelectField label={t('session:speech.speaker')} value={ask.speakerId} onChange={(e) => setAsk((a) => ({ ...a, speakerId: e.target.value }))} options={speakers} />
      <SelectField
        label={t('session:speech.stance')}
        value={ask.stance}
        onChange={(e) => setAsk((a) => ({ ...a, stance: e.target.value as Stance }))}
        options={STANCES.map((s) => ({ value: s, label: t(`session:stance.${s}`) }))}
      />
      <button type="submit" disabled={!ask.speakerId}>
        {t('session:speech.ask')}
      </button>
    </form>
  )
}

/** The speeches given on the motion: who, for or against, how long (over the limit said), the summary. */
function SpeechLog({ speeches, name, limit }: { speeches: Speech[]; name: (id: string) => string; limit: number }) {
  const { t } = useTranslation(['session'])
  if (!speeches.filter((s) => s.endedAt !== null).length) return null
  return (
    <ol className="speech-log" aria-label={t('session:speech.log')}>
      {speeches
        .filter((s) => s.endedAt !== null)
        .map((s) => (
          <li key={s.id}>
            <strong>{name(s.speakerId)}</strong> · {t(`session:stance.${s.stance}`)} · {formatSeconds(s.seconds ?? 0)}
            {(s.seconds ?? 0) > limit ? <strong className="warn"> {t('session:speech.wasOver')}</strong> : null}
            {s.summary ? <div className="pre">{s.summary}</div> : null}
          </li>
        ))}
    </ol>
  )
}
