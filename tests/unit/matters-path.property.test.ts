// Property tests of a matter's path order (matters/path.ts): whatever a secretary tries in whatever
// order, a step that stands has every step it depends on standing and passed, never dated after it;
// and what stands depends only on the set of records, not on the order two laptops' records arrive in.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PATHS, PATH_IDS, resolvePath, stepRefusal, type PathId, type StepEntry, type StepKey, type StepRecord } from '../../src/shared/matters/matterPath'

const day = (i: number) => new Date(Date.UTC(2026, 3, 1) + i * 86_400_000).toISOString().slice(0, 10)

const attempt = fc.record({
  stepIndex: fc.nat(7),
  mode: fc.constantFrom('meeting', 'outside', 'skipped'),
  dayOffset: fc.integer({ min: 0, max: 30 }),
  outcome: fc.constantFrom('approved', 'rejected', 'done'),
  reason: fc.constantFrom('', '急需处理'),
  followUpDone: fc.boolean(),
})

type Attempt = typeof attempt extends fc.Arbitrary<infer T> ? T : never

function recordOf(a: Attempt): StepRecord {
  const date = day(a.dayOffset)
  if (a.mode === 'skipped') return { mode: 'skipped', date, reason: a.reason }
  if (a.mode === 'meeting') return { mode: 'meeting', date, meetingId: 'meeting-1', outcome: a.outcome }
  return { mode: 'outside', date, body: '社区党委', outcome: a.outcome }
}

function checkInvariants(path: PathId, entries: StepEntry[]): void {
  const r = resolvePath(path, entries)
  const byKey = new Map(r.steps.map((s) => [s.template.key, s]))
  for (const s of r.steps) {
    if (!s.entry) continue
    for (const dep of s.template.dependsOn) {
      const d = byKey.get(dep)!
      expect(d.state === 'done' || d.state === 'skipped').toBe(true)
      if (!s.outOfOrder) expect(d.entry!.date <= s.entry.date).toBe(true)
    }
    if (s.entry.mode === 'skipped') expect(s.template.resolves).toBeUndefined()
  }
  // Every entry is accounted for exactly once: standing, a conflict, or of a step not on this path.
  const onPath = entries.filter((e) => byKey.has(e.step)).length
  expect(r.steps.reduce((n, s) => n + (s.entry ? 1 : 0) + s.conflicts.length, 0)).toBe(onPath)
}

describe('path order (property)', () => {
  it('records accepted by stepRefusal always leave a path in order, dated in order', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PATH_IDS), fc.array(attempt, { maxLength: 40 }), (path, attempts) => {
        const steps = PATHS[path].map((t) => t.key as StepKey)
        const entries: StepEntry[] = []
        attempts.forEach((a, i) => {
          const step = steps[a.stepIndex % steps.length]!
          const rec = recordOf(a)
          if (stepRefusal(resolvePath(path, entries), step, rec, a.followUpDone) !== null) return
          entries.push({ ...rec, id: `e${String(i).padStart(3, '0')}`, matterId: 'm', step, at: `2026-04-01T00:00:${String(i % 60).padStart(2, '0')}.${String(i).padStart(3, '0')}Z`, by: 'a' })
        })
        checkInvariants(path, entries)
        const r = resolvePath(path, entries)
        // Locally accepted records all stand: nothing a secretary was told was recorded is lost.
        expect(r.steps.every((s) => s.conflicts.length === 0)).toBe(true)
        expect(r.steps.some((s) => s.outOfOrder)).toBe(false)
      }),
      { numRuns: 300 },
    )
  })

  it('any set of records (two laptops, clocks apart) resolves the same in every arrival order, and in order', () => {
    const rawEntry = fc.record({
      a: attempt,
      at: fc.integer({ min: 0, max: 10_000 }),
      id: fc.uuid(),
    })
    fc.assert(
      fc.property(fc.constantFrom(...PATH_IDS), fc.array(rawEntry, { maxLength: 25 }), fc.infiniteStream(fc.nat()), (path, raws, rand) => {
        const steps = PATHS[path].map((t) => t.key as StepKey)
        const entries: StepEntry[] = raws.map((x) => ({ ...recordOf(x.a), id: x.id, matterId: 'm', step: steps[x.a.stepIndex % steps.length]!, at: new Date(Date.UTC(2026, 3, 1) + x.at * 1000).toISOString(), by: 'b' }))
        checkInvariants(path, entries)
        const shuffled = [...entries]
        const it = rand[Symbol.iterator]()
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = (it.next().value as number) % (i + 1)
          ;[shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!]
        }
        expect(resolvePath(path, shuffled)).toEqual(resolvePath(path, entries))
      }),
      { numRuns: 300 },
    )
  })
})
