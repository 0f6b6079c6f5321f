// A keystroke in the minutes reaching a second client through the council sync server on loopback
// (createSyncServer on port 0, SQLite storage, join-code auth, as `npm run server` runs it): device
// A holds the current meeting of the profile, device B joins it; each keystroke is editText on A
// and is timed until B's document has it (B's afterTransaction, no polling). Floor: the round trip
// of a raw WebSocket echo on loopback with a message of the same size (A -> server -> B is one
// trip there and one back), one right after each keystroke, so that a busy moment of the machine
// weighs on the figure and its floor alike.
// `where`: 'own' runs the server in a process of its own (bench/instance.ts, built into plain
// JavaScript by scripts/build-server.mjs and run by Node, as `npm run server` runs it), as it is deployed,
// and the echo server too, so that the floor and the figure cross the same process boundary;
// 'shared' runs both in this process, where A's, the server's and B's work queue on one thread.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { WebSocket, WebSocketServer } from 'ws'
import * as Y from 'yjs'
import { createSyncServer } from '../../src/server/server'
import { editText, narrativeText, readNarrative } from '../../src/shared/doc/minutes'
import { asCouncilId } from '../../src/shared/domain/ids'
import { createJoinCode, newCodeId, newCouncilSecret } from '../../src/shared/sync/joinCode'
import type { Profile } from '../profile'
import { startChild } from '../lib/child'
import { sleep, summarize, type Summary } from '../lib/stats'

async function until(done: () => boolean, ms = 30_000): Promise<void> {
  const start = Date.now()
  while (!done()) {
    if (Date.now() - start > ms) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 5))
  }
}

export interface SyncResult {
  keystroke: Summary
  echo: Summary
  messageBytes: number
}

export type ServerPlace = 'own' | 'shared'

/** Where the bench's server instance is built to (as `npm run server` builds src/server/cli.ts). */
const INSTANCE_BUILD = '.vite/server/bench-instance.mjs'

/** The sync server, in this process or its own; the council registered on it as a laptop does (TOFU). */
async function syncServer(where: ServerPlace, dir: string, councilId: string, secret: string): Promise<{ url: string; close: () => Promise<void> }> {
  if (where === 'shared') {
    const server = await createSyncServer({ port: 0, dataDir: dir, logger: () => {} })
    await server.registry.register({ councilId, secret })
    return { url: server.url, close: () => server.close() }
  }
  execFileSync(process.execPath, ['scripts/build-server.mjs', 'bench/instance.ts', INSTANCE_BUILD], { stdio: 'inherit' })
  const { child, out } = await startChild(process.execPath, [INSTANCE_BUILD, JSON.stringify({ port: 0, dataDir: dir, storage: 'sqlite' })], /READY \d+/)
  const port = /READY (\d+)/.exec(out())![1]!
  const r = await fetch(`http://127.0.0.1:${port}/councils/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ councilId, secret }) })
  if (!r.ok) throw new Error(`register: ${r.status} ${await r.text()}`)
  return { url: `ws://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM')))) }
}

export async function measureSync(profile: Profile, runs: number, gapMs = 10, where: ServerPlace = 'own'): Promise<SyncResult> {
  const dir = mkdtempSync(join(tmpdir(), 'yishi-bench-sync-'))
  const councilId = asCouncilId(profile.manifest.councilId)
  const secret = newCouncilSecret()
  const server = await syncServer(where, dir, councilId, secret)
  const code = await createJoinCode(secret, { councilId, access: 'rw', codeId: newCodeId() })
  const name = profile.manifest.meetings.at(-1)!.name
  const docA = new Y.Doc()
  Y.applyUpdate(docA, profile.updates.get(name)!)
  const docB = new Y.Doc()
  const sockets = [0, 1].map(() => new HocuspocusProviderWebsocket({ url: server.url, WebSocketPolyfill: WebSocket }))
  const providers = [docA, docB].map((document, i) => {
    const p = new HocuspocusProvider({ name, document, websocketProvider: sockets[i]!, token: code })
    p.attach()
    return p
  })
  let messageBytes = 0
  let echo: EchoProbe | null = null
  try {
    const textB = narrativeText(docB)
    await until(() => providers.every((p) => p.isSynced) && textB.length === narrativeText(docA).length, 60_000)
    docA.on('update', (u: Uint8Array) => (messageBytes = u.byteLength))
    let value = readNarrative(docA)
    const samples: number[] = []
    const echoes: number[] = []
    for (let i = 0; i < runs + 10; i++) {
      value += '纪'
      const want = value.length
      const arrived = new Promise<void>((resolve) => {
        const check = () => {
          if (textB.length === want) {
            docB.off('afterTransaction', check)
            resolve()
          }
        }
        docB.on('afterTransaction', check)
      })
      const t = performance.now()
      editText(docA, { kind: 'narrative' }, value)
      await arrived
      if (i >= 10) samples.push(performance.now() - t)
      await sleep(gapMs)
      // The floor's round trip right after each keystroke, so both see the machine as it is then.
      echo ??= await echoProbe(where, messageBytes + name.length + 4)
      const e = await echo.roundTrip()
      if (i >= 10) echoes.push(e)
      await sleep(gapMs)
    }
    return { keystroke: summarize(samples), echo: summarize(echoes), messageBytes }
  } finally {
    providers.forEach((p) => p.destroy())
    sockets.forEach((s) => s.destroy())
    await echo?.close()
    await server.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

// The echo server for 'own': the same ws library, in a process of its own.
const ECHO_SERVER = `const { WebSocketServer } = require('ws')
const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' })
wss.on('listening', () => console.log('READY ' + wss.address().port))
wss.on('connection', (ws) => ws.on('message', (data, binary) => ws.send(data, { binary })))`

/** An echo server in this process or its own. */
async function echoServer(where: ServerPlace): Promise<{ port: number; close: () => Promise<void> }> {
  if (where === 'own') {
    const { child, out } = await startChild(process.execPath, ['-e', ECHO_SERVER], /READY \d+/)
    return { port: Number(/READY (\d+)/.exec(out())![1]), close: async () => void child.kill('SIGTERM') }
  }
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' })
  await new Promise<void>((r) => wss.once('listening', () => r()))
  wss.on('connection', (ws) => ws.on('message', (data, binary) => ws.send(data, { binary })))
  return { port: (wss.address() as { port: number }).port, close: () => new Promise<void>((r) => wss.close(() => r())) }
}

interface EchoProbe {
  /** One round trip of a message of the probe's size, in ms. */
  roundTrip: () => Promise<number>
  close: () => Promise<void>
}

/** A raw WebSocket echo on loopback (ws on both ends, as the sync path uses), connected. */
async function echoProbe(where: ServerPlace, bytes: number): Promise<EchoProbe> {
  const server = await echoServer(where)
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}`)
  await new Promise<void>((r) => ws.once('open', () => r()))
  const payload = new Uint8Array(bytes).fill(7)
  return {
    async roundTrip() {
      const back = new Promise<void>((r) => ws.once('message', () => r()))
      const t = performance.now()
      ws.send(payload)
      await back
      return performance.now() - t
    },
    async close() {
      ws.close()
      await server.close()
    },
  }
}
