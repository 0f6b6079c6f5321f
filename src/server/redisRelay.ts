// The Redis relay between instances (@hocuspocus/extension-redis): every change of a document
// open on several instances reaches the others; it stores nothing (the storage does).
import { Redis } from '@hocuspocus/extension-redis'
import { errorText, type SyncServerLogger } from './log'

const REDIS_READY_TIMEOUT_MS = 5_000

export interface RedisConfig {
  host: string
  port: number
  prefix?: string
}

/**
 * The Redis extension without its store lock. Upstream, an instance that finds a document locked
 * by another instance skips its store altogether, and is not asked again until one of its own
 * clients edits the document: edits can then be missing from the database. Here every store
 * merges with what is stored (a transaction in sqliteStorage.ts), so instances storing one
 * document at the same time is safe, and each one always stores.
 */
class RelayOnlyRedis extends Redis {
  override async onStoreDocument(): Promise<void> {}
  // Upstream releases its lock here and, after a store from a direct connection (every phone
  // cast and seal), waits a whole second (disconnectDelay) "so sync can finish": each cast then
  // took over a second under its vote's lock, 50 phones almost a minute. There is no lock to
  // release, changes are published when they happen (onChange), and unloading a document is
  // still delayed by beforeUnloadDocument, so nothing needs that wait.
  override async afterStoreDocument(): Promise<void> {}
}

export function redisExtension(config: RedisConfig, log: SyncServerLogger): Redis {
  const redis = new RelayOnlyRedis({ host: config.host, port: config.port, prefix: config.prefix ?? 'yishi' })
  for (const client of [redis.pub, redis.sub]) client.on('error', (e: unknown) => log({ type: 'redis-error', error: errorText(e) }))
  return redis
}

// Without the relay, clients on different instances would silently stop seeing each other.
export async function redisReady(redis: Redis): Promise<void> {
  const where = `${redis.configuration.host}:${redis.configuration.port}`
  const ready = (client: Redis['pub']) =>
    new Promise<void>((resolve, reject) => {
      if (client.status === 'ready') return resolve()
      const timer = setTimeout(() => done(new Error(`Redis at ${where} is not reachable (no answer in ${REDIS_READY_TIMEOUT_MS} ms)`)), REDIS_READY_TIMEOUT_MS)
      const onReady = () => done()
      const onError = (e: unknown) => done(new Error(`Redis at ${where} is not reachable: ${errorText(e)}`))
      const done = (error?: Error) => {
        clearTimeout(timer)
        client.off('ready', onReady)
        client.off('error', onError)
        if (error) reject(error)
        else resolve()
      }
      client.on('ready', onReady)
      client.on('error', onError)
    })
  await Promise.all([ready(redis.pub), ready(redis.sub)])
}
