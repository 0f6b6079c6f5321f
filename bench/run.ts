// `npm run bench` (issue 8): a ten-year council measured against its budgets, its floors and the
// naive single-document design, in one run. Builds (or reuses) the seeded 10-year and 1-year
// profiles (bench/profile.ts), measures each figure as median and p95 of repeated runs, prints the
// table, writes bench/results/<time>.json and bench/results/latest.json, and exits 1 when a budget
// is missed. Not part of `npm test`. Run with --expose-gc (the npm script does).
//   npm run bench [-- --quick] [-- --fresh]      --quick: fewer runs (a smoke run, not a result)
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as Y from 'yjs'
import { loadProfile, type Profile } from './profile'
import { singleDoc } from './lib/naive'
import { serveStatic } from './lib/staticServer'
import { row, table, times, withPrevious, type Row } from './lib/report'
import { summarize, type Summary } from './lib/stats'
import { coldOpen, discardColdOpen, prepareColdOpen, type ColdOpenSample } from './figures/coldOpen'
import { measureDisk } from './figures/disk'
import { measureKeystroke } from './figures/keystroke'
import { loadFloor, naiveLoad } from './figures/load'
import { measureMemory, valuesHeld } from './figures/memory'
import { docsHeld, heldScreens } from './figures/held'
import { discardFloor, floorOpen, prepareFloor, type FloorSetup } from './figures/coldOpenFloor'
import { readHouseholds } from '../src/shared/doc/households'
import { measurePdf } from './figures/pdf'
import { measureRecompute } from './figures/recompute'
import { measureSync } from './figures/sync'
import { joinRows, measureJoin } from './figures/join'
import { measureBackupSize } from './figures/backup'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const quick = process.argv.includes('--quick')
const fresh = process.argv.includes('--fresh')
const RUNS = quick
  ? { cold: 3, keystroke: 300, sync: 60, tally: 40, rate: 5, rateLive: 40, pdf: 3, memory: 2, load: 20, naive: 3, join: 2 }
  : { cold: 10, keystroke: 2000, sync: 300, tally: 200, rate: 30, rateLive: 200, pdf: 10, memory: 5, load: 100, naive: 10, join: 5 }
const MB = 1e6
const startedAt = new Date()
const loadBefore = loadavg()
const log = (s: string) => console.log(s)
const step = async <T>(label: string, fn: () => Promise<T> | T): Promise<T> => {
  const t = performance.now()
  log(`· ${label}…`)
  const out = await fn()
  log(`  done in ${((performance.now() - t) / 1000).toFixed(1)} s`)
  return out
}

// The web build: built if missing; an existing one is used as it is (say how old it is).
const distWeb = join(root, 'dist-web')
if (!existsSync(join(distWeb, 'index.html'))) {
  log('dist-web/ is missing: npm run build:web')
  const b = spawnSync('npm', ['run', 'build:web'], { cwd: root, stdio: 'inherit' })
  if (b.status !== 0) throw new Error('npm run build:web failed')
}
const distBuiltAt = statSync(join(distWeb, 'index.html')).mtime.toISOString()

const p10 = await step('profile, 10 years', () => loadProfile(10, { fresh, log }))
const p1 = await step('profile, 1 year', () => loadProfile(1, { fresh, log }))
const single = await step('naive single document (10 years)', () => {
  const doc = singleDoc(p10.updates)
  const loaded = new Y.Doc()
  Y.applyUpdate(loaded, doc.update)
  return { doc, loaded, update: Y.encodeStateAsUpdate(loaded) }
})

const disk = await step('on-disk size', () => measureDisk(p10, single.update))
const backup = await step('backup file size', () => measureBackupSize(p10))
const floor10 = await step('load floors and the naive load', () => loadFloor(p10, RUNS.load))
const floor1 = loadFloor(p1, RUNS.load)
const naive = naiveLoad(single.update, RUNS.naive)
const keystroke = await step('keystroke, local', () => measureKeystroke(p10, single, RUNS.keystroke))
single.loaded.destroy()
const recompute = await step('tally and campaign rate after a remote change', () => measureRecompute(p10, { tally: RUNS.tally, rate: RUNS.rate, rateLive: RUNS.rateLive }))
const sync = await step('keystroke to a second client, and the WebSocket echo (server in its own process)', () => measureSync(p10, RUNS.sync, 10, 'own'))
const syncShared = await step('  the same with the server in this process', () => measureSync(p10, RUNS.sync, 10, 'shared'))
const joined = await step('a new device joins the 10-year council (app code, fake-indexeddb)', () => measureJoin(p10, RUNS.join))
const pdf = await step('PDF export', () => measurePdf(RUNS.pdf))

// Cold opens: one Chromium at a time, the two profiles interleaved so that load on the machine
// falls on both alike.
const cold = await step('cold open in Chromium (10-year and 1-year profiles)', async () => {
  const profiles: Record<string, Profile> = { p10, p1 }
  const server = await serveStatic(distWeb, { p10: p10.dir, p1: p1.dir })
  const setups = [await prepareColdOpen(server, 'p10', p10), await prepareColdOpen(server, 'p1', p1)]
  const samples: Record<string, ColdOpenSample[]> = { p10: [], p1: [] }
  const floorSamples: ColdOpenSample[] = []
  let held: Record<string, string[]> = {}
  let floor: FloorSetup | null = null
  try {
    // The browser's floor: the same list and meeting as static HTML, timed between the app's runs.
    floor = await prepareFloor(server, setups[0]!)
    for (let i = 0; i < RUNS.cold; i++) {
      for (const s of setups) samples[s.key]!.push(await coldOpen(server, s))
      floorSamples.push(await floorOpen(server, floor))
    }
    // The documents the app holds on tonight's meeting and on the campaign, for the memory figures.
    held = await docsHeld(server, setups[0]!, heldScreens(p10))
  } finally {
    setups.forEach(discardColdOpen)
    if (floor) discardFloor(floor)
    await server.close()
  }
  for (const [k, list] of Object.entries(samples)) {
    if (list.some((s) => s.rows !== profiles[k]!.manifest.meetings.length)) throw new Error(`${k}: the list did not show every meeting`)
  }
  if (floorSamples.some((s) => s.rows !== p10.manifest.meetings.length)) throw new Error('the floor page did not show every meeting')
  return { samples, floorSamples, held, setups: setups.map(({ key, indexedDbBytes, seedMs, firstOpenMs }) => ({ key, indexedDbBytes, seedMs, firstOpenMs })) }
})
const memory = await step('memory of the documents the app holds', () => ({
  meeting: measureMemory(p10, single.update, RUNS.memory, cold.held.meeting),
  campaign: measureMemory(p10, single.update, RUNS.memory, cold.held.campaign),
  register: valuesHeld(p10.updates.get(p10.manifest.householdsDoc)!, readHouseholds, RUNS.memory),
  guessed: measureMemory(p10, single.update, RUNS.memory),
}))

const of = (list: ColdOpenSample[], k: keyof ColdOpenSample): Summary => summarize(list.map((s) => s[k]))
const c10 = of(cold.samples.p10!, 'interactive')
const c1 = of(cold.samples.p1!, 'interactive')
const cFloor = of(cold.floorSamples, 'interactive')
const idb10 = cold.setups.find((s) => s.key === 'p10')!.indexedDbBytes
const ms = (s: Summary) => ({ median: s.median, p95: s.p95, n: s.n, min: s.min, max: s.max })
const mb = (s: Summary) => ({ median: s.median / MB, p95: s.p95 / MB, n: s.n, min: s.min / MB, max: s.max / MB })
/** Two figures measured apart, added (p50 to p50, p95 to p95). */
const sum = (a: Summary, b: Summary): Summary => ({ n: Math.min(a.n, b.n), median: a.median + b.median, p95: a.p95 + b.p95, min: a.min + b.min, max: a.max + b.max })

const rows: Row[] = [
  row({ id: 'coldOpen10', figure: 'cold open, 10-year profile (Chromium): list, then current meeting interactive', unit: 'ms', ...ms(c10), kind: 'budget', budgets: [{ on: 'median', max: 400 }, { on: 'p95', max: 1500 }], ratio: `${times(c10.median, cFloor.median)} browser floor; ${times(c10.median, floor10.summary.median)} load floor` }),
  row({ id: 'coldOpenFloor', figure: 'floor: Chromium alone drawing the same list, then the same meeting, from static HTML', unit: 'ms', ...ms(cFloor), kind: 'floor', ratio: '—' }),
  row({ id: 'coldOpen1', figure: 'cold open, 1-year profile (Chromium)', unit: 'ms', ...ms(c1), kind: 'info', ratio: `${times(c1.median, floor1.summary.median)} load floor` }),
  row({ id: 'coldOpenRatio', figure: 'cold open, 10-year ÷ 1-year', unit: '×', median: c10.median / c1.median, p95: c10.p95 / c1.p95, n: c10.n, kind: 'budget', budgets: [{ on: 'median', max: 1.1 }], ratio: '—' }),
  row({ id: 'coldOpenList10', figure: '  of which: meeting list shown (10-year)', unit: 'ms', ...ms(of(cold.samples.p10!, 'list')), kind: 'info', ratio: '—' }),
  row({ id: 'loadFloor10', figure: 'floor: Y.applyUpdate of council + current meeting (Node)', unit: 'ms', ...ms(floor10.summary), kind: 'floor', ratio: '—' }),
  row({ id: 'naiveLoad', figure: 'baseline: Y.applyUpdate of the single 10-year doc (Node)', unit: 'ms', ...ms(naive), kind: 'baseline', ratio: `${times(naive.median, floor10.summary.median)} load floor; ${times(naive.median, c10.median)} Yishi's whole cold open` }),
  row({ id: 'keystrokeLocal', figure: 'keystroke in the minutes: local transaction (editText)', unit: 'ms', ...ms(keystroke.editText), kind: 'budget', budgets: [{ on: 'p95', max: 1 }], ratio: `${times(keystroke.editText.median, keystroke.floor.median)} floor` }),
  row({ id: 'keystrokeFloor', figure: 'floor: bare Y.Text insert, same meeting doc', unit: 'ms', ...ms(keystroke.floor), kind: 'floor', ratio: '—' }),
  row({ id: 'keystrokeNaive', figure: 'baseline: bare Y.Text insert in the single 10-year doc', unit: 'ms', ...ms(keystroke.naive), kind: 'baseline', ratio: `${times(keystroke.naive.median, keystroke.floor.median)} floor` }),
  row({ id: 'keystrokePeer', figure: 'keystroke to a second client via the sync server in its own process (loopback)', unit: 'ms', ...ms(sync.keystroke), kind: 'budget', budgets: [{ on: 'median', max: 20 }, { on: 'p95', max: 50 }], ratio: `${times(sync.keystroke.median, sync.echo.median)} echo` }),
  row({ id: 'keystrokePeerRatio', figure: '  the same ÷ the WebSocket echo (p50 ÷ p50)', unit: '×', median: sync.keystroke.median / sync.echo.median, p95: sync.keystroke.p95 / sync.echo.p95, n: sync.keystroke.n, kind: 'budget', budgets: [{ on: 'median', max: 3 }], ratio: '—' }),
  row({ id: 'echo', figure: 'floor: raw WebSocket echo round trip (loopback)', unit: 'ms', ...ms(sync.echo), kind: 'floor', ratio: '—' }),
  row({ id: 'keystrokePeerShared', figure: '  the same, server and both clients in one process (before)', unit: 'ms', ...ms(syncShared.keystroke), kind: 'info', ratio: `${times(syncShared.keystroke.median, syncShared.echo.median)} its echo` }),
  ...joinRows(joined),
  row({ id: 'tally', figure: 'vote tally after a remote roll-call entry (apply + tally)', unit: 'ms', ...ms(recompute.tally), kind: 'budget', budgets: [{ on: 'p95', max: 1 }], ratio: `${times(recompute.tally.median, recompute.tallyFloor.median)} floor` }),
  row({ id: 'tallyFloor', figure: 'floor: bare Y.applyUpdate of that entry', unit: 'ms', ...ms(recompute.tallyFloor), kind: 'floor', ratio: '—' }),
  row({ id: 'rate', figure: `campaign rate after a remote signing (${recompute.households} households, ${recompute.campaignEntries} entries)`, unit: 'ms', ...ms(recompute.rate), kind: 'budget', budgets: [{ on: 'p95', max: 1 }], ratio: `${times(recompute.rate.median, recompute.rateFloor.median)} floor` }),
  row({ id: 'rateFull', figure: '  the same recomputed from scratch (readSigningState), as before the live state', unit: 'ms', ...ms(recompute.rateFull), kind: 'info', ratio: `${times(recompute.rateFull.median, recompute.rateFloor.median)} floor` }),
  row({ id: 'rateFloor', figure: 'floor: bare Y.applyUpdate of that entry', unit: 'ms', ...ms(recompute.rateFloor), kind: 'floor', ratio: '—' }),
  row({ id: 'pdf', figure: `PDF export of the minutes, click to file (${pdf.pages} pages)`, unit: 'ms', ...ms(pdf.exportToFile), kind: 'budget', budgets: [{ on: 'p95', max: 600 }], ratio: `${times(pdf.exportToFile.median, pdf.printOnly.median)} floor` }),
  row({ id: 'pdfRatio', figure: "  the same ÷ Chromium's print alone (p50 ÷ p50)", unit: '×', median: pdf.exportToFile.median / pdf.printOnly.median, p95: pdf.exportToFile.p95 / pdf.printOnly.p95, n: pdf.exportToFile.n, kind: 'budget', budgets: [{ on: 'median', max: 1.2 }], ratio: '—' }),
  row({ id: 'pdfFloor', figure: "floor: Chromium's print alone, same HTML loaded", unit: 'ms', ...ms(pdf.printOnly), kind: 'floor', ratio: '—' }),
  row({ id: 'memory', figure: `memory: decoded docs the app holds on tonight's meeting (${memory.meeting.workingDocs})`, unit: 'MB', ...mb(memory.meeting.working), kind: 'budget', budgets: [{ on: 'p95', max: 20 }], ratio: `${times(memory.meeting.working.median, memory.meeting.naive.median)} naive` }),
  row({ id: 'memoryCampaign', figure: `memory: decoded docs the app holds on the campaign (${memory.campaign.workingDocs}), plus the register as rows`, unit: 'MB', ...mb(sum(memory.campaign.working, memory.register)), kind: 'budget', budgets: [{ on: 'p95', max: 20 }], ratio: `${times(memory.campaign.working.median + memory.register.median, memory.meeting.naive.median)} naive` }),
  row({ id: 'memoryGuessed', figure: `  before: current + 10 recent meetings, campaign, council, households decoded (${memory.guessed.workingDocs})`, unit: 'MB', ...mb(memory.guessed.working), kind: 'info', ratio: '—' }),
  row({ id: 'memoryNaive', figure: 'baseline: the single 10-year doc in memory', unit: 'MB', ...mb(memory.meeting.naive), kind: 'baseline', ratio: '—' }),
  row({ id: 'disk', figure: 'on-disk per council-year: stored (packed) updates + Dexie rows (over 10 years)', unit: 'MB', ...mb(disk.stored), kind: 'budget', budgets: [{ on: 'median', max: 1 }, { on: 'p95', max: 2 }], ratio: `${times(disk.stored.median, disk.floor.median)} floor; ${times(disk.stored.median, disk.naivePerYear)} naive` }),
  row({ id: 'diskRaw', figure: '  before: the same updates raw, as y-indexeddb stored them, per year', unit: 'MB', ...mb(disk.raw), kind: 'info', ratio: `${times(disk.raw.median, disk.stored.median)} stored` }),
  row({ id: 'diskFloor', figure: 'floor: the same content as plain JSON, per year', unit: 'MB', ...mb(disk.floor), kind: 'floor', ratio: '—' }),
  row({ id: 'diskNaive', figure: 'baseline: the single 10-year doc, per year', unit: 'MB', median: disk.naivePerYear / MB, p95: disk.naivePerYear / MB, n: 1, kind: 'baseline', ratio: '—' }),
  row({ id: 'diskChromium', figure: "  Chromium's IndexedDB folder after seeding, per year", unit: 'MB', median: idb10 / p10.manifest.years / MB, p95: idb10 / p10.manifest.years / MB, n: 1, kind: 'info', ratio: `${times(idb10 / p10.manifest.years, disk.stored.median)} stored` }),
  row({ id: 'diskV2', figure: '  the raw updates as update format v2, per year', unit: 'MB', ...mb(disk.v2), kind: 'info', ratio: `${times(disk.v2.median, disk.raw.median)} raw` }),
  row({ id: 'diskGzip', figure: '  the raw updates gzipped, per year', unit: 'MB', ...mb(disk.gzip), kind: 'info', ratio: `${times(disk.gzip.median, disk.raw.median)} raw` }),
  row({ id: 'backupSize', figure: 'backup file per council-year (the app\'s encodeBackup, version 2)', unit: 'MB', median: backup.perYear / MB, p95: backup.perYear / MB, n: 1, kind: 'budget', budgets: [{ on: 'median', max: 1 }], ratio: `${times(backup.perYear, disk.floor.median)} floor` }),
  row({ id: 'backupV1', figure: '  the same as a version-1 file (JSON text, before)', unit: 'MB', median: backup.v1PerYear / MB, p95: backup.v1PerYear / MB, n: 1, kind: 'info', ratio: `${times(backup.v1PerYear, backup.perYear)} version 2` }),
]

const loadAfter = loadavg()
const missed = rows.filter((r) => r.verdict === 'MISSED')
const result = {
  startedAt: startedAt.toISOString(),
  finishedAt: new Date().toISOString(),
  quick,
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? '', memoryBytes: totalmem(), node: process.version, chromium: pdf.chromium, loadAverageBefore: loadBefore, loadAverageAfter: loadAfter },
  distWeb: { builtAt: distBuiltAt },
  runs: RUNS,
  profiles: Object.fromEntries([p10, p1].map((p) => [`${p.manifest.years}y`, { stamp: p.manifest.stamp, seed: p.manifest.seed, documents: p.manifest.docs.length, meetings: p.manifest.meetings.length, storedBytes: p.manifest.docs.reduce((n, d) => n + d.bytes, 0), stats: p.manifest.stats }])),
  rows,
  details: {
    coldOpen: { samples: cold.samples, floorSamples: cold.floorSamples, setups: cold.setups },
    keystroke: { narrativeChars: keystroke.narrativeChars, clients: keystroke.clients },
    sync: { messageBytes: sync.messageBytes },
    join: { samples: joined.samples, joined: joined.joined, serverBytes: joined.serverBytes },
    recompute: { rateParts: recompute.rateParts },
    pdf: { pages: pdf.pages, bytes: pdf.bytes },
    memory: { held: cold.held, meeting: memory.meeting.perDoc, campaign: memory.campaign.perDoc, guessed: memory.guessed.perDoc },
    disk: { perYear: disk.perYear, totalStored: disk.totalStored, sealShareOfMeetings: disk.sealShareOfMeetings },
    loadFloor: { bytes10y: floor10.bytes, bytes1y: floor1.bytes, floor1y: floor1.summary },
  },
  missed: missed.map((r) => r.id),
}

const dir = join(root, 'bench', 'results')
mkdirSync(dir, { recursive: true })
// The run before, for the table's "previous" column (none on a first run or after a failed one).
const before = existsSync(join(dir, 'latest.json')) ? (JSON.parse(readFileSync(join(dir, 'latest.json'), 'utf8')) as { rows?: Row[] }).rows ?? [] : []
rows.splice(0, rows.length, ...withPrevious(rows, before))
const file = join(dir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`)
writeFileSync(file, JSON.stringify(result, null, 1))
writeFileSync(join(dir, 'latest.json'), JSON.stringify(result, null, 1))

log('')
log(table(rows))
log('')
log(`${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')} at the start, ${loadAfter.map((l) => l.toFixed(2)).join(' ')} at the end: other work on the machine makes the figures noisy.`)
log(`Web build from ${distBuiltAt}; Chromium ${pdf.chromium}; ${quick ? 'QUICK run (fewer samples): not a result' : 'full run'}.`)
log(`Results: ${file}`)
log(missed.length ? `${missed.length} budget(s) missed: ${missed.map((r) => r.id).join(', ')}` : 'Every budget met.')
process.exit(missed.length ? 1 : 0)
