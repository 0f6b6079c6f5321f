// The command line's flags, parsed apart from cli.ts so they can be tested without starting it.
//   --port N          (default 4455; 0 = any free port)
//   --host ADDRESS    (default 0.0.0.0: every interface, for devices on the LAN)
//   --data DIR        (default $YISHI_DATA, else ./yishi-data)
//   --storage KIND    (sqlite, the default: DIR/yishi.sqlite; or files: DIR/docs/, DIR/registry.json;
//                      or postgres: the database of --database-url, shared by every instance)
//   --database-url U  (postgres://user@host:port/db; default $DATABASE_URL)
//   --redis HOST:PORT (relay through Redis to other instances)
//   --redis-prefix P  (Redis key prefix; default "yishi")
//   --ballot-page DIR (the built phone ballot page; cli.ts defaults to dist-web/ballot of this
//                      checkout when it is built)
//   --cert FILE --key FILE  (PEM: serve wss:// and https://; both or neither)
//   --secret-key FILE (the key sealing council secrets; default DIR.key, beside the data folder)
//   --file-quota SIZE (bytes of attached files one council may hold: 2G, 500M, 1048576; default
//                      $YISHI_FILE_QUOTA, else 2G; files.ts DEFAULT_FILE_QUOTA_BYTES)
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { SyncServerOptions } from './server'
import { STORAGE_KINDS } from './storage'
import type { StorageKind } from './storageTypes'

export function parseCli(argv: string[], env: Record<string, string | undefined>): SyncServerOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      storage: { type: 'string' },
      'database-url': { type: 'string' },
      redis: { type: 'string' },
      'redis-prefix': { type: 'string' },
      'ballot-page': { type: 'string' },
      cert: { type: 'string' },
      key: { type: 'string' },
      'secret-key': { type: 'string' },
      'file-quota': { type: 'string' },
    },
    strict: true,
  })
  const port = Number(values.port ?? '4455')
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: not a port number: ${values.port}`)
  const storage = values.storage ?? 'sqlite'
  if (!STORAGE_KINDS.includes(storage as StorageKind)) throw new Error(`--storage: expected ${STORAGE_KINDS.join(' or ')}, got ${storage}`)
  const options: SyncServerOptions = {
    port,
    host: values.host ?? '0.0.0.0',
    dataDir: resolve(values.data ?? env.YISHI_DATA ?? './yishi-data'),
    storage: storage as StorageKind,
  }
  const databaseUrl = values['database-url'] ?? env.DATABASE_URL
  if (storage === 'postgres') {
    if (!databaseUrl) throw new Error('--storage postgres: give --database-url postgres://… (or DATABASE_URL)')
    options.databaseUrl = databaseUrl
  } else if (values['database-url'] !== undefined) {
    throw new Error('--database-url: only with --storage postgres')
  }
  if (values.redis !== undefined) {
    const m = /^(.+):(\d{1,5})$/.exec(values.redis)
    if (!m) throw new Error(`--redis: expected host:port, got ${values.redis}`)
    options.redis = { host: m[1]!.replace(/^\[|\]$/g, ''), port: Number(m[2]), ...(values['redis-prefix'] ? { prefix: values['redis-prefix'] } : {}) }
  }
  if ((values.cert === undefined) !== (values.key === undefined)) throw new Error('--cert and --key: give both (PEM files) or neither')
  if (values.cert !== undefined && values.key !== undefined) options.tls = { cert: readFileSync(resolve(values.cert)), key: readFileSync(resolve(values.key)) }
  if (values['secret-key'] !== undefined) options.secretKeyFile = resolve(values['secret-key'])
  const fileQuota = values['file-quota'] ?? env.YISHI_FILE_QUOTA
  if (fileQuota !== undefined) options.fileLimits = { quotaBytes: parseSize(fileQuota, '--file-quota') }
  if (values['ballot-page'] !== undefined) {
    if (values['ballot-page'] === '') throw new Error('--ballot-page: expected a folder')
    options.ballotPageDir = resolve(values['ballot-page'])
  }
  return options
}

const UNITS: Record<string, number> = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4 }

/** A size in bytes, or with a binary unit (K, M, G, T; an optional 'iB' or 'B' after it). */
export function parseSize(text: string, flag: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([KMGT]?)(?:i?B)?\s*$/i.exec(text)
  const bytes = m ? Math.floor(Number(m[1]) * UNITS[m[2]!.toUpperCase()]!) : NaN
  if (!(bytes > 0) || !Number.isSafeInteger(bytes)) throw new Error(`${flag}: expected a size such as 2G, 500M or 1048576, got ${text}`)
  return bytes
}
