// The council's particulars and rules, for a new council and for editing one. Saves only what the
// secretary changed, shows other devices' changes to untouched fields (app/docForm.ts).
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  COUNCIL_KINDS,
  defaultRules,
  QUORUM_RULES,
  THRESHOLD_RULES,
  type CouncilInput,
  type CouncilKind,
} from '../../../shared/domain/council'
import { CheckboxField, SelectField, TextField } from '../../ui/Field'
import { Banner } from '../../ui/Banner'
import { FormActions } from '../../ui/FormActions'
import { useEditForm } from '../../kit/docForm'
import { FieldConflicts } from '../../ui/FieldConflicts'

export function CouncilForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  readOnly = false,
}: {
  initial: CouncilInput
  submitLabel: string
  onSubmit: (input: CouncilInput) => Promise<void>
  onCancel?: () => void
  readOnly?: boolean
}) {
  const { t } = useTranslation(['council', 'common'])
  const labels: Partial<Record<keyof CouncilInput, string>> = {
    name: t('council:fields.name'),
    kind: t('council:fields.kind'),
    community: t('council:fields.community'),
    street: t('council:fields.street'),
    termStart: t('council:fields.termStart'),
    termEnd: t('council:fields.termEnd'),
    quorumRule: t('council:fields.quorumRule'),
    defaultThreshold: t('council:fields.defaultThreshold'),
    secondingRequired: t('council:fields.secondingRequired'),
    recusedCountForQuorum: t('council:fields.recusedCountForQuorum'),
    noticeShowsNames: t('council:fields.noticeShowsNames'),
    speechSeconds: t('council:fields.speechMinutes'),
    speechesPerMotion: t('council:fields.speechesPerMotion'),
  }
  // The minutes as typed ("1.5"), until saved; the stored seconds otherwise.
  const [minutesText, setMinutesText] = useState<string | null>(null)
  const f = useEditForm<CouncilInput>(initial, labels, async (merged) => {
    await onSubmit(merged)
    setMinutesText(null)
  }, { show: (k, value) => showValue(k, value) })
  const showValue = (k: keyof CouncilInput, value: unknown): string => {
    if (typeof value === 'boolean') return value ? t('common:unsaved.yes') : t('common:unsaved.no')
    if (k === 'kind') return t(`common:enums.councilKind.${value as CouncilKind}`)
    if (k === 'quorumRule') return t(`common:enums.quorumRule.${value as CouncilInput['quorumRule']}`)
    if (k === 'defaultThreshold') return t(`common:enums.threshold.${value as CouncilInput['defaultThreshold']}`)
    if (k === 'speechSeconds' && typeof value === 'number') return String(value / 60)
    return String(value)
  }
  // What every field shows: the secretary's edits over what is stored now.
  const v: CouncilInput = f.merged()
  const minutes = minutesText ?? String(v.speechSeconds / 60)
  const { errors, failure, busy, saved, set, submit } = f

  // Changing the kind resets the rules to that kind's defaults, which the user can still change.
  const setKind = (kind: CouncilKind) => {
    f.setMany({ kind, ...defaultRules(kind) })
    setMinutesText(null)
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={submitLabel}>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      <FieldConflicts conflicts={f.shownConflicts} onKeepMine={f.keepMine} onTakeTheirs={f.takeTheirs} />
      <fieldset disabled={readOnly}>
        <legend>{t('council:form.particulars')}</legend>
        <TextField label={t('council:fields.name')} hint={t('council:hints.name')} value={v.name} error={errors.name} onChange={(e) => set('name', e.target.value)} required />
        <SelectField
          label={t('council:fields.kind')}
          value={v.kind}
          error={errors.kind}
          onChange={(e) => setKind(e.target.value as CouncilKind)}
          options={COUNCIL_KINDS.map((k) => ({ value: k, label: t(`common:enums.councilKind.${k}`) }))}
        />
        <div className="grid">
          <TextField label={t('council:fields.community')} value={v.community} onChange={(e) => set('community', e.target.value)} />
          <TextField label={t('council:fields.street')} value={v.street} onChange={(e) => set('street', e.target.value)} />
          <TextField label={t('council:fields.termStart')} type="date" value={v.termStart} error={errors.termStart} onChange={(e) => set('termStart', e.target.value)} />
          <TextField label={t('council:fields.termEnd')} type="date" value={v.termEnd} error={errors.termEnd} onChange={(e) => set('termEnd', e.target.value)} />
        </div>
      </fieldset>
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
      {readOnly ? null : (
        <FormActions
          submitLabel={submitLabel}
          busy={busy}
          saved={saved}
          onCancel={f.discardThen(onCancel)}
        />
      )}
    </form>
  )
}
