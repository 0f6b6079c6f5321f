// Builds the sync server into one plain JavaScript file, which `npm run server` (scripts/server.mjs)
// then runs with Node: `node scripts/build-server.mjs [entry] [outfile]` (default src/server/cli.ts ->
// .vite/server/cli.mjs; about a second). Why not tsx, as before: tsx transforms with esbuild's
// keepNames, so every function the server creates, on every update, goes through a `__name(...)`
// call, and its loader hooks sit in the process; built once, the server did about 0.08 ms less per
// keystroke between receiving it and sending it on (issue 20, budget 5). Packages stay imports
// from node_modules (better-sqlite3 is native). The bench builds bench/instance.ts the same way,
// so it measures the server as `npm run server` runs it. The file is written under another name
// and renamed, so two builds at once never leave a half-written one.
import { build } from 'esbuild'
import { renameSync, rmSync } from 'node:fs'

export async function buildServer(entry = 'src/server/cli.ts', outfile = '.vite/server/cli.mjs') {
  const partial = `${outfile}.${process.pid}.partial.mjs`
  try {
    await build({
      entryPoints: [entry],
      outfile: partial,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'warning',
    })
    renameSync(partial, outfile)
  } finally {
    rmSync(partial, { force: true })
  }
  return outfile
}

if (process.argv[1]?.endsWith('build-server.mjs')) {
  await buildServer(process.argv[2], process.argv[3])
}
