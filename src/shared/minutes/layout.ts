// The meeting record (会议记录) as a PrintDocument (blocks.ts); the official summary (纪要), the public
// notice (公示) and the review opinion (审核意见) are in layoutSummary.ts, and what all four share
// (sources, options, formatting, block makers) in layoutBase.ts. Pure: every word comes from the
// i18n `t` given, every date is formatted with Intl, and the same sources give the same blocks.
import type { Block, PrintDocument } from './blocks'
import { headingNumber } from './numerals'
import type { Signature } from './seal'
import { cancelledBlocks, correctionBlocks, revoteBlocks } from './voteFixBlocks'
import type { AgendaEntry, MeetingRecord, MotionEntry, SpeechEntry, VoteEntry } from './types'
import { Fmt, field, para, heading, sealBlock, draftMark, chairName, isolate, type LayoutOptions, type MinutesSources } from './layoutBase'

export { isolate, REVIEW_CHECKS, REVIEW_STATUSES, type LayoutOptions, type MinutesSources, type ReviewOpinion } from './layoutBase'
export { noticeDocument, reviewDocument, summaryDocument } from './layoutSummary'

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
