// Issue 21 item 4: a city's councils on one service, measured on this machine (not in npm test).
// PostgreSQL (fsync on), Redis and HAProxy (Debian's) as real processes; INSTANCES sync server
// instances (bench/instance.ts) behind HAProxy, storing in PostgreSQL and relaying through Redis.
//   COUNCILS councils, each with its council document and its 10 most recent meetings (the 1-year
//     profile of bench/profile.ts: real documents made by the app's own code, stored under each
//     council's names);
//   CLIENTS connected clients through HAProxy, PEERS per meeting (the most recent meeting of the
//     first CLIENTS/PEERS councils), each typing a keystroke every KEY_MS ± 50 %;
//   keystroke-to-peer p50/p95 (every keystroke reaches PEERS-1 peers, most on another instance);
//   server memory per connected client (RSS of the instances, before and after the clients);
//   PostgreSQL rows and bytes per council-year;
//   a new device receiving a whole 10-year council (the 10-year profile) through HAProxy, under load;
//   halfway, one instance is killed (SIGKILL): its clients reconnect through HAProxy to the others;
//   at the end every keystroke any client made must be in PostgreSQL.
//   a burst of 50 phone ballots in each of PHONE_MEETINGS meetings at once (secret votes, drawn
//     codes), through HAProxy, while the clients type; then each vote sealed and counted.
//   node --import tsx bench/measure-city.ts            (COUNCILS=300 CLIENTS=1000 INSTANCES=3 DURATION=60 KEY_MS=5000)
import { spawn, type ChildProcess } from 'node:child_process'
import { startChild } from './lib/child'
import { randomUUID } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { CouncilRegistry } from '../src/server/registry'
import { SealedRegistry, loadServerKey } from '../src/server/secrets'
import { mergeRows, STORED_ROWS_SQL } from '../src/server/pgDocuments'
import { openStorage } from '../src/server/storage'
import { councilDocName, meetingDocName } from '../src/shared/doc/names'
import { asCouncilId, newCouncilId } from '../src/shared/domain/ids'
import { createJoinCode, newCodeId, newCouncilSecret } from '../src/shared/sync/joinCode'
import { markPresent, startSignIn } from '../src/shared/doc/attendance'
import { addAgendaItem, initMeetingDoc, transitionMeeting } from '../src/shared/doc/meeting'
import { moveMotion, proposeMotion, secondMotion } from '../src/shared/doc/motions'
import { issueDrawnCodes } from '../src/shared/doc/phoneVoting'
import { openSession } from '../src/shared/doc/session'
import { openVote } from '../src/shared/doc/votes'
import { newMeetingId } from '../src/shared/domain/ids'
import { newVoterCode, voterCodeHash } from '../src/shared/domain/voterCode'
import { startPostgres } from '../tests/integration/postgres'
import { itemFields, meetingFields, NOW } from '../tests/unit/helpers'
import { at, register, SECONDING } from '../tests/unit/session-helpers'
import type { Profile, ProfileManifest } from './profile'

const COUNCILS = Number(process.env.COUNCILS ?? 300)
const CLIENTS = Number(process.env.CLIENTS ?? 1000)
const INSTANCES = Number(process.env.INSTANCES ?? 3)
const DURATION_S = Number(process.env.DURATION ?? 60)
const KEY_MS = Number(process.env.KEY_MS ?? 5000)
const PEERS = 10
const PHONE_MEETINGS = Number(process.env.PHONE_MEETINGS ?? 20)
const PHONES = 50
const PHONES_IN_FLIGHT = Number(process.env.PHONES_IN_FLIGHT ?? 100)

interface PhoneMeeting {
  name: string
  voteId: string
  codes: string[]
  rw: string
}

/** A meeting in session with a secret vote open to phones and 50 drawn codes, stored under a new council. */
async function phoneMeeting(store: (name: string, u: Uint8Array) => Promise<void>, registry: CouncilRegistry): Promise<PhoneMeeting> {
  const councilId = asCouncilId(newCouncilId())
  const secret = newCouncilSecret()
  const r = await registry.register({ councilId, secret })
  if (!r.ok) throw new Error(r.error)
  const meetingId = newMeetingId()
  const doc = new Y.Doc()
  initMeetingDoc(doc, { councilId, meetingId }, meetingFields(), NOW)
  const itemId = addAgendaItem(doc, itemFields({ title: '议题1' }))
  transitionMeeting(doc, 'noticed', '2025-03-07T01:00:00.000Z')
  const members = register(PHONES + 10)
  startSignIn(doc, members, at(-30))
  for (const m of members) markPresent(doc, m.id, at(-20))
  openSession(doc, { quorumMet: true }, at(0))
  const motionId = proposeMotion(doc, { itemId, proposerId: members[0]!.id, text: '同意3栋加装电梯' }, at(1))
  secondMotion(doc, motionId, members[1]!.id, at(2))
  moveMotion(doc, motionId, 'debating', SECONDING, at(3))
  const voteId = openVote(doc, motionId, { method: 'secret', rule: 'simple_majority', phones: true }, at(4))
  const codes = Array.from({ length: PHONES }, () => newVoterCode())
  issueDrawnCodes(doc, (await Promise.all(codes.map(voterCodeHash))) as string[])
  const name = meetingDocName(councilId, meetingId)
  await store(name, Y.encodeStateAsUpdate(doc))
  const rw = await createJoinCode(secret, { councilId, access: 'rw', codeId: newCodeId() })
  return { name, voteId, codes, rw }
}

/**
 * The cached profile (bench/profile.ts builds it: `node --import tsx bench/profile.ts 10 1`). Read
 * from the cache rather than through profile.ts, so a run does not import the generator.
 */
function cachedProfile(years: number): Profile {
  const dir = join(import.meta.dirname, '.cache', `profile-${years}y`)
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`no ${years}-year profile: run node --import tsx bench/profile.ts 10 1 first`)
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as ProfileManifest
  return { dir, manifest, updates: new Map(manifest.docs.map((d) => [d.name, new Uint8Array(readFileSync(join(dir, d.file)))] as const)) }
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const now = () => performance.timeOrigin + performance.now()
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : NaN
}
const mib = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MiB`

async function until(done: () => boolean, what: string, ms: number): Promise<number> {
  const t0 = Date.now()
  while (!done()) {
    if (Date.now() - t0 > ms) throw new Error(`timed out after ${ms} ms: ${what}`)
    await sleep(20)
  }
  return Date.now() - t0
}

async function freePort(): Promise<number> {
  const srv = createServer()
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r))
  const { port } = srv.address() as { port: number }
  await new Promise<void>((r) => srv.close(() => r()))
  return port
}

/** CPU seconds a process has used (user + system), from /proc. */
const cpuOf = (pid: number): number => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(f[11]) + Number(f[12])) / 100
}

const rssOf = (pid: number): number => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return m ? Number(m[1]) * 1024 : 0
}

interface Council {
  councilId: string
  secret: string
  meetings: string[]
}

/** Stores the profile's council doc and its 10 most recent meetings under a new council. */
async function seed(store: (name: string, u: Uint8Array) => Promise<void>, registry: CouncilRegistry, p: Profile, meetings: number): Promise<Council> {
  const councilId = newCouncilId()
  const secret = newCouncilSecret()
  const r = await registry.register({ councilId, secret })
  if (!r.ok) throw new Error(r.error)
  await store(councilDocName(asCouncilId(councilId)), p.updates.get(p.manifest.councilDoc)!)
  const names: string[] = []
  for (const m of p.manifest.meetings.slice(-meetings)) {
    const name = meetingDocName(asCouncilId(councilId), m.id as never)
    await store(name, p.updates.get(m.name)!)
    names.push(name)
  }
  return { councilId, secret, meetings: names }
}

// The provider's socket in Node emits an unhandled 'error' when a reconnect attempt is cancelled
// before it connects (the killed instance's clients): the provider retries anyway, so the run
// goes on; anything else still ends it.
process.on('uncaughtException', (e: Error) => {
  if (/closed before the connection was established/.test(e.message)) return
  console.error(e)
  process.exit(1)
})

async function main(): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), 'yishi-city-'))
  const stops: (() => unknown)[] = []
  const out = (s: string) => console.log(s)
  try {
    const [p1, p10] = [cachedProfile(1), cachedProfile(10)]
    const pg = await startPostgres({ fsync: true })
    stops.push(() => pg.stop())
    const databaseUrl = await pg.createDatabase('yishi_city')
    const redisPort = await freePort()
    const redis = await startChild('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], /Ready to accept/)
    stops.push(() => redis.child.kill('SIGTERM'))
    const keyFile = join(tmp, 'server.key')

    // Seeding straight into the database (what registration and clients would leave there).
    const seedStarted = Date.now()
    const storage = await openStorage('postgres', { dataDir: tmp, databaseUrl })
    const registry = new CouncilRegistry(await SealedRegistry.open(storage.registry, await loadServerKey(keyFile)))
    const store = (name: string, u: Uint8Array) => storage.documents.store(name, u)
    const councils: Council[] = []
    for (let i = 0; i < COUNCILS; i++) councils.push(await seed(store, registry, p1, 10))
    const rows = await pg.query<{ n: string; bytes: string; total: string }>('yishi_city', "SELECT count(*) AS n, sum(octet_length(data)) AS bytes, pg_total_relation_size('documents') AS total FROM documents")
    const big = await seed(store, registry, p10, p10.manifest.meetings.length)
    const phoneMeetings: PhoneMeeting[] = []
    for (let i = 0; i < PHONE_MEETINGS; i++) phoneMeetings.push(await phoneMeeting(store, registry))
    await storage.close()
    const r0 = rows[0]!
    const yearDocs = p1.manifest.docs
    out(`seeded ${COUNCILS} councils in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s: ${r0.n} rows, ${mib(Number(r0.bytes))} of Yjs state, ${mib(Number(r0.total))} with TOAST and index`)
    out(`  per council (council doc + 10 meetings): ${(Number(r0.n) / COUNCILS).toFixed(0)} rows, ${(Number(r0.total) / COUNCILS / 1024).toFixed(0)} KiB on disk`)
    out(`  a whole council-year (1-year profile: ${yearDocs.length} documents, ${(yearDocs.reduce((n, d) => n + d.bytes, 0) / 1024).toFixed(0)} KiB of state)`)

    // Instances and HAProxy.
    const instances: { child: ChildProcess; port: number }[] = []
    for (let i = 0; i < INSTANCES; i++) {
      const port = await freePort()
      const opts = {
        port,
        dataDir: join(tmp, `i${i}`),
        storage: 'postgres',
        databaseUrl,
        redis: { host: '127.0.0.1', port: redisPort, prefix: 'city' },
        secretKeyFile: keyFile,
        maxConnectionsPerAddress: 100_000,
        maxConnections: 100_000,
        // Every phone comes through HAProxy's one address.
        phoneLimits: { perAddress: { burst: 100_000, perSecond: 100_000 } },
      }
      const c = await startChild(process.execPath, ['--import', 'tsx', 'bench/instance.ts', JSON.stringify(opts)], /READY \d+/)
      instances.push({ child: c.child, port })
      stops.push(() => c.child.kill('SIGKILL'))
    }
    const lbPort = await freePort()
    const cfg = join(tmp, 'haproxy.cfg')
    writeFileSync(
      cfg,
      `global
    maxconn 8000
defaults
    mode http
    timeout connect 5s
    timeout client 120s
    timeout server 120s
    timeout tunnel 1h
    option redispatch
    retries 3
frontend yishi
    bind 127.0.0.1:${lbPort}
    default_backend yishi_instances
backend yishi_instances
    balance roundrobin
    option httpchk GET /health
    timeout check 5s
${instances.map((s, i) => `    server s${i} 127.0.0.1:${s.port} check inter 1s fall 3 rise 2`).join('\n')}
`,
    )
    const haproxy = spawn('haproxy', ['-f', cfg, '-db'], { stdio: ['ignore', 'pipe', 'pipe'] })
    let haproxyLog = ''
    haproxy.stderr!.on('data', (d: Buffer) => (haproxyLog += d.toString()))
    haproxy.stdout!.on('data', (d: Buffer) => (haproxyLog += d.toString()))
    stops.push(() => haproxy.kill('SIGTERM'))
    let up = false
    for (let i = 0; i < 100 && !up; i++) {
      up = await fetch(`http://127.0.0.1:${lbPort}/health`).then((r) => r.ok, () => false)
      if (!up) await sleep(100)
    }
    if (!up) throw new Error(`haproxy did not come up: ${haproxyLog.slice(-1500)}`)
    const url = `ws://127.0.0.1:${lbPort}`
    await sleep(1500)
    const rssBefore = instances.map((s) => rssOf(s.child.pid!))

    // Clients: PEERS per meeting, each its own socket (its own device).
    interface C {
      doc: Y.Doc
      provider: HocuspocusProvider
      socket: HocuspocusProviderWebsocket
      written: string[]
    }
    const clients: C[] = []
    const samples: { at: number; ms: number }[] = []
    const rooms = Math.ceil(CLIENTS / PEERS)
    const started = Date.now()
    for (let i = 0; i < CLIENTS; i++) {
      const council = councils[Math.floor(i / PEERS) % councils.length]!
      const name = council.meetings[council.meetings.length - 1]!
      const token = await createJoinCode(council.secret, { councilId: council.councilId, access: 'rw', codeId: newCodeId() })
      const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket, delay: 200, minDelay: 200, maxDelay: 2000, jitter: true })
      const doc = new Y.Doc()
      const provider = new HocuspocusProvider({ name, document: doc, websocketProvider: socket, token })
      provider.attach()
      doc.getMap('bench').observe((ev) => {
        if (ev.transaction.local) return
        const t = now()
        for (const k of ev.keysChanged) {
          const v = doc.getMap<number>('bench').get(k)
          if (typeof v === 'number') samples.push({ at: Date.now(), ms: t - v })
        }
      })
      clients.push({ doc, provider, socket, written: [] })
      if (i % 50 === 49) await until(() => clients.every((c) => c.provider.isSynced), 'batch synced', 60_000)
    }
    await until(() => clients.every((c) => c.provider.isSynced), 'all clients synced', 120_000)
    out(`${CLIENTS} clients in ${rooms} meetings connected and synced through HAProxy in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    await sleep(2000)
    const rssAfter = instances.map((s) => rssOf(s.child.pid!))
    const perClient = (rssAfter.reduce((a, b) => a + b, 0) - rssBefore.reduce((a, b) => a + b, 0)) / CLIENTS
    out(`instance RSS before clients: ${rssBefore.map(mib).join(', ')}; after: ${rssAfter.map(mib).join(', ')}; ${(perClient / 1024).toFixed(0)} KiB per connected client`)

    // A new device receiving a whole 10-year council (clients connected, before the typing starts).
    const token = await createJoinCode(big.secret, { councilId: big.councilId, access: 'ro', codeId: newCodeId() })
    const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket })
    const names = [councilDocName(asCouncilId(big.councilId)), ...big.meetings]
    const tNew = Date.now()
    const fresh = names.map((name) => new HocuspocusProvider({ name, document: new Y.Doc(), websocketProvider: socket, token }))
    for (const p of fresh) p.attach()
    await until(() => fresh.every((p) => p.isSynced), '10-year council on a new device', 120_000)
    out(`a new device received the whole 10-year council (${names.length} documents, ${mib(p10.manifest.docs.filter((d) => d.kind !== 'households' && d.kind !== 'campaign').reduce((n, d) => n + d.bytes, 0))}) in ${((Date.now() - tNew) / 1000).toFixed(2)} s, ${CLIENTS} clients connected, none typing`)
    for (const p of fresh) p.destroy()
    socket.destroy()


    // Typing at a meeting's pace.
    let typing = true
    let seq = 0
    const typists = clients.map((c, i) =>
      (async () => {
        await sleep(Math.random() * KEY_MS)
        while (typing) {
          const k = `${i}:${seq++}`
          c.doc.getMap('bench').set(k, now())
          c.written.push(k)
          await sleep(KEY_MS * (0.5 + Math.random()))
        }
      })(),
    )
    const t0 = Date.now()
    const half = (DURATION_S * 1000) / 2
    await sleep(Math.min(5_000, half / 3))

    const cpu0 = { instances: instances.map((i) => cpuOf(i.child.pid!)), bench: process.cpuUsage(), at: Date.now() }
    // The phone burst: 50 ballots in each of PHONE_MEETINGS meetings at once, while the clients type.
    const httpUrl = url.replace('ws:', 'http:')
    // As the ballot page does: a request the balancer answered itself (an HTML 5xx) is sent again,
    // with the same attempt id, so a ballot that did get in returns its receipt and is not counted twice.
    let balancerErrors = 0
    let networkErrors = 0
    const post = async (action: string, body: Record<string, unknown>): Promise<[number, Record<string, unknown>, number]> => {
      const t = now()
      const sent = { ...body, ...(action === 'cast' ? { attempt: randomUUID().replace(/-/g, '') } : {}) }
      for (let tries = 0; ; tries++) {
        // A connection closed under the request (a phone's network) is sent again too, as the page does.
        const res = await fetch(`${httpUrl}/ballot/api/${action}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(sent) }).catch((e: Error) => e)
        if (res instanceof Error) {
          if (tries >= 5) return [0, { error: `network: ${res.message}` }, now() - t]
          networkErrors++
          await sleep(500)
          continue
        }
        const text = await res.text()
        if (text.startsWith('{') || tries >= 5) return [res.status, text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : { error: `balancer ${res.status}` }, now() - t]
        balancerErrors++
        await sleep(500)
      }
    }
    const burstAt = now()
    // At most PHONES_IN_FLIGHT requests at once (1,000 at the same millisecond overflowed the
    // instances' accept queues on this machine, and HAProxy answered 503): phones in 20 halls do
    // not all press within the same instant.
    const jobs = phoneMeetings.flatMap((m) => m.codes.map((code, i) => () => post('cast', { meeting: m.name, code, voteId: m.voteId, choice: (['for', 'against', 'abstain'] as const)[i % 3] })))
    const casts: [number, Record<string, unknown>, number][] = []
    await Promise.all(
      Array.from({ length: PHONES_IN_FLIGHT }, async () => {
        for (let job = jobs.shift(); job; job = jobs.shift()) casts.push(await job())
      }),
    )
    const burstMs = now() - burstAt
    const castOk = casts.filter(([st]) => st === 200).length
    const seals = await Promise.all(phoneMeetings.map((m) => post('seal', { meeting: m.name, voteId: m.voteId, code: m.rw })))
    const sealed = seals.filter(([st, b]) => st === 200 && b.ballots === PHONES).length
    const castMs = casts.map(([, , ms]) => ms)
    if (balancerErrors) out(`phones: HAProxy answered ${balancerErrors} requests itself (5xx), each sent again`)
    if (networkErrors) out(`phones: ${networkErrors} requests lost their connection, each sent again`)
    out(`phones: ${casts.length} ballots in ${PHONE_MEETINGS} meetings at once through HAProxy (${PHONES_IN_FLIGHT} in flight) in ${(burstMs / 1000).toFixed(1)} s: ${castOk} accepted (others: ${JSON.stringify(casts.filter(([st]) => st !== 200).slice(0, 3).map(([st, b]) => [st, b.error]))}), each answered in p50 ${pct(castMs, 50).toFixed(0)} ms, p95 ${pct(castMs, 95).toFixed(0)} ms; ${sealed} of ${PHONE_MEETINGS} seals counted ${PHONES}`)

    await sleep(Math.max(0, half - (Date.now() - t0)))
    const wall = (Date.now() - cpu0.at) / 1000
    const used = instances.map((i, k) => (cpuOf(i.child.pid!) - cpu0.instances[k]!) / wall)
    const benchCpu = process.cpuUsage(cpu0.bench)
    out(`CPU while typing, the phone burst included (cores busy): instances ${used.map((u) => u.toFixed(2)).join(', ')}; this client process ${((benchCpu.user + benchCpu.system) / 1e6 / wall).toFixed(2)} (the machine has 2 cores, shared)`)
    const killedAt = Date.now()
    instances[0]!.child.kill('SIGKILL')
    out(`t=${((killedAt - t0) / 1000).toFixed(0)} s: instance 0 killed (SIGKILL)`)
    const dropped = await until(() => clients.some((c) => c.socket.status !== 'connected'), 'clients of the killed instance notice', 10_000).then(
      () => clients.filter((c) => c.socket.status !== 'connected').length,
      () => 0,
    )
    await until(() => clients.every((c) => c.provider.isSynced && c.socket.status === 'connected'), 'clients back through the other instances', 60_000).catch(() => {})
    const back = clients.filter((c) => c.provider.isSynced && c.socket.status === 'connected').length
    out(`  ${dropped} clients disconnected at the first notice; ${back} of ${CLIENTS} connected and synced again ${((Date.now() - killedAt) / 1000).toFixed(1)} s after the kill`)
    await sleep(Math.max(0, DURATION_S * 1000 - (Date.now() - t0)))
    typing = false
    await Promise.all(typists)
    await until(() => clients.every((c) => c.provider.isSynced && !c.provider.hasUnsyncedChanges), 'every edit acknowledged', 60_000)
    await sleep(2000)

    const report = (label: string, xs: number[]) => out(`keystroke to peer, ${label}: p50 ${pct(xs, 50).toFixed(1)} ms, p95 ${pct(xs, 95).toFixed(1)} ms, p99 ${pct(xs, 99).toFixed(1)} ms (${xs.length} deliveries)`)
    report('before the kill', samples.filter((s) => s.at < killedAt).map((s) => s.ms))
    report('the 10 s after it', samples.filter((s) => s.at >= killedAt && s.at < killedAt + 10_000).map((s) => s.ms))
    report('after that', samples.filter((s) => s.at >= killedAt + 10_000).map((s) => s.ms))

    for (const c of clients) c.provider.destroy()
    for (const c of clients) c.socket.destroy()
    // The surviving instances store what they hold and stop.
    await Promise.all(
      instances.slice(1).map(
        (s) =>
          new Promise<void>((resolve) => {
            s.child.once('exit', () => resolve())
            s.child.kill('SIGTERM')
          }),
      ),
    )
    // Every keystroke of every client is in PostgreSQL.
    let missing = 0
    let total = 0
    const byMeeting = new Map<string, string[]>()
    clients.forEach((c, i) => {
      const council = councils[Math.floor(i / PEERS) % councils.length]!
      const name = council.meetings[council.meetings.length - 1]!
      byMeeting.set(name, [...(byMeeting.get(name) ?? []), ...c.written])
    })
    for (const [name, keys] of byMeeting) {
      // The base row and the update rows appended since its last fold (pgDocuments.ts).
      const state = mergeRows(await pg.query<{ data: Buffer }>('yishi_city', STORED_ROWS_SQL, [name]))
      const d = new Y.Doc()
      if (state) Y.applyUpdate(d, state)
      const m = d.getMap('bench')
      total += keys.length
      missing += keys.filter((k) => !m.has(k)).length
    }
    out(`keystrokes made: ${total}; missing from PostgreSQL at the end: ${missing}`)
    const after = await pg.query<{ n: string; u: string; total: string }>(
      'yishi_city',
      "SELECT (SELECT count(*) FROM documents) AS n, (SELECT count(*) FROM document_updates) AS u, pg_total_relation_size('documents') + pg_total_relation_size('document_updates') AS total",
    )
    out(`PostgreSQL at the end: ${after[0]!.n} documents, ${after[0]!.u} update rows not yet folded, ${mib(Number(after[0]!.total))}`)
  } finally {
    for (const s of stops.reverse()) await Promise.resolve(s()).catch(() => {})
    rmSync(tmp, { recursive: true, force: true })
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e)
    process.exit(1)
  },
)
