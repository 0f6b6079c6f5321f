// TLS (issue 15): given a certificate and key (`npm run server -- --cert F --key F`), the server
// speaks only wss:// and https://: join codes, council secrets and voter codes no longer cross
// hall Wi-Fi in clear. The app takes https:// addresses of a server as its wss:// address.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { get } from 'node:https'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { WebSocket } from 'ws'
import { parseCli } from '../../src/server/cliArgs'
import { normaliseServerUrl, parseInvite } from '../../src/renderer/sync/address'
import { connect, fastSocket, newCouncil, onCleanup, runCleanups, startServer, tempDir, waitFor } from './server-fixtures'

afterEach(runCleanups)

/** A self-signed certificate for 127.0.0.1 (openssl, as an operator would make one). */
function selfSigned(): { certFile: string; keyFile: string; cert: Buffer; key: Buffer } {
  const dir = tempDir()
  const certFile = join(dir, 'cert.pem')
  const keyFile = join(dir, 'key.pem')
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', keyFile, '-out', certFile], { stdio: 'ignore' })
  return { certFile, keyFile, cert: readFileSync(certFile), key: readFileSync(keyFile) }
}

describe('TLS', () => {
  it('serves wss:// and https:// with a certificate; two devices sync over it; plain ws:// is refused', async () => {
    const tls = selfSigned()
    const server = await startServer({ tls: { cert: tls.cert, key: tls.key } })
    expect(server.url).toMatch(/^wss:\/\/127\.0\.0\.1:\d+$/)
    // A WebSocket that trusts exactly this certificate, as a pinned client would.
    class Pinned extends WebSocket {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols, { ca: tls.cert })
        this.on('error', () => {})
      }
    }
    const council = await newCouncil(server)
    const pinnedSocket = () => {
      const s = new HocuspocusProviderWebsocket({ url: server.url, WebSocketPolyfill: Pinned, ...fastSocket })
      onCleanup(() => s.destroy())
      return s
    }
    const code = await council.code('rw')
    const a = connect(server.url, council.docName, code, { socket: pinnedSocket() })
    const b = connect(server.url, council.docName, code, { socket: pinnedSocket() })
    await waitFor(() => a.provider.isSynced && b.provider.isSynced, 'both synced over wss')
    a.doc.getMap('members').set('m1', '张三')
    await waitFor(() => b.doc.getMap('members').get('m1') === '张三', 'edit over wss')

    const health = await new Promise<number>((resolve, reject) => get(`${server.url.replace(/^wss/, 'https')}/health`, { ca: tls.cert }, (res) => resolve(res.statusCode ?? 0)).on('error', reject))
    expect(health).toBe(200)

    // Plain ws:// to the TLS port gets no WebSocket.
    const plain = new WebSocket(server.url.replace(/^wss/, 'ws'))
    const outcome = await new Promise<string>((resolve) => {
      plain.once('open', () => resolve('open'))
      plain.once('error', () => resolve('error'))
      plain.once('close', () => resolve('closed'))
    })
    expect(outcome).not.toBe('open')
    // Nor does a client that does not trust the certificate.
    const untrusting = new WebSocket(server.url)
    expect(await new Promise<string>((resolve) => {
      untrusting.once('open', () => resolve('open'))
      untrusting.once('error', (e) => resolve(String((e as NodeJS.ErrnoException).code ?? e.message)))
    })).toMatch(/SELF_SIGNED|CERT|certificate/i)
  }, 30_000)

  it('the command line reads --cert and --key (both or neither); the app takes https:// as the wss:// address', () => {
    const tls = selfSigned()
    const options = parseCli(['--cert', tls.certFile, '--key', tls.keyFile], {})
    expect(options.tls?.cert.toString()).toBe(tls.cert.toString())
    expect(() => parseCli(['--cert', tls.certFile], {})).toThrow(/--cert and --key/)
    expect(normaliseServerUrl('https://council.example.org')).toBe('wss://council.example.org')
    expect(normaliseServerUrl('http://192.168.1.20:4455/')).toBe('ws://192.168.1.20:4455')
    expect(parseInvite('服务器 https://council.example.org 邀请码 YS1.abc').serverUrl).toBe('wss://council.example.org')
    expect(parseInvite('wss://a.example.org and https://b.example.org').serverUrl).toBe('wss://a.example.org')
  })
})
