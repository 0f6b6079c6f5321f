// Assembles the meeting record (会议记录) from a meeting document: names from the roster of the
// day, lists in the documents' own order, vote results as frozen at close. Pure; never throws on
// damaged data (it reads through the typed accessors, then copies to plain JSON).
import type * as Y from 'yjs'
import { readAttendance, readObservers, readRoster, rosterEntry } from '../doc/attendance'
import { readAgenda, readMeeting } from '../doc/meeting'
import { readMotions, type Motion } from '../doc/motions'
import { readRecusals } from '../doc/recusals'
import { readSession } from '../doc/session'
import { readSpeeches, type Speech } from '../doc/speeches'
import { readVotes, type Vote } from '../doc/votesRead'
import { readItemNotes, readNarrative, readResolution } from '../doc/minutes'
import type { Council } from '../domain/council'
import type { MemberRole } from '../domain/member'
import { byListedPeople } from '../domain/nameOrder'
import { toPlainJson } from './plain'
import { MINUTES_SCHEMA, type MeetingRecord, type MotionEntry, type PersonRef, type SpeechEntry, type VoteEntry } from './types'

export * from './types'

/** How people, speeches, votes and motions (with their amendments) appear in the record. */
function entryMakers(doc: Y.Doc, roster: ReturnType<typeof readRoster>, guests: ReturnType<typeof readObservers>) {
  const listed = new Map(roster.map((r) => [r.memberId as string, r]))
  const guestNames = new Map<string, string>(guests.map((o) => [o.id, o.name]))
  const person = (id: string): PersonRef => ({ id, name: rosterEntry(doc, id)?.name ?? guestNames.get(id) ?? null })
  const speeches = readSpeeches(doc)
  const votes = readVotes(doc)
  const motions = readMotions(doc)
  const speechEntry = (s: Speech): SpeechEntry => ({
    id: s.id,
    speaker: person(s.speakerId),
    speakerKind: s.speakerKind,
    stance: s.stance,
    summary: s.summary,
    startedAt: s.startedAt,
    endedAt: s.endedAt,
    seconds: s.seconds,
  })
  const voteEntry = (v: Vote): VoteEntry => ({
    id: v.id,
    method: v.method,
    rule: v.rule,
    openedAt: v.openedAt,
    closedAt: v.closedAt,
    eligible: v.eligible.length,
    result: v.result,
    // Named votes only, and only as decided from the entries sealed at close (late entries are not the record).
    // In the one order of names (domain/nameOrder), as on the sign-in sheet and the roll-call screen.
    rollCall: v.method === 'roll_call' && v.closedAt !== null ? byListedPeople(v.decisions, (d) => d.memberId, listed).map((d) => ({ member: person(d.memberId), choice: d.choice })) : [],
    // Only for votes that took phone ballots, so the record of every other vote stays as it was.
    ...(v.phone ? { phone: { ballots: v.phone.received, receipts: [...v.phone.receipts] } } : {}),
    // Putting a vote right (doc/voteFixes.ts), each only where it happened: a record without them
    // keeps the exact shape (and seal) it always had.
    ...(v.cancelled ? { cancelled: { ...v.cancelled } } : {}),
    ...(v.corrections.length ? { corrections: v.corrections.map((c) => ({ id: c.id, counts: { ...c.counts }, result: c.result, by: c.by, reason: c.reason, at: c.at })) } : {}),
    ...(v.revoteOf ? { revoteOf: { ...v.revoteOf } } : {}),
  })
  const motionEntry = (m: Motion, withAmendments: boolean): MotionEntry => ({
    id: m.id,
    proposer: person(m.proposerId),
    seconders: m.seconders.map(person),
    text: m.text,
    status: m.status,
    createdAt: m.createdAt,
    textVersions: m.textVersions.map((t) => ({ text: t.text, at: t.at, amendmentId: t.amendmentId })),
    speeches: speeches.filter((s) => s.motionId === m.id).map(speechEntry),
    votes: votes.filter((v) => v.motionId === m.id).map(voteEntry),
    amendments: withAmendments ? motions.filter((a) => a.parentId === m.id).map((a) => motionEntry(a, false)) : [],
    resolution: readResolution(doc, m.id),
  })
  return { person, motions, motionEntry }
}

export function assembleMeetingRecord(doc: Y.Doc, council: Council): MeetingRecord {
  const meeting = readMeeting(doc)
  const roster = readRoster(doc) // already in the one order of names: attendance and observers follow it
  const guests = readObservers(doc)
  const { person, motions, motionEntry } = entryMakers(doc, roster, guests)
  const byRole = (role: MemberRole): PersonRef | null => {
    const e = roster.find((r) => r.role === role)
    return e ? { id: e.memberId, name: e.name } : null
  }

  const rows = readAttendance(doc).filter((r) => r.counts)
  const count = (s: string) => rows.filter((r) => r.status === s).length
  const session = readSession(doc)

  const record: MeetingRecord = {
    schema: MINUTES_SCHEMA,
    council: { id: council.id, name: council.name, community: council.community, street: council.street },
    meeting: { id: meeting?.id ?? '', title: meeting?.title ?? '', startsAt: meeting?.startsAt ?? '', place: meeting?.place ?? '', convener: meeting?.convener ?? '', noticedAt: meeting?.noticedAt ?? null },
    chair: byRole('chair'),
    recorder: byRole('recorder'),
    attendance: {
      expected: rows.length,
      present: count('present'),
      leave: count('leave'),
      absent: count('absent'),
      notRecorded: count('unknown'),
      members: rows.map((r) => ({ memberId: r.memberId, name: r.name, role: r.role, status: r.status, reason: r.reason, events: r.events.map((e) => ({ kind: e.kind, at: e.at })) })),
    },
    observers: [
      ...roster.filter((r) => r.role === 'observer').map((r) => ({ kind: 'member' as const, id: r.memberId, name: r.name, note: '' })),
      ...guests.map((o) => ({ kind: 'guest' as const, id: o.id, name: o.name, note: o.note })),
    ],
    session: {
      signInStartedAt: session.signInStartedAt,
      openedAt: session.openedAt,
      quorumMet: session.quorumMet,
      quorumOverride: session.override ? { ...session.override } : null,
      closedAt: session.closedAt,
    },
    agenda: readAgenda(doc).map((item) => ({
      id: item.id,
      title: item.title,
      description: item.description,
      proposer: item.proposer,
      source: item.source,
      recusals: readRecusals(doc, item.id).map((r) => ({ member: person(r.memberId), reason: r.reason, at: r.at })),
      motions: motions.filter((m) => m.itemId === item.id && m.parentId === null).map((m) => motionEntry(m, true)),
      notes: readItemNotes(doc, item.id),
    })),
    narrative: readNarrative(doc),
  }
  // One pass to plain JSON: the frozen results are values from the wire, and a damaged one must
  // not make the canonical form throw.
  return toPlainJson(record) as MeetingRecord
}
