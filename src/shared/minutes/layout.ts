// The printed documents of the minutes as PrintDocuments (blocks.ts): the meeting record (会议记录),
// the official summary (纪要, GB/T 9704 structure), the public notice (公示) with its objections
// register, and the street office's review opinion (审核意见). Pure: every word comes from the
// i18n `t` given, every date is formatted with Intl, and the same sources give the same blocks.
//
// Longer than the usual 300 lines on purpose: the four layouts share one set of formatting
// helpers, and splitting them would scatter the wording rules that must agree between documents.
import { isIsoDate, isLocalDateTime } from '../domain/dates'
import type { Block, PrintDocument } from './blocks'
import { printedDate } from './dateText'
import { headingNumber } from './numerals'
import type { MinutesAmendment, Signature } from './seal'
import { cancelledBlocks, correctionBlocks, fixedSentence, revoteBlocks } from './voteFixBlocks'
import type { AgendaEntry, MeetingRecord, MotionEntry, Objection, PersonRef, PublicNotice, SpeechEntry, VoteEntry } from './types'

export interface MinutesSources {
  record: MeetingRecord
  signatures: Signature[]
  sealedHash: string | null
  corrections: MinutesAmendment[]
  notice: PublicNotice | null
  objections: Objection[]
}

export interface LayoutOptions {
  /** An i18next t with namespace prefixes (documents:…, votes:…, session:…, common:…). */
  t: (key: string, options?: Record<string, unknown>) => string
  /** BCP 47 language of the text (zh-CN, zh-TW, en). */
  lang: string
  /** IANA zone for instants (ISO with Z); default the device's. Wall-clock times are never shifted. */
  timeZone?: string
}

export interface ReviewOpinion {
  councilName: string
  meetingTitle: string
  /** The meeting's wall-clock start, YYYY-MM-DDTHH:mm. */
  meetingStartsAt: string
  decision: 'accepted' | 'returned'
  comments: string
  reviewer: string
  office: string
  /** ISO instant. */
  reviewedAt: string
  bundleHash: string
  checklist: { id: string; status: 'pass' | 'fail' | 'warn' | 'na'; detail: Record<string, string | number> }[]
}

/** The checklist items and statuses that have labels (documents:review.check.<id>, review.status.<status>). */
export const REVIEW_CHECKS = ['quorum', 'threshold', 'recusals', 'signatures', 'notice', 'objections', 'meetingNotice'] as const
export const REVIEW_STATUSES = ['pass', 'fail', 'warn', 'na'] as const

// ---------------------------------------------------------------------------------------------
// Formatting: dates, names, lists, bidi-safe user text.

const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/
/**
 * User text with bidi controls is wrapped in an isolate (FSI … PDI), so a name holding U+202E
 * cannot reverse the label or the numbers that follow it on the printed line. An unmatched PDI
 * inside would close the isolate early, so one more FSI is opened for each.
 */
export function isolate(s: string): string {
  if (!BIDI_CONTROLS.test(s)) return s
  let open = 0
  let unmatched = 0
  for (const c of s) {
    if (c === '\u2066' || c === '\u2067' || c === '\u2068') open++
    else if (c === '\u2069') {
      if (open > 0) open--
      else unmatched++
    }
  }
  return '\u2068'.repeat(unmatched + 1) + s + '\u2069'.repeat(open + 1)
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function zonedFormatter(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? ''
  let f = formatters.get(key)
  if (!f) {
    const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', numberingSystem: 'latn' }
    try {
      f = new Intl.DateTimeFormat('en-US', { ...options, timeZone })
    } catch {
      f = new Intl.DateTimeFormat('en-US', options) // an unknown zone: the device's
    }
    formatters.set(key, f)
  }
  return f
}

/** An instant as the wall-clock date and time of a zone; null when unreadable. */
function zoned(iso: string, timeZone: string | undefined): { date: string; time: string } | null {
  const ms = Date.parse(iso)
  if (!/T/.test(iso) || Number.isNaN(ms)) return null
  const parts = Object.fromEntries(zonedFormatter(timeZone).formatToParts(ms).map((p) => [p.type, p.value]))
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` }
}

class Fmt {
  readonly t: LayoutOptions['t']
  readonly lang: string
  readonly tz: string | undefined
  /** The meeting's own date (YYYY-MM-DD): times on that day print without the date. */
  day = ''

  constructor(o: LayoutOptions) {
    this.t = o.t
    this.lang = o.lang
    this.tz = o.timeZone
  }

  /** YYYY-MM-DD in Arabic numerals ("2026年11月22日", "22 November 2026"). */
  date(value: string): string {
    return printedDate(this.t, this.lang, value) ?? isolate(value)
  }

  /** A wall-clock LocalDateTime (YYYY-MM-DDTHH:mm), as written, in no time zone. */
  local(value: string): string {
    return isLocalDateTime(value) ? this.t('documents:format.dateTime', { date: this.date(value.slice(0, 10)), time: value.slice(11, 16) }) : this.date(value)
  }

  /** An instant's date and time in the zone of the options. */
  instant(iso: string): string {
    const z = zoned(iso, this.tz)
    return z ? this.t('documents:format.dateTime', { date: this.date(z.date), time: z.time }) : isolate(iso)
  }

  /** An instant's date alone (YYYY-MM-DD) in the zone of the options, or null. */
  instantDate(iso: string | null): string | null {
    return iso ? (zoned(iso, this.tz)?.date ?? null) : null
  }

  /** An instant as its time when it falls on the meeting's day, else with its date. */
  time(iso: string): string {
    const z = zoned(iso, this.tz)
    if (!z) return isolate(iso)
    return z.date === this.day ? z.time : this.instant(iso)
  }

  duration(seconds: number | null): string {
    if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return this.t('documents:dash')
    const s = Math.round(seconds)
    const m = Math.floor(s / 60)
    return m > 0 ? this.t('documents:format.minutes', { m, s: s % 60 }) : this.t('documents:format.seconds', { s })
  }

  list(items: readonly string[]): string {
    return items.length ? items.join(this.t('documents:listSep')) : this.t('documents:none')
  }

  name(p: PersonRef | null): string {
    return p?.name ? isolate(p.name) : this.t('documents:unknownPerson')
  }

  /** Free text a person wrote, or a dash when empty. */
  text(s: string): string {
    return s.trim() ? isolate(s) : this.t('documents:dash')
  }

  /** Paragraphs of a narrative text: split on blank lines and line breaks, empty ones dropped. */
  paragraphs(s: string, indent = true): Block[] {
    return s
      .split(/\r\n|\r|\n|\u2028|\u2029/)
      .map((p) => p.trim())
      .filter((p) => p !== '')
      .map((p) => ({ kind: 'paragraph', text: isolate(p), indent }))
  }
}

const field = (label: string, value: string): Block => ({ kind: 'field', label, value })
const para = (text: string, indent = true): Block => ({ kind: 'paragraph', text, indent })
const heading = (level: 1 | 2 | 3 | 4, number: string, text: string): Block => ({ kind: 'heading', level, number, text })

/** The last vote of a motion that has an announced result. */
const lastResult = (m: MotionEntry): VoteEntry | undefined => m.votes.filter((v) => v.result !== null).at(-1)

function sealBlock(f: Fmt, hash: string | null): Block[] {
  return hash ? [{ kind: 'seal', label: f.t('documents:seal.label'), hash, note: f.t('documents:seal.note') }] : []
}

function draftMark(f: Fmt, sealedHash: string | null): string | null {
  return sealedHash ? null : f.t('documents:draft')
}

const chairName = (f: Fmt, r: MeetingRecord): string => (r.chair ? f.name(r.chair) : f.text(r.meeting.convener))

// ---------------------------------------------------------------------------------------------
// 会议记录: the complete internal record.

function attendanceFields(f: Fmt, r: MeetingRecord): Block[] {
  const { t } = f
  const a = r.attendance
  const named = (status: string) => a.members.filter((m) => m.status === status)
  const people = (count: number, names: string[]) => (count ? t('documents:record.people', { count, names: f.list(names) }) : t('documents:record.nobody'))
  const present = named('present')
  const leave = named('leave')
  const absent = named('absent')
  const unknown = named('unknown')
  const blocks: Block[] = [
    field(t('documents:record.field.expected'), t('documents:record.count', { count: a.expected })),
    field(t('documents:record.field.present'), people(a.present, present.map((m) => isolate(m.name)))),
    field(t('documents:record.field.leave'), people(a.leave, leave.map((m) => (m.reason.trim() ? t('documents:record.withReason', { name: isolate(m.name), reason: isolate(m.reason) }) : isolate(m.name))))),
    field(t('documents:record.field.absent'), people(a.absent, absent.map((m) => isolate(m.name)))),
  ]
  if (a.notRecorded) blocks.push(field(t('documents:record.field.unknown'), people(a.notRecorded, unknown.map((m) => isolate(m.name)))))
  const observers = r.observers.map((o) => (o.note.trim() ? t('session:observers.withNote', { name: isolate(o.name), note: isolate(o.note) }) : isolate(o.name)))
  blocks.push(field(t('documents:record.field.observers'), people(observers.length, observers)))
  const moves = a.members
    .filter((m) => m.events.length)
    .map((m) => t('documents:record.presenceEntry', { name: isolate(m.name), events: m.events.map((e) => t(`session:signIn.event.${e.kind === 'depart' ? 'depart' : 'arrive'}`, { time: f.time(e.at) })).join(t('documents:listSep')) }))
  blocks.push(field(t('documents:record.field.presence'), moves.length ? moves.join(t('documents:record.entrySep')) : t('documents:none')))
  return blocks
}

function quorumText(f: Fmt, r: MeetingRecord): string {
  const s = r.session
  if (s.quorumMet === true) return f.t('documents:record.quorum.met', { present: r.attendance.present, expected: r.attendance.expected })
  if (s.quorumOverride) return f.t('documents:record.quorum.overridden', { by: isolate(s.quorumOverride.by), reason: isolate(s.quorumOverride.reason), time: f.time(s.quorumOverride.at) })
  if (s.quorumMet === false) return f.t('documents:record.quorum.notMet')
  return f.t('documents:record.quorum.notOpened')
}

function speechTable(f: Fmt, speeches: SpeechEntry[]): Block[] {
  if (!speeches.length) return []
  const { t } = f
  return [
    {
      kind: 'table',
      header: [t('documents:record.speech.speaker'), t('documents:record.speech.stance'), t('documents:record.speech.summary'), t('documents:record.speech.length')],
      rows: speeches.map((s) => [
        s.speakerKind === 'observer' ? t('session:speech.observer', { name: f.name(s.speaker) }) : f.name(s.speaker),
        t(`session:stance.${s.stance}`),
        f.text(s.summary),
        f.duration(s.seconds),
      ]),
    },
  ]
}

const ROLL_CALL_PAIRS = 3

function voteBlocks(f: Fmt, v: VoteEntry, n: number, votes: readonly VoteEntry[] = []): Block[] {
  const { t } = f
  const label = t('documents:record.vote.label', { n })
  const head = t('documents:record.vote.line', { method: t(`documents:method.${v.method}`), rule: t(`votes:rule.${v.rule}`), opened: f.time(v.openedAt), closed: v.closedAt ? f.time(v.closedAt) : t('documents:dash') })
  const r = v.result
  if (v.cancelled) return [field(label, head), ...revoteBlocks(f, v, votes), ...cancelledBlocks(f, v)]
  if (!r) return [field(label, head), ...revoteBlocks(f, v, votes), para(t('documents:record.vote.open'))]
  const c = r.counts
  const blocks: Block[] = [
    field(label, head),
    ...revoteBlocks(f, v, votes),
    {
      kind: 'table',
      header: [t('votes:counts.for'), t('votes:counts.against'), t('votes:counts.abstain'), t('votes:counts.absent'), t('votes:counts.recused'), t('votes:counts.notVoted'), t('documents:record.vote.base'), t('documents:record.vote.outcome')],
      rows: [[c.for, c.against, c.abstain, c.absent, c.recused, c.notVoted].map(String).concat([t('documents:record.vote.baseValue', { base: t(`votes:denominator.${r.denominator}`), of: r.threshold.of }), t(`votes:outcome.${r.outcome}`)])],
    },
  ]
  const reason = r.reasons[0]
  if (reason) blocks.push(para(t(`votes:reason.${reason.code}`, reason.params), false))
  blocks.push(...correctionBlocks(f, v))
  if (v.rollCall.length) {
    // Three member–choice pairs a row: a roll call of 25 takes 9 rows, not 25.
    const cells = v.rollCall.map((e) => [f.name(e.member), t(`votes:counts.${e.choice}`)])
    const rows: string[][] = []
    for (let i = 0; i < cells.length; i += ROLL_CALL_PAIRS) rows.push(Array.from({ length: ROLL_CALL_PAIRS }, (_, k) => cells[i + k] ?? ['', '']).flat())
    blocks.push({ kind: 'table', header: Array.from({ length: ROLL_CALL_PAIRS }, () => [t('documents:record.vote.member'), t('documents:record.vote.choice')]).flat(), rows })
  }
  if (v.phone) {
    blocks.push(para(t('documents:record.vote.phone', { count: v.phone.ballots }), false))
    if (v.phone.receipts.length) blocks.push(para(t('documents:record.vote.receipts', { list: v.phone.receipts.join(' ') }), false))
  }
  return blocks
}

function motionBlocks(f: Fmt, m: MotionEntry, amendment: boolean): Block[] {
  const { t } = f
  const blocks: Block[] = [
    field(t('documents:record.motion.proposer'), t('documents:record.motion.proposedAt', { name: f.name(m.proposer), time: f.time(m.createdAt) })),
    field(t('documents:record.motion.seconders'), f.list(m.seconders.map((p) => f.name(p)))),
    field(t('documents:record.motion.status'), t(`session:motionStatus.${m.status}`)),
  ]
  const earlier = m.textVersions.slice(0, -1)
  if (earlier.length) {
    blocks.push(field(t('documents:record.motion.earlier'), ''))
    earlier.forEach((v, i) => blocks.push(para(t(v.amendmentId ? 'documents:record.motion.versionAmended' : 'documents:record.motion.version', { n: i + 1, time: f.time(v.at), text: isolate(v.text) }), false)))
  }
  blocks.push(...speechTable(f, m.speeches))
  m.votes.forEach((v, i) => blocks.push(...voteBlocks(f, v, i + 1, m.votes)))
  // An adopted amendment is not a resolution: its text became the main motion's.
  if (m.status === 'passed' && !amendment) blocks.push(field(t('documents:record.motion.resolution'), isolate(m.text)))
  if (m.resolution) {
    if (m.resolution.implementer) blocks.push(field(t('documents:record.motion.implementer'), isolate(m.resolution.implementer)))
    if (m.resolution.due) blocks.push(field(t('documents:record.motion.due'), f.date(m.resolution.due)))
  }
  return blocks
}

function itemBlocks(f: Fmt, item: AgendaEntry, index: number): Block[] {
  const { t, lang } = f
  const blocks: Block[] = [heading(1, headingNumber(1, index + 1, lang), isolate(item.title))]
  if (item.description.trim()) blocks.push(...f.paragraphs(item.description))
  blocks.push(field(t('documents:record.item.proposer'), f.text(item.proposer)), field(t('documents:record.item.source'), t(`common:enums.source.${item.source}`)))
  if (item.recusals.length)
    blocks.push(field(t('documents:record.item.recusals'), f.list(item.recusals.map((r) => t('documents:record.withReason', { name: f.name(r.member), reason: f.text(r.reason) })))))
  blocks.push(...f.paragraphs(item.notes))
  if (!item.motions.length) blocks.push(para(t('documents:record.item.noMotion')))
  item.motions.forEach((m, i) => {
    blocks.push(heading(2, headingNumber(2, i + 1, lang), t('documents:record.motion.title', { text: isolate(m.text) })), ...motionBlocks(f, m, false))
    m.amendments.forEach((a, j) => blocks.push(heading(3, headingNumber(3, j + 1, lang), t('documents:record.motion.amendment', { text: isolate(a.text) })), ...motionBlocks(f, a, true)))
  })
  return blocks
}

function signInSheet(f: Fmt, r: MeetingRecord): Block {
  const { t } = f
  const rows = r.attendance.members.map((m, i) => [
    String(i + 1),
    isolate(m.name),
    t(`common:enums.role.${m.role}`),
    t(`session:attendance.${m.status}`),
    f.text(m.reason),
    m.events.length ? m.events.map((e) => t(`session:signIn.event.${e.kind === 'depart' ? 'depart' : 'arrive'}`, { time: f.time(e.at) })).join(t('documents:listSep')) : t('documents:dash'),
  ])
  r.observers.forEach((o) => rows.push([String(rows.length + 1), isolate(o.name), t('common:enums.role.observer'), t('documents:record.signIn.observer'), f.text(o.note), t('documents:dash')]))
  return {
    kind: 'table',
    header: [t('documents:record.signIn.n'), t('documents:record.signIn.name'), t('documents:record.signIn.role'), t('documents:record.signIn.status'), t('documents:record.signIn.note'), t('documents:record.signIn.events')],
    rows,
  }
}

function signatureBlock(f: Fmt, signatures: Signature[]): Block {
  const entry = (role: 'chair' | 'recorder') => {
    const s = signatures.find((x) => x.role === role)
    return { label: f.t(`documents:record.sign.${role}`), name: s ? isolate(s.name) : '', at: s ? f.instant(s.signedAt) : '' }
  }
  return { kind: 'signatures', entries: [entry('chair'), entry('recorder')] }
}

export function recordDocument(src: MinutesSources, o: LayoutOptions): PrintDocument {
  const f = new Fmt(o)
  const { t } = f
  const r = src.record
  f.day = r.meeting.startsAt.slice(0, 10)
  const title = t('documents:record.title', { council: isolate(r.council.name) })
  const blocks: Block[] = [
    { kind: 'title', text: title },
    { kind: 'subtitle', text: isolate(r.meeting.title) },
    field(t('documents:record.field.time'), f.local(r.meeting.startsAt)),
    field(t('documents:record.field.opened'), r.session.openedAt ? f.time(r.session.openedAt) : t('documents:dash')),
    field(t('documents:record.field.place'), f.text(r.meeting.place)),
    field(t('documents:record.field.convener'), f.text(r.meeting.convener)),
    field(t('documents:record.field.chair'), chairName(f, r)),
    field(t('documents:record.field.recorder'), f.name(r.recorder)),
    ...attendanceFields(f, r),
    field(t('documents:record.field.quorum'), quorumText(f, r)),
  ]
  if (r.narrative.trim()) blocks.push(heading(1, '', t('documents:record.narrative')), ...f.paragraphs(r.narrative))
  r.agenda.forEach((item, i) => blocks.push(...itemBlocks(f, item, i)))
  blocks.push(para(r.session.closedAt ? t('documents:record.closed', { time: f.time(r.session.closedAt) }) : t('documents:record.notClosed')))
  blocks.push(signatureBlock(f, src.signatures), ...sealBlock(f, src.sealedHash))
  if (src.corrections.length) {
    blocks.push(heading(1, '', t('documents:record.corrections')))
    for (const c of src.corrections)
      blocks.push(para(t('documents:record.correction', { time: f.instant(c.at), by: isolate(c.by), text: isolate(c.text) })), field(t('documents:record.amends'), isolate(c.amends)))
  }
  blocks.push({ kind: 'pageBreak' }, heading(1, '', t('documents:record.attachment')), signInSheet(f, r))
  return { kind: 'record', lang: o.lang, title, draft: draftMark(f, src.sealedHash), footer: isolate(r.council.name), blocks }
}

// ---------------------------------------------------------------------------------------------
// 纪要: the official summary the street office files (GB/T 9704 structure).

/** The outcome of a motion in plain words: the announced counts and rule, or why there was none. */
function outcomeSentence(f: Fmt, m: MotionEntry): string {
  const { t } = f
  if (m.status === 'withdrawn' || m.status === 'deferred') return t(`documents:summary.status.${m.status}`)
  const v = lastResult(m)
  if (!v?.result) return t('documents:summary.status.noVote')
  const r = v.result
  const params = { method: t(`documents:method.${v.method}`), rule: t(`votes:rule.${r.rule}`), for: r.counts.for, against: r.counts.against, abstain: r.counts.abstain }
  return fixedSentence(f, v, t(`documents:summary.vote.${r.outcome}`, params))
}

function followUp(f: Fmt, m: MotionEntry): string {
  const res = m.resolution
  if (m.status !== 'passed' || !res || (!res.implementer && !res.due)) return ''
  const key = res.implementer && res.due ? 'both' : res.implementer ? 'implementer' : 'due'
  return f.t(`documents:summary.followUp.${key}`, { implementer: isolate(res.implementer), due: res.due ? f.date(res.due) : '' })
}

function openingParagraph(f: Fmt, r: MeetingRecord): string {
  const { t } = f
  const a = r.attendance
  const s = r.session
  let text = t('documents:summary.opening', {
    when: f.local(r.meeting.startsAt),
    convener: f.text(r.meeting.convener),
    place: r.meeting.place.trim() ? isolate(r.meeting.place) : t('meetings:noPlace'),
    title: isolate(r.meeting.title),
    chair: chairName(f, r),
  })
  // Only the figures the quorum rests on: who was on leave, absent or observing is said once, by
  // name, in the 出席 / 请假 / 缺席 / 列席 lines after the body (said twice before, issue 14).
  text += t('documents:summary.attended', { count: a.expected, present: a.present })
  text += s.quorumMet ? t('documents:summary.quorumMet') : s.quorumOverride ? t('documents:summary.quorumOverridden', { by: isolate(s.quorumOverride.by) }) : t('documents:summary.quorumNotMet')
  return text
}

export function summaryDocument(src: MinutesSources, o: LayoutOptions): PrintDocument {
  const f = new Fmt(o)
  const { t, lang } = f
  const r = src.record
  f.day = r.meeting.startsAt.slice(0, 10)
  const title = t('documents:summary.title', { council: isolate(r.council.name) })
  const blocks: Block[] = [
    { kind: 'title', text: title },
    { kind: 'subtitle', text: t('documents:summary.subtitle', { title: isolate(r.meeting.title), date: f.date(f.day) }) },
    para(openingParagraph(f, r)),
    ...f.paragraphs(r.narrative),
  ]
  if (r.agenda.length) blocks.push(para(t('documents:summary.items')))
  r.agenda.forEach((item, i) => {
    blocks.push(heading(1, headingNumber(1, i + 1, lang), isolate(item.title)))
    blocks.push(...f.paragraphs(item.description))
    if (item.recusals.length) blocks.push(para(t('documents:summary.recusals', { names: f.list(item.recusals.map((x) => f.name(x.member))) })))
    if (!item.motions.length) blocks.push(para(t('documents:summary.noResolution')))
    item.motions.forEach((m, j) => {
      // In the order the meeting decided: each amendment and its vote, then the main motion's resolution.
      blocks.push(heading(2, headingNumber(2, j + 1, lang), isolate(m.text)))
      m.amendments.forEach((a, k) => blocks.push(heading(3, headingNumber(3, k + 1, lang), t('documents:summary.amendment', { text: isolate(a.text) })), para(outcomeSentence(f, a))))
      const main = outcomeSentence(f, m) + followUp(f, m)
      blocks.push(para(m.amendments.length ? t('documents:summary.mainMotion', { outcome: main }) : main))
    })
  })
  const a = r.attendance
  const names = (status: string) => a.members.filter((m) => m.status === status).map((m) => isolate(m.name))
  blocks.push(
    { kind: 'attendance', label: t('documents:summary.present'), value: f.list(names('present')) },
    { kind: 'attendance', label: t('documents:summary.onLeave'), value: f.list(names('leave')) },
  )
  if (a.absent) blocks.push({ kind: 'attendance', label: t('documents:summary.absentees'), value: f.list(names('absent')) })
  const observers = r.observers.map((x) => (x.note.trim() ? t('session:observers.withNote', { name: isolate(x.name), note: isolate(x.note) }) : isolate(x.name)))
  blocks.push({ kind: 'attendance', label: t('documents:summary.attending'), value: f.list(observers) })
  // The 落款: the council, the date, the seal; one block, so no format can leave it alone on a page.
  const seal = sealBlock(f, src.sealedHash)[0]
  blocks.push({
    kind: 'closing',
    issuer: isolate(r.council.name),
    date: f.date(f.instantDate(r.session.closedAt) ?? f.day),
    seal: seal?.kind === 'seal' ? { label: seal.label, hash: seal.hash, note: seal.note } : null,
  })
  return { kind: 'summary', lang: o.lang, title, draft: draftMark(f, src.sealedHash), footer: isolate(r.council.name), blocks }
}

// ---------------------------------------------------------------------------------------------
// 公示: the resolutions passed, the posting period, how to object, and the objections received.

/** Calendar days from start to end, both included; 0 when unreadable. */
function inclusiveDays(start: string, end: string): number {
  const a = Date.parse(`${start}T00:00:00Z`)
  const b = Date.parse(`${end}T00:00:00Z`)
  return Number.isNaN(a) || Number.isNaN(b) || b < a ? 0 : Math.round((b - a) / 86_400_000) + 1
}

export function noticeDocument(src: MinutesSources, o: LayoutOptions): PrintDocument {
  const f = new Fmt(o)
  const { t, lang } = f
  const r = src.record
  const n = src.notice
  f.day = r.meeting.startsAt.slice(0, 10)
  const passed = r.agenda.flatMap((item) => item.motions.filter((m) => m.status === 'passed'))
  const title = t('documents:notice.title', { title: isolate(r.meeting.title) })
  const intro = { council: isolate(r.council.name), title: isolate(r.meeting.title), date: f.date(f.day) }
  const blocks: Block[] = [{ kind: 'title', text: title }, para(passed.length ? t('documents:notice.intro', intro) : t('documents:notice.introNone', intro))]
  passed.forEach((m, i) => {
    const c = lastResult(m)?.result?.counts
    const counts = c ? t('documents:notice.counts', { for: c.for, against: c.against, abstain: c.abstain }) : ''
    blocks.push(para(t('documents:notice.resolution', { n: headingNumber(1, i + 1, lang), text: isolate(m.text), counts }) + followUp(f, m)))
  })
  const undecided = t('documents:notice.undecided')
  blocks.push(
    field(t('documents:notice.place'), n?.place.trim() ? isolate(n.place) : undecided),
    field(t('documents:notice.period'), n ? t('documents:notice.periodValue', { from: f.date(n.startDate), to: f.date(n.endDate), count: inclusiveDays(n.startDate, n.endDate) }) : undecided),
    para(t('documents:notice.howToObject', { council: isolate(r.council.name), convener: f.text(r.meeting.convener) })),
    { kind: 'date', text: isolate(r.council.name) },
    { kind: 'date', text: f.date(n?.startDate ?? f.instantDate(r.session.closedAt) ?? f.day) },
    heading(1, '', t('documents:notice.objections')),
    {
      kind: 'table',
      header: [t('documents:notice.objection.receivedOn'), t('documents:notice.objection.from'), t('documents:notice.objection.content'), t('documents:notice.objection.handling'), t('documents:notice.objection.handledOn')],
      rows: src.objections.length
        ? src.objections.map((x) => [f.date(x.receivedOn), f.text(x.from), f.text(x.content), x.handling.trim() ? isolate(x.handling) : t('documents:notice.objection.pending'), x.handledOn ? f.date(x.handledOn) : t('documents:dash')])
        : [[t('documents:none'), '', '', '', '']],
    },
  )
  return { kind: 'notice', lang: o.lang, title, draft: draftMark(f, src.sealedHash), footer: isolate(r.council.name), blocks }
}

// ---------------------------------------------------------------------------------------------
// 审核意见: the street office's answer to a submission.

export function reviewDocument(rv: ReviewOpinion, o: LayoutOptions): PrintDocument {
  const f = new Fmt(o)
  const { t } = f
  const known = <T extends string>(list: readonly T[], v: string): v is T => (list as readonly string[]).includes(v)
  const title = t('documents:review.title')
  // The sentence the review screen shows (review:detail.<id>.<reason>, or .pass): the checklist
  // names what is wrong by detail.reason. Anything else is printed as its raw figures.
  const detail = (c: ReviewOpinion['checklist'][number]) => {
    const d = c.detail ?? {}
    if (c.status === 'na' && !Object.keys(d).length) return t('documents:dash')
    const code = typeof d.reason === 'string' ? d.reason : c.status === 'pass' || c.status === 'na' ? c.status : null
    if (known(REVIEW_CHECKS, c.id) && code && /^\w+$/.test(code))
      return t(`review:detail.${c.id}.${code}`, Object.fromEntries(Object.entries(d).map(([k, v]) => [k, typeof v === 'string' && isIsoDate(v) ? f.date(v) : v])))
    const entries = Object.entries(d)
    return entries.length ? entries.map(([k, v]) => t('documents:review.detailEntry', { key: isolate(k), value: isolate(String(v)) })).join(t('documents:review.detailSep')) : t('documents:dash')
  }
  const blocks: Block[] = [
    { kind: 'title', text: title },
    { kind: 'subtitle', text: f.text(rv.office) },
    field(t('documents:review.council'), f.text(rv.councilName)),
    field(t('documents:review.meeting'), f.text(rv.meetingTitle)),
    field(t('documents:review.meetingTime'), f.local(rv.meetingStartsAt)),
    field(t('documents:review.decision'), t(`documents:review.decisions.${rv.decision === 'accepted' ? 'accepted' : 'returned'}`)),
    heading(1, '', t('documents:review.comments')),
    ...(rv.comments.trim() ? f.paragraphs(rv.comments) : [para(t('documents:none'))]),
    heading(1, '', t('documents:review.checklist')),
    {
      kind: 'table',
      header: [t('documents:review.item'), t('documents:review.result'), t('documents:review.detail')],
      rows: rv.checklist.map((c) => [
        known(REVIEW_CHECKS, c.id) ? t(`documents:review.check.${c.id}`) : isolate(c.id),
        known(REVIEW_STATUSES, c.status) ? t(`documents:review.status.${c.status}`) : isolate(String(c.status)),
        detail(c),
      ]),
    },
    field(t('documents:review.reviewer'), f.text(rv.reviewer)),
    field(t('documents:review.office'), f.text(rv.office)),
    { kind: 'date', text: f.date(f.instantDate(rv.reviewedAt) ?? rv.reviewedAt) },
  ]
  if (rv.bundleHash) blocks.push({ kind: 'seal', label: t('documents:review.bundleLabel'), hash: rv.bundleHash, note: t('documents:review.bundleNote') })
  return { kind: 'review', lang: o.lang, title, draft: null, footer: isolate(rv.office), blocks }
}
