// One or a few figures of `npm run bench` alone, on the same 10-year profile and with the same
// code as bench/run.ts (bench/figures/), for checking a change without the whole run (issue 20).
// Prints each figure beside its budget; writes nothing to bench/results.
//   npx tsx --expose-gc bench/measure-figure.ts keystroke [memory] [--runs N]
//     keystroke: keystroke to a second client through the sync server in its own process (as
//                deployed), and the WebSocket echo floor to a server in its own process too
//                (budget: ≤ 3× the echo, p50; and ≤ 20 ms p50 / 50 ms p95)
//     memory:    decoded documents of a working set guessed without the app (council, households,
//                campaign, the current meeting and 10 before it): the figure before issue 20
// The cold open and the memory budget (the documents the app itself holds, read in Chromium) have
// their own scripts, bench/measure-cold-open.ts and bench/measure-memory.ts.
import { loadProfile } from './profile'
import { singleDoc } from './lib/naive'
import { measureMemory } from './figures/memory'
import { measureSync } from './figures/sync'

const MB = 1e6
const wanted = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--runs')
const runsArg = process.argv.indexOf('--runs')
const runs = (full: number) => (runsArg > 0 ? Number(process.argv[runsArg + 1]) : full)
const known = ['keystroke', 'memory']
const unknown = wanted.filter((w) => !known.includes(w))
if (!wanted.length || unknown.length) {
  console.error(`name one or more figures of: ${known.join(', ')}${unknown.length ? ` (not ${unknown.join(', ')})` : ''}`)
  process.exit(2)
}
const f = (n: number, d = 2) => n.toFixed(d)
const p10 = await loadProfile(10, { log: console.log })

if (wanted.includes('keystroke')) {
  const s = await measureSync(p10, runs(300))
  const ratio = s.keystroke.median / s.echo.median
  console.log(`keystroke to a second client: p50 ${f(s.keystroke.median)} ms, p95 ${f(s.keystroke.p95)} ms (n=${s.keystroke.n}); WebSocket echo p50 ${f(s.echo.median)} ms; ×${f(ratio)} the echo (budget ≤ ×3: ${ratio <= 3 ? 'met' : 'MISSED'})`)
}

if (wanted.includes('memory')) {
  const single = singleDoc(p10.updates)
  const m = measureMemory(p10, single.update, runs(5))
  const top = m.perDoc.slice(0, 3).map((d) => `${d.name} ${f(d.held / MB, 1)} MB`).join(', ')
  console.log(`memory, the guessed working set of ${m.workingDocs} documents decoded: p50 ${f(m.working.median / MB, 1)} MB, p95 ${f(m.working.p95 / MB, 1)} MB; largest: ${top}; the single 10-year document ${f(m.naive.median / MB, 1)} MB`)
}
