// The app:// protocol: URL-to-file mapping, path traversal refused, 404 for missing files,
// index.html for "/", and the CSP and nosniff headers on every response, served from a
// real temporary folder.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler, mimeTypeFor, resolveAppRequest } from '../../src/main/protocol'
import { APP_CSP } from '../../src/main/security'

let root = ''
let outside = ''

beforeAll(async () => {
  const base = await mkdtemp(path.join(tmpdir(), 'yishi-protocol-'))
  root = path.join(base, 'renderer')
  outside = base
  await mkdir(path.join(root, 'assets'), { recursive: true })
  await writeFile(path.join(root, 'index.html'), '<!doctype html><div id="root"></div>')
  await writeFile(path.join(root, 'assets', 'app-1234.js'), 'console.log(1)')
  await writeFile(path.join(root, 'assets', 'style.css'), 'body{}')
  await writeFile(path.join(root, 'assets', '会议.svg'), '<svg/>')
  await writeFile(path.join(outside, 'secret.txt'), 'not for the renderer')
})

afterAll(async () => {
  await rm(outside, { recursive: true, force: true })
})

describe('resolveAppRequest', () => {
  it('serves index.html for the root, with or without the slash', () => {
    for (const url of ['app://yishi/', 'app://yishi', 'app://yishi/?x=1', 'app://yishi/#/home']) {
      expect(resolveAppRequest(url, root)).toEqual({
        ok: true,
        filePath: path.join(root, 'index.html'),
        mimeType: 'text/html; charset=utf-8',
      })
    }
  })

  it('maps paths under the root, decoding percent-escapes and dropping query and hash', () => {
    expect(resolveAppRequest('app://yishi/assets/app-1234.js?v=2#x', root)).toMatchObject({
      ok: true,
      filePath: path.join(root, 'assets', 'app-1234.js'),
      mimeType: 'text/javascript; charset=utf-8',
    })
    expect(resolveAppRequest('app://yishi/assets/%E4%BC%9A%E8%AE%AE.svg', root)).toMatchObject({
      ok: true,
      filePath: path.join(root, 'assets', '会议.svg'),
      mimeType: 'image/svg+xml',
    })
  })

  it.each([
    'app://yishi/../secret.txt',
    'app://yishi/assets/../../secret.txt',
    'app://yishi/%2e%2e/secret.txt',
    'app://yishi/%2E%2E/secret.txt',
    'app://yishi/.%2e/secret.txt',
    'app://yishi/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://yishi/..%5csecret.txt',
    'app://yishi/assets\\..\\..\\secret.txt',
    'app://yishi/%2fetc%2fpasswd',
    'app://yishi/C:/Windows/win.ini',
    'app://yishi/C%3A%5CWindows%5Cwin.ini',
    'app://yishi/./index.html',
    'app://yishi/index.html%00.js',
  ])('refuses traversal and absolute paths: %s', (url) => {
    const result = resolveAppRequest(url, root)
    expect(result).toEqual({ ok: false, status: 403 })
  })

  it.each(['app://other/index.html', 'app://yishi.evil/index.html', 'app://yishi:99/index.html', 'http://yishi/index.html', 'file:///index.html'])(
    'refuses other origins: %s',
    (url) => expect(resolveAppRequest(url, root)).toEqual({ ok: false, status: 403 }),
  )

  it('refuses what is not a URL or not decodable', () => {
    expect(resolveAppRequest('not a url', root)).toEqual({ ok: false, status: 400 })
    expect(resolveAppRequest('app://yishi/%E4%BC', root)).toEqual({ ok: false, status: 400 })
  })

  it('never resolves outside the root, whatever the URL', () => {
    const probes = ['app://yishi//etc/passwd', 'app://yishi/assets//x.js', 'app://yishi/%252e%252e/secret.txt']
    for (const url of probes) {
      const result = resolveAppRequest(url, root)
      if (result.ok) expect(path.relative(root, result.filePath).startsWith('..')).toBe(false)
    }
  })

  it('knows the mime types of a Vite build', () => {
    expect(mimeTypeFor('a.css')).toBe('text/css; charset=utf-8')
    expect(mimeTypeFor('a.WOFF2')).toBe('font/woff2')
    expect(mimeTypeFor('a.wasm')).toBe('application/wasm')
    expect(mimeTypeFor('a.unknown')).toBe('application/octet-stream')
  })
})

describe('createAppProtocolHandler', () => {
  const handle = (url: string, init?: RequestInit): Promise<Response> =>
    createAppProtocolHandler({ rootDir: root })(new Request(url, init))

  it('serves index.html for / with the CSP and nosniff headers', async () => {
    const response = await handle('app://yishi/')
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('<div id="root">')
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(APP_CSP)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('serves assets with their mime type', async () => {
    const response = await handle('app://yishi/assets/style.css')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/css; charset=utf-8')
    expect(await response.text()).toBe('body{}')
  })

  it('answers 404, still with the security headers, for a missing file or a folder', async () => {
    for (const url of ['app://yishi/missing.js', 'app://yishi/assets', 'app://yishi/assets/']) {
      const response = await handle(url)
      expect(response.status).toBe(404)
      expect(response.headers.get('content-security-policy')).toBe(APP_CSP)
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    }
  })

  it('never returns a file outside the root', async () => {
    // new Request() already folds "..", so most of these arrive as app://yishi/secret.txt (404);
    // the ones that survive parsing are refused (403). Neither may leak the file.
    for (const url of ['app://yishi/%2e%2e/secret.txt', 'app://yishi/../secret.txt', 'app://yishi/assets/..%2f..%2fsecret.txt']) {
      const response = await handle(url)
      expect([403, 404]).toContain(response.status)
      expect(await response.text()).not.toContain('not for the renderer')
    }
    expect((await handle('app://yishi/assets/..%2f..%2fsecret.txt')).status).toBe(403)
  })

  it('only answers GET and HEAD', async () => {
    expect((await handle('app://yishi/index.html', { method: 'POST', body: 'x' })).status).toBe(405)
    const head = await handle('app://yishi/index.html', { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })

  it('answers 500, not a crash, when reading fails for another reason', async () => {
    const failing = createAppProtocolHandler({
      rootDir: root,
      readFile: () => Promise.reject(Object.assign(new Error('EACCES'), { code: 'EACCES' })),
    })
    const response = await failing(new Request('app://yishi/index.html'))
    expect(response.status).toBe(500)
    expect(response.headers.get('content-security-policy')).toBe(APP_CSP)
  })

  it('registers the scheme as standard and secure with fetch and the code cache, but never bypassing CSP', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app')
    expect(APP_SCHEME_PRIVILEGES.privileges).toEqual({ standard: true, secure: true, supportFetchAPI: true, codeCache: true })
  })
})
