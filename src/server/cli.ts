// `npm run server`: one sync server instance from the command line (flags: cliArgs.ts).
// Prints the URL (and the LAN addresses), then one JSON line per event; stops cleanly on
// SIGINT / SIGTERM, storing every open document first.
import { networkInterfaces } from 'node:os'
import { parseCli } from './cliArgs'
import { jsonLinesLogger } from './log'
import { createSyncServer, type SyncServerOptions } from './server'
import { defaultBallotPageDir } from './staticPage'

function lanUrls(port: number, scheme: 'ws' | 'wss'): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((i) => i && i.family === 'IPv4' && !i.internal)
    .map((i) => `${scheme}://${i!.address}:${port}`)
}

async function main(): Promise<void> {
  let options: SyncServerOptions
  try {
    options = parseCli(process.argv.slice(2), process.env)
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e))
    console.error('usage: npm run server -- [--port 4455] [--host 0.0.0.0] [--data ./yishi-data] [--storage sqlite|files|postgres] [--database-url postgres://…] [--redis host:port] [--ballot-page DIR] [--cert FILE --key FILE] [--secret-key FILE] [--file-quota 2G]')
    process.exit(2)
  }
  const ballotPageDir = options.ballotPageDir ?? defaultBallotPageDir()
  const server = await createSyncServer({ ...options, ballotPageDir, logger: jsonLinesLogger })
  console.log(`Yishi sync server: ${server.url}`)
  const lan = options.host === '0.0.0.0' ? lanUrls(server.port, options.tls ? 'wss' : 'ws') : []
  for (const url of lan) console.log(`  on the LAN: ${url}`)
  // What phones open: http(s) on the same port, on a LAN address when there is one.
  const pageUrl = `${(lan[0] ?? server.url).replace(/^ws/, 'http')}/ballot/`
  console.log(ballotPageDir ? `  phone ballot page: ${pageUrl} (from ${ballotPageDir})` : '  phone ballot page: not built (no dist-web/ballot; or pass --ballot-page DIR)')
  console.log(`  data: ${options.storage === 'postgres' ? 'PostgreSQL' : `${options.dataDir} (${options.storage ?? 'sqlite'})`}${options.redis ? `, relaying through Redis at ${options.redis.host}:${options.redis.port}` : ''}`)
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`${signal}: storing open documents and stopping…`)
    server.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(e)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
