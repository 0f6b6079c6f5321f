// Measures sync through the real council server on loopback: keystroke-to-peer latency (median
// and p95 of 200), and how long a newly joined device takes to receive a council with 100
// meetings on one socket. Prints figures; budgets and baselines are issue 8's (npm run bench).
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createSyncServer } from '../src/server/server'
import { newCouncilId, newMeetingId } from '../src/shared/domain/ids'
import { councilDocName, meetingDocName } from '../src/shared/doc/names'
import { createJoinCode, newCodeId, newCouncilSecret } from '../src/shared/sync/joinCode'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
async function until(done: () => boolean, ms = 30_000) {
  const start = Date.now()
  while (!done()) {
    if (Date.now() - start > ms) throw new Error('timed out')
    await new Promise((r) => setImmediate(r))
  }
}

const dir = mkdtempSync(join(tmpdir(), 'yishi-measure-'))
const server = await createSyncServer({ port: 0, dataDir: dir, logger: () => {} })
const councilId = newCouncilId()
const secret = newCouncilSecret()
await server.registry.register({ councilId, secret })
const code = await createJoinCode(secret, { councilId, access: 'rw', codeId: newCodeId() })
const socket = () => new HocuspocusProviderWebsocket({ url: server.url, WebSocketPolyfill: WebSocket })
const open = (ws: HocuspocusProviderWebsocket, name: string, doc = new Y.Doc()) => {
  const p = new HocuspocusProvider({ name, document: doc, websocketProvider: ws, token: code })
  p.attach()
  return p
}

// 1. One keystroke in the minutes on device A, until device B has it.
const [sa, sb] = [socket(), socket()]
const [a, b] = [open(sa, councilDocName(councilId)), open(sb, councilDocName(councilId))]
await until(() => a.isSynced && b.isSynced)
const [ta, tb] = [a.document.getText('minutes'), b.document.getText('minutes')]
const latencies: number[] = []
for (let i = 0; i < 200; i++) {
  const t0 = performance.now()
  ta.insert(ta.length, '字')
  const want = ta.length
  await until(() => tb.length === want)
  latencies.push(performance.now() - t0)
  await sleep(5)
}
latencies.sort((x, y) => x - y)
const at = (q: number) => latencies[Math.floor(q * (latencies.length - 1))]!.toFixed(2)
console.log(`keystroke to peer through the server (loopback, n=200): median ${at(0.5)} ms, p95 ${at(0.95)} ms`)

// 2. A council and 100 meetings (10 items and ~1,000 characters of minutes each), then a new device.
const names = [councilDocName(councilId), ...Array.from({ length: 100 }, () => meetingDocName(councilId, newMeetingId()))]
const seedSocket = socket()
const seeders = names.map((n) => {
  const d = new Y.Doc()
  d.getMap('meeting').set('title', '三月议事会')
  for (let i = 0; i < 10; i++) d.getMap('agenda').set(`item${i}`, { title: '加装电梯', description: '3栋加装电梯的方案'.repeat(5) })
  d.getText('minutes').insert(0, '纪要'.repeat(500))
  return open(seedSocket, n, d)
})
await until(() => seeders.every((p) => p.isSynced && !p.hasUnsyncedChanges), 60_000)
seeders.forEach((p) => p.destroy())
seedSocket.destroy()
await sleep(1500)
const t0 = performance.now()
const joinSocket = socket()
const joined = names.map((n) => open(joinSocket, n))
await until(() => joined.every((p) => p.isSynced && p.document.getText('minutes').length > 0), 60_000)
console.log(`a new device receives a council with 100 meetings (101 documents, one socket): ${(performance.now() - t0).toFixed(0)} ms`)

for (const p of [...joined, a, b]) p.destroy()
for (const s of [joinSocket, sa, sb]) s.destroy()
await server.close()
rmSync(dir, { recursive: true, force: true })
process.exit(0)
