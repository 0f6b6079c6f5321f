// `npm run server -- [flags]`: builds the sync server into plain JavaScript (build-server.mjs says
// why) and runs that build in this same process, so that the flags and the signals (Ctrl-C, a
// service manager's SIGTERM) reach the server itself, which stores every open document first.
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { stop } from 'esbuild'
import { buildServer } from './build-server.mjs'

const built = await buildServer()
// esbuild's build service is a process of its own: not kept beside the server.
await stop()
await import(pathToFileURL(resolve(built)).href)
