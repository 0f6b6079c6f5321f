// Child process of server-file-storage.test.ts (run with `node --import tsx`), not a test file.
//
//   modules <sqlite|files> <dataDir>   imports server.ts, starts a server with that storage,
//       registers a council, syncs an edit through a provider, stops, starts again and reads the
//       edit back, then prints what it found of better-sqlite3 in this process (JSON, last line):
//       - cjs: paths in require.cache (Node's CommonJS cache, which also holds every CommonJS
//         package imported from ESM: better-sqlite3 is CommonJS);
//       - native: loaded shared libraries (process.report's sharedObjects) named better_sqlite3,
//         i.e. the native addon actually dlopen()ed into the process.
//   crash <dataDir>   stores ever larger states of one document with the file backend, forever,
//       continuing from what is stored; the test kills it (SIGKILL) mid-write.
import { createRequire } from 'node:module'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { createSyncServer } from '../../src/server/server'
import type { StorageKind } from '../../src/server/storage'
import { openFileStorage } from '../../src/server/fileStorage'
import { newCouncilId } from '../../src/shared/domain/ids'
import { councilDocName } from '../../src/shared/doc/names'
import { createJoinCode, newCodeId, newCouncilSecret } from '../../src/shared/sync/joinCode'

const CRASH_DOC = 'council/crash'
/** Entry i of the crash document's 'log' array (the test checks them). */
const crashEntry = (i: number) => `entry-${i}-${'x'.repeat(2_000)}`

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; !check(); i++) {
    if (i > 1000) throw new Error(`timed out: ${what}`)
    await sleep(10)
  }
}

/** Connects, waits for the server's answer, runs `use`, disconnects. */
async function withClient(url: string, name: string, token: string, use: (doc: Y.Doc, provider: HocuspocusProvider) => Promise<void>): Promise<void> {
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket })
  const doc = new Y.Doc()
  const provider = new HocuspocusProvider({ name, document: doc, websocketProvider: socket, token })
  provider.attach()
  try {
    await until(() => provider.isSynced, 'synced')
    await use(doc, provider)
  } finally {
    provider.destroy()
    socket.destroy()
  }
}

async function modules(storage: StorageKind, dataDir: string): Promise<void> {
  const councilId = newCouncilId()
  const secret = newCouncilSecret()
  const name = councilDocName(councilId)
  const code = await createJoinCode(secret, { councilId, access: 'rw', codeId: newCodeId() })

  const first = await createSyncServer({ port: 0, host: '127.0.0.1', dataDir, storage, logger: () => {} })
  const res = await fetch(`${first.url.replace('ws:', 'http:')}/councils/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ councilId, secret }),
  })
  if (res.status !== 201) throw new Error(`register: ${res.status}`)
  await withClient(first.url, name, code, async (doc, provider) => {
    doc.getText('minutes').insert(0, '会议纪要')
    await until(() => !provider.hasUnsyncedChanges, 'acknowledged')
  })
  await first.close()

  const second = await createSyncServer({ port: 0, host: '127.0.0.1', dataDir, storage, logger: () => {} })
  let readBack = ''
  await withClient(second.url, name, code, async (doc) => {
    readBack = doc.getText('minutes').toString()
  })
  await second.close()

  const cjs = Object.keys(createRequire(import.meta.url).cache).filter((p) => p.includes('better-sqlite3'))
  const report = process.report.getReport() as { sharedObjects?: string[] }
  const native = report.sharedObjects ? report.sharedObjects.filter((p) => p.includes('better_sqlite3')) : null
  console.log(JSON.stringify({ readBack, cjs, native }))
}

async function crash(dataDir: string): Promise<void> {
  const storage = await openFileStorage(dataDir)
  const doc = new Y.Doc()
  const stored = await storage.documents.fetch(CRASH_DOC)
  if (stored) Y.applyUpdate(doc, stored)
  const log = doc.getArray<string>('log')
  for (let n = 0; ; n++) {
    log.push([crashEntry(log.length)])
    await storage.documents.store(CRASH_DOC, Y.encodeStateAsUpdate(doc))
    if (n % 5 === 0) console.log(`stored ${n}`)
  }
}

const [mode, ...args] = process.argv.slice(2)
const run = mode === 'modules' ? modules(args[0] as StorageKind, args[1]!) : mode === 'crash' ? crash(args[0]!) : Promise.reject(new Error(`unknown mode ${mode}`))
run.then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e)
    process.exit(1)
  },
)
