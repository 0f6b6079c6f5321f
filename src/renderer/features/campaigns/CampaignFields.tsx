// The campaign form's field groups: the relocation's threshold and withdrawal rule or the
// renovation's matter and contribution, and the buildings the campaign covers.
import { useTranslation } from 'react-i18next'
import { RENOVATION_MATTERS, SIGNING_THRESHOLDS, type RenovationMatter, type SigningThreshold } from '../../../shared/domain/campaign'
import { buildingKey } from '../../../shared/domain/household'
import { CheckboxField, SelectField, TextField } from '../../ui/Field'
import { MODES, type Mode, type Values } from './campaignValues'

interface FieldsProps {
  v: Values
  errors: Record<string, string>
  rulesLocked: boolean
  set: <K extends keyof Values>(k: K, value: Values[K]) => void
}

export function RuleFields({ v, errors, rulesLocked, set }: FieldsProps) {
  const { t } = useTranslation(['campaigns', 'common'])
  return v.kind === 'relocation' ? (
    <div className="grid">
      <SelectField
        label={t('campaigns:fields.threshold')}
        hint={t('campaigns:hints.threshold')}
        value={String(v.thresholdPercent)}
        disabled={rulesLocked}
        error={errors.thresholdPercent}
        onChange={(e) => set('thresholdPercent', Number(e.target.value) as SigningThreshold)}
        options={SIGNING_THRESHOLDS.map((p) => ({ value: String(p), label: t('campaigns:percent', { value: p }) }))}
      />
      <CheckboxField label={t('campaigns:fields.withdrawalAllowed')} checked={v.withdrawalAllowed} disabled={rulesLocked} onChange={(e) => set('withdrawalAllowed', e.target.checked)} />
    </div>
  ) : (
    <div className="grid">
      <SelectField
        label={t('campaigns:fields.matter')}
        hint={t('campaigns:hints.matter')}
        value={v.matter}
        disabled={rulesLocked}
        error={errors.matter}
        onChange={(e) => set('matter', e.target.value as RenovationMatter)}
        options={RENOVATION_MATTERS.map((m) => ({ value: m, label: t(`campaigns:matter.${m}`) }))}
      />
      <SelectField
        label={t('campaigns:fields.contribution')}
        value={v.mode}
        disabled={rulesLocked}
        onChange={(e) => set('mode', e.target.value as Mode)}
        options={MODES.map((m) => ({ value: m, label: t(`campaigns:contribution.${m}`) }))}
      />
      {v.mode !== 'none' ? (
        <TextField
          label={t(v.mode === 'perM2' ? 'campaigns:fields.yuanPerM2' : 'campaigns:fields.yuanTotal')}
          hint={t('campaigns:hints.yuan')}
          inputMode="decimal"
          value={v.yuan}
          disabled={rulesLocked}
          error={errors.contribution}
          onChange={(e) => set('yuan', e.target.value)}
        />
      ) : null}
    </div>
  )
}

export function BuildingsField({ v, errors, rulesLocked, set, buildings }: FieldsProps & { buildings: readonly string[] }) {
  const { t } = useTranslation(['campaigns', 'common'])
  const toggleBuilding = (b: string, on: boolean) => set('buildings', on ? [...v.buildings, b] : v.buildings.filter((x) => buildingKey(x) !== buildingKey(b)))
  return (
    <fieldset>
      <legend>{t('campaigns:fields.buildings')}</legend>
      <p className="hint muted">{buildings.length ? t('campaigns:hints.buildings') : t('campaigns:hints.noRegister')}</p>
      {errors.buildings ? (
        <p className="error" role="alert">
          {errors.buildings}
        </p>
      ) : null}
      <div className="row tight">
        {buildings.map((b) => (
          <CheckboxField key={b} label={t('campaigns:address.building', { v: b })} checked={v.buildings.some((x) => buildingKey(x) === buildingKey(b))} disabled={rulesLocked} onChange={(e) => toggleBuilding(b, e.target.checked)} />
        ))}
      </div>
    </fieldset>
  )
}
