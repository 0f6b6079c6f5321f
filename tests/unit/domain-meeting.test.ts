// The meeting state machine (domain.md section 2), agenda locking and validation.
import { describe, expect, it } from 'vitest'
import {
  agendaMinutes,
  canEditAgenda,
  canTransition,
  MAX_TEXT,
  MAX_TITLE,
  MEETING_STATUSES,
  validateAgendaItem,
  validateMeeting,
  type MeetingStatus,
  type ProposalSource,
} from '../../src/shared/domain/meeting'
import { itemFields, meetingFields } from './helpers'

describe('canTransition', () => {
  it('allows the path of domain.md, one step at a time', () => {
    const path: MeetingStatus[] = ['draft', 'noticed', 'in_session', 'closed', 'minutes_drafted', 'signed', 'published', 'submitted', 'accepted']
    for (let i = 0; i + 1 < path.length; i++) expect(canTransition(path[i]!, path[i + 1]!), `${path[i]} → ${path[i + 1]}`).toBe(true)
  })

  it('lets the street office return submitted minutes, and lets returned minutes be redrafted', () => {
    expect(canTransition('submitted', 'returned')).toBe(true)
    expect(canTransition('returned', 'minutes_drafted')).toBe(true)
  })

  it.each<[MeetingStatus, MeetingStatus]>([
    ['draft', 'closed'],
    ['draft', 'in_session'],
    ['noticed', 'draft'],
    ['in_session', 'noticed'],
    ['closed', 'signed'],
    ['signed', 'minutes_drafted'],
    ['published', 'accepted'],
    ['accepted', 'returned'],
    ['returned', 'published'],
  ])('refuses %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(false)
  })

  it('never allows staying in place, and accepted is final', () => {
    for (const s of MEETING_STATUSES) {
      expect(canTransition(s, s)).toBe(false)
      expect(canTransition('accepted', s)).toBe(false)
    }
  })

  it('can reach accepted from draft: every status is on a path', () => {
    const reachable = new Set<MeetingStatus>(['draft'])
    let grew = true
    while (grew) {
      grew = false
      for (const from of [...reachable]) {
        for (const to of MEETING_STATUSES) {
          if (canTransition(from, to) && !reachable.has(to)) {
            reachable.add(to)
            grew = true
          }
        }
      }
    }
    expect([...reachable].sort()).toEqual([...MEETING_STATUSES].sort())
  })
})

describe('canEditAgenda', () => {
  it('only while the meeting is a draft: after the notice the agenda is fixed', () => {
    for (const s of MEETING_STATUSES) expect(canEditAgenda(s), s).toBe(s === 'draft')
  })
})

describe('validateMeeting', () => {
  it('accepts a complete meeting', () => {
    expect(validateMeeting(meetingFields())).toEqual({})
  })

  it('requires a title and a wall-clock start time, and limits the texts', () => {
    expect(validateMeeting(meetingFields({ title: ' ' }))).toEqual({ title: 'titleRequired' })
    expect(validateMeeting(meetingFields({ title: 't'.repeat(MAX_TITLE + 1) }))).toEqual({ title: 'titleTooLong' })
    expect(validateMeeting(meetingFields({ startsAt: '2025-03-10' }))).toEqual({ startsAt: 'startsAtInvalid' })
    expect(validateMeeting(meetingFields({ startsAt: '2025-03-10T19:30:00+08:00' }))).toEqual({ startsAt: 'startsAtInvalid' })
    expect(validateMeeting(meetingFields({ place: 'p'.repeat(MAX_TITLE + 1), convener: 'c'.repeat(MAX_TITLE + 1) }))).toEqual({
      place: 'textTooLong',
      convener: 'textTooLong',
    })
  })
})

describe('validateAgendaItem', () => {
  it('accepts a complete item', () => {
    expect(validateAgendaItem(itemFields())).toEqual({})
    expect(validateAgendaItem(itemFields({ attachments: ['方案.pdf', '图纸.dwg'] }))).toEqual({})
  })

  it('requires a title and limits its length', () => {
    expect(validateAgendaItem(itemFields({ title: '\t' }))).toEqual({ title: 'titleRequired' })
    expect(validateAgendaItem(itemFields({ title: '议'.repeat(MAX_TITLE) }))).toEqual({})
    expect(validateAgendaItem(itemFields({ title: '议'.repeat(MAX_TITLE + 1) }))).toEqual({ title: 'titleTooLong' })
  })

  it('limits the description and proposer', () => {
    expect(validateAgendaItem(itemFields({ description: 'd'.repeat(MAX_TEXT) }))).toEqual({})
    expect(validateAgendaItem(itemFields({ description: 'd'.repeat(MAX_TEXT + 1) }))).toEqual({ description: 'textTooLong' })
    expect(validateAgendaItem(itemFields({ proposer: 'p'.repeat(MAX_TITLE + 1) }))).toEqual({ proposer: 'textTooLong' })
  })

  it('accepts only the three sources of a proposal', () => {
    for (const source of ['residents', 'council', 'higher_level'] as const) expect(validateAgendaItem(itemFields({ source }))).toEqual({})
    expect(validateAgendaItem(itemFields({ source: 'mayor' as ProposalSource }))).toEqual({ source: 'sourceInvalid' })
  })

  it('wants a whole number of minutes from 1 to 600', () => {
    for (const m of [1, 600]) expect(validateAgendaItem(itemFields({ expectedMinutes: m }))).toEqual({})
    for (const m of [0, -5, 601, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(validateAgendaItem(itemFields({ expectedMinutes: m })), String(m)).toEqual({ expectedMinutes: 'minutesInvalid' })
    }
  })

  it('refuses blank or overlong attachment names and more than 50 attachments', () => {
    expect(validateAgendaItem(itemFields({ attachments: ['  '] }))).toEqual({ attachments: 'attachmentInvalid' })
    expect(validateAgendaItem(itemFields({ attachments: ['a'.repeat(MAX_TITLE + 1)] }))).toEqual({ attachments: 'attachmentInvalid' })
    expect(validateAgendaItem(itemFields({ attachments: Array.from({ length: 50 }, (_, i) => `f${i}.pdf`) }))).toEqual({})
    expect(validateAgendaItem(itemFields({ attachments: Array.from({ length: 51 }, (_, i) => `f${i}.pdf`) }))).toEqual({ attachments: 'attachmentInvalid' })
  })
})

describe('agendaMinutes', () => {
  it('adds up the expected minutes of the items for the notice', () => {
    expect(agendaMinutes([])).toBe(0)
    expect(agendaMinutes([{ expectedMinutes: 20 }, { expectedMinutes: 15 }, { expectedMinutes: 5 }])).toBe(40)
  })
})
