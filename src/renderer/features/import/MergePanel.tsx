// What an import into a register that already has entries will do, before it does it: how many
// rows are new, how many are already there (and which of those differ), the choice to skip or to
// update those, and for each row its outcome with every change as "field: old → new".
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { ExistingChoice, FieldChange, ImportPlan, PlannedRow } from '../../../shared/import/merge'

export interface MergeFormat<F> {
  label: (field: keyof F & string) => string
  value: (field: keyof F & string, value: F[keyof F]) => string
}

/** The summary and the skip / update choice; shown only when some rows match the register. */
export function MergeChoice<F>({
  plan,
  choice,
  onChoice,
  disabled,
  matchedBy = 'person',
}: {
  plan: ImportPlan<F>
  choice: ExistingChoice
  onChoice: (c: ExistingChoice) => void
  disabled: boolean
  /** What makes a row the same as a register entry: a member's name and address, or a household's address. */
  matchedBy?: 'person' | 'address'
}) {
  const { t } = useTranslation('import')
  const name = useId()
  const { add, update, skip, unchanged } = plan.counts
  const matched = update + skip + unchanged
  if (matched === 0) return null
  const changed = update + skip
  return (
    <fieldset className="merge-choice">
      <legend>{t('merge.title')}</legend>
      <p>{t(matchedBy === 'person' ? 'merge.summary' : 'merge.summaryHouseholds', { add, matched, changed })}</p>
      {changed > 0 ? (
        <div role="radiogroup" aria-label={t('merge.choiceLegend')}>
          <p>{t('merge.choiceLegend')}</p>
          {(['skip', 'update'] as const).map((c) => (
            <label key={c} className="radio-choice">
              <input type="radio" name={name} value={c} checked={choice === c} disabled={disabled} onChange={() => onChoice(c)} />
              <span>{t(`merge.${c}`)}</span>
            </label>
          ))}
          <p className="muted">{t('merge.emptyKept')}</p>
        </div>
      ) : null}
    </fieldset>
  )
}

/** One row's outcome: new, updated (with each change), skipped (with what it would have changed), or already as on the register. */
export function MergeOutcome<F>({ row, format }: { row: PlannedRow<F> | undefined; format: MergeFormat<F> }) {
  const { t } = useTranslation('import')
  if (!row || row.action === 'blocked') return null
  return (
    <div className={`merge-outcome merge-${row.action}`}>
      <span className="pill">{t(`merge.action.${row.action}`)}</span>
      {row.changes.length ? (
        <ul className="plain changes">
          {row.changes.map((c) => (
            <li key={c.field}>{changeText(t, format, c)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}

function changeText<F>(t: (k: 'merge.change' | 'merge.emptyValue', o?: Record<string, string>) => string, format: MergeFormat<F>, c: FieldChange<F>): string {
  const show = (v: F[keyof F]) => format.value(c.field, v) || t('merge.emptyValue')
  return t('merge.change', { field: format.label(c.field), from: show(c.from), to: show(c.to) })
}
