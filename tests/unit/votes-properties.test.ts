// Properties of the voting rules that must hold for every register: one more 'for' never hurts,
// accepted counts never exceed the eligible voters, order never matters, quorum is monotone, and
// every threshold agrees with an exact bigint reference, also where floating point goes wrong.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { QUORUM_RULES, THRESHOLD_RULES, type QuorumRule, type ThresholdRule } from '../../src/shared/domain/council'
import {
  evaluateQuorum,
  evaluateVote,
  latestChoice,
  reaches,
  smallestReaching,
  tallyBallots,
  type Choice,
  type OwnerTally,
  type RollCallEntry,
  type VoteInput,
} from '../../src/shared/domain/votes'

const HEADCOUNT_RULES = THRESHOLD_RULES.filter((r) => !r.startsWith('double_majority') && r !== 'unanimity_affected')
const OWNER_RULES = ['double_majority_ordinary', 'double_majority_major', 'unanimity_affected'] as const
const choice = fc.constantFrom<Choice>('for', 'against', 'abstain')
const quorumArb = fc.option(fc.constantFrom(...QUORUM_RULES).map((rule) => ({ rule })), { nil: null })

/** A consistent headcount vote: present ≤ members, recused ≤ present, cast ≤ present − recused. */
const headcountVote = fc
  .record({
    rule: fc.constantFrom(...HEADCOUNT_RULES),
    quorum: quorumArb,
    members: fc.integer({ min: 0, max: 60 }),
    raw: fc.array(fc.nat(), { minLength: 5, maxLength: 5 }),
  })
  .map(({ rule, quorum, members, raw }): VoteInput => {
    const [a = 0, b = 0, c = 0, d = 0, e = 0] = raw
    const present = a % (members + 1)
    const recused = b % (present + 1)
    const eligible = present - recused
    const f = c % (eligible + 1)
    const against = d % (eligible - f + 1)
    const abstain = e % (eligible - f - against + 1)
    return { rule, quorum, members, present, recused, counts: { for: f, against, abstain } }
  })

type Status = 'for' | 'against' | 'abstain' | 'out'
interface Owner {
  area: number
  status: Status
}
/** An estate, owner by owner: areas up to 10^9 hundredths of m²; 'out' did not take part. */
const estate = fc.array(fc.record({ area: fc.integer({ min: 0, max: 1_000_000_000 }), status: fc.constantFrom<Status>('for', 'against', 'abstain', 'out') }), {
  minLength: 1,
  maxLength: 40,
})

function tallyOf(owners: readonly Owner[], affectedOwners?: number): OwnerTally {
  const sum = (pred: (o: Owner) => boolean) => {
    const list = owners.filter(pred)
    return { owners: list.length, areaCentiM2: list.reduce((s, o) => s + o.area, 0) }
  }
  const all = sum(() => true)
  return {
    totalOwners: all.owners,
    totalAreaCentiM2: all.areaCentiM2,
    participating: sum((o) => o.status !== 'out'),
    for: sum((o) => o.status === 'for'),
    against: sum((o) => o.status === 'against'),
    ...(affectedOwners !== undefined ? { affectedOwners } : {}),
  }
}

const ownerVote = (rule: ThresholdRule, owners: OwnerTally): VoteInput => ({ rule, quorum: null, members: 5, present: 5, recused: 0, counts: { for: 0, against: 0, abstain: 0 }, owners })

describe('one more vote for never turns passed into failed', () => {
  it('headcount rules: adding a for vote within the eligible voters', () => {
    fc.assert(
      fc.property(headcountVote, (input) => {
        const cast = input.counts.for + input.counts.against + input.counts.abstain
        fc.pre(cast < input.present - input.recused)
        const before = evaluateVote(input)
        const after = evaluateVote({ ...input, counts: { ...input.counts, for: input.counts.for + 1 } })
        expect(after.outcome).not.toBe('rejected')
        if (before.thresholdMet) expect(after.thresholdMet).toBe(true)
        if (before.outcome === 'passed') expect(after.outcome).toBe('passed')
      }),
      { numRuns: 2000 },
    )
  })

  it('headcount rules: turning an against or an abstention into for', () => {
    fc.assert(
      fc.property(headcountVote, fc.constantFrom('against', 'abstain' as const), (input, from) => {
        fc.pre(input.counts[from] > 0)
        const before = evaluateVote(input)
        const after = evaluateVote({ ...input, counts: { ...input.counts, for: input.counts.for + 1, [from]: input.counts[from] - 1 } })
        if (before.outcome === 'passed') expect(after.outcome).toBe('passed')
      }),
      { numRuns: 1000 },
    )
  })

  it("owner rules: one more owner agrees, with that owner's area (whether or not they had taken part)", () => {
    fc.assert(
      fc.property(estate, fc.nat(), fc.nat(), fc.constantFrom(...OWNER_RULES), (owners, pick, extra, rule) => {
        const candidates = owners.flatMap((o, i) => (o.status === 'abstain' || o.status === 'out' ? [i] : []))
        fc.pre(candidates.length > 0)
        const i = candidates[pick % candidates.length] as number
        const changed = owners.map((o, j) => (j === i ? { ...o, status: 'for' as const } : o))
        const forNow = owners.filter((o) => o.status === 'for').length
        // Unanimity: the affected owners include everyone agreeing now and the one who will.
        const affected = rule === 'unanimity_affected' ? Math.min(owners.length, forNow + 1 + (extra % owners.length)) : undefined
        const before = evaluateVote(ownerVote(rule, tallyOf(owners, affected)))
        const after = evaluateVote(ownerVote(rule, tallyOf(changed, affected)))
        if (before.outcome === 'passed') expect(after.outcome).toBe('passed')
        if (before.outcome !== 'rejected') expect(after.outcome).not.toBe('rejected')
      }),
      { numRuns: 2000 },
    )
  })
})

describe('accepted counts never exceed the eligible voters', () => {
  const messy = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: -2, max: 40 }) }, { weight: 1, arbitrary: fc.double() }, { weight: 1, arbitrary: fc.constant(Number.NaN) })
  const group = fc.record({ owners: messy, areaCentiM2: messy })
  const anyOwners = fc.option(
    fc.record({ totalOwners: messy, totalAreaCentiM2: messy, participating: group, for: group, against: group, affectedOwners: fc.option(messy, { nil: undefined }) }),
    { nil: undefined },
  )

  it('in every result that is not rejected', () => {
    fc.assert(
      fc.property(fc.constantFrom(...THRESHOLD_RULES), quorumArb, messy, messy, messy, messy, messy, messy, anyOwners, (rule, quorum, members, present, recused, f, against, abstain, owners) => {
        const input: VoteInput = { rule, quorum, members, present, recused, counts: { for: f, against, abstain }, ...(owners ? { owners: owners as OwnerTally } : {}) }
        const r = evaluateVote(input)
        expect(r.reasons.length).toBeGreaterThan(0)
        for (const n of [r.counts.absent, r.counts.notVoted]) expect(Number.isSafeInteger(n) && n >= 0).toBe(true)
        if (r.outcome === 'rejected') return
        for (const n of [members, present, recused, f, against, abstain]) expect(Number.isSafeInteger(n) && n >= 0).toBe(true)
        expect(present).toBeLessThanOrEqual(members)
        expect(f + against + abstain).toBeLessThanOrEqual(present - recused)
        expect(f + against + abstain + r.counts.notVoted).toBe(present - recused)
        if (r.figures) for (const fig of r.figures) expect(fig.value).toBeLessThanOrEqual(fig.of)
      }),
      { numRuns: 3000 },
    )
  })
})

describe('order never matters', () => {
  const shuffled = <T>(arb: fc.Arbitrary<T[]>) => arb.chain((xs) => fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length })))

  it('tallyBallots gives the same counts, and so the same result, for ballots in any order', () => {
    fc.assert(
      fc.property(shuffled(fc.array(choice.map((c) => ({ choice: c })), { maxLength: 80 })), fc.constantFrom(...HEADCOUNT_RULES), ([ballots, again], rule) => {
        const a = tallyBallots(ballots)
        expect(tallyBallots(again)).toEqual(a)
        expect(a.for + a.against + a.abstain).toBe(ballots.length)
        const input = (counts: typeof a): VoteInput => ({ rule, quorum: null, members: 80, present: 80, recused: 0, counts })
        expect(evaluateVote(input(tallyBallots(again)))).toEqual(evaluateVote(input(a)))
      }),
    )
  })

  it('latestChoice decides the same way whatever order two devices synced their entries in', () => {
    const entries = fc
      .array(fc.record({ memberId: fc.constantFrom('m1', 'm2', 'm3', 'm4'), choice, minute: fc.integer({ min: 0, max: 3 }), ms: fc.boolean() }), { maxLength: 30 })
      .map((list): RollCallEntry[] =>
        // Few distinct instants, some written without milliseconds, so ties are common.
        list.map((e, i) => ({ memberId: e.memberId, choice: e.choice, at: `2025-03-01T09:0${e.minute}:00${e.ms ? '.000' : ''}Z`, entryId: `entry-${String(i).padStart(3, '0')}` })),
      )
    fc.assert(
      fc.property(shuffled(entries), ([list, again]) => {
        const a = latestChoice(list)
        expect(latestChoice(again)).toEqual(a)
        for (const d of a) {
          for (const e of d.entries) expect(Date.parse(e.at) <= Date.parse(d.decidedBy.at)).toBe(true)
          expect(d.conflicting.every((e) => e.choice !== d.choice)).toBe(true)
        }
      }),
    )
  })
})

describe('evaluateQuorum', () => {
  it('is monotone in present: more members present never loses the quorum', () => {
    fc.assert(
      fc.property(fc.constantFrom(...QUORUM_RULES), fc.integer({ min: 0, max: 5000 }), fc.nat(), fc.nat(), (rule, members, x, y) => {
        const [p1, p2] = [x % (members + 1), y % (members + 1)].sort((a, b) => a - b) as [number, number]
        if (evaluateQuorum(rule, { members, present: p1 }).met) expect(evaluateQuorum(rule, { members, present: p2 }).met).toBe(true)
      }),
      { numRuns: 2000 },
    )
  })

  it('is met exactly when present reaches required, which is the exact fraction of the register', () => {
    const share: Record<QuorumRule, [bigint, bigint, boolean]> = { more_than_half: [1n, 2n, true], at_least_two_thirds: [2n, 3n, false] }
    fc.assert(
      fc.property(fc.constantFrom(...QUORUM_RULES), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.nat(), (rule, members, x) => {
        const present = members === 0 ? 0 : Number(BigInt(x) % BigInt(members + 1)) // may lose the +1 near 2^53: fine, any present ≤ members
        const [num, den, strict] = share[rule]
        const l = BigInt(present) * den
        const rgt = BigInt(members) * num
        const exact = members > 0 && (strict ? l > rgt : l >= rgt)
        const r = evaluateQuorum(rule, { members, present })
        expect(r.met).toBe(exact)
        if (members > 0) expect(r.met).toBe(present >= r.required)
      }),
      { numRuns: 2000 },
    )
  })
})

describe('exact, never floating point', () => {
  const SHARE: Record<string, [bigint, bigint, boolean]> = {
    half: [1n, 2n, true],
    two_thirds: [2n, 3n, false],
    three_quarters: [3n, 4n, false],
  }
  const shareOf = (rule: ThresholdRule) => SHARE[rule.replace(/_(present|all)$/, '')] as [bigint, bigint, boolean]
  const ref = (value: bigint, of: bigint, [num, den, strict]: [bigint, bigint, boolean]) => of > 0n && (strict ? value * den > of * num : value * den >= of * num)

  /** A 'for' count right at the rule's boundary (−1, 0, +1) of a denominator as large as 2^53 − 1. */
  const boundary = fc
    .record({ rule: fc.constantFrom(...HEADCOUNT_RULES.filter((r) => r !== 'simple_majority')), of: fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.maxSafeNat()), delta: fc.integer({ min: -2, max: 2 }) })
    .map(({ rule, of, delta }) => {
      const [num, den] = shareOf(rule)
      const edge = (BigInt(of) * num) / den + BigInt(delta)
      const f = edge < 0n ? 0n : edge > BigInt(of) ? BigInt(of) : edge
      return { rule, of, f: Number(f) }
    })

  it('every "present" and "all" threshold agrees with a bigint reference at its boundary, up to 2^53 − 1', () => {
    fc.assert(
      fc.property(boundary, ({ rule, of, f }) => {
        const r = evaluateVote({ rule, quorum: null, members: of, present: of, recused: 0, counts: { for: f, against: 0, abstain: 0 } })
        expect(r.outcome).not.toBe('rejected')
        expect(r.thresholdMet).toBe(ref(BigInt(f), BigInt(of), shareOf(rule)))
        if (of > 0) expect(r.thresholdMet).toBe(f >= (r.threshold.required as number))
      }),
      { numRuns: 3000 },
    )
  })

  it.each([
    // Here floating point answers wrongly: f·4 ≥ of·3 rounds to true, f/of ≥ 2/3 rounds to true.
    ['three_quarters_all', 9_007_199_254_740_991, 6_755_399_441_055_743, false],
    ['three_quarters_all', 9_007_199_254_740_991, 6_755_399_441_055_744, true],
    ['two_thirds_all', 9_007_199_254_740_991, 6_004_799_503_160_660, false],
    ['two_thirds_all', 9_007_199_254_740_991, 6_004_799_503_160_661, true],
    ['two_thirds_present', 9_007_199_254_740_986, 6_004_799_503_160_657, false],
  ] as const)('%s: of %i, %i for (where floats disagree) → %s', (rule, of, f, met) => {
    expect(evaluateVote({ rule, quorum: null, members: of, present: of, recused: 0, counts: { for: f, against: 0, abstain: 0 } }).thresholdMet).toBe(met)
  })

  it('double majority agrees with a bigint reference, for random areas up to 10^9 hundredths of m² each', () => {
    fc.assert(
      fc.property(estate, fc.boolean(), (owners, major) => {
        const t = tallyOf(owners)
        const r = evaluateVote(ownerVote(major ? 'double_majority_major' : 'double_majority_ordinary', t))
        if (t.totalAreaCentiM2 === 0) return void expect(r.outcome).toBe('rejected')
        const B = BigInt
        const participation = ref(B(t.participating.areaCentiM2), B(t.totalAreaCentiM2), [2n, 3n, false]) && ref(B(t.participating.owners), B(t.totalOwners), [2n, 3n, false])
        const approval: [bigint, bigint, boolean] = major ? [3n, 4n, false] : [1n, 2n, true]
        const approved = ref(B(t.for.areaCentiM2), B(t.participating.areaCentiM2), approval) && ref(B(t.for.owners), B(t.participating.owners), approval)
        expect(r.outcome).toBe(participation && approved ? 'passed' : 'failed')
      }),
      { numRuns: 3000 },
    )
  })

  it('double majority agrees with a bigint reference at the area boundary, for estate totals up to 2^53 − 1', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), fc.nat(), fc.integer({ min: -2, max: 2 }), fc.boolean(), (total, x, delta, major) => {
        fc.pre(total > 0)
        const B = BigInt
        const part = Number(((B(total) * 2n) / 3n + B(x % 3)) % (B(total) + 1n)) // participation at or near two thirds
        const [num, den] = major ? [3n, 4n] : [1n, 2n]
        const edge = (B(part) * num) / den + B(delta)
        const forArea = Number(edge < 0n ? 0n : edge > B(part) ? B(part) : edge)
        const t: OwnerTally = {
          totalOwners: 12,
          totalAreaCentiM2: total,
          participating: { owners: 12, areaCentiM2: part },
          for: { owners: 12, areaCentiM2: forArea },
          against: { owners: 0, areaCentiM2: 0 },
        }
        const r = evaluateVote(ownerVote(major ? 'double_majority_major' : 'double_majority_ordinary', t))
        const expected = ref(B(part), B(total), [2n, 3n, false]) && ref(B(forArea), B(part), [num, den, !major])
        expect(r.outcome).toBe(expected ? 'passed' : 'failed')
      }),
      { numRuns: 3000 },
    )
  })

  it('smallestReaching is the exact boundary: it reaches, one less does not', () => {
    const share = fc.constantFrom({ num: 1, den: 2, strict: true }, { num: 2, den: 3, strict: false }, { num: 3, den: 4, strict: false }, { num: 1, den: 1, strict: false })
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.maxSafeNat().filter((n) => n > 0)), share, (of, s) => {
        const k = smallestReaching(of, s)
        expect(reaches(k, of, s)).toBe(true)
        if (k > 0) expect(reaches(k - 1, of, s)).toBe(false)
      }),
      { numRuns: 2000 },
    )
  })
})
