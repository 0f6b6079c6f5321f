// A campaign's settings as a form: kind, title, the window, the relocation's threshold and
// withdrawal rule, the buildings it covers, and the renovation's matter and contributions (yuan
// typed, fen stored). Used to create a campaign and, before its window opens, to change it.
// Saves only what the secretary changed; other devices' changes show in untouched fields.
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import {
  CAMPAIGN_KINDS,
  RENOVATION_MATTERS,
  SIGNING_THRESHOLDS,
  validateCampaignSettings,
  type CampaignKind,
  type CampaignSettings,
  type ContributionPlan,
  type RenovationMatter,
  type SigningThreshold,
} from '../../../shared/domain/campaign'
import { buildingKey, compareNatural, type Household } from '../../../shared/domain/household'
import { parseYuan, yuanText } from '../../../shared/campaigns/figures'
import { DocError } from '../../../shared/doc/errors'
import { Banner } from '../../ui/Banner'
import { CheckboxField, SelectField, TextField } from '../../ui/Field'
import { FormActions } from '../../ui/FormActions'
import { useEditForm } from '../../kit/docForm'
import { FieldConflicts } from '../../ui/FieldConflicts'
import { useCampaignErrors } from './errors'

type Mode = ContributionPlan['mode']
const MODES: readonly Mode[] = ['none', 'perM2', 'total']

interface Values {
  kind: CampaignKind
  title: string
  start: string
  deadline: string
  thresholdPercent: SigningThreshold
  withdrawalAllowed: boolean
  buildings: string[]
  matter: RenovationMatter
  mode: Mode
  yuan: string
}

function valuesOf(s: CampaignSettings): Values {
  const c = s.contribution
  return {
    kind: s.kind,
    title: s.title,
    start: s.start,
    deadline: s.deadline,
    thresholdPercent: s.thresholdPercent,
    withdrawalAllowed: s.withdrawalAllowed,
    buildings: s.buildings,
    matter: s.matter,
    mode: c.mode,
    yuan: c.mode === 'perM2' ? yuanText(c.fenPerM2).replace(/,/g, '') : c.mode === 'total' ? yuanText(c.totalFen).replace(/,/g, '') : '',
  }
}

/** The settings the values say, or the field codes that stop them. */
function settingsOf(v: Values, base: CampaignSettings): CampaignSettings {
  let contribution: ContributionPlan = { mode: 'none' }
  if (v.kind === 'renovation' && v.mode !== 'none') {
    const fen = parseYuan(v.yuan)
    if (!v.yuan.trim()) throw new DocError('invalidInput', { contribution: 'amountRequired' })
    if (fen === null) throw new DocError('invalidInput', { contribution: 'amountInvalid' })
    contribution = v.mode === 'perM2' ? { mode: 'perM2', fenPerM2: fen } : { mode: 'total', totalFen: fen }
  }
  const s: CampaignSettings = { ...base, kind: v.kind, title: v.title, start: v.start, deadline: v.deadline, thresholdPercent: v.thresholdPercent, withdrawalAllowed: v.withdrawalAllowed, buildings: v.buildings, matter: v.matter, contribution }
  const errors = validateCampaignSettings({ ...s, title: s.title.trim() })
  if (Object.keys(errors).length) throw new DocError('invalidInput', errors)
  return s
}

/** The register's buildings, once each (as the campaign groups them), in natural order. */
function buildingsOf(households: readonly Household[], chosen: readonly string[]): string[] {
  const seen = new Map<string, string>()
  for (const b of [...chosen, ...households.map((h) => h.building)]) if (b.trim() && !seen.has(buildingKey(b))) seen.set(buildingKey(b), b)
  return [...seen.entries()].sort((a, b) => compareNatural(a[0], b[0])).map(([, b]) => b)
}

export function CampaignForm({
  initial,
  households,
  submitLabel,
  kindLocked = false,
  rulesLocked = false,
  onSubmit,
  onCancel,
}: {
  initial: CampaignSettings
  households: readonly Household[]
  submitLabel: string
  kindLocked?: boolean
  /** Once the window has opened only the title may change. */
  rulesLocked?: boolean
  onSubmit: (s: CampaignSettings) => Promise<void>
  onCancel?: () => void
}) {
  const { t } = useTranslation(['campaigns', 'common'])
  const errs = useCampaignErrors()
  const stored = useMemo(() => valuesOf(initial), [initial])
  const v0 = stored
  const labels: Record<keyof Values, string> = {
    kind: t('campaigns:fields.kind'),
    title: t('campaigns:fields.title'),
    start: t('campaigns:fields.start'),
    deadline: t('campaigns:fields.deadline'),
    thresholdPercent: t('campaigns:fields.threshold'),
    withdrawalAllowed: t('campaigns:fields.withdrawalAllowed'),
    buildings: t('campaigns:fields.buildings'),
    matter: t('campaigns:fields.matter'),
    mode: t('campaigns:fields.contribution'),
    yuan: t(v0.mode === 'total' ? 'campaigns:fields.yuanTotal' : 'campaigns:fields.yuanPerM2'),
  }
  const f = useEditForm<Values>(stored, labels, (merged) => onSubmit(settingsOf(merged, initial)), {
    describe: errs.describe,
    show: (_k, value) => (Array.isArray(value) ? value.join(t('common:unsaved.separator')) : typeof value === 'boolean' ? t(value ? 'common:unsaved.yes' : 'common:unsaved.no') : String(value)),
  })
  const v = f.merged()
  const { errors, failure, busy, saved, set, submit } = f
  const buildings = useMemo(() => buildingsOf(households, initial.buildings), [households, initial.buildings])
  const toggleBuilding = (b: string, on: boolean) => set('buildings', on ? [...v.buildings, b] : v.buildings.filter((x) => buildingKey(x) !== buildingKey(b)))

  const relocation = v.kind === 'relocation'
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={submitLabel}>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      <FieldConflicts conflicts={f.shownConflicts} onKeepMine={f.keepMine} onTakeTheirs={f.takeTheirs} />
      <div className="grid">
        <SelectField
          label={t('campaigns:fields.kind')}
          value={v.kind}
          disabled={kindLocked || rulesLocked}
          error={errors.kind}
          onChange={(e) => set('kind', e.target.value as CampaignKind)}
          options={CAMPAIGN_KINDS.map((k) => ({ value: k, label: t(`campaigns:kind.${k}`) }))}
        />
        <TextField label={t('campaigns:fields.title')} hint={t('campaigns:hints.title')} value={v.title} error={errors.title} onChange={(e) => set('title', e.target.value)} required />
        <TextField label={t('campaigns:fields.start')} type="date" value={v.start} error={errors.start} disabled={rulesLocked} onChange={(e) => set('start', e.target.value)} required />
        <TextField label={t('campaigns:fields.deadline')} hint={t('campaigns:hints.deadline')} type="date" value={v.deadline} error={errors.deadline} disabled={rulesLocked} onChange={(e) => set('deadline', e.target.value)} required />
      </div>
      {relocation ? (
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
      )}
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
      <FormActions
        submitLabel={submitLabel}
        busy={busy}
        saved={saved}
        onCancel={f.discardThen(onCancel)}
      />
    </form>
  )
}
