// Printed documents of the matters path, in the one block model the 纪要 uses (minutes/blocks.ts),
// so print, PDF and DOCX come from the same producers and follow the same layout rules:
//   - the 一户一表 form (居民诉求登记表), blank for door-to-door rounds or filled from a recorded request;
//   - the result notice (实施结果公开) of a matter whose follow-up is complete.
// Pure: every word comes from the `t` given (namespaces matters: and documents:).
import type { IsoDate } from '../domain/dates'
import type { Block, PrintDocument } from '../minutes/blocks'
import { isolate } from '../minutes/layout'
import type { FollowUp, Milestone } from './followUp'
import type { Matter } from './matter'
import { placeLine } from './place'
import { REQUEST_CATEGORIES, type ResidentRequest } from './requests'

export interface PrintOptions {
  t: (key: string, options?: Record<string, unknown>) => string
  /** BCP 47 language of the text (zh-CN, zh-TW, en). */
  lang: string
}

/** A calendar day as printed documents write it (Arabic numerals: 2026年5月27日, 27 May 2026). */
export function printedDay(o: PrintOptions, day: IsoDate): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const month = new Intl.DateTimeFormat(o.lang, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)))
  return o.t('documents:format.date', { y, m, d, month })
}

const field = (label: string, value: string): Block => ({ kind: 'field', label, value })
// Room to write by hand on the blank form: a run of full-width underscores.
const BLANK = '＿'.repeat(16)

/** The 一户一表 form: blank (request null) for the rounds, or filled from a recorded request. */
export function householdFormDocument(councilName: string, request: ResidentRequest | null, o: PrintOptions): PrintDocument {
  const { t } = o
  const r = request
  const value = (s: string | undefined) => (r ? isolate(s?.trim() || t('documents:dash')) : BLANK)
  const place = r ? placeLine(t, r.place) : ''
  const tick = (c: string) => (r && r.category === c ? '☑' : '☐')
  const title = t('matters:print.form.title')
  const blocks: Block[] = [
    { kind: 'title', text: title },
    { kind: 'subtitle', text: isolate(councilName) },
    field(t('matters:print.form.place'), value(place)),
    field(t('matters:print.form.name'), value(r?.requester.name)),
    field(t('matters:print.form.contact'), value(r?.requester.contact)),
    field(t('matters:print.form.date'), r ? printedDay(o, r.receivedOn) : BLANK),
    field(t('matters:print.form.category'), REQUEST_CATEGORIES.map((c) => `${tick(c)}${t(`matters:category.${c}`)}`).join('  ')),
    { kind: 'heading', level: 1, number: '', text: t('matters:print.form.text') },
  ]
  if (r) blocks.push({ kind: 'paragraph', indent: true, text: isolate(r.text) })
  // On paper, ruled lines to write on.
  else for (let i = 0; i < 6; i++) blocks.push({ kind: 'paragraph', indent: false, text: BLANK.repeat(2) })
  blocks.push({
    kind: 'signatures',
    entries: [
      { label: t('matters:print.form.signedBy'), name: '', at: '' },
      // The filled form names who typed it in; the household signs the paper one by hand.
      { label: t('matters:print.form.recordedBy'), name: r ? isolate(r.recordedBy) : '', at: '' },
    ],
  })
  return { kind: 'record', lang: o.lang, title, draft: null, footer: isolate(councilName), blocks }
}

export interface ResultNoticeInput {
  councilName: string
  matter: Matter
  /** The day the resolution was made (the path's resolvedOn). */
  resolvedOn: IsoDate
  followUp: FollowUp
  milestones: readonly Milestone[]
  /** The day the notice is posted and the last day it stays up. */
  postedOn: IsoDate
  until: IsoDate
}

/** The result notice (实施结果公开): what was resolved, who carried it out, the milestones, where to object. */
export function resultNoticeDocument(input: ResultNoticeInput, o: PrintOptions): PrintDocument {
  const { t } = o
  const title = t('matters:print.result.title', { matter: isolate(input.matter.title) })
  const f = input.followUp
  const rows = input.milestones.map((m) => [isolate(m.title), printedDay(o, m.due), m.doneOn ? printedDay(o, m.doneOn) : t('documents:dash')])
  const blocks: Block[] = [
    { kind: 'title', text: title },
    { kind: 'paragraph', indent: true, text: t('matters:print.result.intro', { date: printedDay(o, input.resolvedOn), matter: isolate(input.matter.title) }) },
    field(t('matters:print.result.owner'), isolate(f.owner)),
    field(t('matters:print.result.deadline'), printedDay(o, f.deadline)),
    field(t('matters:print.result.completedOn'), f.completedOn ? printedDay(o, f.completedOn) : t('documents:dash')),
    { kind: 'table', header: [t('matters:ledger.followUp.milestone'), t('matters:ledger.followUp.due'), t('matters:ledger.followUp.doneOn')], rows: rows.length ? rows : [[t('documents:none'), '', '']] },
    { kind: 'paragraph', indent: true, text: t('matters:print.result.objections', { from: printedDay(o, input.postedOn), until: printedDay(o, input.until), council: isolate(input.councilName) }) },
    { kind: 'closing', issuer: isolate(input.councilName), date: printedDay(o, input.postedOn), seal: null },
  ]
  return { kind: 'notice', lang: o.lang, title, draft: null, footer: isolate(input.councilName), blocks }
}
