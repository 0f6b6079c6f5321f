// The button row under a form: submit (showing "saving" while busy), an optional cancel, and the
// "saved on this device" note once a save has succeeded.
import { useTranslation } from 'react-i18next'

export function FormActions({
  submitLabel,
  busy,
  disabled = false,
  saved = false,
  onCancel,
}: {
  submitLabel: string
  busy: boolean
  disabled?: boolean
  saved?: boolean
  onCancel?: (() => void) | undefined
}) {
  const { t } = useTranslation('common')
  return (
    <div className="row">
      <button type="submit" className="primary" disabled={busy || disabled}>
        {busy ? t('status.saving') : submitLabel}
      </button>
      {onCancel ? (
        <button type="button" onClick={onCancel}>
          {t('actions.cancel')}
        </button>
      ) : null}
      {saved ? (
        <span className="saved" role="status">
          {t('status.saved')}
        </span>
      ) : null}
    </div>
  )
}
