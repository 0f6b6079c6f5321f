// A process the bench starts and waits for: a sync server instance (bench/instance.ts), an echo
// server, Redis, HAProxy. Resolves once its output matches `ready`; fails with its last output if
// it exits first or takes over 60 s.
import { spawn, type ChildProcess } from 'node:child_process'
import { sleep } from './stats'

export async function startChild(cmd: string, args: string[], ready: RegExp): Promise<{ child: ChildProcess; out: () => string }> {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()))
  const t0 = Date.now()
  while (!ready.test(out) && child.exitCode === null) {
    if (Date.now() - t0 > 60_000) {
      child.kill('SIGKILL')
      throw new Error(`timed out after 60 s: ${cmd} ready`)
    }
    await sleep(20)
  }
  if (child.exitCode !== null) throw new Error(`${cmd} exited: ${out.slice(-800)}`)
  return { child, out: () => out }
}
