// A campaign's settings as a form: kind, title, the window, the relocation's threshold and
// withdrawal rule, the buildings it covers, and the renovation's matter and contributions (yuan
// typed, fen stored). Used to create a campaign and, before its window opens, to change it.
// Saves only what the secretary changed; other devices' changes show in untouched fields.
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { CAMPAIGN_KINDS, type CampaignKind, type CampaignSettings } from '../../../shared/domain/campaign'
import type { Household } from '../../../shared/domain/household'
import { Banner } from '../../ui/Banner'
import { SelectField, TextField } from '../../ui/Field'
import { FormActions } from '../../ui/FormActions'
import { useEditForm } from '../../kit/docForm'
import { FieldConflicts } from '../../ui/FieldConflicts'
import { BuildingsField, RuleFields } from './CampaignFields'
import { buildingsOf, settingsOf, valuesOf, type Values } from './campaignValues'
import { useCampaignErrors } from './errors'

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
      <RuleFields v={v} errors={errors} rulesLocked={rulesLocked} set={set} />
      <BuildingsField v={v} errors={errors} rulesLocked={rulesLocked} set={set} buildings={buildings} />
      <FormActions
        submitLabel={submitLabel}
        busy={busy}
        saved={saved}
        onCancel={f.discardThen(onCancel)}
      />
    </form>
  )
}
