// The two kinds of fix VoteFixPanel offers, as fields: corrected counts with the rules' result for
// them (shown before the correction is recorded), or a re-vote's method and threshold rule.
import { useTranslation } from 'react-i18next'
import type { ThresholdRule } from '../../../shared/domain/council'
import { CHOICES, isMeetingRule, rulesForMethod, type Choice, type VoteResult } from '../../../shared/domain/votes'
import { VOTE_METHODS, type VoteMethod } from '../../../shared/doc/votes'
import { SelectField, TextField } from '../../ui/Field'
import { ResultText } from './VoteResultView'

export function CorrectionFields({ counts, onCounts, bad, preview }: { counts: Record<Choice, string>; onCounts: (c: Choice, v: string) => void; bad: readonly Choice[]; preview: VoteResult | null }) {
  const { t } = useTranslation(['session', 'votes'])
  return (
    <>
      <div className="row">
        {CHOICES.map((c) => (
          <TextField
            key={c}
            label={t('session:voteFix.correctedCount', { label: t(`votes:counts.${c}`) })}
            inputMode="numeric"
            value={counts[c]}
            error={bad.includes(c) ? t('session:voteFix.countInvalid') : undefined}
            onChange={(e) => onCounts(c, e.target.value)}
          />
        ))}
      </div>
      {preview ? (
        <div aria-label={t('session:voteFix.correctedResult')}>
          <p className="label">{t('session:voteFix.correctedResult')}</p>
          <ResultText result={preview} />
        </div>
      ) : null}
    </>
  )
}

export type Revote = { method: VoteMethod; rule: ThresholdRule }

export function RevoteFields({ again, onAgain }: { again: Revote; onAgain: (update: (a: Revote) => Revote) => void }) {
  const { t } = useTranslation(['session', 'common'])
  return (
    <div className="row">
      <SelectField
        label={t('session:vote.method')}
        value={again.method}
        onChange={(e) => {
          const method = e.target.value as VoteMethod
          onAgain((a) => ({ method, rule: isMeetingRule(a.rule, method) ? a.rule : 'simple_majority' }))
        }}
        options={VOTE_METHODS.map((m) => ({ value: m, label: t(`session:vote.methods.${m}`) }))}
      />
      <SelectField
        label={t('session:vote.rule')}
        value={again.rule}
        onChange={(e) => onAgain((a) => ({ ...a, rule: e.target.value as ThresholdRule }))}
        options={rulesForMethod(again.method).map((r) => ({ value: r, label: t(`common:enums.threshold.${r}`) }))}
      />
    </div>
  )
}
