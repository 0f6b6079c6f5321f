// The file backend crashing at each step of an atomic write, deterministically: node:fs/promises
// is wrapped so that, once armed, the write of the next temp file stops for good at one point
// (its promise never settles, as if the process had died there):
//   'write'   half of the new state written to the temp file
//   'sync'    the whole state written, not yet fsynced
//   'rename'  written and fsynced, not yet renamed over the document
// Then the data folder is opened again, as the next start would: the previous state is read, the
// temp file is gone, and stores carry on from the previous state. The same for registry.json.
import { readdirSync } from 'node:fs'
import type * as fsPromises from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { DOCS_DIR, REGISTRY_FILE, documentFileName, openFileStorage } from '../../src/server/fileStorage'
import { CouncilRegistry } from '../../src/server/registry'
import { newCouncilId } from '../../src/shared/domain/ids'
import { newCouncilSecret } from '../../src/shared/sync/joinCode'
import { runCleanups, sleep, tempDir } from './server-fixtures'

type CrashPoint = 'write' | 'sync' | 'rename'
const crash = vi.hoisted(() => ({ at: null as CrashPoint | null, reached: 0 }))

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof fsPromises>()
  const never = () => {
    crash.reached++
    return new Promise<never>(() => {})
  }
  const open: typeof fs.open = async (...args) => {
    const handle = await fs.open(...args)
    const at = crash.at
    // Only the temp files of atomic writes are opened with 'wx'.
    if (args[1] !== 'wx' || at === null) return handle
    return new Proxy(handle, {
      get(target, prop) {
        if (prop === 'writeFile' && at === 'write') {
          return async (data: Uint8Array | string) => {
            const bytes = typeof data === 'string' ? Buffer.from(data) : data
            await target.write(bytes.subarray(0, bytes.length >> 1))
            return never()
          }
        }
        if (prop === 'sync' && at === 'sync') return never
        const value: unknown = Reflect.get(target, prop)
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value
      },
    })
  }
  const rename: typeof fs.rename = (...args) => (crash.at === 'rename' ? never() : fs.rename(...args))
  return { ...fs, open, rename, default: { ...fs, open, rename } }
})

afterEach(async () => {
  crash.at = null
  crash.reached = 0
  await runCleanups()
})

function edit(key: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap('m').set(key, 'x'.repeat(500))
  return Y.encodeStateAsUpdate(doc)
}

function keysOf(update: Uint8Array | null): string[] {
  const doc = new Y.Doc()
  if (update) Y.applyUpdate(doc, update)
  return [...doc.getMap('m').keys()].sort()
}

/** Arms the crash point, starts `write` (it never finishes), and waits until the crash point is reached. */
async function crashDuring(at: CrashPoint, write: () => Promise<unknown>): Promise<void> {
  crash.at = at
  let settled = false
  void write().then(
    () => (settled = true),
    () => (settled = true),
  )
  for (let i = 0; crash.reached === 0; i++) {
    if (i > 500) throw new Error(`crash point ${at} never reached`)
    await sleep(5)
  }
  crash.at = null
  await sleep(20)
  expect(settled).toBe(false)
}

const tempFiles = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.tmp'))

describe.each(['write', 'sync', 'rename'] as const)('file storage: a crash at %s', (at) => {
  it('a document keeps its previous state; the next start removes the temp file and stores on top of it', async () => {
    const dataDir = tempDir()
    const docs = join(dataDir, DOCS_DIR)
    const crashed = await openFileStorage(dataDir) // never closed: it "died"
    await crashed.documents.store('council/c', edit('before'))
    await crashDuring(at, () => crashed.documents.store('council/c', edit('lost')))
    expect(tempFiles(docs)).toHaveLength(1) // what the crash left

    const next = await openFileStorage(dataDir)
    expect(tempFiles(docs)).toEqual([])
    expect(readdirSync(docs)).toEqual([documentFileName('council/c')])
    expect(keysOf(await next.documents.fetch('council/c'))).toEqual(['before'])
    await next.documents.store('council/c', edit('after'))
    expect(keysOf(await next.documents.fetch('council/c'))).toEqual(['after', 'before'])
    await next.close()
  })

  it('registry.json keeps the councils registered before; the one being registered is not there, and was never visible', async () => {
    const dataDir = tempDir()
    const crashed = await openFileStorage(dataDir)
    const registry = new CouncilRegistry(crashed.registry)
    const kept = newCouncilId()
    const lost = newCouncilId()
    expect(await registry.register({ councilId: kept, secret: newCouncilSecret() })).toMatchObject({ ok: true })
    await crashDuring(at, () => registry.register({ councilId: lost, secret: newCouncilSecret() }))
    // Not stored, so not answered as registered either.
    expect(registry.isRegistered(lost)).toBe(false)
    expect(tempFiles(dataDir)).toHaveLength(1)

    const next = await openFileStorage(dataDir)
    expect(tempFiles(dataDir)).toEqual([])
    expect(readdirSync(dataDir).sort()).toEqual([DOCS_DIR, REGISTRY_FILE])
    const again = new CouncilRegistry(next.registry)
    expect(again.isRegistered(kept)).toBe(true)
    expect(again.isRegistered(lost)).toBe(false)
    expect(await again.register({ councilId: lost, secret: newCouncilSecret() })).toMatchObject({ ok: true, created: true })
    await next.close()
  })
})
