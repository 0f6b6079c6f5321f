// An announced vote: the outcome, the rule, every count, the denominator and the reason, as
// frozen at close; anything that reached this device after the close is listed as late.
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { VoteResult } from '../../../shared/domain/votes'
import { lateEntries, type Vote } from '../../../shared/doc/votes'
import { useMeeting } from '../../kit/MeetingContext'

/** The vote's method as shown in titles; a vote with phones says so. */
export function methodLabel(t: TFunction<'session'>, vote: Vote): string {
  return vote.phone && vote.method !== 'hands' ? t(`phones.methods.${vote.method}`) : t(`vote.methods.${vote.method}`)
}

export function ResultText({ result, large = false }: { result: VoteResult; large?: boolean }) {
  const { t } = useTranslation(['votes', 'common', 'session'])
  const c = result.counts
  return (
    <div className={`result ${result.outcome}${large ? ' large' : ''}`}>
      <p className="outcome">{t(`votes:outcome.${result.outcome}`)}</p>
      <p className="reason">{result.reasons.map((r) => t(`votes:reason.${r.code}`, r.params)).join(' ')}</p>
      <p className="counts">
        {(['for', 'against', 'abstain', 'absent', 'recused'] as const).map((k) => t('session:vote.count', { label: t(`votes:counts.${k}`), count: c[k] })).join(t('session:listSep'))}
      </p>
      <p className="muted">
        {t('session:vote.ruleAndBase', { rule: t(`common:enums.threshold.${result.rule}`), base: t(`votes:denominator.${result.denominator}`) })}
      </p>
    </div>
  )
}

export function VoteResultView({ vote }: { vote: Vote }) {
  const { t } = useTranslation(['session', 'votes'])
  const { t: ts } = useTranslation('session')
  const { handle } = useMeeting()
  const late = lateEntries(handle.doc, vote.id)
  if (!vote.result) return null
  return (
    <section className="card vote-result" aria-label={t('session:vote.resultTitle', { method: methodLabel(ts, vote) })}>
      <h4>{t('session:vote.resultTitle', { method: methodLabel(ts, vote) })}</h4>
      <ResultText result={vote.result} />
      {vote.phone?.sealedAt ? <p className="muted">{t('session:phones.received', { count: vote.phone.received })}</p> : null}
      {late.length ? (
        <div className="banner info" role="status">
          <p>{t('session:vote.late', { count: late.length })}</p>
          <ul>
            {late.map((l, i) => (
              <li key={i}>
                {t(`session:vote.lateSource.${l.source}`)}
                {l.choice ? t('session:vote.lateChoice', { choice: t(`votes:counts.${l.choice}`) }) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  )
}
