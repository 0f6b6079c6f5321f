// Recording: find a household fast (a building, then a room number or a name), record the owner's
// signature in one click and a confirmation (or an agent's with a note, a withdrawal, an answer on
// the plan; an entry made by mistake is voided with a reason, never deleted), dated
// today unless the recorder picks the day a paper form was signed. Every write is refused or
// stored by the shared rules; the message says which, in the user's language.
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { addressSearchParts, foldForSearch, matchesFolded, searchText } from '../../../shared/domain/addressSearch'
import { windowState, type CampaignEntry } from '../../../shared/domain/campaign'
import { yuanText } from '../../../shared/campaigns/figures'
import { buildingKey, compareNatural } from '../../../shared/domain/household'
import { DocError } from '../../../shared/doc/errors'
import { useEnv } from '../../kit/env'
import { formatDate } from '../../kit/format'
import { Banner } from '../../ui/Banner'
import { recordChoice, signHousehold, voidCampaignEntry, withdrawHousehold } from './actions'
import { useCampaign } from './CampaignContext'
import { HouseholdRow, type RowAction, type RowData } from './HouseholdRow'
import { RecordFilters, type Filter } from './RecordFilters'
import { useRecordRows } from './recordRows'
import { Table } from '../../ui/Table'
import { addressText, entryWhat } from './labels'
import { saveDeviceLabel, saveRecorder, useDeviceLabel, useRecorder } from './local'
import { RecorderCard } from './RecorderCard'
import { useCampaignAction } from './useCampaignAction'

const SHOWN = 300

/** The buildings on the roll, and the rows the building, search and status filters leave shown. */
function useShownRows(rows: RowData[]) {
  const { t } = useTranslation(['campaigns', 'common'])
  const [building, setBuilding] = useState('')
  const [q, setQ] = useState('')
  const [filter, setFilter] = useState<Filter>('all')
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
  return { buildings, shown, building, setBuilding, q, setQ, filter, setFilter }
}

export function RecordPanel() {
  const { t, i18n } = useTranslation(['campaigns', 'common'])
  const env = useEnv()
  const { campaign, households, decisions, handle, now } = useCampaign()
  const lang = i18n.language
  const w = windowState(campaign, now)
  const remembered = useRecorder(env.db)
  const [recorder, setRecorder] = useState<string | null>(null)
  const storedDevice = useDeviceLabel(env.db, env.platform.kind, recorder ?? remembered ?? '')
  const [device, setDevice] = useState<string | null>(null)
  const [dateChoice, setDateChoice] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const { errors, failure, busy, run } = useCampaignAction({ form: false })
  const recording = { recorder: recorder ?? remembered ?? '', device: device ?? storedDevice ?? '', date: dateChoice ?? w.today }

  const rows = useRecordRows()
  const { buildings, shown, building, setBuilding, q, setQ, filter, setFilter } = useShownRows(rows)

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
        <RecordFilters buildings={buildings} kind={campaign.kind} building={building} onBuilding={setBuilding} q={q} onQ={setQ} filter={filter} onFilter={setFilter} />
        <p className="muted" aria-live="polite">
          {t('campaigns:record.shown', { shown: Math.min(shown.length, SHOWN), count: shown.length })}
        </p>
        {failure ? <Banner kind="error">{failure}</Banner> : null}
        {done ? (
          <p className="saved" role="status" data-testid="record-status">
            {done}
          </p>
        ) : null}
        <Table
          className="record"
          labelledBy="households-title"
          columns={[t('campaigns:household.address'), t('campaigns:household.owner'), t('campaigns:household.status'), t('campaigns:record.actions'), t('campaigns:record.entries')]}
        >
          {shown.slice(0, SHOWN).map((r) => (
            <HouseholdRow key={r.household.id} row={r} kind={campaign.kind} withdrawalAllowed={campaign.withdrawalAllowed} utcOffsetMinutes={campaign.utcOffsetMinutes} canRecord={canRecord} busy={busy} recording={{ recorder: recording.recorder, date: recording.date }} onAct={act} onVoid={voidOne} />
          ))}
        </Table>
        {shown.length > SHOWN ? <p className="muted">{t('campaigns:record.more', { count: shown.length - SHOWN })}</p> : null}
      </section>
    </>
  )
}
