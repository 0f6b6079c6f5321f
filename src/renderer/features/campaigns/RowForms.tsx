// The recording table's row forms: voiding an entry with a reason, and an agent's signature or
// answer with a note. Each names its typed-in fields in the unsaved-input registry (kit/unsaved.ts).
import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { CONSENT_CHOICES, type CampaignKind, type ConsentChoice } from '../../../shared/domain/campaign'
import { useUnsavedFields } from '../../kit/unsaved'
import { TextField } from '../../ui/Field'
import type { RowAction } from './rowTypes'

export function VoidForm({ title, what, by, busy, onSubmit, onCancel }: { title: string; what: string; by: string; busy: boolean; onSubmit: (reason: string) => Promise<unknown>; onCancel: () => void }) {
  const { t } = useTranslation(['campaigns', 'common'])
  const [reason, setReason] = useState('')
  const [missing, setMissing] = useState(false)
  // A reason typed and not yet confirmed: leaving asks first, naming it (app/unsaved.ts).
  useUnsavedFields(reason.trim() ? [t('campaigns:record.voidReason')] : [])
  const submit = (e: FormEvent) => {
    e.preventDefault()
    // The rule (voidRefusal) refuses it too; said here, beside the field, before any write.
    setMissing(reason.trim() === '')
    if (reason.trim() !== '') void onSubmit(reason)
  }
  return (
    <form onSubmit={submit} noValidate role="dialog" aria-label={title} className="agent-form void-form">
      <p>
        <strong>{title}</strong>
      </p>
      <p>{what}</p>
      <p className="muted">{t('campaigns:record.voidExplain', { by: by || '—' })}</p>
      <TextField label={t('campaigns:record.voidReason')} hint={t('campaigns:record.voidReasonHint')} value={reason} error={missing ? t('campaigns:errors.code.reasonRequired') : undefined}
        onChange={(e) => {
          setReason(e.target.value)
          setMissing(false)
        }}
      />
      <div className="row tight">
        <button type="submit" className="small danger" disabled={busy}>
          {t('campaigns:record.voidConfirm')}
        </button>
        <button type="button" className="small" onClick={onCancel}>
          {t('common:actions.cancel')}
        </button>
      </div>
    </form>
  )
}

export function AgentForm({ kind, address, busy, onSubmit, onCancel }: { kind: CampaignKind; address: string; busy: boolean; onSubmit: (a: RowAction) => Promise<unknown>; onCancel: () => void }) {
  const { t } = useTranslation(['campaigns', 'common'])
  const [name, setName] = useState('')
  const [note, setNote] = useState('')
  useUnsavedFields([name.trim() ? t('campaigns:record.agentName') : '', note.trim() ? t('campaigns:record.agentNote') : ''].filter(Boolean))
  const [choice, setChoice] = useState<ConsentChoice>('agree')
  const choiceId = useId()
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const agent = { name, note }
    void onSubmit(kind === 'relocation' ? { type: 'sign', agent } : { type: 'consent', choice, agent })
  }
  return (
    <form onSubmit={submit} noValidate aria-label={t('campaigns:record.agentFor', { household: address })} className="agent-form">
      <div className="grid">
        <TextField label={t('campaigns:record.agentName')} value={name} onChange={(e) => setName(e.target.value)} />
        <TextField label={t('campaigns:record.agentNote')} hint={t('campaigns:record.agentNoteHint')} value={note} onChange={(e) => setNote(e.target.value)} />
        {kind === 'renovation' ? (
          <div className="field">
            <label htmlFor={choiceId}>{t('campaigns:record.choice')}</label>
            <select id={choiceId} value={choice} onChange={(e) => setChoice(e.target.value as ConsentChoice)}>
              {CONSENT_CHOICES.map((c) => (
                <option key={c} value={c}>
                  {t(`campaigns:choice.${c}`)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
      <div className="row tight">
        <button type="submit" className="primary small" disabled={busy}>
          {kind === 'relocation' ? t('campaigns:record.agentSign') : t('campaigns:record.agentConsent')}
        </button>
        <button type="button" className="small" onClick={onCancel}>
          {t('common:actions.cancel')}
        </button>
      </div>
    </form>
  )
}
