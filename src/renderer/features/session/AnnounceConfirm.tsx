// The confirm step of announcing a vote: the exact counts, the rule and its denominator, and the
// result that will be frozen, with plain warnings (nobody voted, only abstentions, more votes than
// voters) from the one rule in shared/domain/votes/warnings.ts. Counts that cannot be right, or a
// count field that holds no number, cannot be confirmed.
import { useTranslation } from 'react-i18next'
import { blocksAnnounce, resultWarnings, type VoteResult } from '../../../shared/domain/votes'
import type { Vote } from '../../../shared/doc/votes'
import { Dialog } from '../../ui/Dialog'

export function AnnounceConfirm({
  vote,
  preview,
  invalidFields,
  busy,
  onConfirm,
  onBack,
}: {
  vote: Vote
  preview: VoteResult | null
  invalidFields: readonly string[]
  busy: boolean
  onConfirm: () => void
  onBack: () => void
}) {
  const { t } = useTranslation(['session', 'votes', 'common'])
  // Before the host seals them in, phone ballots are not in the counts: "nobody voted" would be wrong.
  const phonesPending = vote.phone !== null && vote.phone.sealedAt === null
  const warnings = preview && !phonesPending ? resultWarnings(preview, vote.eligible.length) : []
  const rejected = preview?.outcome === 'rejected'
  const blocked = invalidFields.length > 0 || rejected || blocksAnnounce(warnings) || !preview
  const c = preview?.counts
  return (
    <Dialog labelledBy="announce-confirm-title" describedBy="announce-confirm-question" onCancel={onBack} className="card announce-confirm">
      <h4 id="announce-confirm-title">{t('session:voteFix.confirmTitle')}</h4>
      {invalidFields.length ? (
        <p className="banner error" role="alert">
          {t('session:voteFix.fieldsInvalid', { fields: invalidFields.join(t('session:listSep')) })}
        </p>
      ) : null}
      {preview && c ? (
        <dl className="announce-figures">
          <dt>{t('session:voteFix.counts')}</dt>
          <dd data-testid="confirm-counts">
            {(['for', 'against', 'abstain', 'absent', 'recused', 'notVoted'] as const).map((k) => t('session:vote.count', { label: t(`votes:counts.${k}`), count: c[k] })).join(t('session:listSep'))}
          </dd>
          <dt>{t('session:voteFix.rule')}</dt>
          <dd>{t(`common:enums.threshold.${preview.rule}`)}</dd>
          <dt>{t('session:voteFix.denominator')}</dt>
          <dd>{t('session:voteFix.denominatorValue', { base: t(`votes:denominator.${preview.denominator}`), of: preview.threshold.of })}</dd>
          <dt>{t('session:voteFix.willFreeze')}</dt>
          <dd data-testid="confirm-outcome">
            <strong className={`outcome ${preview.outcome}`}>{rejected ? t('session:voteFix.cannotFreeze') : t(`votes:outcome.${preview.outcome}`)}</strong>
            <br />
            <span className="muted">{preview.reasons.map((r) => t(`votes:reason.${r.code}`, r.params)).join(' ')}</span>
          </dd>
        </dl>
      ) : null}
      {phonesPending ? <p className="muted">{t('session:voteFix.phonesAdded')}</p> : null}
      {warnings.map((w) => (
        <p key={w.code} className={`banner ${w.blocking ? 'error' : 'warn'}`} role="alert">
          {t(`votes:warning.${w.code}`, w.params)}
        </p>
      ))}
      <p id="announce-confirm-question">{t('session:vote.closeConfirm')}</p>
      <div className="row">
        <button className="primary" disabled={busy || blocked} onClick={onConfirm}>
          {t('session:vote.yesClose')}
        </button>
        <button onClick={onBack}>{t('session:voteFix.backToCounts')}</button>
      </div>
    </Dialog>
  )
}
