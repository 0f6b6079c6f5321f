// One household in the recording table: its address, owner and status; one click to record the
// owner's signature (or withdrawal, or answer); an agent's signature with a note; and every entry
// recorded for it on any device, newest first, with why one did not count and where two conflict.
// Signing and withdrawing ask for confirmation first; an entry made by mistake can be voided with
// a reason (kept on the trail, struck through, no longer counted).
import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { CONSENT_CHOICES, localDateOf, type Agent, type CampaignEntry, type CampaignKind, type ConsentChoice, type EntryRefusal } from '../../../shared/domain/campaign'
import type { EntryVoid } from '../../../shared/domain/campaignVoid'
import type { Household } from '../../../shared/domain/household'
import { yuanText } from '../../../shared/campaigns/figures'
import { formatDate, formatMoment } from '../../kit/format'
import { useUnsavedFields } from '../../kit/unsaved'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { TextField } from '../../ui/Field'
import { addressText, entryWhat } from './labels'

export interface RowEntry {
  entry: CampaignEntry
  counted: boolean
  refusal: EntryRefusal | null
  late: boolean
  /** Set when the entry was voided: who, why and when. */
  voided?: EntryVoid | null
}

export interface RowData {
  household: Household
  /** relocation: signed / withdrawn / unsigned; renovation: the counted choice, or 'none'. */
  status: 'signed' | 'withdrawn' | 'unsigned' | ConsentChoice | 'none'
  entries: RowEntry[]
  conflict: boolean
}

export type RowAction = { type: 'sign' | 'withdraw'; agent: Agent | null } | { type: 'consent'; choice: ConsentChoice; agent: Agent | null }

export function HouseholdRow({
  row,
  kind,
  withdrawalAllowed,
  utcOffsetMinutes,
  canRecord,
  busy,
  recording,
  onAct,
  onVoid,
}: {
  row: RowData
  kind: CampaignKind
  utcOffsetMinutes: number
  withdrawalAllowed: boolean
  canRecord: boolean
  busy: boolean
  /** Who records and the day recorded, as the confirmation repeats them. */
  recording: { recorder: string; date: string }
  onAct: (row: RowData, action: RowAction) => Promise<boolean>
  onVoid: (row: RowData, entry: CampaignEntry, reason: string) => Promise<boolean>
}) {
  const { t, i18n } = useTranslation(['campaigns', 'common'])
  const [agentOpen, setAgentOpen] = useState(false)
  const [confirming, setConfirming] = useState<'sign' | 'withdraw' | null>(null)
  const [voiding, setVoiding] = useState<CampaignEntry | null>(null)
  const h = row.household
  const address = addressText(t, h)
  const lang = i18n.language
  const statusLabel = kind === 'relocation' ? t(`campaigns:status.${row.status as 'signed'}`) : t(`campaigns:choice.${row.status as ConsentChoice}`)
  return (
    <>
      <tr className={row.conflict ? 'conflict' : undefined}>
        <th scope="row">{address}</th>
        <td>
          {h.owner}
          {h.tenant ? <span className="muted block">{t('campaigns:household.tenantIs', { name: h.tenant })}</span> : null}
        </td>
        <td>
          <span className={`pill status-${row.status}`}>{statusLabel}</span>
          {row.conflict ? <span className="pill conflict-mark">{t('campaigns:record.conflict')}</span> : null}
        </td>
        <td>
          {canRecord ? (
            <div className="row tight">
              {kind === 'relocation' ? (
                row.status === 'signed' ? (
                  withdrawalAllowed ? (
                    <button type="button" className="small" disabled={busy} aria-expanded={confirming === 'withdraw'} onClick={() => setConfirming('withdraw')} aria-label={t('campaigns:record.withdrawFor', { household: address })}>
                      {t('campaigns:record.withdraw')}
                    </button>
                  ) : null
                ) : (
                  <button type="button" className="small primary" disabled={busy} aria-expanded={confirming === 'sign'} onClick={() => setConfirming('sign')} aria-label={t('campaigns:record.signFor', { household: address })}>
                    {t('campaigns:record.sign')}
                  </button>
                )
              ) : (
                CONSENT_CHOICES.map((c) => (
                  <button
                    key={c}
                    type="button"
                    className={`small${row.status === c ? ' chosen' : ''}`}
                    aria-pressed={row.status === c}
                    disabled={busy}
                    onClick={() => void onAct(row, { type: 'consent', choice: c, agent: null })}
                    aria-label={t('campaigns:record.choiceFor', { choice: t(`campaigns:choice.${c}`), household: address })}
                  >
                    {t(`campaigns:choice.${c}`)}
                  </button>
                ))
              )}
              {kind === 'renovation' || row.status !== 'signed' ? (
                <button type="button" className="small" aria-expanded={agentOpen} onClick={() => setAgentOpen((o) => !o)} aria-label={t('campaigns:record.agentFor', { household: address })}>
                  {t('campaigns:record.agent')}
                </button>
              ) : null}
            </div>
          ) : null}
        </td>
        <td>
          {row.entries.length ? (
            <ul className="plain entries">
              {row.entries.map((v) => (
                <li key={v.entry.entryId} className={v.voided ? 'voided' : v.counted && !v.late ? undefined : 'not-counted'}>
                  <span className="entry-text">
                    {t('campaigns:record.entryLine', {
                      date: formatDate(lang, v.entry.date),
                      what: entryWhat(t, v.entry, yuanText),
                      by: v.entry.recordedBy,
                      device: v.entry.device || t('campaigns:entry.noDevice'),
                    })}
                  </span>
                  {v.voided ? (
                    <span className="warn block">{t('campaigns:record.voided', { by: v.voided.by, at: formatMoment(lang, v.voided.at), reason: v.voided.reason })}</span>
                  ) : canRecord && !v.late && v.entry.type !== 'payment' ? (
                    <button type="button" className="small link-like" disabled={busy} onClick={() => setVoiding(v.entry)} aria-label={t('campaigns:record.voidFor', { what: entryWhat(t, v.entry, yuanText) })}>
                      {t('campaigns:record.void')}
                    </button>
                  ) : null}
                  {/* Typed in on a later day (a paper form): when, so the trail shows it. */}
                  {localDateOf(v.entry.at, utcOffsetMinutes) !== v.entry.date ? <span className="muted block">{t('campaigns:record.typedLater', { at: formatMoment(lang, v.entry.at) })}</span> : null}
                  {v.late ? <span className="warn block">{t('campaigns:record.late')}</span> : null}
                  {!v.late && v.refusal ? <span className="warn block">{t('campaigns:record.notCounted', { reason: t(`campaigns:refusal.${v.refusal}`) })}</span> : null}
                </li>
              ))}
            </ul>
          ) : (
            <span className="muted">{t('campaigns:record.noEntries')}</span>
          )}
        </td>
      </tr>
      {confirming && canRecord ? (
        <tr className="agent-row">
          <td colSpan={5}>
            <ConfirmDialog
              label={t(confirming === 'sign' ? 'campaigns:record.signFor' : 'campaigns:record.withdrawFor', { household: address })}
              question={t(confirming === 'sign' ? 'campaigns:record.confirmSign' : 'campaigns:record.confirmWithdraw', {
                household: address,
                owner: h.owner,
                date: formatDate(lang, recording.date),
                by: recording.recorder || '—',
              })}
              confirmLabel={t(confirming === 'sign' ? 'campaigns:record.confirmSignButton' : 'campaigns:record.confirmWithdrawButton')}
              tone={confirming === 'sign' ? 'primary' : 'danger'}
              small
              busy={busy}
              className="row tight"
              onConfirm={() => void onAct(row, { type: confirming, agent: null }).then((ok) => ok && setConfirming(null))}
              onCancel={() => setConfirming(null)}
            />
          </td>
        </tr>
      ) : null}
      {voiding && canRecord ? (
        <tr className="agent-row">
          <td colSpan={5}>
            <VoidForm
              title={t('campaigns:record.voidTitle', { household: address })}
              what={t('campaigns:record.entryLine', { date: formatDate(lang, voiding.date), what: entryWhat(t, voiding, yuanText), by: voiding.recordedBy, device: voiding.device || t('campaigns:entry.noDevice') })}
              by={recording.recorder}
              busy={busy}
              onSubmit={(reason) => onVoid(row, voiding, reason).then((ok) => ok && setVoiding(null))}
              onCancel={() => setVoiding(null)}
            />
          </td>
        </tr>
      ) : null}
      {agentOpen && canRecord ? (
        <tr className="agent-row">
          <td colSpan={5}>
            <AgentForm kind={kind} address={address} busy={busy} onSubmit={(a) => onAct(row, a).then((ok) => ok && setAgentOpen(false))} onCancel={() => setAgentOpen(false)} />
          </td>
        </tr>
      ) : null}
    </>
  )
}

function VoidForm({ title, what, by, busy, onSubmit, onCancel }: { title: string; what: string; by: string; busy: boolean; onSubmit: (reason: string) => Promise<unknown>; onCancel: () => void }) {
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

function AgentForm({ kind, address, busy, onSubmit, onCancel }: { kind: CampaignKind; address: string; busy: boolean; onSubmit: (a: RowAction) => Promise<unknown>; onCancel: () => void }) {
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
