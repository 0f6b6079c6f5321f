// The ledgers tab's choice of what to export: a whole year (the council's years) or any date range.
// A view setting, not a record: it lives in the screen's state only.
import { useTranslation } from 'react-i18next'
import { SelectField, TextField } from '../../ui/Field'
import type { RangeProblem } from './ledgerActions'

export type RangeMode = 'year' | 'range'
export interface RangeChoice {
  mode: RangeMode
  year: number
  from: string
  to: string
}

interface Props {
  value: RangeChoice
  years: readonly number[]
  problem: RangeProblem | null
  onChange: (next: RangeChoice) => void
}

export function LedgerRangeFields({ value, years, problem, onChange }: Props) {
  const { t } = useTranslation('matters')
  const set = (patch: Partial<RangeChoice>) => onChange({ ...value, ...patch })
  return (
    <fieldset className="ledger-range">
      <legend>{t('ledgersTab.range')}</legend>
      <div className="row">
        {(['year', 'range'] as const).map((mode) => (
          <label key={mode} className="radio-choice">
            <input type="radio" name="ledger-mode" checked={value.mode === mode} onChange={() => set({ mode })} />
            {t(`ledgersTab.mode.${mode}`)}
          </label>
        ))}
      </div>
      {value.mode === 'year' ? (
        <SelectField
          label={t('ledgersTab.year')}
          value={String(value.year)}
          options={years.map((y) => ({ value: String(y), label: t('ledgersTab.yearLabel', { year: y }) }))}
          onChange={(e) => set({ year: Number(e.target.value) })}
        />
      ) : (
        <div className="row top">
          <TextField
            type="date"
            label={t('ledgersTab.from')}
            value={value.from}
            error={problem === 'fromInvalid' ? t('ledgersTab.problem.fromInvalid') : undefined}
            onChange={(e) => set({ from: e.target.value })}
          />
          <TextField
            type="date"
            label={t('ledgersTab.to')}
            value={value.to}
            error={problem === 'toInvalid' || problem === 'toBeforeFrom' ? t(`ledgersTab.problem.${problem}`) : undefined}
            onChange={(e) => set({ to: e.target.value })}
          />
        </div>
      )}
    </fieldset>
  )
}
