// The daily public notice of a mock relocation (模拟搬迁签约情况公示) as a PrintDocument: the signing
// rate (rounded down, never up), signed out of the roll, the threshold and the households it
// needs, the window and the days left, and the table of signed households, by address only unless
// the council chose to print owners' names. Pure: every word comes from the `t` given.
import type { CampaignSettings } from '../domain/campaign'
import type { RelocationDecision } from '../domain/campaignDecision'
import type { SigningState } from '../domain/campaignSigning'
import type { IsoDate } from '../domain/dates'
import { buildingKey, type Household } from '../domain/household'
import type { Block, PrintDocument } from '../minutes/blocks'
import { printedDate } from '../minutes/dateText'
import { isolate } from '../minutes/layout'
import { percentText, rateText } from './figures'
import { rateBasisPoints } from '../domain/campaignSigning'

export interface CampaignNoticeInput {
  campaign: Pick<CampaignSettings, 'title' | 'start' | 'deadline' | 'thresholdPercent'>
  councilName: string
  /** The signing state at the end of the notice's day (signingStateOnDay). */
  state: SigningState
  /** The standing decision, printed on a notice for the deadline or later; null while undecided. */
  decision: RelocationDecision | null
}

export interface CampaignNoticeOptions {
  /** An i18next t with namespace prefixes (campaigns:…, documents:…). */
  t: (key: string, options?: Record<string, unknown>) => string
  /** BCP 47 language of the text (zh-CN, zh-TW, en). */
  lang: string
  /** The day the notice reports on. */
  day: IsoDate
  /** Owners' names in the table of signed households (off by default: addresses only). */
  showNames: boolean
}

/** A calendar day in Arabic numerals, as every printed document writes it. */
const dateText = (o: CampaignNoticeOptions, value: string): string => printedDate(o.t, o.lang, value) ?? isolate(value)

const dash = (o: CampaignNoticeOptions, s: string): string => (s.trim() ? isolate(s) : o.t('documents:dash'))
const field = (label: string, value: string): Block => ({ kind: 'field', label, value })

/**
 * The signed households, one row per building and unit (as the register orders them), their rooms
 * in one cell: a notice board reads "1栋 1单元: 101、102…" far better than one line per household.
 */
function signedTable(households: readonly Household[], o: CampaignNoticeOptions): Block {
  const { t } = o
  const groups: { key: string; building: string; unit: string; rooms: string[] }[] = []
  for (const h of households) {
    const key = `${buildingKey(h.building)}\u0000${h.unit.trim()}`
    let g = groups.at(-1)
    if (!g || g.key !== key) groups.push((g = { key, building: h.building, unit: h.unit, rooms: [] }))
    const room = dash(o, h.room)
    g.rooms.push(o.showNames ? t('campaigns:notice.doc.roomWithName', { room, name: dash(o, h.owner) }) : room)
  }
  const header = [t('campaigns:household.building'), t('campaigns:household.unit'), t('campaigns:notice.doc.rooms'), t('campaigns:notice.doc.households')]
  const rows = groups.map((g) => [dash(o, g.building), dash(o, g.unit), g.rooms.join(t('campaigns:notice.doc.roomSep')), String(g.rooms.length)])
  return { kind: 'table', header, rows: rows.length ? rows : [[t('documents:none'), '', '', '']] }
}

export function campaignNoticeDocument(input: CampaignNoticeInput, o: CampaignNoticeOptions): PrintDocument {
  const { t } = o
  const { campaign: c, state: s } = input
  const title = t('campaigns:notice.doc.title', { title: isolate(c.title) })
  const day = dateText(o, o.day)
  const signed = s.households.filter((h) => h.status === 'signed')
  const decided = input.decision !== null && o.day >= c.deadline ? input.decision : null
  const daysLeft =
    s.phase === 'closed' ? t('campaigns:notice.doc.closed') : s.phase === 'notStarted' ? t('campaigns:notice.doc.notStarted', { date: dateText(o, c.start) }) : t('campaigns:notice.doc.daysLeftValue', { count: s.daysLeft })

  const blocks: Block[] = [
    { kind: 'title', text: title },
    { kind: 'subtitle', text: t('campaigns:notice.doc.asOf', { date: day }) },
    {
      kind: 'paragraph',
      indent: true,
      text: t('campaigns:notice.doc.intro', {
        council: isolate(input.councilName),
        threshold: c.thresholdPercent,
        deadline: dateText(o, c.deadline),
        date: day,
      }),
    },
    field(t('campaigns:notice.doc.rate'), t('campaigns:percent', { value: rateText(s.rate) })),
    field(t('campaigns:notice.doc.signed'), t('campaigns:notice.doc.signedValue', { signed: s.rate.num, count: s.rate.den })),
    field(t('campaigns:notice.doc.threshold'), t('campaigns:notice.doc.thresholdValue', { threshold: c.thresholdPercent, count: s.required })),
    field(t('campaigns:notice.doc.window'), t('campaigns:notice.doc.windowValue', { start: dateText(o, c.start), deadline: dateText(o, c.deadline) })),
    field(t('campaigns:notice.doc.daysLeft'), daysLeft),
  ]
  if (decided) {
    const percent = percentText(rateBasisPoints({ num: decided.signed, den: decided.roll }) ?? 0)
    blocks.push(field(t('campaigns:notice.doc.outcome'), t(`campaigns:outcome.${decided.outcome}Rate`, { percent, signed: decided.signed, count: decided.roll })))
  }
  blocks.push({ kind: 'heading', level: 1, number: '', text: t('campaigns:notice.doc.signedList', { count: signed.length }) })
  blocks.push(signedTable(signed.map((h) => h.household), o))
  blocks.push({ kind: 'paragraph', indent: true, text: t('campaigns:notice.doc.questions', { council: isolate(input.councilName) }) })
  blocks.push({ kind: 'date', text: isolate(input.councilName) }, { kind: 'date', text: day })
  return { kind: 'notice', lang: o.lang, title, draft: null, footer: isolate(input.councilName), blocks }
}
