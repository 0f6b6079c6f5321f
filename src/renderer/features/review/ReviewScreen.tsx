// The street office's review (街道审核): open one or many bundles by drag and drop or the file
// picker; each is verified (signature, hash, seal against content) or refused with the reason;
// a verified one shows the automatic checklist and the minutes, and the reviewer accepts or
// returns it with comments, then exports the opinion as PDF / DOCX and as a signed file.
import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect, useMemo, useState, type DragEvent, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { verifyBundle } from '../../../shared/minutes/bundle'
import { recordDocument, reviewDocument, summaryDocument } from '../../../shared/minutes/layout'
import { renderHtmlBody } from '../../../shared/minutes/html'
import { checkBundle, checklistPassed } from '../../../shared/minutes/review'
import { useEnv } from '../../kit/env'
import { formatDateTime, formatMoment } from '../../kit/format'
import { useAction } from '../../kit/useAction'
import type { ReviewRow } from '../../data/db'
import { Banner } from '../../ui/Banner'
import { TextAreaField, TextField } from '../../ui/Field'
import { StatusPill } from '../../ui/StatusPill'
import { PrintDocumentView, usePrintStyles } from '../../kit/PrintDocumentView'
import { bundleOf, decide, openBundles, type OpenResult } from './actions'
import { Checklist } from './Checklist'
import { FilePicker } from '../../ui/FilePicker'
import { aboutRef } from './aboutRef'
import { useUnsavedFields } from '../../kit/unsaved'

export function ReviewScreen() {
  const { t, i18n } = useTranslation(['review', 'common'])
  const env = useEnv()
  const rows = useLiveQuery(() => env.db.reviews.orderBy('openedAt').reverse().toArray(), [env.db]) ?? []
  const [results, setResults] = useState<OpenResult[]>([])
  const [selected, setSelected] = useState<string | null>(null)
  const [over, setOver] = useState(false)
  const { failure, run } = useAction()
  const current = rows.find((r) => r.bundleHash === selected) ?? null

  const open = (list: readonly { name: string; size: number; text: () => Promise<string> }[]) => {
    if (list.length === 0) return
    void run(async () => {
      const r = await openBundles(env, list)
      setResults(r)
      const firstOk = r.find((x) => x.ok)
      if (firstOk?.ok) setSelected(firstOk.bundleHash)
    })
  }
  const onDrop = (e: DragEvent) => {
    e.preventDefault()
    setOver(false)
    open([...e.dataTransfer.files])
  }

  return (
    <>
      <h1 className="no-print">{t('review:openScreen')}</h1>
      <p className="muted no-print">{t('review:explain')}</p>
      <div
        className={`dropzone no-print${over ? ' over' : ''}`}
        data-testid="dropzone"
        onDragOver={(e) => {
          e.preventDefault()
          setOver(true)
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <p>{t('review:drop')}</p>
        <FilePicker label={t('review:choose')} kind="bundle" multiple primary accept=".json,application/json" openNative={env.platform.capability('openFiles')} onFiles={open} />
      </div>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      {results.length > 0 ? (
        <ul className="plain no-print" aria-label={t('review:results')}>
          {results.map((r, i) =>
            r.ok ? (
              // A list item keeps its listitem role; the live region is inside it (axe: list).
              <li key={i}>
                <div className="banner ok" role="status">
                  {t(r.again ? 'review:openedAgain' : 'review:verified', { file: r.fileName })}
                </div>
              </li>
            ) : (
              <li key={i}>
                <div className="banner error" role="alert">
                  {t('review:rejected', { file: r.fileName, reason: t(`review:reason.${r.reason}` as 'review:reason.malformed') })}
                </div>
              </li>
            ),
          )}
        </ul>
      ) : null}
      {rows.length > 0 ? (
        <section className="card no-print" aria-labelledby="bundles-title">
          <h2 id="bundles-title">{t('review:bundles')}</h2>
          <table className="checklist">
            <thead>
              <tr>
                <th scope="col">{t('review:col.council')}</th>
                <th scope="col">{t('review:col.meeting')}</th>
                <th scope="col">{t('review:col.status')}</th>
                <th scope="col">{t('review:col.open')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.bundleHash} aria-current={r.bundleHash === selected ? 'true' : undefined}>
                  <td>{r.councilName}</td>
                  <td>
                    {r.meetingTitle}
                    <br />
                    <span className="muted">{formatDateTime(i18n.language, r.meetingStartsAt)}</span>
                  </td>
                  <td>
                    <StatusPill status={r.decision ?? 'submitted'} label={r.decision ? t(`review:decision.${r.decision}`) : t('review:awaiting')} />
                  </td>
                  <td>
                    <button onClick={() => setSelected(r.bundleHash)} aria-label={t('review:openOne', { meeting: r.meetingTitle })}>
                      {t('review:col.open')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {current ? <ReviewDetail key={current.bundleHash} row={current} /> : null}
    </>
  )
}

function ReviewDetail({ row }: { row: ReviewRow }) {
  const { t, i18n } = useTranslation(['review', 'minutes', 'common'])
  const env = useEnv()
  const bundle = useMemo(() => bundleOf(row), [row])
  const checklist = useMemo(() => (bundle ? checkBundle(bundle, { today: env.today() }) : []), [bundle, env])
  const [reviewer, setReviewer] = useState('')
  const [office, setOffice] = useState(bundle?.sealed.record.council.street ?? '')
  const [comments, setComments] = useState('')
  useUnsavedFields(!row.decision && comments.trim() ? [t('review:comments')] : [])
  const [showing, setShowing] = useState<'record' | 'summary'>('record')
  const [sameKey, setSameKey] = useState<boolean | null>(null)
  const { failure, run } = useAction()
  usePrintStyles()
  const lang = i18n.language
  const lt = useMemo(() => ({ t: i18n.getFixedT(lang) as (key: string, o?: Record<string, unknown>) => string, lang }), [i18n, lang])
  useEffect(() => {
    let alive = true
    if (bundle) void verifyBundle(bundle).then((v) => alive && setSameKey(v.ok ? v.sameKey : null))
    return () => {
      alive = false
    }
  }, [bundle])
  if (!bundle) return <Banner kind="error">{t('review:reason.malformed')}</Banner>
  const sources = { record: bundle.sealed.record, signatures: bundle.sealed.signatures, sealedHash: bundle.sealed.hash, corrections: bundle.annex.corrections, notice: bundle.annex.notice, objections: bundle.annex.objections }
  const preview = showing === 'record' ? recordDocument(sources, lt) : summaryDocument(sources, lt)
  const r = bundle.sealed.record
  const submit = (decision: 'accepted' | 'returned') => (e?: FormEvent) => {
    e?.preventDefault()
    void run(() => decide(env, row, { decision, comments, reviewer, office, checklist }))
  }
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
