// The official summary (纪要, GB/T 9704 structure), the public notice (公示) with its objections
// register, and the street office's review opinion (审核意见) as PrintDocuments, built with the
// meeting record's formatting (layoutBase.ts).
import { isIsoDate } from '../domain/dates'
import type { Block, PrintDocument } from './blocks'
import { headingNumber } from './numerals'
import { fixedSentence } from './voteFixBlocks'
import type { MeetingRecord, MotionEntry } from './types'
import { Fmt, field, para, heading, lastResult, sealBlock, draftMark, chairName, isolate, type LayoutOptions, type MinutesSources, type ReviewOpinion, REVIEW_CHECKS, REVIEW_STATUSES } from './layoutBase'

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
