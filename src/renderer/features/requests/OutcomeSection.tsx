// What becomes of a request: once decided, the decision (and the requests merged into this one);
// while open, the three ways on: merge it into another open request, decline it with a reason, or
// make it a matter (forms in OutcomeForms.tsx).
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RequestState } from '../../../shared/matters/requests'
import { useCouncil } from '../../kit/CouncilContext'
import { href } from '../../kit/router'
import type { DocHandle } from '../../sync/docs'
import { DeclineForm, MatterForm, MergeForm } from './OutcomeForms'
import { OutcomeText } from './OutcomeText'
import { requestSummary } from './requestText'

const WAYS = ['merge', 'decline', 'matter'] as const
type Way = (typeof WAYS)[number]

export function OutcomeSection({ handle, s, states, year, writable }: { handle: DocHandle; s: RequestState; states: ReadonlyMap<string, RequestState>; year: number; writable: boolean }) {
  const { t } = useTranslation(['matters', 'common'])
  const { council } = useCouncil()
  const [way, setWay] = useState<Way | null>(null)
  const mergedHere = [...states.values()].filter((o) => o.outcome?.kind === 'merged' && o.outcome.into === s.request.id)
  return (
    <section className="card" aria-labelledby="request-outcome">
      <h2 id="request-outcome">{t('matters:req.outcome.title')}</h2>
      {s.outcome ? (
        <p data-testid="request-outcome">
          <OutcomeText o={s.outcome} states={states} year={year} councilId={council.id} />
        </p>
      ) : (
        <p className="muted">{t('matters:req.outcome.none')}</p>
      )}
      {mergedHere.length > 0 ? (
        <>
          <h3>{t('matters:req.outcome.mergedHere')}</h3>
          <ul>
            {mergedHere.map((o) => (
              <li key={o.request.id}>
                <a href={href({ name: 'request', councilId: council.id, year, requestId: o.request.id })}>{requestSummary(t, o.request)}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {!s.outcome && writable ? (
        <>
          <div className="row" role="group" aria-label={t('matters:req.outcome.choose')}>
            {WAYS.map((w) => (
              <button key={w} type="button" aria-pressed={way === w} className={way === w ? 'primary' : undefined} onClick={() => setWay((c) => (c === w ? null : w))}>
                {t(`matters:req.outcome.way.${w}`)}
              </button>
            ))}
          </div>
          {/* Hidden, not unmounted: what was typed in one way stays while another is looked at. */}
          <div hidden={way !== 'merge'}>
            <MergeForm handle={handle} s={s} states={states} />
          </div>
          <div hidden={way !== 'decline'}>
            <DeclineForm handle={handle} s={s} />
          </div>
          <div hidden={way !== 'matter'}>
            <MatterForm handle={handle} s={s} states={states} year={year} />
          </div>
        </>
      ) : null}
    </section>
  )
}
