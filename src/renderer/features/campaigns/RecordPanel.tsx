// Recording: find a household fast (a building, then a room number or a name), record the owner's
// signature in one click and a confirmation (or an agent's with a note, a withdrawal, an answer on
// the plan; an entry made by mistake is voided with a reason, never deleted), dated
// today unless the recorder picks the day a paper form was signed. Every write is refused or
// stored by the shared rules; the message says which, in the user's language.
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { addressSearchParts, foldForSearch, matchesFolded, searchText } from '../../../shared/domain/addressSearch'
import { compareCampaignEntries, windowState, type CampaignEntry } from '../../../shared/domain/campaign'
import { yuanText } from '../../../shared/campaigns/figures'
import { consentResult } from '../../../shared/domain/campaignRenovation'
import { buildingKey, compareNatural } from '../../../shared/domain/household'
import { DocError } from '../../../shared/doc/errors'
import { useEnv } from '../../kit/env'
import { formatDate } from '../../kit/format'
import { Banner } from '../../ui/Banner'
import { recordChoice, signHousehold, voidCampaignEntry, withdrawHousehold } from './actions'
import { useCampaign } from './CampaignContext'
import { HouseholdRow, type RowAction, type RowData, type RowEntry } from './HouseholdRow'
import { addressText, entryWhat } from './labels'
import { saveDeviceLabel, saveRecorder, useDeviceLabel, useRecorder } from './local'
import { RecorderCard } from './RecorderCard'
import { useCampaignAction } from './useCampaignAction'

const SHOWN = 300
const FILTERS = { relocation: ['all', 'unsigned', 'signed', 'withdrawn', 'conflict'], renovation: ['all', 'none', 'answered', 'conflict'] } as const
type Filter = (typeof FILTERS)['relocation'][number] | (typeof FILTERS)['renovation'][number]

export function RecordPanel() {
  const { t, i18n } = useTranslation(['campaigns', 'common'])
  const env = useEnv()
  const { campaign, households, counted, late, voided, decisions, handle, now, signing } = useCampaign()
  const lang = i18n.language
  const w = windowState(campaign, now)
  const remembered = useRecorder(env.db)
  const [recorder, setRecorder] = useState<string | null>(null)
  const storedDevice = useDeviceLabel(env.db, env.platform.kind, recorder ?? remembered ?? '')
  const [device, setDevice] = useState<string | null>(null)
  const [dateChoice, setDateChoice] = useState<string | null>(null)
  const [building, setBuilding] = useState('')
  const [q, setQ] = useState('')
  const [filter, setFilter] = useState<Filter>('all')
  const [done, setDone] = useState<string | null>(null)
  const { errors, failure, busy, run } = useCampaignAction({ form: false })
  const recording = { recorder: recorder ?? remembered ?? '', device: device ?? storedDevice ?? '', date: dateChoice ?? w.today }

  const rows = useMemo((): RowData[] => {
    const lateBy = new Map<string, RowEntry[]>()
    for (const e of late) lateBy.set(e.householdId, [...(lateBy.get(e.householdId) ?? []), { entry: e, counted: false, refusal: null, late: true }])
    for (const v of voided) lateBy.set(v.entry.householdId, [...(lateBy.get(v.entry.householdId) ?? []), { entry: v.entry, counted: false, refusal: null, late: false, voided: v.void }])
    // Newest first, voided entries in their place on the trail.
    const withLate = (id: string, list: RowEntry[]) => [...(lateBy.get(id) ?? []), ...list].sort((a, b) => compareCampaignEntries(b.entry, a.entry))
    if (campaign.kind === 'relocation') {
      // The provider's live signing state: the same households as signingState(campaign, households, counted, now).
      return (signing?.households ?? []).map((h) => ({
        household: h.household,
        status: h.status,
        entries: withLate(h.household.id, h.entries.map((v) => ({ ...v, late: false }))),
        conflict: h.conflicting.length > 0,
      }))
    }
    return consentResult(campaign, households, counted).households.map((h) => ({
      household: h.household,
      status: h.choice ?? 'none',
      entries: withLate(h.household.id, h.entries.map((v) => ({ ...v, late: false }))),
      conflict: h.conflicting.length > 0,
    }))
  }, [campaign, households, counted, late, voided, signing])

  const buildings = useMemo(() => {
    const seen = new Map<string, string>()
    for (const r of rows) if (!seen.has(buildingKey(r.household.building))) seen.set(buildingKey(r.household.building), r.household.building)
    return [...seen.entries()].sort((a, b) => compareNatural(a[0], b[0]))
  }, [rows])

  const needle = foldForSearch(q)
  const shown = rows.filter((r) => {
    const h = r.household
    if (building && buildingKey(h.building) !== building) return false
    if (filter === 'conflict' && !r.conflict) return false
    if (filter === 'answered' && r.status === 'none') return false
    if (filter !== 'all' && filter !== 'conflict' && filter !== 'answered' && r.status !== filter) return false
    return !needle || matchesFolded(searchText([...addressSearchParts(h), h.owner, h.tenant, addressText(t, h)]), needle)
  })

  const decided = decisions.length > 0
  const canRecord = !handle.readOnly && !decided && w.phase === 'open'

  const act = (row: RowData, a: RowAction) =>
    run(async () => {
      setDone(null)
      if (!recording.recorder.trim()) throw new DocError('invalidInput', { recordedBy: 'recordedByRequired' })
      const input = { householdId: row.household.id, date: recording.date, recordedBy: recording.recorder, device: recording.device, agent: a.agent }
      if (a.type === 'consent') await recordChoice(env, handle, households, { ...input, choice: a.choice })
      else if (a.type === 'sign') await signHousehold(env, handle, households, input)
      else await withdrawHousehold(env, handle, households, input)
      const what = a.type === 'consent' ? t(`campaigns:choice.${a.choice}`) : t(`campaigns:entry.${a.type}`)
      setDone(t('campaigns:record.saved', { household: addressText(t, row.household), what }))
      if (recording.recorder !== remembered) await saveRecorder(env.db, recording.recorder)
      if (recording.device && recording.device !== storedDevice) await saveDeviceLabel(env.db, recording.device)
    })

  const voidOne = (row: RowData, entry: CampaignEntry, reason: string) =>
    run(async () => {
      setDone(null)
      if (!recording.recorder.trim()) throw new DocError('invalidInput', { recordedBy: 'recordedByRequired' })
      await voidCampaignEntry(env, handle, { entryId: entry.entryId, by: recording.recorder, reason, device: recording.device })
      setDone(t('campaigns:record.voidSaved', { household: addressText(t, row.household), what: entryWhat(t, entry, yuanText) }))
      if (recording.recorder !== remembered) await saveRecorder(env.db, recording.recorder)
    })

  return (
    <>
      <RecorderCard value={recording} kind={campaign.kind} today={w.today} start={campaign.start} errors={errors} onRecorder={setRecorder} onDevice={setDevice} onDate={setDateChoice} />
      {decided ? <Banner kind="info">{t('campaigns:record.decided')}</Banner> : null}
      {!decided && w.phase === 'notStarted' ? <Banner kind="info">{t('campaigns:record.notStarted', { date: formatDate(lang, campaign.start) })}</Banner> : null}
      {!decided && w.phase === 'closed' ? <Banner kind="info">{t('campaigns:record.closed', { date: formatDate(lang, campaign.deadline) })}</Banner> : null}
      <section className="card" aria-labelledby="households-title">
        <h2 id="households-title">{t('campaigns:record.households', { count: rows.length })}</h2>
        {rows.length === 0 ? <p>{t('campaigns:overview.emptyRoll')}</p> : null}
        <div className="row" role="search">
          <label className="field">
            <span className="label">{t('campaigns:household.building')}</span>
            <select value={building} onChange={(e) => setBuilding(e.target.value)}>
              <option value="">{t('campaigns:record.allBuildings')}</option>
              {buildings.map(([key, label]) => (
                <option key={key} value={key}>
                  {label.trim() ? t('campaigns:address.building', { v: label }) : t('campaigns:overview.noBuilding')}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="label">{t('campaigns:record.search')}</span>
            <input type="search" value={q} onChange={(e) => setQ(e.target.value)} />
          </label>
          <label className="field">
            <span className="label">{t('campaigns:record.filter')}</span>
            <select value={filter} onChange={(e) => setFilter(e.target.value as Filter)}>
              {FILTERS[campaign.kind].map((f) => (
                <option key={f} value={f}>
                  {t(`campaigns:record.filters.${f}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p className="muted" aria-live="polite">
          {t('campaigns:record.shown', { shown: Math.min(shown.length, SHOWN), count: shown.length })}
        </p>
        {failure ? <Banner kind="error">{failure}</Banner> : null}
        {done ? (
          <p className="saved" role="status" data-testid="record-status">
            {done}
          </p>
        ) : null}
        <div className="table-wrap">
          <table className="record" aria-labelledby="households-title">
            <thead>
              <tr>
                <th scope="col">{t('campaigns:household.address')}</th>
                <th scope="col">{t('campaigns:household.owner')}</th>
                <th scope="col">{t('campaigns:household.status')}</th>
                <th scope="col">{t('campaigns:record.actions')}</th>
                <th scope="col">{t('campaigns:record.entries')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.slice(0, SHOWN).map((r) => (
                <HouseholdRow key={r.household.id} row={r} kind={campaign.kind} withdrawalAllowed={campaign.withdrawalAllowed} utcOffsetMinutes={campaign.utcOffsetMinutes} canRecord={canRecord} busy={busy} recording={{ recorder: recording.recorder, date: recording.date }} onAct={act} onVoid={voidOne} />
              ))}
            </tbody>
          </table>
        </div>
        {shown.length > SHOWN ? <p className="muted">{t('campaigns:record.more', { count: shown.length - SHOWN })}</p> : null}
      </section>
    </>
  )
}
