// The street office's review (街道审核): open one or many bundles by drag and drop or the file
// picker; each is verified (signature, hash, seal against content) or refused with the reason;
// a verified one shows the automatic checklist and the minutes, and the reviewer accepts or
// returns it with comments, then exports the opinion as PDF / DOCX and as a signed file.
import { useLiveQuery } from 'dexie-react-hooks'
import { useState, type DragEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useEnv } from '../../kit/env'
import { formatDateTime } from '../../kit/format'
import { useAction } from '../../kit/useAction'
import type { ReviewRow } from '../../data/db'
import { Banner } from '../../ui/Banner'
import { StatusPill } from '../../ui/StatusPill'
import { openBundles, type OpenResult } from './actions'
import { FilePicker } from '../../ui/FilePicker'
import { ReviewDetail } from './ReviewDetail'
import { FundReview } from './FundReview'
import { MattersReview } from './MattersReview'

export function ReviewScreen() {
  const { t } = useTranslation(['review', 'common'])
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
      <OpenResults results={results} />
      <BundleTable rows={rows} selected={selected} onSelect={setSelected} />
      {current ? <ReviewDetail key={current.bundleHash} row={current} /> : null}
      <FundReview />
      <MattersReview />
    </>
  )
}

/** What each opened file turned out to be: verified (or opened again), or refused with the reason. */
function OpenResults({ results }: { results: OpenResult[] }) {
  const { t } = useTranslation(['review'])
  if (results.length === 0) return null
  return (
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
  )
}

/** Every bundle opened on this device, with its decision; one is open below. */
function BundleTable({ rows, selected, onSelect }: { rows: ReviewRow[]; selected: string | null; onSelect: (hash: string) => void }) {
  const { t, i18n } = useTranslation(['review'])
  if (rows.length === 0) return null
  return (
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
                <button onClick={() => onSelect(r.bundleHash)} aria-label={t('review:openOne', { meeting: r.meetingTitle })}>
                  {t('review:col.open')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
