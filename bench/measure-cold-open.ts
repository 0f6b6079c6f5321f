// One figure of `npm run bench` alone (issue 20): the cold open of a web build on the 10-year and
// the 1-year profiles, interleaved as in bench/run.ts, with the build's start-up JavaScript and the
// browser's floor (figures/coldOpenFloor.ts: Chromium alone drawing the same pages as static HTML).
// Compares builds without touching dist-web: build one elsewhere first, e.g.
//   npx vite build --config vite.renderer.config.ts --outDir /tmp/web-a --emptyOutDir
//   flock /tmp/yishi-e2e.lock npx tsx bench/measure-cold-open.ts [--dist /tmp/web-a --dist /tmp/web-b] [--runs 10]
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadProfile } from './profile'
import { serveStatic, type StaticServer } from './lib/staticServer'
import { summarize } from './lib/stats'
import { entrySize } from './lib/entrySize'
import { coldOpen, discardColdOpen, prepareColdOpen, type ColdOpenSample, type ColdOpenSetup } from './figures/coldOpen'
import { discardFloor, floorOpen, prepareFloor } from './figures/coldOpenFloor'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name)
  return i > 0 ? process.argv[i + 1] : undefined
}
// Several builds (--dist a --dist b) are measured interleaved, so that load on the machine falls on all alike.
const dists = process.argv.flatMap((a, i) => (a === '--dist' ? [resolve(process.argv[i + 1]!)] : []))
if (!dists.length) dists.push(join(root, 'dist-web'))
const runs = Number(arg('--runs') ?? 10)

const p10 = await loadProfile(10, { log: console.log })
const p1 = await loadProfile(1, { log: console.log })
const servers = await Promise.all(dists.map((d) => serveStatic(d, { p10: p10.dir, p1: p1.dir })))
const setups: { dist: string; server: StaticServer; setup: ColdOpenSetup }[] = []
for (const [i, server] of servers.entries()) {
  for (const [key, p] of [['p10', p10], ['p1', p1]] as const) setups.push({ dist: dists[i]!, server, setup: await prepareColdOpen(server, key, p) })
}
const samples = new Map(setups.map((s) => [s, [] as ColdOpenSample[]]))
// The browser's floor (figures/coldOpenFloor.ts), from the first build's 10-year list and meeting.
const floor = await prepareFloor(setups[0]!.server, setups[0]!.setup)
const floorSamples: ColdOpenSample[] = []
try {
  for (let i = 0; i < runs; i++) {
    for (const s of setups) samples.get(s)!.push(await coldOpen(s.server, s.setup))
    floorSamples.push(await floorOpen(setups[0]!.server, floor))
  }
} finally {
  discardFloor(floor)
  setups.forEach((s) => discardColdOpen(s.setup))
  await Promise.all(servers.map((s) => s.close()))
}
const f = (n: number) => n.toFixed(0)
for (const dist of dists) {
  const median: Record<string, number> = {}
  for (const s of setups.filter((x) => x.dist === dist)) {
    const i = summarize(samples.get(s)!.map((x) => x.interactive))
    const l = summarize(samples.get(s)!.map((x) => x.list))
    median[s.setup.key] = i.median
    console.log(`${dist} ${s.setup.key}: interactive p50 ${f(i.median)} ms, p95 ${f(i.p95)} ms; list shown p50 ${f(l.median)} ms (n=${i.n})`)
  }
  const size = entrySize(dist)
  console.log(`${dist}: 10-year ÷ 1-year ${(median.p10! / median.p1!).toFixed(3)}; start-up JavaScript ${(size.startup / 1e3).toFixed(0)} kB (entry chunk ${(size.entry / 1e3).toFixed(0)} kB)`)
}
const fl = summarize(floorSamples.map((x) => x.interactive))
console.log(`floor (Chromium alone, the same list and meeting as static HTML): interactive p50 ${f(fl.median)} ms, p95 ${f(fl.p95)} ms (n=${fl.n}); rows at the click ${Math.min(...floorSamples.map((x) => x.rows))}`)
