// The council's particulars and rules, for a new council and for editing one. Saves only what the
// secretary changed, shows other devices' changes to untouched fields (app/docForm.ts).
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { COUNCIL_KINDS, defaultRules, type CouncilInput, type CouncilKind } from '../../../shared/domain/council'
import { SelectField, TextField } from '../../ui/Field'
import { Banner } from '../../ui/Banner'
import { FormActions } from '../../ui/FormActions'
import { useEditForm } from '../../kit/docForm'
import { FieldConflicts } from '../../ui/FieldConflicts'
import { CouncilRulesFields } from './CouncilRulesFields'

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
  }, { show: (k, value) => showValue(t, k, value) })
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
      <CouncilRulesFields v={v} errors={errors} readOnly={readOnly} minutes={minutes} setMinutesText={setMinutesText} set={set} />
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

/** A field's value in words, for the conflict notice. */
function showValue(t: TFunction<['council', 'common']>, k: keyof CouncilInput, value: unknown): string {
  if (typeof value === 'boolean') return value ? t('common:unsaved.yes') : t('common:unsaved.no')
  if (k === 'kind') return t(`common:enums.councilKind.${value as CouncilKind}`)
  if (k === 'quorumRule') return t(`common:enums.quorumRule.${value as CouncilInput['quorumRule']}`)
  if (k === 'defaultThreshold') return t(`common:enums.threshold.${value as CouncilInput['defaultThreshold']}`)
  if (k === 'speechSeconds' && typeof value === 'number') return String(value / 60)
  return String(value)
}
