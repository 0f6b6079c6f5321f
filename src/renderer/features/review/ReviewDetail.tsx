// One opened bundle on the street office's screen: verified, its automatic checklist, the minutes
// (the record or the summary), and the reviewer's decision with comments, then the opinion to print
// and the signed file to send back.
import { useEffect, useMemo, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { verifyBundle } from '../../../shared/minutes/bundle'
import { recordDocument, reviewDocument, summaryDocument } from '../../../shared/minutes/layout'
import { renderHtmlBody } from '../../../shared/minutes/html'
import { checkBundle, checklistPassed } from '../../../shared/minutes/review'
import { useEnv } from '../../kit/env'
import { formatMoment } from '../../kit/format'
import { useAction } from '../../kit/useAction'
import type { ReviewRow } from '../../data/db'
import { Banner } from '../../ui/Banner'
import { TextAreaField, TextField } from '../../ui/Field'
import { PrintDocumentView, usePrintStyles } from '../../kit/PrintDocumentView'
import { bundleOf, decide } from './actions'
import { Checklist } from './Checklist'
import { aboutRef } from './aboutRef'
import { useUnsavedFields } from '../../kit/unsaved'

export function ReviewDetail({ row }: { row: ReviewRow }) {
  const { t, i18n } = useTranslation(['review', 'minutes', 'common'])
  const env = useEnv()
  const bundle = useMemo(() => bundleOf(row), [row])
  const checklist = useMemo(() => (bundle ? checkBundle(bundle, { today: env.today() }) : []), [bundle, env])
  const [sameKey, setSameKey] = useState<boolean | null>(null)
  const { failure, run } = useAction()
  usePrintStyles()
  useEffect(() => {
    let alive = true
    if (bundle) void verifyBundle(bundle).then((v) => alive && setSameKey(v.ok ? v.sameKey : null))
    return () => {
      alive = false
    }
  }, [bundle])
  if (!bundle) return <Banner kind="error">{t('review:reason.malformed')}</Banner>
  const sources = { record: bundle.sealed.record, signatures: bundle.sealed.signatures, sealedHash: bundle.sealed.hash, corrections: bundle.annex.corrections, notice: bundle.annex.notice, objections: bundle.annex.objections }
  const r = bundle.sealed.record
  const saveFile = () =>
    run(async () => {
      if (row.reviewFile) await env.platform.saveFile({ suggestedName: `${r.council.name}-${r.meeting.startsAt.slice(0, 10)}-${t('review:fileLabel')}.yishi-review.json`, kind: 'review', data: row.reviewFile, mime: 'application/json' })
    })

  return (
    <section aria-labelledby="review-detail-title">
      <div className="no-print">
        <h2 id="review-detail-title">{t('review:detailTitle', { council: r.council.name, meeting: r.meeting.title })}</h2>
        <Banner kind="ok">
          <p>{t('review:verifiedDetail', { hash: bundle.sealed.hash.slice(0, 16), when: formatMoment(i18n.language, bundle.annex.submittedAt) })}</p>
          <p>{t('review:signedBy', { key: bundle.sealed.publicKey.slice(0, 12) })}</p>
          {sameKey === false ? <p>{t('review:otherExportKey', { key: bundle.annexSeal.publicKey.slice(0, 12) })}</p> : null}
        </Banner>
        <section className="card" aria-labelledby="checklist-title">
          <h3 id="checklist-title">{t('review:checklistTitle')}</h3>
          <p>{checklistPassed(checklist) ? t('review:allPassed') : t('review:someFailed')}</p>
          <Checklist items={checklist} about={aboutRef(r, (n, title) => t('minutes:draft.item', { n, title }))} />
        </section>
        <MinutesPreview sources={sources} />
      </div>
      {row.decision ? (
        <>
          <Banner kind={row.decision === 'accepted' ? 'ok' : 'info'} screenOnly>
            {t('review:decided', { decision: t(`review:decision.${row.decision}`), when: row.decidedAt ? formatMoment(i18n.language, row.decidedAt) : '' })}
          </Banner>
          <div className="row no-print">
            <button onClick={() => void saveFile()}>{t('review:saveFile')}</button>
          </div>
          {failure ? (
            <Banner kind="error" screenOnly>
              {failure}
            </Banner>
          ) : null}
          <Opinion row={row} />
        </>
      ) : (
        <DecisionForm row={row} checklist={checklist} initialOffice={r.council.street ?? ''} />
      )}
    </section>
  )
}

function Opinion({ row }: { row: ReviewRow }) {
  const { t, i18n } = useTranslation(['review'])
  const lang = i18n.language
  const doc = useMemo(() => {
    if (!row.reviewFile) return null
    const file = JSON.parse(row.reviewFile) as { review: Parameters<typeof reviewDocument>[0] & { councilName: string; meetingTitle: string } }
    const bundle = bundleOf(row)
    const rv = file.review
    return reviewDocument(
      {
        councilName: rv.councilName,
        meetingTitle: rv.meetingTitle,
        meetingStartsAt: bundle?.sealed.record.meeting.startsAt ?? '',
        decision: rv.decision,
        comments: rv.comments,
        reviewer: rv.reviewer,
        office: rv.office,
        reviewedAt: rv.reviewedAt,
        bundleHash: rv.bundleHash,
        checklist: rv.checklist,
      },
      { t: i18n.getFixedT(lang) as (key: string, o?: Record<string, unknown>) => string, lang },
    )
  }, [row, i18n, lang])
  if (!doc) return null
  return <PrintDocumentView doc={doc} fileName={`${row.councilName}-${row.meetingStartsAt.slice(0, 10)}-${t('review:opinionLabel')}`} />
}

type Sources = Parameters<typeof recordDocument>[0]

/** The sealed minutes as the council would print them: the full record or the summary. */
function MinutesPreview({ sources }: { sources: Sources }) {
  const { t, i18n } = useTranslation(['review', 'minutes'])
  const [showing, setShowing] = useState<'record' | 'summary'>('record')
  const lang = i18n.language
  const lt = useMemo(() => ({ t: i18n.getFixedT(lang) as (key: string, o?: Record<string, unknown>) => string, lang }), [i18n, lang])
  const preview = showing === 'record' ? recordDocument(sources, lt) : summaryDocument(sources, lt)
  return (
  <details className="card">
    <summary>{t('review:minutesPreview')}</summary>
    <div className="row" role="radiogroup" aria-label={t('minutes:documents.which')}>
      {(['record', 'summary'] as const).map((k) => (
        <label key={k} className="radio-choice">
          <input type="radio" name="review-preview" checked={showing === k} onChange={() => setShowing(k)} />
          {t(`minutes:documents.${k}`)}
        </label>
      ))}
    </div>
    {/* renderHtmlBody escapes every text it is given: nothing from the bundle is markup. */}
    <div className="print-document" lang={preview.lang} dangerouslySetInnerHTML={{ __html: renderHtmlBody(preview) }} />
  </details>
  )
}

/** Accepting or returning the minutes; comments typed and not yet sent are unsaved input. */
function DecisionForm({ row, checklist, initialOffice }: { row: ReviewRow; checklist: ReturnType<typeof checkBundle>; initialOffice: string }) {
  const { t } = useTranslation(['review'])
  const env = useEnv()
  const [reviewer, setReviewer] = useState('')
  const [office, setOffice] = useState(initialOffice)
  const [comments, setComments] = useState('')
  useUnsavedFields(!row.decision && comments.trim() ? [t('review:comments')] : [])
  const { failure, run } = useAction()
  const submit = (decision: 'accepted' | 'returned') => (e?: FormEvent) => {
    e?.preventDefault()
    void run(() => decide(env, row, { decision, comments, reviewer, office, checklist }))
  }
  return (
  <form className="card no-print" onSubmit={submit('accepted')} aria-label={t('review:decisionTitle')}>
    <h3>{t('review:decisionTitle')}</h3>
    <div className="row">
      <TextField label={t('review:reviewer')} value={reviewer} onChange={(e) => setReviewer(e.target.value)} maxLength={60} required />
      <TextField label={t('review:office')} value={office} onChange={(e) => setOffice(e.target.value)} maxLength={100} required />
    </div>
    <TextAreaField label={t('review:comments')} hint={t('review:commentsHint')} value={comments} onChange={(e) => setComments(e.target.value)} rows={4} maxLength={5000} />
    {failure ? <Banner kind="error">{failure}</Banner> : null}
    <div className="row">
      <button type="submit" className="primary" disabled={!reviewer.trim() || !office.trim()}>
        {t('review:accept')}
      </button>
      <button type="button" disabled={!reviewer.trim() || !office.trim() || !comments.trim()} onClick={() => submit('returned')()}>
        {t('review:return')}
      </button>
    </div>
  </form>
  )
}
