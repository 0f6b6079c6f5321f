// `npm run server`: its flags, and the real command started as a child process, serving, then
// stopped by a signal after storing what it had.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parseCli } from '../../src/server/cliArgs'
import { connect, onCleanup, runCleanups, storedDoc, tempDir, waitFor } from './server-fixtures'
import { newCouncilId } from '../../src/shared/domain/ids'
import { councilDocName } from '../../src/shared/doc/names'
import { createJoinCode, newCodeId, newCouncilSecret } from '../../src/shared/sync/joinCode'

afterEach(runCleanups)

describe('command-line flags', () => {
  it('defaults: port 4455, every interface, ./yishi-data unless YISHI_DATA is set; no Redis', () => {
    expect(parseCli([], {})).toEqual({ port: 4455, host: '0.0.0.0', dataDir: resolve('./yishi-data'), storage: 'sqlite' })
    expect(parseCli([], { YISHI_DATA: '/srv/yishi' }).dataDir).toBe('/srv/yishi')
  })

  it('reads --port, --host, --data, --storage and --redis host:port', () => {
    expect(parseCli(['--port', '0', '--host', '127.0.0.1', '--data', '/tmp/x', '--storage', 'files', '--redis', 'redis.local:6380', '--redis-prefix', 'street'], { YISHI_DATA: '/ignored' })).toEqual({
      port: 0,
      host: '127.0.0.1',
      dataDir: '/tmp/x',
      storage: 'files',
      redis: { host: 'redis.local', port: 6380, prefix: 'street' },
    })
    expect(parseCli(['--redis', '[::1]:6379'], {}).redis).toEqual({ host: '::1', port: 6379 })
    expect(parseCli(['--storage', 'sqlite'], {}).storage).toBe('sqlite')
  })

  it('refuses what it cannot use', () => {
    expect(() => parseCli(['--port', 'http'], {})).toThrow(/--port/)
    expect(() => parseCli(['--port', '70000'], {})).toThrow(/--port/)
    expect(() => parseCli(['--redis', 'localhost'], {})).toThrow(/--redis/)
    expect(() => parseCli(['--storage', 'mysql'], {})).toThrow(/--storage: expected sqlite or files or postgres/)
    // postgres needs its database; a database URL means nothing to the other two.
    expect(() => parseCli(['--storage', 'postgres'], {})).toThrow(/--database-url/)
    expect(() => parseCli(['--database-url', 'postgres://db/yishi'], {})).toThrow(/only with --storage postgres/)
    expect(parseCli(['--storage', 'postgres'], { DATABASE_URL: 'postgres://db/yishi' }).databaseUrl).toBe('postgres://db/yishi')
    expect(parseCli(['--storage', 'postgres', '--database-url', 'postgres://a/b'], { DATABASE_URL: 'postgres://db/yishi' }).databaseUrl).toBe('postgres://a/b')
    expect(() => parseCli(['--storage'], {})).toThrow()
    expect(() => parseCli(['--verbose'], {})).toThrow()
  })
})

describe('npm run server', () => {
  it.each([
    ['SIGTERM', 'sqlite'],
    ['SIGINT', 'files'],
  ] as const)('prints its URL, serves, and on %s stores every open document and exits 0 (--storage %s)', async (signal, storage) => {
    const data = tempDir()
    // What `npm run server -- …` runs: the server built into plain JavaScript, then started.
    expect((JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts.server).toBe('node scripts/server.mjs')
    const args = ['scripts/server.mjs', '--port', '0', '--host', '127.0.0.1', '--data', data, '--storage', storage]
    const child = spawn(process.execPath, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const exited = once(child, 'exit')
    onCleanup(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    })
    let out = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (out += d.toString()))
    await waitFor(() => /Yishi sync server: ws:\/\/127\.0\.0\.1:\d+/.test(out), 'the URL line', 20_000)
    const url = /Yishi sync server: (ws:\/\/127\.0\.0\.1:\d+)/.exec(out)![1]!
    expect(existsSync(join(data, 'yishi.sqlite'))).toBe(storage === 'sqlite')
    expect(existsSync(join(data, 'docs'))).toBe(storage === 'files')

    const http = url.replace('ws:', 'http:')
    expect(await (await fetch(`${http}/health`)).json()).toEqual({ ok: true })
    const councilId = newCouncilId()
    const secret = newCouncilSecret()
    const reg = await fetch(`${http}/councils/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ councilId, secret }) })
    expect(reg.status).toBe(201)
    const client = connect(url, councilDocName(councilId), await createJoinCode(secret, { councilId, access: 'rw', codeId: newCodeId() }))
    client.doc.getText('minutes').insert(0, '停止前写入')
    await waitFor(() => client.provider.isSynced && !client.provider.hasUnsyncedChanges, 'acknowledged')

    child.kill(signal)
    const [code] = await exited
    expect(code).toBe(0)
    expect(out).toContain(`${signal}: storing open documents and stopping`)
    expect(out).toContain(`data: ${data} (${storage})`)
    expect(storedDoc(data, councilDocName(councilId), storage)!.getText('minutes').toString()).toBe('停止前写入')
  }, 40_000)

})
