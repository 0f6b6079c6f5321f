// One figure of `npm run bench` alone (issue 20, budget 1): the decoded documents the app holds
// with the 10-year council open on tonight's meeting, and on the running campaign's overview. The
// app runs in Chromium on the prepared profile and says which documents it holds open
// (figures/held.ts); Node then decodes exactly those and weighs them (figures/memory.ts).
//   flock /tmp/yishi-e2e.lock npx tsx --expose-gc bench/measure-memory.ts [--dist DIR] [--runs 5]
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadProfile } from './profile'
import { serveStatic } from './lib/staticServer'
import { singleDoc } from './lib/naive'
import { discardColdOpen, prepareColdOpen } from './figures/coldOpen'
import { docsHeld, heldScreens } from './figures/held'
import { measureMemory, valuesHeld } from './figures/memory'
import { readHouseholds } from '../src/shared/doc/households'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name)
  return i > 0 ? process.argv[i + 1] : undefined
}
const dist = resolve(arg('--dist') ?? join(root, 'dist-web'))
const runs = Number(arg('--runs') ?? 5)
const MB = 1e6
const f = (n: number) => (n / MB).toFixed(1)

const p10 = await loadProfile(10, { log: console.log })
const server = await serveStatic(dist, { p10: p10.dir })
const setup = await prepareColdOpen(server, 'p10', p10)
let held: Record<string, string[]>
try {
  held = await docsHeld(server, setup, heldScreens(p10))
} finally {
  discardColdOpen(setup)
  await server.close()
}
const single = singleDoc(p10.updates).update
for (const [screen, names] of Object.entries(held)) {
  const m = measureMemory(p10, single, runs, names)
  const docs = m.perDoc.map((d) => `${d.name.split('/').slice(2).join('/') || 'council'} ${f(d.held)} MB`).join(', ')
  console.log(`memory on the ${screen} screen, ${names.length} documents held: p50 ${f(m.working.median)} MB, p95 ${f(m.working.p95)} MB (budget ≤ 20 MB p95: ${m.working.p95 <= 20 * MB ? 'met' : 'MISSED'}): ${docs}`)
}
// The campaign screens keep the register as rows (kit/docSnapshot.ts): weighed too, so that the
// figure does not get smaller by moving the data out of Yjs.
const rows = valuesHeld(p10.updates.get(p10.manifest.householdsDoc)!, readHouseholds, runs)
console.log(`the household register as the campaign screens keep it, rows: p50 ${f(rows.median)} MB`)
