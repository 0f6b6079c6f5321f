// One sync server instance for bench/measure-city.ts (run with `node --import tsx`; the keystroke
// figure, bench/figures/sync.ts, builds it as `npm run server` builds the server), from the JSON
// options in argv[2]: storage postgres, Redis, limits raised because every connection comes from
// the load balancer's address. Prints "READY <port>", then serves until SIGTERM (stores, exits) or
// SIGKILL (the bench's "instance lost" case).
import { createSyncServer, type SyncServerOptions } from '../src/server/server'

const options = JSON.parse(process.argv[2] ?? '{}') as SyncServerOptions
const server = await createSyncServer({ ...options, host: '127.0.0.1', logger: () => {} })
console.log(`READY ${server.port}`)
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)))
