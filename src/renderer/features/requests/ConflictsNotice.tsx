// Two laptops decided the same request differently while offline (one merged it, the other
// declined it): both decisions are kept, the earliest recorded stands (matters/requests.ts), and
// this says so plainly, naming each, so the secretary can check with whoever recorded the other.
import { useTranslation } from 'react-i18next'
import type { OutcomeEntry, RequestState } from '../../../shared/matters/requests'
import { formatDate } from '../../kit/format'
import { OutcomeText } from './OutcomeText'

export function ConflictsNotice({ state, states, year, councilId }: { state: RequestState; states: ReadonlyMap<string, RequestState>; year: number; councilId: string }) {
  const { t, i18n } = useTranslation(['matters', 'common'])
  if (state.conflicts.length === 0) return null
  const line = (o: OutcomeEntry) => (
    <>
      <OutcomeText o={o} states={states} year={year} councilId={councilId} />{' '}
      <span className="muted">{t('matters:req.conflict.recorded', { date: formatDate(i18n.language, o.on), by: o.by || t('matters:req.unnamed') })}</span>
    </>
  )
  return (
    <div className="banner error" role="alert" data-testid="request-conflicts">
      <p>{t('matters:req.conflict.intro')}</p>
      {state.outcome ? <p>{t('matters:req.conflict.stands')} {line(state.outcome)}</p> : null}
      <p>{t('matters:req.conflict.notApplied')}</p>
      <ul>
        {state.conflicts.map((o) => (
          <li key={o.id}>{line(o)}</li>
        ))}
      </ul>
    </div>
  )
}
