// What happened to a vote after (or instead of) its announcement, shown beside the announced result
// and never in place of it: a cancellation, the corrections recorded, the earlier vote a re-vote repeats.
import { useTranslation } from 'react-i18next'
import type { Vote } from '../../../shared/doc/votes'
import { formatMoment } from '../../kit/format'
import { ResultText } from './VoteResultView'

export function CancelledNote({ vote }: { vote: Vote }) {
  const { t, i18n } = useTranslation('session')
  const c = vote.cancelled
  if (!c) return null
  return (
    <p className="banner info" data-testid="vote-cancelled">
      {t('voteFix.cancelledLine', { by: c.by, at: formatMoment(i18n.language, c.at), reason: c.reason })}
    </p>
  )
}

export function RevoteNote({ vote }: { vote: Vote }) {
  const { t, i18n } = useTranslation('session')
  const r = vote.revoteOf
  if (!r) return null
  return <p className="muted">{t('voteFix.revoteLine', { by: r.by, at: formatMoment(i18n.language, r.at), reason: r.reason })}</p>
}

/** Every correction, oldest first, each with the result the rules give for its counts; the last one stands. */
export function CorrectionList({ vote, large = false }: { vote: Vote; large?: boolean }) {
  const { t, i18n } = useTranslation('session')
  if (!vote.corrections.length) return null
  return (
    <section className="vote-corrections" aria-label={t('voteFix.correctionsTitle')}>
      <p className="banner info">{t('voteFix.announcedStays')}</p>
      {vote.corrections.map((c, i) => (
        <div key={c.id} className="correction" data-testid="vote-correction">
          <p className="label">
            {t(i === vote.corrections.length - 1 ? 'voteFix.correctionStanding' : 'voteFix.correctionEarlier', { n: i + 1 })}
            {t('voteFix.correctionLine', { by: c.by, at: formatMoment(i18n.language, c.at), reason: c.reason })}
          </p>
          <ResultText result={c.result} large={large} />
        </div>
      ))}
    </section>
  )
}
