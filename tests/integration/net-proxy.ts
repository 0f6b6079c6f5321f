// A TCP proxy in front of a test server that plays the network between a laptop and its server
// (not a test file itself): it passes bytes, refuses new connections (server unreachable), takes
// them and answers nothing (a handshake lost with the network), or freezes the connections it
// holds: their bytes vanish both ways and nothing closes, as when Wi-Fi drops under an open socket.
import { createServer, connect, type Socket } from 'node:net'
import { onCleanup } from './server-fixtures'

export type ProxyMode = 'pass' | 'refuse' | 'blackhole'

export interface NetProxy {
  url: string
  mode: ProxyMode
  /** Every connection held now stops carrying bytes (new ones follow `mode`). */
  freeze(): void
  /** Every connection held now is closed (the laptop sees it go at once). */
  dropAll(): void
}

export async function startProxy(targetPort: number): Promise<NetProxy> {
  const held = new Set<{ client: Socket; upstream: Socket | null; frozen: boolean }>()
  const proxy: NetProxy = {
    url: '',
    mode: 'pass',
    freeze() {
      for (const c of held) c.frozen = true
    },
    dropAll() {
      for (const c of held) {
        c.client.destroy()
        c.upstream?.destroy()
      }
      held.clear()
    },
  }
  const server = createServer((client) => {
    client.on('error', () => {})
    if (proxy.mode === 'refuse') return void client.destroy()
    const c = { client, upstream: null as Socket | null, frozen: proxy.mode === 'blackhole' }
    held.add(c)
    client.on('close', () => held.delete(c))
    if (c.frozen) return
    const upstream = connect(targetPort, '127.0.0.1')
    c.upstream = upstream
    upstream.on('error', () => client.destroy())
    upstream.on('close', () => !c.frozen && client.destroy())
    client.on('close', () => !c.frozen && upstream.destroy())
    client.on('data', (b: Buffer) => void (c.frozen || upstream.write(b)))
    upstream.on('data', (b: Buffer) => void (c.frozen || client.write(b)))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('proxy has no port')
  proxy.url = `ws://127.0.0.1:${address.port}`
  onCleanup(
    () =>
      new Promise<void>((resolve) => {
        proxy.dropAll()
        server.close(() => resolve())
      }),
  )
  return proxy
}
