// The join figure of `npm run bench` alone (issue 20): a new device joins the 10-year council
// through the app's own sync code and storage (bench/figures/join.ts says how), timed to tonight's
// meeting open (budget p50 ≤ 2 s) and to every meeting's list row (≤ 10 s). Prints the rows
// beside their budgets; writes nothing to bench/results.
//   npx tsx bench/measure-join.ts [--runs 5] [--no-history]
// --no-history: the device finds no compressed history download (as on a server without it) and
// syncs every document over its WebSocket, for a before/after comparison.
import { loadProfile } from './profile'
import { joinRows, measureJoin } from './figures/join'
import { table } from './lib/report'

const runsArg = process.argv.indexOf('--runs')
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5
const p10 = await loadProfile(10, { log: console.log })
const j = await measureJoin(p10, runs, console.log, { historyDownload: !process.argv.includes('--no-history') })
const rows = joinRows(j)
console.log('')
console.log(table(rows))
const missed = rows.filter((r) => r.verdict === 'MISSED')
console.log(missed.length ? `missed: ${missed.map((r) => r.id).join(', ')}` : 'Every budget met.')
process.exit(missed.length ? 1 : 0)
