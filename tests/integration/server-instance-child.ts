// Child process of server-instances.test.ts (run with `node --import tsx`), not a test file: one
// sync server instance started from the JSON options in argv[2] (storage postgres, Redis), which
// prints "READY <port>" and then runs until the test kills it (SIGKILL: no store on the way out).
import { createSyncServer, type SyncServerOptions } from '../../src/server/server'

const options = JSON.parse(process.argv[2] ?? '{}') as SyncServerOptions
const server = await createSyncServer({ ...options, port: 0, host: '127.0.0.1', logger: () => {} })
console.log(`READY ${server.port}`)
