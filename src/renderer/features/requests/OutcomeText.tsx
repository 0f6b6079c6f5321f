// One decision about a request in words: merged into which request (a link), declined and why, or
// made a matter (a link to the matter).
import { useTranslation } from 'react-i18next'
import type { OutcomeEntry, RequestState } from '../../../shared/matters/requests'
import { href } from '../../kit/router'
import { requestSummary } from './requestText'

export function OutcomeText({ o, states, year, councilId }: { o: OutcomeEntry; states: ReadonlyMap<string, RequestState>; year: number; councilId: string }) {
  const { t } = useTranslation(['matters', 'common'])
  if (o.kind === 'merged') {
    const target = states.get(o.into)
    return (
      <span>
        {t('matters:req.outcome.mergedInto')}{' '}
        <a href={href({ name: 'request', councilId, year, requestId: o.into })}>{target ? requestSummary(t, target.request) : t('matters:req.unknownRequest')}</a>
      </span>
    )
  }
  if (o.kind === 'declined') return <span>{t('matters:req.outcome.declinedBecause', { reason: o.reason })}</span>
  return (
    <span>
      {t('matters:req.outcome.madeMatter')} <a href={href({ name: 'matter', councilId, year, matterId: o.matterId })}>{t('matters:req.outcome.openMatter')}</a>
    </span>
  )
}
