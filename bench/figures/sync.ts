// A keystroke in the minutes reaching a second client through the council sync server on loopback
// (createSyncServer on port 0, SQLite storage, join-code auth, as `npm run server` runs it): device
// A holds the current meeting of the profile, device B joins it; each keystroke is editText on A
// and is timed until B's document has it (B's afterTransaction, no polling). Floor: the round trip
// of a raw WebSocket echo on loopback with a message of the same size (A -> server -> B is one
// trip there and one back).
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

export async function measureSync(profile: Profile, runs: number, gapMs = 10): Promise<SyncResult> {
  const dir = mkdtempSync(join(tmpdir(), 'yishi-bench-sync-'))
  const server = await createSyncServer({ port: 0, dataDir: dir, logger: () => {} })
  const councilId = asCouncilId(profile.manifest.councilId)
  const secret = newCouncilSecret()
  await server.registry.register({ councilId, secret })
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
  try {
    const textB = narrativeText(docB)
    await until(() => providers.every((p) => p.isSynced) && textB.length === narrativeText(docA).length, 60_000)
    docA.on('update', (u: Uint8Array) => (messageBytes = u.byteLength))
    let value = readNarrative(docA)
    const samples: number[] = []
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
    }
    return { keystroke: summarize(samples), echo: await measureEcho(runs, messageBytes + name.length + 4, gapMs), messageBytes }
  } finally {
    providers.forEach((p) => p.destroy())
    sockets.forEach((s) => s.destroy())
    await server.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Round trips of a raw WebSocket echo on loopback (ws on both ends, as the sync path uses). */
export async function measureEcho(runs: number, bytes: number, gapMs: number): Promise<Summary> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' })
  await new Promise<void>((r) => wss.once('listening', () => r()))
  wss.on('connection', (ws) => ws.on('message', (data, binary) => ws.send(data, { binary })))
  const { port } = wss.address() as { port: number }
  const ws = new WebSocket(`ws://127.0.0.1:${port}`)
  await new Promise<void>((r) => ws.once('open', () => r()))
  const payload = new Uint8Array(bytes).fill(7)
  const samples: number[] = []
  try {
    for (let i = 0; i < runs + 10; i++) {
      const back = new Promise<void>((r) => ws.once('message', () => r()))
      const t = performance.now()
      ws.send(payload)
      await back
      if (i >= 10) samples.push(performance.now() - t)
      await sleep(gapMs)
    }
  } finally {
    ws.close()
    await new Promise<void>((r) => wss.close(() => r()))
  }
  return summarize(samples)
}
