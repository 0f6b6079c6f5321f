// Council defaults (domain.md section 2.3, law and practice), the term and validation codes.
import { describe, expect, it } from 'vitest'
import {
  COUNCIL_KINDS,
  DEFAULT_TERM_YEARS,
  defaultCouncilInput,
  defaultRules,
  MAX_NAME,
  validateCouncil,
  type CouncilInput,
  type CouncilKind,
  type QuorumRule,
  type ThresholdRule,
} from '../../src/shared/domain/council'
import { asCouncilId, asMeetingId, isIdString, newAgendaItemId, newCouncilId, newMeetingId, newMemberId } from '../../src/shared/domain/ids'
import { councilInput } from './helpers'

describe('defaultRules per kind (domain.md 2.3)', () => {
  it("residents' assembly: quorum of more than half, decisions by more than half of those present (law)", () => {
    expect(defaultRules('assembly').quorumRule).toBe('more_than_half')
    expect(defaultRules('assembly').defaultThreshold).toBe('half_present')
  })

  it("representatives' assembly: quorum of at least two thirds", () => {
    expect(defaultRules('representatives').quorumRule).toBe('at_least_two_thirds')
  })

  it('resident council: quorum of at least two thirds (practice)', () => {
    expect(defaultRules('resident').quorumRule).toBe('at_least_two_thirds')
  })

  it('courtyard council: the general default, more than half', () => {
    expect(defaultRules('courtyard').quorumRule).toBe('more_than_half')
  })

  it('gives every kind a complete, valid set of rules', () => {
    for (const kind of COUNCIL_KINDS) {
      const input = { ...defaultCouncilInput(kind, '2024-01-15'), name: '议事会' }
      expect(validateCouncil(input), kind).toEqual({})
      expect(typeof defaultRules(kind).secondingRequired).toBe('boolean')
    }
  })
})

describe('defaultCouncilInput', () => {
  it(`starts the term today and ends it ${DEFAULT_TERM_YEARS} years later`, () => {
    expect(DEFAULT_TERM_YEARS).toBe(5)
    const input = defaultCouncilInput('resident', '2024-01-15')
    expect(input).toMatchObject({ kind: 'resident', termStart: '2024-01-15', termEnd: '2029-01-15', name: '', community: '', street: '' })
  })

  it('clamps a term starting on 29 February to 28 February five years later', () => {
    const input = defaultCouncilInput('assembly', '2024-02-29')
    expect(input.termStart).toBe('2024-02-29')
    expect(input.termEnd).toBe('2029-02-28')
  })

  it('carries the rules of its kind', () => {
    const kinds: CouncilKind[] = ['resident', 'courtyard', 'assembly', 'representatives']
    for (const kind of kinds) expect(defaultCouncilInput(kind, '2024-01-15')).toMatchObject(defaultRules(kind))
  })
})

describe('validateCouncil', () => {
  it('accepts a complete council', () => {
    expect(validateCouncil(councilInput())).toEqual({})
  })

  it('requires a name that is not only spaces', () => {
    expect(validateCouncil(councilInput({ name: '' }))).toEqual({ name: 'nameRequired' })
    expect(validateCouncil(councilInput({ name: ' \u3000 ' }))).toEqual({ name: 'nameRequired' })
  })

  it(`refuses a name longer than ${MAX_NAME} characters, after trimming`, () => {
    expect(validateCouncil(councilInput({ name: '议'.repeat(MAX_NAME) }))).toEqual({})
    expect(validateCouncil(councilInput({ name: `  ${'议'.repeat(MAX_NAME)}  ` }))).toEqual({})
    expect(validateCouncil(councilInput({ name: '议'.repeat(MAX_NAME + 1) }))).toEqual({ name: 'nameTooLong' })
  })

  it('refuses an unknown kind and unknown rules', () => {
    const bad = { ...councilInput(), kind: 'village' as CouncilKind, quorumRule: 'half' as QuorumRule, defaultThreshold: 'most' as ThresholdRule }
    expect(validateCouncil(bad)).toEqual({ kind: 'kindInvalid', quorumRule: 'ruleInvalid', defaultThreshold: 'ruleInvalid' })
  })

  it('refuses invalid term dates', () => {
    expect(validateCouncil(councilInput({ termStart: '2024-02-30' }))).toEqual({ termStart: 'termStartInvalid' })
    expect(validateCouncil(councilInput({ termEnd: '2029/01/15' }))).toEqual({ termEnd: 'termEndInvalid' })
  })

  it('refuses a term that ends on or before its start', () => {
    expect(validateCouncil(councilInput({ termStart: '2024-01-15', termEnd: '2024-01-15' }))).toEqual({ termEnd: 'termOrder' })
    expect(validateCouncil(councilInput({ termStart: '2024-01-15', termEnd: '2023-12-31' }))).toEqual({ termEnd: 'termOrder' })
    expect(validateCouncil(councilInput({ termStart: '2024-01-15', termEnd: '2024-01-16' }))).toEqual({})
  })

  it('reports every invalid field at once', () => {
    const input: CouncilInput = { ...councilInput(), name: '', termStart: 'x', termEnd: 'y' }
    expect(validateCouncil(input)).toEqual({ name: 'nameRequired', termStart: 'termStartInvalid', termEnd: 'termEndInvalid' })
  })
})

describe('ids', () => {
  it('makes fresh ids that pass the id check and differ from each other', () => {
    const ids = [newCouncilId(), newMemberId(), newMeetingId(), newAgendaItemId(), newCouncilId()]
    for (const id of ids) expect(isIdString(id)).toBe(true)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('refuses strings that are not ids, including path tricks', () => {
    for (const v of ['', 'short', '../../etc', 'ABCDEFGH-1234', 'a/b/c/d/e/f', 'x'.repeat(65), 'abc def ghi']) {
      expect(isIdString(v), v).toBe(false)
      expect(() => asCouncilId(v)).toThrow()
      expect(() => asMeetingId(v)).toThrow()
    }
    expect(isIdString(12345678)).toBe(false)
  })
})
