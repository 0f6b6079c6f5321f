// A new laptop joins the 10-year council (issue 20), measured through the app's own code: the
// real sync server (createSyncServer on port 0, SQLite in a temp folder) holds every document of
// the profile, put there through the server's own storage API (openStorage().documents.store, as
// a store from a client ends; seeding through a provider would only add minutes to the set-up),
// then a device that has never seen the council (bench/lib/appDevice.ts: Dexie and y-indexeddb on
// a fresh fake-indexeddb, the real SyncManager over `ws`) calls joinCouncil with a join code.
// Timed from the code to:
//   tonight — joinCouncil resolved and tonight's meeting (the profile's last) opened from the
//             device's store with its agenda read: what the secretary needs (budget p50 ≤ 2 s);
//   all     — every meeting's list row in Dexie, the history having arrived in the background
//             (budget ≤ 10 s).
// Also: when the council itself was in (joinCouncil's first 'meetings' progress), and the bytes
// the device received by then, over its WebSocket and over HTTP (the compressed history download:
// src/server/history.ts), per council-year (budget p50 ≤ 1 MB). One unmeasured run first (JIT,
// SQLite page cache).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createSyncServer } from '../../src/server/server'
import { openStorage } from '../../src/server/storage'
import { readAgenda, readMeeting } from '../../src/shared/doc/meeting'
import { asCouncilId, type CouncilId } from '../../src/shared/domain/ids'
import { createJoinCode, newCodeId, newCouncilSecret } from '../../src/shared/sync/joinCode'
import { joinCouncil } from '../../src/renderer/features/sync/actions'
import type { Profile } from '../profile'
import { newBenchDevice, type BenchDeviceOptions } from '../lib/appDevice'
import { row, times, type Row } from '../lib/report'
import { sleep, summarize, type Summary } from '../lib/stats'

export interface JoinSample {
  /** The council document synced and checked (joinCouncil's first 'meetings' progress). */
  council: number
  /** joinCouncil resolved. */
  joined: number
  /** …and tonight's meeting opened with its agenda read. */
  tonight: number
  /** Every meeting's list row in Dexie. */
  all: number
  /** Bytes received over the WebSocket and HTTP until then. */
  bytes: number
}

export interface JoinResult {
  council: Summary
  joined: Summary
  tonight: Summary
  all: Summary
  bytes: Summary
  meetings: number
  years: number
  serverBytes: number
  samples: JoinSample[]
}

/** One new device joining; resolves once every row is in. */
async function joinOnce(profile: Profile, url: string, code: string, councilId: CouncilId, options: BenchDeviceOptions): Promise<JoinSample> {
  const device = await newBenchDevice(options)
  const { env } = device
  const total = profile.manifest.meetings.length
  const tonight = profile.manifest.meetings.at(-1)!
  let rows = 0
  let allIn = () => {}
  const everyRow = new Promise<void>((resolve) => (allIn = resolve))
  env.db.meetings.hook('creating', () => {
    if (++rows === total) allIn()
  })
  try {
    const t0 = performance.now()
    let council = 0
    await joinCouncil(env, url, code, (p) => {
      if (p.step === 'meetings' && !council) council = performance.now() - t0
    })
    const joined = performance.now() - t0
    const handle = await env.docs.acquire(tonight.name)
    const items = readAgenda(handle.doc).length
    if (readMeeting(handle.doc)?.title !== tonight.title || items !== tonight.itemCount) throw new Error(`tonight's meeting is not all here (${items} items)`)
    const tonightMs = performance.now() - t0
    await everyRow
    // The hook runs as a row is put: wait for it to be committed and readable.
    const stored = await env.db.meetings.where('councilId').equals(councilId).count()
    const all = performance.now() - t0
    if (stored !== total) throw new Error(`${stored} of ${total} rows stored`)
    if (device.errors.length) throw new Error(`projection failed: ${String(device.errors[0])}`)
    await env.docs.release(tonight.name)
    return { council, joined, tonight: tonightMs, all, bytes: device.received() }
  } finally {
    await device.shutdown()
  }
}

export async function measureJoin(profile: Profile, runs: number, log: (s: string) => void = () => {}, options: BenchDeviceOptions = {}): Promise<JoinResult> {
  const dir = mkdtempSync(join(tmpdir(), 'yishi-bench-join-'))
  try {
    const storage = await openStorage('sqlite', dir)
    for (const [name, update] of profile.updates) await storage.documents.store(name, update)
    await storage.close()
    const server = await createSyncServer({ port: 0, dataDir: dir, logger: () => {} })
    try {
      const councilId = asCouncilId(profile.manifest.councilId)
      const secret = newCouncilSecret()
      await server.registry.register({ councilId, secret })
      const code = await createJoinCode(secret, { councilId, access: 'rw', codeId: newCodeId() })
      const samples: JoinSample[] = []
      for (let i = 0; i <= runs; i++) {
        const s = await joinOnce(profile, server.url, code, councilId, options)
        log(`  run ${i || 'warm-up'}: council ${s.council.toFixed(0)} ms, joined ${s.joined.toFixed(0)} ms, tonight ${s.tonight.toFixed(0)} ms, all ${s.all.toFixed(0)} ms, ${(s.bytes / 1e6).toFixed(1)} MB`)
        if (i > 0) samples.push(s)
        // The server lets go of the documents once the device is gone: the next device finds them on disk.
        await sleep(500)
      }
      const of = (k: keyof JoinSample) => summarize(samples.map((s) => s[k]))
      return {
        council: of('council'),
        joined: of('joined'),
        tonight: of('tonight'),
        all: of('all'),
        bytes: of('bytes'),
        meetings: profile.manifest.meetings.length,
        years: profile.manifest.years,
        serverBytes: [...profile.updates.values()].reduce((n, u) => n + u.byteLength, 0),
        samples,
      }
    } finally {
      await server.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
    rmSync(`${dir}.key`, { force: true })
  }
}

/** The figure's rows in the bench table (bench/run.ts and bench/measure-join.ts). */
export function joinRows(j: JoinResult): Row[] {
  const ms = (s: Summary) => ({ median: s.median, p95: s.p95, n: s.n, min: s.min, max: s.max })
  return [
    row({ id: 'joinTonight', figure: `new device joins the ${j.years}-year council: join code → tonight's meeting open (app code, fake-indexeddb)`, unit: 'ms', ...ms(j.tonight), kind: 'budget', budgets: [{ on: 'median', max: 2000 }], ratio: '—' }),
    row({ id: 'joinCouncil', figure: '  of which: the council document in', unit: 'ms', ...ms(j.council), kind: 'info', ratio: `${times(j.council.median, j.tonight.median)} tonight` }),
    row({ id: 'joinAll', figure: `  …→ every meeting's list row (${j.meetings}), the history in the background`, unit: 'ms', ...ms(j.all), kind: 'budget', budgets: [{ on: 'median', max: 10_000 }, { on: 'p95', max: 10_000 }], ratio: '—' }),
    // Per council-year (a new id: the row before this one gave the whole 10 years, not comparable).
    row({ id: 'joinBytesPerYear', figure: '  bytes the new device received by then (WebSocket + HTTP), per council-year', unit: 'MB', median: j.bytes.median / j.years / 1e6, p95: j.bytes.p95 / j.years / 1e6, n: j.bytes.n, kind: 'budget', budgets: [{ on: 'median', max: 1 }], ratio: `${times(j.bytes.median, j.serverBytes)} the profile's stored documents (${(j.bytes.median / 1e6).toFixed(1)} of ${(j.serverBytes / 1e6).toFixed(1)} MB)` }),
  ]
}
