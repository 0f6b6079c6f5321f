// One household in the recording table: its address, owner and status; one click to record the
// owner's signature (or withdrawal, or answer); an agent's signature with a note; and every entry
// recorded for it on any device, newest first, with why one did not count and where two conflict.
// Signing and withdrawing ask for confirmation first; an entry made by mistake can be voided with
// a reason (kept on the trail, struck through, no longer counted).
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CampaignEntry, CampaignKind, ConsentChoice } from '../../../shared/domain/campaign'
import { yuanText } from '../../../shared/campaigns/figures'
import { formatDate } from '../../kit/format'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { addressText, entryWhat } from './labels'
import { EntryList, RecordButtons } from './RowCells'
import { AgentForm, VoidForm } from './RowForms'
import type { RowAction, RowData } from './rowTypes'

export type { RowAction, RowData, RowEntry } from './rowTypes'

/** What a household's row shows and may do. */
interface HouseholdRowProps {
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
}

export function HouseholdRow({ row, kind, withdrawalAllowed, utcOffsetMinutes, canRecord, busy, recording, onAct, onVoid }: HouseholdRowProps) {
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
            <RecordButtons row={row} kind={kind} address={address} withdrawalAllowed={withdrawalAllowed} busy={busy} confirming={confirming} agentOpen={agentOpen}
              setConfirming={setConfirming} toggleAgent={() => setAgentOpen((o) => !o)} onAct={onAct} />
          ) : null}
        </td>
        <td>
          <EntryList row={row} canRecord={canRecord} busy={busy} utcOffsetMinutes={utcOffsetMinutes} onVoid={setVoiding} />
        </td>
      </tr>
      {confirming && canRecord ? (
        <tr className="agent-row">
          <td colSpan={5}>
            <ConfirmRecord confirming={confirming} address={address} owner={h.owner} recording={recording} busy={busy} onConfirm={() => void onAct(row, { type: confirming, agent: null }).then((ok) => ok && setConfirming(null))} onCancel={() => setConfirming(null)} />
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

/** The owner's signature or withdrawal, asked once more with who records it and the day. */
function ConfirmRecord({
  confirming,
  address,
  owner,
  recording,
  busy,
  onConfirm,
  onCancel,
}: {
  confirming: 'sign' | 'withdraw'
  address: string
  owner: string
  recording: { recorder: string; date: string }
  busy: boolean
  onConfirm: () => void
  onCancel: () => void
}) {
  const { t, i18n } = useTranslation(['campaigns', 'common'])
  const lang = i18n.language
  return (
      <ConfirmDialog
        label={t(confirming === 'sign' ? 'campaigns:record.signFor' : 'campaigns:record.withdrawFor', { household: address })}
        question={t(confirming === 'sign' ? 'campaigns:record.confirmSign' : 'campaigns:record.confirmWithdraw', {
          household: address,
          owner,
          date: formatDate(lang, recording.date),
          by: recording.recorder || '—',
        })}
        confirmLabel={t(confirming === 'sign' ? 'campaigns:record.confirmSignButton' : 'campaigns:record.confirmWithdrawButton')}
        tone={confirming === 'sign' ? 'primary' : 'danger'}
        small
        busy={busy}
        className="row tight"
        onConfirm={onConfirm}
        onCancel={onCancel}
      />
  )
}
