// The street office's review of a requests-and-matters year file (民情议题年度备案, shared/matters/bundle.ts):
// the file is verified (hash and signature) or refused with the reason; a verified one shows whose
// year it is, how many requests, matters and attached files it holds, and the four questions
// (replies, paths in order, follow-up, result notices) with the findings behind them.
import { useTranslation } from 'react-i18next'
import { reviewMattersBundle, type MattersReviewResult } from '../../../shared/matters/bundle'
import { matterTitle, mattersReviewChecks, type MattersFinding, type MattersYearSnapshot } from '../../../shared/matters/checks'
import { Banner } from '../../ui/Banner'
import { SignedFileCard } from './SignedFileCard'

type Opened = { fileName: string; result: MattersReviewResult }
type PlainT = (key: string, o?: Record<string, unknown>) => string

/** The finding's words and what it concerns (the request's asker and text, the matter's title, the step, the days). */
function findingText(t: PlainT, f: MattersFinding, y: MattersYearSnapshot): string {
  const parts = [t(`review:matters.finding.${f.code}`)]
  if ('requestId' in f) {
    const r = y.requests.get(f.requestId)?.request
    parts.push(r ? `${r.receivedOn} ${r.requester.name}「${r.text.slice(0, 30)}」` : f.requestId)
  }
  if ('matterId' in f) parts.push(matterTitle(y, f.matterId))
  if ('step' in f) parts.push(t(`matters:step.${f.step}`))
  if ('days' in f) parts.push(t('review:matters.days', { count: f.days }))
  return parts.join(' · ')
}

function MattersResult({ opened }: { opened: Opened }) {
  const { t: tt } = useTranslation(['review', 'matters'])
  const t = tt as unknown as PlainT
  const r = opened.result
  if (!r.ok) {
    const reason = r.reason === 'hashMismatch' || r.reason === 'badSignature' ? t(`review:matters.reason.${r.reason}`) : t(`review:reason.${r.reason}`)
    return <Banner kind="error">{t('review:rejected', { file: opened.fileName, reason })}</Banner>
  }
  const { file, seal } = r.bundle
  return (
    <div data-testid="matters-review">
      <div className="banner ok" role="status">
        {t('review:matters.verified', { file: opened.fileName, council: file.council.name, year: file.year, hash: seal.hash.slice(0, 16) })}
      </div>
      <p>{t('review:matters.counts', { requests: file.requests.length, matters: file.matters.length, files: file.files.length, on: file.exportedOn })}</p>
      <h3>{t('review:matters.checks')}</h3>
      <ul className="plain findings" aria-label={t('review:matters.checks')}>
        {mattersReviewChecks(r.findings).map((c) => (
          <li key={c.check} className={`finding finding-${c.state === 'failed' ? 'error' : c.state === 'lookAt' ? 'warning' : 'ok'}`} data-testid={`matters-check-${c.check}`}>
            <strong>{t(`review:fund.state.${c.state}`)}</strong> {t(`review:matters.check.${c.check}`)}
            {c.findings.length ? (
              <ul>
                {c.findings.map((f, i) => (
                  <li key={i}>{findingText(t, f, r.snapshot)}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  )
}

export function MattersReview() {
  return <SignedFileCard kind="matters" review={reviewMattersBundle} result={(opened) => <MattersResult opened={opened} />} />
}
