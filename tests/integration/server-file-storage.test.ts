// The file backend (storage 'files', src/server/fileStorage.ts): atomic writes that a crash can
// never leave half-done, stores of one document that never lose each other's edits, document
// names that can never leave the data folder, a registry that survives a restart and refuses to
// start from a damaged file. And the reason it exists: a server started with storage 'files'
// never loads better-sqlite3 (checked in a child process, against SQLite as the control).
import { spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CouncilRegistry } from '../../src/server/registry'
import { DOCS_DIR, REGISTRY_FILE, documentFileName, openFileStorage, tempFileFor, writeAtomically } from '../../src/server/fileStorage'
import { storedUpdate } from '../../src/shared/sync/packedUpdate'
import type { Storage } from '../../src/server/storage'
import { newCouncilId } from '../../src/shared/domain/ids'
import { createJoinCode, newCouncilSecret } from '../../src/shared/sync/joinCode'
import { onCleanup, runCleanups, startServer, tempDir, waitFor } from './server-fixtures'

afterEach(runCleanups)

async function open(dataDir: string): Promise<Storage> {
  const storage = await openFileStorage(dataDir)
  onCleanup(() => storage.close())
  return storage
}

/** A Yjs update that sets `key` in map 'm' (each from its own client). */
function edit(key: string, value: unknown = key): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap('m').set(key, value)
  return Y.encodeStateAsUpdate(doc)
}

function keysOf(update: Uint8Array | null): string[] {
  if (!update) return []
  const doc = new Y.Doc()
  Y.applyUpdate(doc, update)
  return [...doc.getMap('m').keys()].sort()
}

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  )
}

const SAFE_FILE_NAME = /^(?:(?:[a-z0-9_-]|%[0-9A-F]{2})+|~[0-9a-f]{64})\.ydoc$/

describe('file storage: document names', () => {
  it('encodes a name into one safe file name: readable for council names, never a path', () => {
    expect(documentFileName('council/0b7e2f8c-1111-4d2a-9c3e-5a6b7c8d9e0f')).toBe('council%2F0b7e2f8c-1111-4d2a-9c3e-5a6b7c8d9e0f.ydoc')
    expect(documentFileName('..')).toBe('%2E%2E.ydoc')
    expect(documentFileName('会')).toBe('%E4%BC%9A.ydoc')
    for (const name of ['../../etc/passwd', '/abs', 'a\\b', 'C:\\x', 'CON', 'nul', '.', '%2F', 'Ab', 'aB', '会议/纪要', 'x'.repeat(500)]) {
      const file = documentFileName(name)
      expect(file, name).toMatch(SAFE_FILE_NAME)
      expect(Buffer.byteLength(file)).toBeLessThan(220)
    }
  })

  it('maps different names to different files, even where case does not count (macOS, Windows)', () => {
    const names = ['Ab', 'aB', 'ab', 'AB', '%41b', 'a/b', 'a%2Fb', 'a.b', '..', '.', '会', '會', 'x'.repeat(300), `${'x'.repeat(300)}y`, '~', 'con']
    const files = names.map((n) => documentFileName(n).toLowerCase())
    expect(new Set(files).size).toBe(names.length)
  })

  it('refuses an empty name and one with lone surrogates (they would collide)', () => {
    expect(() => documentFileName('')).toThrow(/empty/)
    expect(() => documentFileName('a\ud800')).toThrow(/well-formed/)
    expect(() => documentFileName('a\udc00b')).toThrow(/well-formed/)
    expect(documentFileName('😀')).toBe('%F0%9F%98%80.ydoc')
  })

  it("stores names with '/', '..', unicode and more inside <data>/docs only, and reads each back", async () => {
    const parent = tempDir()
    const dataDir = join(parent, 'data')
    const storage = await open(dataDir)
    const names = ['../../escape', '../registry.json', '/etc/passwd', 'a/../../b', '..', '.', 'docs/../../x', '会议/纪要 第一次', 'CON', 'a\\..\\b', 'Ab', 'aB', 'x'.repeat(1000)]
    for (const name of names) await storage.documents.store(name, edit(name.slice(0, 50)))
    for (const name of names) expect(keysOf(await storage.documents.fetch(name)), name).toEqual([name.slice(0, 50)])
    await storage.close()

    expect(readdirSync(parent)).toEqual(['data'])
    const files = filesUnder(dataDir)
    expect(files.filter((f) => !f.startsWith(`${DOCS_DIR}/`))).toEqual([]) // no registry change, nothing else
    expect(files).toHaveLength(names.length)
    for (const f of files) expect(f.slice(DOCS_DIR.length + 1)).toMatch(SAFE_FILE_NAME)
  })
})

describe('file storage: documents', () => {
  it('fetch of a document never stored is null; a store merges with what is stored, never overwrites', async () => {
    const storage = await open(tempDir())
    expect(await storage.documents.fetch('council/x')).toBeNull()
    await storage.documents.store('council/x', edit('a'))
    await storage.documents.store('council/x', edit('b'))
    expect(keysOf(await storage.documents.fetch('council/x'))).toEqual(['a', 'b'])
  })

  it('concurrent stores to one document all land (one after another), and a fetch queued behind them sees them', async () => {
    const storage = await open(tempDir())
    const keys = Array.from({ length: 60 }, (_, i) => `k${String(i).padStart(2, '0')}`)
    const fetched = Promise.all([...keys.map((k) => storage.documents.store('council/busy', edit(k))), storage.documents.fetch('council/busy')])
    const other = storage.documents.store('council/other', edit('o'))
    const results = await fetched
    await other
    expect(keysOf(results.at(-1) as Uint8Array)).toEqual(keys)
    expect(keysOf(await storage.documents.fetch('council/busy'))).toEqual(keys)
    expect(keysOf(await storage.documents.fetch('council/other'))).toEqual(['o'])
  })

  it('close() waits for pending stores; after it, stores are refused', async () => {
    const dataDir = tempDir()
    const storage = await openFileStorage(dataDir)
    const pending = Array.from({ length: 10 }, (_, i) => storage.documents.store('council/closing', edit(`c${i}`)))
    await storage.close()
    await Promise.all(pending)
    await expect(storage.documents.store('council/closing', edit('late'))).rejects.toThrow(/closed/)
    const again = await open(dataDir)
    expect(keysOf(await again.documents.fetch('council/closing'))).toHaveLength(10)
  })

  it('a write that fails removes its temp file and leaves the target as it was; a failed store does not block the next', async () => {
    const dataDir = tempDir()
    const storage = await open(dataDir)
    await storage.documents.store('council/f', edit('kept'))
    const docs = join(dataDir, DOCS_DIR)
    // The rename cannot replace a directory: the temp file was written and fsynced, then removed.
    const blocker = join(docs, documentFileName('council/g'))
    mkdirSync(blocker)
    writeFileSync(join(blocker, 'inside'), '')
    await expect(writeAtomically(blocker, edit('lost'))).rejects.toThrow()
    expect(readdirSync(docs).sort()).toEqual([documentFileName('council/f'), documentFileName('council/g')].sort())
    expect(readdirSync(blocker)).toEqual(['inside'])
    await expect(storage.documents.store('council/g', edit('lost'))).rejects.toThrow()
    rmSync(blocker, { recursive: true })
    await storage.documents.store('council/g', edit('later'))
    expect(keysOf(await storage.documents.fetch('council/g'))).toEqual(['later'])
    expect(keysOf(await storage.documents.fetch('council/f'))).toEqual(['kept'])
  })

  it('a half-written temp file left by a crash is never read: the previous state is, and opening again removes it', async () => {
    const dataDir = tempDir()
    const first = await open(dataDir)
    await first.documents.store('council/c', edit('before'))
    const file = join(dataDir, DOCS_DIR, documentFileName('council/c'))
    const whole = edit('after-crash')
    // What a crash between write and rename leaves: a temp file with half of the next state.
    const leftover = tempFileFor(file)
    writeFileSync(leftover, whole.subarray(0, whole.length >> 1))
    const unrelated = join(dataDir, DOCS_DIR, '.notes.tmp')
    writeFileSync(unrelated, 'not ours')
    expect(keysOf(await first.documents.fetch('council/c'))).toEqual(['before'])
    await first.close()

    const second = await open(dataDir)
    expect(existsSync(leftover)).toBe(false)
    expect(existsSync(unrelated)).toBe(true)
    expect(keysOf(await second.documents.fetch('council/c'))).toEqual(['before'])
    await second.documents.store('council/c', edit('next'))
    expect(keysOf(await second.documents.fetch('council/c'))).toEqual(['before', 'next'])
  })

  // A smoke test with a real crash: a SIGKILL lands wherever the child happens to be (often in
  // the merge, sometimes in a write). The deterministic crash points are in
  // server-file-storage-crash.test.ts.
  it('a process killed (SIGKILL) while storing leaves a whole state, never a torn one', async () => {
    const dataDir = tempDir()
    const file = join(dataDir, DOCS_DIR, documentFileName('council/crash'))
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/integration/server-storage-child.ts', 'crash', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] })
    const exited = once(child, 'exit')
    onCleanup(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    })
    let out = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (out += d.toString()))
    await waitFor(() => /stored 20\b/.test(out) || child.exitCode !== null, 'the child storing', 20_000)
    child.kill('SIGKILL')
    await exited
    expect(out).toMatch(/stored 20\b/)

    // Read as the next start would, before anything cleans up: a whole state (packed), each entry complete.
    const doc = new Y.Doc()
    Y.applyUpdate(doc, storedUpdate(new Uint8Array(readFileSync(file))))
    const log = doc.getArray<string>('log').toArray()
    expect(log.length).toBeGreaterThan(20)
    // As server-storage-child.ts writes them.
    log.forEach((e, i) => expect(e === `entry-${i}-${'x'.repeat(2_000)}`, `entry ${i}`).toBe(true))
    const storage = await open(dataDir)
    expect(readdirSync(join(dataDir, DOCS_DIR))).toEqual([documentFileName('council/crash')])
    expect(await storage.documents.fetch('council/crash')).toEqual(storedUpdate(new Uint8Array(readFileSync(file))))
  }, 30_000)
})

describe('file storage: registry', () => {
  const code = (secret: string, councilId: string, codeId = '1111111111111111') => createJoinCode(secret, { councilId, access: 'rw', codeId })

  it('survives a restart in registry.json (owner-only where the system has modes)', async () => {
    const dataDir = tempDir()
    const first = await open(dataDir)
    const r1 = new CouncilRegistry(first.registry)
    const ids = Array.from({ length: 20 }, () => newCouncilId())
    const secret = newCouncilSecret()
    // Registered concurrently: the writes of registry.json run one at a time, none is lost.
    const results = await Promise.all(ids.map((councilId) => r1.register({ councilId, secret })))
    expect(results.every((r) => r.ok)).toBe(true)
    await r1.revokeCode(ids[0]!, 'cccccccccccccccc', await code(secret, ids[0]!))
    await first.close()

    const file = join(dataDir, REGISTRY_FILE)
    const json = JSON.parse(readFileSync(file, 'utf8')) as { version: number; councils: { id: string }[]; revoked: unknown[] }
    expect(json.version).toBe(1)
    expect(json.councils.map((c) => c.id).sort()).toEqual([...ids].sort())
    expect(json.revoked).toEqual([{ councilId: ids[0], codeId: 'cccccccccccccccc', revokedAt: expect.any(String) }])
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600)

    const r2 = new CouncilRegistry((await open(dataDir)).registry)
    for (const id of ids) expect(r2.isRegistered(id)).toBe(true)
    expect(r2.isRevoked(ids[0]!, 'cccccccccccccccc')).toBe(true)
    expect(await r2.authorize(ids[0]!, await code(secret, ids[0]!, 'cccccccccccccccc'))).toEqual({ ok: false, reason: 'code-revoked' })
  })

  it('a leftover half-written registry temp file is ignored and removed', async () => {
    const dataDir = tempDir()
    const first = await open(dataDir)
    const id = newCouncilId()
    await new CouncilRegistry(first.registry).register({ councilId: id, secret: newCouncilSecret() })
    await first.close()
    const leftover = tempFileFor(join(dataDir, REGISTRY_FILE))
    writeFileSync(leftover, '{"version":1,"councils":[{"id":')
    const second = await open(dataDir)
    expect(new CouncilRegistry(second.registry).isRegistered(id)).toBe(true)
    expect(existsSync(leftover)).toBe(false)
  })

  it('refuses to open a damaged registry.json rather than start empty (which would hand its councils to the first comer)', async () => {
    for (const text of ['{"version":1,"councils":[{"id":', '[]', '{"version":2,"councils":[],"revoked":[]}', '{"version":1,"councils":[{"id":"x"}],"revoked":[]}']) {
      const dataDir = tempDir()
      writeFileSync(join(dataDir, REGISTRY_FILE), text)
      await expect(openFileStorage(dataDir)).rejects.toThrow(/not a valid council registry/)
      await expect(startServer({ dataDir, storage: 'files' })).rejects.toThrow(/not a valid council registry/)
    }
  })
})

describe("storage 'files' and better-sqlite3", () => {
  // A child process, so that nothing this test process (or Vitest) loaded counts. It imports
  // server.ts, runs a server through a store, a restart and a fetch, then lists what it finds of
  // better-sqlite3 in Node's CommonJS cache (better-sqlite3 is CommonJS: importing it from ESM
  // puts it there too) and among the shared libraries loaded into the process (its native addon,
  // better_sqlite3.node). SQLite is the control: the same run must find both.
  const run = (storage: 'files' | 'sqlite') => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', 'tests/integration/server-storage-child.ts', 'modules', storage, tempDir()], {
      cwd: resolve('.'),
      encoding: 'utf8',
      timeout: 20_000,
    })
    expect(child.status, child.stderr).toBe(0)
    return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { readBack: string; cjs: string[]; native: string[] | null }
  }

  it('a server started with storage files never loads it; with sqlite, the same check sees it', () => {
    const files = run('files')
    expect(files.readBack).toBe('会议纪要')
    expect(files.cjs).toEqual([])
    expect(files.native).toEqual([])

    const sqlite = run('sqlite')
    expect(sqlite.readBack).toBe('会议纪要')
    expect(sqlite.cjs.some((p) => p.includes('better-sqlite3'))).toBe(true)
    if (sqlite.native !== null) expect(sqlite.native.some((p) => p.endsWith('better_sqlite3.node'))).toBe(true)
  }, 45_000)
})
