// The council form's rules: quorum, the default threshold, seconding, recusals, the notice's
// names, and speaking time (typed as minutes, stored as seconds).
import { useTranslation } from 'react-i18next'
import { QUORUM_RULES, THRESHOLD_RULES, type CouncilInput } from '../../../shared/domain/council'
import { CheckboxField, SelectField, TextField } from '../../ui/Field'

export function CouncilRulesFields({
  v,
  errors,
  readOnly,
  minutes,
  setMinutesText,
  set,
}: {
  v: CouncilInput
  errors: Record<string, string>
  readOnly: boolean
  /** The speaking time in minutes as typed, or as stored. */
  minutes: string
  setMinutesText: (text: string) => void
  set: <K extends keyof CouncilInput>(k: K, value: CouncilInput[K]) => void
}) {
  const { t } = useTranslation(['council', 'common'])
  return (
  <fieldset disabled={readOnly}>
    <legend>{t('council:form.rules')}</legend>
    <p className="muted">{t('council:hints.rules')}</p>
    <SelectField
      label={t('council:fields.quorumRule')}
      value={v.quorumRule}
      error={errors.quorumRule}
      onChange={(e) => set('quorumRule', e.target.value as CouncilInput['quorumRule'])}
      options={QUORUM_RULES.map((r) => ({ value: r, label: t(`common:enums.quorumRule.${r}`) }))}
    />
    <SelectField
      label={t('council:fields.defaultThreshold')}
      value={v.defaultThreshold}
      error={errors.defaultThreshold}
      onChange={(e) => set('defaultThreshold', e.target.value as CouncilInput['defaultThreshold'])}
      options={THRESHOLD_RULES.map((r) => ({ value: r, label: t(`common:enums.threshold.${r}`) }))}
    />
    <CheckboxField label={t('council:fields.secondingRequired')} checked={v.secondingRequired} onChange={(e) => set('secondingRequired', e.target.checked)} />
    <CheckboxField label={t('council:fields.recusedCountForQuorum')} checked={v.recusedCountForQuorum} onChange={(e) => set('recusedCountForQuorum', e.target.checked)} />
    <CheckboxField label={t('council:fields.noticeShowsNames')} checked={v.noticeShowsNames} onChange={(e) => set('noticeShowsNames', e.target.checked)} />
    <div className="grid">
      <TextField
        label={t('council:fields.speechMinutes')}
        hint={t('council:hints.speaking')}
        inputMode="decimal"
        value={minutes}
        error={errors.speechSeconds}
        onChange={(e) => {
          setMinutesText(e.target.value)
          const m = Number(e.target.value.trim())
          set('speechSeconds', e.target.value.trim() && Number.isFinite(m) ? Math.round(m * 60) : Number.NaN)
        }}
      />
      <TextField
        label={t('council:fields.speechesPerMotion')}
        inputMode="numeric"
        value={Number.isNaN(v.speechesPerMotion) ? '' : String(v.speechesPerMotion)}
        error={errors.speechesPerMotion}
        onChange={(e) => set('speechesPerMotion', /^\d{1,3}$/.test(e.target.value.trim()) ? Number(e.target.value.trim()) : Number.NaN)}
      />
    </div>
  </fieldset>
  )
}
