// Stored bytes per council-year (issue 20, budget 3: ≤ 1 MB) for the bench's profile, alone (npm run
// bench has it as the 'disk' rows): see figures/disk.ts. `stored` is what the app's persistence
// writes for each compacted document (renderer/sync/storedEntries.ts compactedEntry, packed);
// `raw` what y-indexeddb kept before. Also times packing and unpacking the whole profile.
//   node --import tsx bench/measure-disk.ts [years]
import * as Y from 'yjs'
import { measureDisk } from './figures/disk'
import { singleDoc } from './lib/naive'
import { loadProfile } from './profile'
import { compactedEntry, entryUpdate } from '../src/renderer/sync/storedEntries'

const years = Number(process.argv[2] ?? 10)
const p = await loadProfile(years, { log: console.log })
const single = singleDoc(p.updates)
const loaded = new Y.Doc()
Y.applyUpdate(loaded, single.update)
const disk = measureDisk(p, Y.encodeStateAsUpdate(loaded))
const MB = 1024 * 1024
const f = (n: number) => (n / MB).toFixed(3)
console.log(`profile ${years}y: ${p.manifest.docs.length} documents; MiB per council-year (median / p95)`)
console.log(`stored (packed) + Dexie rows   ${f(disk.stored.median)} / ${f(disk.stored.p95)}`)
console.log(`before: raw + Dexie rows       ${f(disk.raw.median)} / ${f(disk.raw.p95)}`)
console.log(`raw gzipped + Dexie rows       ${f(disk.gzip.median)} / ${f(disk.gzip.p95)}`)
console.log(`floor (plain JSON)             ${f(disk.floor.median)} / ${f(disk.floor.p95)}`)
console.log(`total stored over ${years} years      ${f(disk.totalStored)} MiB`)
const times: { pack: number; unpack: number }[] = []
for (let run = 0; run < 5; run++) {
  let t = performance.now()
  const entries = [...p.updates].map(([name, u]) => [name, compactedEntry(u)] as const)
  const pack = performance.now() - t
  t = performance.now()
  for (const [name, e] of entries) entryUpdate(name, e)
  times.push({ pack, unpack: performance.now() - t })
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
console.log(`whole profile: pack ${median(times.map((t) => t.pack)).toFixed(0)} ms, unpack ${median(times.map((t) => t.unpack)).toFixed(0)} ms (median of 5)`)
const biggest = [...p.updates].sort((a, b) => b[1].length - a[1].length).slice(0, 3)
for (const [name, u] of biggest) console.log(`  ${name.padEnd(70)} raw ${(u.length / 1024).toFixed(0)} KiB -> ${(compactedEntry(u).packed.length / 1024).toFixed(0)} KiB`)
