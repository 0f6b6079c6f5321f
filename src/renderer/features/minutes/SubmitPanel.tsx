// Sending the minutes to the street office: the same checks the reviewer will run, shown first;
// the sealed bundle file; and the reviewer's signed answer, imported to close the loop.
import { useCallback, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { noticeDaysLeft, noticeOverOn, readObjections, readPublicNotice } from '../../../shared/doc/minutes'
import { readCorrections, readReviews, readSealed, readSubmissions } from '../../../shared/minutes/sealedStore'
import type { Bundle } from '../../../shared/minutes/bundle'
import { checkBundle } from '../../../shared/minutes/review'
import { useDocValue } from '../../kit/docHooks'
import { useEnv } from '../../kit/env'
import { formatDate, formatMoment } from '../../kit/format'
import { useAction } from '../../kit/useAction'
import { Banner } from '../../ui/Banner'
import { Dialog } from '../../ui/Dialog'
import { useCouncil } from '../../kit/CouncilContext'
import { useMeeting } from '../../kit/MeetingContext'
import { Checklist } from '../review/Checklist'
import { FilePicker } from '../../ui/FilePicker'
import type { PickedFile } from '../../platform/types'
import { aboutRef } from '../review/aboutRef'
import { importReview, ReviewImportFailure, submitBundle } from './actions'

/** The bundle as it would go now, for the self-check (its annex seal is made when it is exported). */
function provisional(doc: Y.Doc, now: string): Bundle | null {
  const sealed = readSealed(doc)
  if (!sealed) return null
  return {
    format: 'yishi.bundle/1',
    sealed,
    annex: {
      corrections: readCorrections(doc).map(({ schema, amends, text, at, by }) => ({ schema, amends, text, at, by })),
      notice: readPublicNotice(doc),
      objections: readObjections(doc),
      submittedAt: now,
    },
    annexSeal: { hash: '', signature: '', publicKey: '' },
  }
}

export function SubmitPanel() {
  const { t, i18n } = useTranslation(['minutes', 'review', 'common'])
  const env = useEnv()
  const { council } = useCouncil()
  const { handle, meeting } = useMeeting()
  const bundle = useDocValue(
    handle.doc,
    useCallback((d: Y.Doc) => provisional(d, env.now()), [env]),
  )
  const checklist = useMemo(() => (bundle ? checkBundle(bundle, { today: env.today() }) : []), [bundle, env])
  const { failure, setFailure, run } = useAction()
  const [done, setDone] = useState<string | null>(null)
  // Sending while the 公示 still runs is allowed (a deadline may force it), but only once asked.
  const [askEarly, setAskEarly] = useState(false)
  const canSend = ['published', 'submitted'].includes(meeting.status) || (meeting.status === 'minutes_drafted' && !!bundle)
  const canImport = meeting.status === 'submitted' && !handle.readOnly

  if (!bundle) return <Banner kind="info">{t('minutes:submit.afterSeal')}</Banner>

  const notice = bundle.annex.notice
  const today = env.today()
  const running = notice !== null && !noticeOverOn(notice, today)
  const send = () =>
    run(async () => {
      setAskEarly(false)
      setDone(null)
      const r = await submitBundle(env, handle, council, t('minutes:submit.fileLabel'))
      if (r.saved) setDone(t('minutes:submit.sent'))
    })

  const onFile = (file: PickedFile) => {
    setDone(null)
    setFailure(null)
    void (async () => {
      try {
        const decision = await importReview(env, handle, await file.text())
        setDone(t(`minutes:answer.imported.${decision}`))
      } catch (err) {
        if (err instanceof ReviewImportFailure) setFailure(t(`minutes:answer.error.${err.code}`))
        else void run(() => Promise.reject(err))
      }
    })()
  }

  return (
    <section aria-label={t('minutes:tabs.submit')}>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      {done ? <Banner kind="ok">{done}</Banner> : null}
      <section className="card" aria-labelledby="selfcheck-title">
        <h2 id="selfcheck-title">{t('minutes:submit.checkTitle')}</h2>
        <p className="muted">{t('minutes:submit.checkExplain')}</p>
        <Checklist items={checklist} about={aboutRef(bundle.sealed.record, (n, title) => t('minutes:draft.item', { n, title }))} />
      </section>
      <section className="card" aria-labelledby="send-title">
        <h2 id="send-title">{t('minutes:submit.title')}</h2>
        <p className="muted">{t('minutes:submit.explain')}</p>
        {meeting.status === 'minutes_drafted' ? <p>{t('minutes:submit.resend')}</p> : null}
        {askEarly && running ? (
          // Focus starts on waiting, the safe answer; sending anyway is one Shift+Tab away.
          <Dialog labelledBy="early-title" describedBy="early-text" className="banner warn" onCancel={() => setAskEarly(false)} initialFocus=".primary">
            <p id="early-title">
              <strong>{t('minutes:submit.noticeRunningTitle')}</strong>
            </p>
            <p id="early-text">{t('minutes:submit.noticeRunning', { end: formatDate(i18n.language, notice.endDate), count: noticeDaysLeft(notice, today) })}</p>
            <div className="row">
              <button onClick={() => void send()}>{t('minutes:submit.sendAnyway')}</button>
              <button className="primary" onClick={() => setAskEarly(false)}>
                {t('minutes:submit.wait')}
              </button>
            </div>
          </Dialog>
        ) : (
          <button className="primary" disabled={!canSend || handle.readOnly} onClick={() => (running ? setAskEarly(true) : void send())}>
            {meeting.status === 'published' ? t('minutes:submit.send') : t('minutes:submit.sendAgain')}
          </button>
        )}
        <SentList />
      </section>
      <AnswerSection canImport={canImport} onFile={onFile} />
    </section>
  )
}

/** When the bundle was sent, and its hash, each time. */
function SentList() {
  const { t, i18n } = useTranslation(['minutes'])
  const { handle } = useMeeting()
  const submissions = useDocValue(handle.doc, readSubmissions) ?? []
  if (submissions.length === 0) return null
  return (
    <ul>
      {submissions.map((s) => (
        <li key={s.hash}>
          {t('minutes:submit.sentAt', { when: formatMoment(i18n.language, s.at) })} <code className="hash">{s.hash.slice(0, 16)}</code>
        </li>
      ))}
    </ul>
  )
}

/** The street office's signed answers, and importing the next one while the minutes are with it. */
function AnswerSection({ canImport, onFile }: { canImport: boolean; onFile: (file: PickedFile) => void }) {
  const { t, i18n } = useTranslation(['minutes', 'review'])
  const env = useEnv()
  const { handle, meeting } = useMeeting()
  const reviews = useDocValue(handle.doc, readReviews) ?? []
  return (
    <section className="card" aria-labelledby="answer-title">
      <h2 id="answer-title">{t('minutes:answer.title')}</h2>
      {reviews.length === 0 ? <p className="muted">{t('minutes:answer.none')}</p> : null}
      {reviews.map((r) => (
        <div key={r.hash} className={`banner ${r.decision === 'accepted' ? 'ok' : 'error'}`} role="status">
          <p>
            <strong>{t(`review:decision.${r.decision}`)}</strong> {t('minutes:answer.by', { reviewer: r.reviewer, when: formatMoment(i18n.language, r.reviewedAt) })}
          </p>
          {r.comments ? <p className="pre">{r.comments}</p> : null}
        </div>
      ))}
      {meeting.status === 'returned' ? <p>{t('minutes:answer.returnedNext')}</p> : null}
      {canImport ? (
        <FilePicker label={t('minutes:answer.import')} kind="review" accept=".json,application/json" openNative={env.platform.capability('openFiles')} onFiles={([file]) => file && onFile(file)} />
      ) : null}
    </section>
  )
}
