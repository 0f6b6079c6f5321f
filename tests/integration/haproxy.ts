// Helpers for the tests of several instances (not a test file itself): a sync server instance in
// a child process (so a test can SIGKILL it: no store on the way out), and Debian's HAProxy in
// front of instances, with the configuration src/server/README.md gives (no TLS here).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { SyncServerOptions } from '../../src/server/server'
import { freePort, onCleanup, tempDir, waitFor } from './server-fixtures'

export interface ChildInstance {
  url: string
  port: number
  kill(): Promise<void>
}

/** One instance in a child process (tests/integration/server-instance-child.ts), killed at cleanup. */
export async function childInstance(options: Partial<SyncServerOptions>): Promise<ChildInstance> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'tests/integration/server-instance-child.ts', JSON.stringify({ ...options, dataDir: tempDir() })], { stdio: ['ignore', 'pipe', 'pipe'] })
  const exited = once(child, 'exit')
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    child.kill('SIGKILL')
    await exited
  }
  onCleanup(kill)
  let out = ''
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()))
  await waitFor(() => /READY \d+/.test(out) || child.exitCode !== null, 'child instance to start', 30_000)
  const port = /READY (\d+)/.exec(out)?.[1]
  if (!port) throw new Error(`child instance failed: ${out.slice(-1000)}`)
  return { url: `ws://127.0.0.1:${port}`, port: Number(port), kill }
}

/**
 * HAProxy in front of the given ports, stopped at cleanup. `balance` as in the README
 * (leastconn), or 'first' to send every connection to the first server that is up (so a test
 * knows which instance its clients are on).
 */
export async function startHaproxy(ports: number[], balance: 'leastconn' | 'first' = 'leastconn'): Promise<{ url: string; httpUrl: string }> {
  if (spawnSync('haproxy', ['-v']).error) throw new Error('haproxy is not installed: this test needs it (Debian: apt-get install -y haproxy; .ci/run installs it)')
  const port = await freePort()
  const cfg = join(tempDir(), 'haproxy.cfg')
  writeFileSync(
    cfg,
    `global
    maxconn 8000
defaults
    mode http
    timeout connect 2s
    timeout client 120s
    timeout server 120s
    timeout tunnel 1h
    option redispatch
    retries 3
frontend yishi
    bind 127.0.0.1:${port}
    default_backend yishi_instances
backend yishi_instances
    balance ${balance}
    option httpchk GET /health
    timeout check 5s
${ports.map((p, i) => `    server s${i} 127.0.0.1:${p} check inter 1s fall 3 rise 2`).join('\n')}
`,
  )
  const child = spawn('haproxy', ['-f', cfg, '-db'], { stdio: ['ignore', 'pipe', 'pipe'] })
  let log = ''
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()))
  const exited = once(child, 'exit')
  onCleanup(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    child.kill('SIGTERM')
    await exited
  })
  const httpUrl = `http://127.0.0.1:${port}`
  let up = false
  for (let i = 0; i < 100 && !up && child.exitCode === null; i++) {
    up = await fetch(`${httpUrl}/health`).then((r) => r.ok, () => false)
    if (!up) await new Promise((r) => setTimeout(r, 100))
  }
  if (!up) throw new Error(`haproxy did not come up: ${log.slice(-1500)}`)
  return { url: `ws://127.0.0.1:${port}`, httpUrl }
}
