// The one confirmation: a question, the button that does it, and Cancel, in the app's Dialog
// (focus moves in, Escape or Cancel backs out, focus returns to what opened it).
import { useId, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Dialog } from './Dialog'

interface Props {
  question: ReactNode
  confirmLabel: string
  onConfirm: () => void
  onCancel: () => void
  /** Names the dialog when the question alone does not (it then describes it). */
  label?: string
  /** 'danger' for what cannot be undone easily (a withdrawal); 'primary' otherwise. */
  tone?: 'primary' | 'danger'
  /** Small buttons, for a confirmation inside a table row. */
  small?: boolean
  busy?: boolean
  className?: string
  /** Shown between the question and the buttons (a failure banner). */
  children?: ReactNode
}

export function ConfirmDialog({ question, confirmLabel, onConfirm, onCancel, label, tone = 'primary', small = false, busy = false, className, children }: Props) {
  const { t } = useTranslation('common')
  const id = useId()
  const size = small ? 'small ' : ''
  return (
    <Dialog {...(label ? { label, describedBy: id } : { labelledBy: id })} className={className} onCancel={onCancel}>
      <p id={id}>{question}</p>
      {children}
      <div className={small ? 'row tight' : 'row'}>
        <button type="button" className={`${size}${tone}`} disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" className={small ? 'small' : undefined} onClick={onCancel}>
          {t('actions.cancel')}
        </button>
      </div>
    </Dialog>
  )
}
