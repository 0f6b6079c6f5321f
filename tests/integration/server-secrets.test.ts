// What the data folder gives away (issue 15): it is 0700 and its files 0600 whatever the umask,
// and no council secret is in it in clear (sealed under a server key kept beside the folder), so a
// copy of the folder cannot mint codes; a registry from before is sealed when the server opens it,
// and its codes keep working. Both storages.
import { copyFileSync, cpSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { newCouncilId } from '../../src/shared/domain/ids'
import { councilDocName } from '../../src/shared/doc/names'
import { createJoinCode, newCodeId, newCouncilSecret } from '../../src/shared/sync/joinCode'
import { openStorage } from '../../src/server/storage'
import { STORAGES, connect, newCouncil, onCleanup, runCleanups, startServer, tempDir, waitFor } from './server-fixtures'

afterEach(runCleanups)

/** Every file under `dir` with its mode. */
function walk(dir: string): { path: string; mode: number; dir: boolean }[] {
  const out: { path: string; mode: number; dir: boolean }[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    out.push({ path, mode: statSync(path).mode & 0o777, dir: entry.isDirectory() })
    if (entry.isDirectory()) out.push(...walk(path))
  }
  return out
}

const folderHolds = (dir: string, text: string) => walk(dir).some((f) => !f.dir && readFileSync(f.path).includes(Buffer.from(text)))

describe.each(STORAGES)('the data folder (%s)', (storage) => {
  it('is 0700 with files 0600 under a permissive umask, holds no secret in clear, and a copy of it cannot open the councils', async () => {
    const previous = process.umask(0o000)
    onCleanup(() => process.umask(previous))
    const server = await startServer({ storage })
    const council = await newCouncil(server)
    const writer = connect(server.url, council.docName, await council.code('rw'))
    writer.doc.getMap('members').set('m1', '张三')
    await waitFor(() => writer.provider.isSynced && !writer.provider.hasUnsyncedChanges, 'synced')
    await server.close()

    expect(statSync(server.dataDir).mode & 0o777).toBe(0o700)
    const files = walk(server.dataDir)
    expect(files.filter((f) => !f.dir).length).toBeGreaterThan(0)
    for (const f of files) expect([f.path, f.mode.toString(8)]).toEqual([f.path, f.dir ? '700' : '600'])
    expect(statSync(`${server.dataDir}.key`).mode & 0o777).toBe(0o600)
    expect(folderHolds(server.dataDir, council.secret)).toBe(false)

    // A copy of the folder started with another key (the attacker has no key file) refuses to start.
    const copy = tempDir()
    cpSync(server.dataDir, copy, { recursive: true })
    await expect(startServer({ storage, dataDir: copy })).rejects.toThrow(/server key/)
    // With the key file too, it works: the key must be kept (and backed up) apart from the folder.
    const withKey = tempDir()
    cpSync(server.dataDir, withKey, { recursive: true })
    copyFileSync(`${server.dataDir}.key`, `${withKey}.key`)
    const restored = await startServer({ storage, dataDir: withKey })
    const reader = connect(restored.url, council.docName, await council.code('ro'))
    await waitFor(() => reader.provider.isSynced && reader.doc.getMap('members').get('m1') === '张三', 'restored folder serves the council')
  }, 30_000)

  it('a registry from before (secrets in clear) is sealed on start, and its codes keep working', async () => {
    const dataDir = tempDir()
    const councilId = newCouncilId()
    const secret = newCouncilSecret()
    const legacy = await openStorage(storage, dataDir)
    expect(await legacy.registry.addCouncil(councilId, secret, new Date().toISOString())).toBe(true)
    await legacy.close()
    expect(folderHolds(dataDir, secret)).toBe(true)

    const server = await startServer({ storage, dataDir })
    const code = await createJoinCode(secret, { councilId, access: 'rw', codeId: newCodeId() })
    const client = connect(server.url, councilDocName(councilId), code)
    await waitFor(() => client.authenticated, 'an old code still opens the council')
    await server.close()
    expect(folderHolds(dataDir, secret)).toBe(false)
  })
})
