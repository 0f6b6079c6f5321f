// The households register and a mock relocation campaign in the synthetic history, written only
// through src/shared/doc/households.ts and campaign.ts: the register imported in one transaction,
// a few owner changes a year, then 3,000 households each signing or withdrawing a few times over
// the window, recorded day by day on three devices (a new app session per device and day).
import type { CampaignId } from '../../src/shared/domain/campaign'
import { defaultCampaignSettings, newCampaignId } from '../../src/shared/domain/campaign'
import type { Household, HouseholdFields } from '../../src/shared/domain/household'
import type { CouncilId } from '../../src/shared/domain/ids'
import { addHouseholds, readHouseholds, updateHousehold } from '../../src/shared/doc/households'
import { initCampaignDoc } from '../../src/shared/doc/campaign'
import { recordSigning, recordWithdrawal } from '../../src/shared/doc/campaignEntries'
import { DocLife } from './meetingLife'
import type { Rng } from './rng'
import { personName } from './texts'

export const HOUSEHOLDS = 3000
const BUILDINGS = 30
const UNITS = 4
const DEVICES = ['笔记本1', '笔记本2', '平板'] as const
const CANVASSERS = ['李秘书', '张委员', '王委员'] as const

const phone = (rng: Rng) => `138 ${String(rng.int(0, 9999)).padStart(4, '0')} ${String(rng.int(0, 9999)).padStart(4, '0')}`
const dayMs = (date: string) => Date.parse(`${date}T00:00:00.000Z`)
const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10)
const DAY = 86_400_000

/** The register: imported on `importedOn`, then ~100 owner or phone changes each year up to `lastYear`. */
export function householdsLife(rng: Rng, councilId: CouncilId, importedOn: string, lastYear: number): { life: DocLife; households: Household[]; edits: number } {
  const life = new DocLife(rng)
  const perBuilding = HOUSEHOLDS / BUILDINGS
  const list: HouseholdFields[] = Array.from({ length: HOUSEHOLDS }, (_, i) => {
    const b = Math.floor(i / perBuilding)
    const k = i % perBuilding
    const j = Math.floor(k / UNITS)
    return {
      building: `${b + 1}栋`,
      unit: `${(k % UNITS) + 1}单元`,
      room: `${Math.floor(j / 2) + 1}0${(j % 2) + 1}`,
      owner: personName(rng),
      tenant: rng.chance(0.12) ? personName(rng) : '',
      areaCentiM2: rng.int(4500, 14000),
      phone: phone(rng),
      addedOn: importedOn,
      removedOn: null,
    }
  })
  addHouseholds(life.doc, councilId, list, `${importedOn}T02:00:00.000Z`)
  let edits = 0
  for (let year = Number(importedOn.slice(0, 4)); year <= lastYear; year++) {
    const doc = life.session()
    const hs = readHouseholds(doc)
    for (let n = 0; n < 100; n++) {
      const h = rng.pick(hs)
      const at = `${year}-06-${String(rng.int(10, 28)).padStart(2, '0')}T03:00:00.000Z`
      if (updateHousehold(doc, h.id, rng.chance(0.5) ? { owner: personName(rng), phone: phone(rng) } : { phone: phone(rng) }, at, '李秘书')) edits++
    }
  }
  return { life, households: readHouseholds(life.doc), edits }
}

export interface CampaignOutcome {
  life: DocLife
  campaignId: CampaignId
  entries: number
  withdrawals: number
}

/**
 * A relocation campaign open from `start` to `deadline`; entries recorded up to the day before
 * `today`. Each household signs, and some withdraw and sign again (1–4 entries, about 2.2 on average).
 */
export function campaignLife(rng: Rng, councilId: CouncilId, households: readonly Household[], window: { start: string; deadline: string; today: string }): CampaignOutcome {
  const life = new DocLife(rng)
  const campaignId = newCampaignId()
  const settings = { ...defaultCampaignSettings('relocation', window.start, window.deadline), title: '桂溪社区老旧院落模拟搬迁' }
  initCampaignDoc(life.doc, { councilId, campaignId }, settings, `${dateOf(dayMs(window.start) - 5 * DAY)}T02:00:00.000Z`)
  const last = dayMs(window.today) - DAY
  type Planned = { h: Household; date: string; sign: boolean; device: number }
  const planned: Planned[] = []
  households.forEach((h, i) => {
    const toggles = rng.pick([1, 1, 2, 2, 3, 4])
    let day = dayMs(window.start) + rng.int(0, 39) * DAY
    const device = Math.floor((i / households.length) * DEVICES.length)
    for (let k = 0; k < toggles && day <= last; k++) {
      planned.push({ h, date: dateOf(day), sign: k % 2 === 0, device })
      day += rng.int(1, 8) * DAY
    }
  })
  planned.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.device - b.device))
  let withdrawals = 0
  let group = ''
  let seconds = 0
  for (const p of planned) {
    const key = `${p.date}/${p.device}`
    if (key !== group) {
      if (group) life.session()
      group = key
      seconds = 0
    }
    // Recorded during the community's working day (09:00 onwards, UTC+8).
    const at = new Date(dayMs(p.date) + 3_600_000 + (seconds += 20) * 1000).toISOString()
    const input = { householdId: p.h.id, date: p.date, recordedBy: CANVASSERS[p.device]!, device: DEVICES[p.device]! }
    if (p.sign) recordSigning(life.doc, households, input, at)
    else {
      recordWithdrawal(life.doc, households, input, at)
      withdrawals++
    }
  }
  return { life, campaignId, entries: planned.length, withdrawals }
}
