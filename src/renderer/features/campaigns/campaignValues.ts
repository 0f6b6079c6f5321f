// The campaign form's values (the contribution as typed yuan) and the settings they say: to and
// from a campaign's settings, refused with the rule's field codes; the register's buildings to offer.
import { validateCampaignSettings, type CampaignKind, type CampaignSettings, type ContributionPlan, type RenovationMatter, type SigningThreshold } from '../../../shared/domain/campaign'
import { buildingKey, compareNatural, type Household } from '../../../shared/domain/household'
import { parseYuan, yuanText } from '../../../shared/campaigns/figures'
import { DocError } from '../../../shared/doc/errors'

export type Mode = ContributionPlan['mode']
export const MODES: readonly Mode[] = ['none', 'perM2', 'total']

export interface Values {
  kind: CampaignKind
  title: string
  start: string
  deadline: string
  thresholdPercent: SigningThreshold
  withdrawalAllowed: boolean
  buildings: string[]
  matter: RenovationMatter
  mode: Mode
  yuan: string
}

export function valuesOf(s: CampaignSettings): Values {
  const c = s.contribution
  return {
    kind: s.kind,
    title: s.title,
    start: s.start,
    deadline: s.deadline,
    thresholdPercent: s.thresholdPercent,
    withdrawalAllowed: s.withdrawalAllowed,
    buildings: s.buildings,
    matter: s.matter,
    mode: c.mode,
    yuan: c.mode === 'perM2' ? yuanText(c.fenPerM2).replace(/,/g, '') : c.mode === 'total' ? yuanText(c.totalFen).replace(/,/g, '') : '',
  }
}

/** The settings the values say, or the field codes that stop them. */
export function settingsOf(v: Values, base: CampaignSettings): CampaignSettings {
  let contribution: ContributionPlan = { mode: 'none' }
  if (v.kind === 'renovation' && v.mode !== 'none') {
    const fen = parseYuan(v.yuan)
    if (!v.yuan.trim()) throw new DocError('invalidInput', { contribution: 'amountRequired' })
    if (fen === null) throw new DocError('invalidInput', { contribution: 'amountInvalid' })
    contribution = v.mode === 'perM2' ? { mode: 'perM2', fenPerM2: fen } : { mode: 'total', totalFen: fen }
  }
  const s: CampaignSettings = { ...base, kind: v.kind, title: v.title, start: v.start, deadline: v.deadline, thresholdPercent: v.thresholdPercent, withdrawalAllowed: v.withdrawalAllowed, buildings: v.buildings, matter: v.matter, contribution }
  const errors = validateCampaignSettings({ ...s, title: s.title.trim() })
  if (Object.keys(errors).length) throw new DocError('invalidInput', errors)
  return s
}

/** The register's buildings, once each (as the campaign groups them), in natural order. */
export function buildingsOf(households: readonly Household[], chosen: readonly string[]): string[] {
  const seen = new Map<string, string>()
  for (const b of [...chosen, ...households.map((h) => h.building)]) if (b.trim() && !seen.has(buildingKey(b))) seen.set(buildingKey(b), b)
  return [...seen.entries()].sort((a, b) => compareNatural(a[0], b[0])).map(([, b]) => b)
}
