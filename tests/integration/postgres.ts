// A real PostgreSQL for the tests (not a test file itself), as server-fixtures.ts starts a real
// redis-server: Debian's `postgresql` binaries, a cluster made by initdb in a temporary folder on
// a free loopback port (its unix socket in that folder too), stopped and deleted after. PostgreSQL
// refuses to run as root, so as root the cluster runs as the user `postgres` (runuser). Without
// the binaries this throws: nothing is skipped.
import { spawnSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { userInfo } from 'node:os'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { createServer } from 'node:net'

export interface PostgresProcess {
  port: number
  /** The connection string of database `name` (default: postgres). */
  url(name?: string): string
  /** Creates an empty database; returns its connection string. */
  createDatabase(name?: string): Promise<string>
  /** Runs one statement on database `name` and returns its rows. */
  query<R extends Record<string, unknown>>(name: string, sql: string, params?: unknown[]): Promise<R[]>
  stop(): Promise<void>
}

function binDir(): string {
  const root = '/usr/lib/postgresql'
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : []
  if (!versions.length) throw new Error('PostgreSQL is not installed: these tests need a real one (Debian: apt-get install -y postgresql; .ci/run installs it)')
  return join(root, versions[0]!, 'bin')
}

let counter = 0

async function freePort(): Promise<number> {
  const srv = createServer()
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve))
  const { port } = srv.address() as { port: number }
  await new Promise<void>((resolve) => srv.close(() => resolve()))
  return port
}

/** psql of the installed PostgreSQL (for reading synchronously, as storedDoc does). */
export const psqlPath = (): string => join(binDir(), 'psql')

/** Starts a throwaway PostgreSQL cluster; the caller stops it (afterAll). */
export async function startPostgres(options: { fsync?: boolean } = {}): Promise<PostgresProcess> {
  const bin = binDir()
  const dir = mkdtempSync(join(tmpdir(), 'yishi-pg-'))
  const asRoot = userInfo().uid === 0
  if (asRoot) {
    const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' })
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' })
    if (id.status !== 0) throw new Error('no user postgres to run PostgreSQL as (it refuses root); install Debian postgresql')
    chownSync(dir, Number(id.stdout.trim()), Number(gid.stdout.trim()))
  }
  const run = (tool: string, args: string[]) => {
    const cmd = asRoot ? ['runuser', '-u', 'postgres', '--', join(bin, tool), ...args] : [join(bin, tool), ...args]
    const r = spawnSync(cmd[0]!, cmd.slice(1), { encoding: 'utf8', cwd: dir })
    if (r.status !== 0) throw new Error(`${tool} failed: ${r.stderr || r.stdout}${existsSync(join(dir, 'log')) ? readFileSync(join(dir, 'log'), 'utf8').slice(-1000) : ''}`)
  }
  const data = join(dir, 'data')
  const port = await freePort()
  try {
    run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync'])
    // fsync off unless asked (bench/): the tests kill server instances, never PostgreSQL.
    run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '30', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=${options.fsync ? "on" : "off"} -c max_connections=200`, 'start'])
  } catch (e) {
    rmSync(dir, { recursive: true, force: true })
    throw e
  }
  const url = (name = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${name}`
  const query = async <R extends Record<string, unknown>>(name: string, sql: string, params: unknown[] = []): Promise<R[]> => {
    const client = new pg.Client({ connectionString: url(name) })
    await client.connect()
    try {
      return (await client.query<R>(sql, params)).rows
    } finally {
      await client.end()
    }
  }
  let stopped = false
  return {
    port,
    url,
    query,
    async createDatabase(name = `yishi_${process.pid}_${++counter}_${Date.now()}`) {
      await query('postgres', `CREATE DATABASE ${name}`)
      return url(name)
    },
    async stop() {
      if (stopped) return
      stopped = true
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}
