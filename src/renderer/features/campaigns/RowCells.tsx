// The recording table row's two busy cells: the buttons that record (sign, withdraw, a renovation
// answer, an agent) and every entry recorded for the household, newest first, with its void button.
import { useTranslation } from 'react-i18next'
import { CONSENT_CHOICES, localDateOf, type CampaignEntry, type CampaignKind } from '../../../shared/domain/campaign'
import { yuanText } from '../../../shared/campaigns/figures'
import { formatDate, formatMoment } from '../../kit/format'
import { entryWhat } from './labels'
import type { RowAction, RowData } from './rowTypes'

export function RecordButtons({
  row,
  kind,
  address,
  withdrawalAllowed,
  busy,
  confirming,
  agentOpen,
  setConfirming,
  toggleAgent,
  onAct,
}: {
  row: RowData
  kind: CampaignKind
  address: string
  withdrawalAllowed: boolean
  busy: boolean
  confirming: 'sign' | 'withdraw' | null
  agentOpen: boolean
  setConfirming: (c: 'sign' | 'withdraw') => void
  toggleAgent: () => void
  onAct: (row: RowData, action: RowAction) => Promise<boolean>
}) {
  const { t } = useTranslation(['campaigns', 'common'])
  return (
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
        <button type="button" className="small" aria-expanded={agentOpen} onClick={toggleAgent} aria-label={t('campaigns:record.agentFor', { household: address })}>
          {t('campaigns:record.agent')}
        </button>
      ) : null}
    </div>
  )
}

export function EntryList({
  row,
  canRecord,
  busy,
  utcOffsetMinutes,
  onVoid,
}: {
  row: RowData
  canRecord: boolean
  busy: boolean
  utcOffsetMinutes: number
  onVoid: (entry: CampaignEntry) => void
}) {
  const { t, i18n } = useTranslation(['campaigns', 'common'])
  const lang = i18n.language
  return row.entries.length ? (
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
          <button type="button" className="small link-like" disabled={busy} onClick={() => onVoid(v.entry)} aria-label={t('campaigns:record.voidFor', { what: entryWhat(t, v.entry, yuanText) })}>
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
  )
}
