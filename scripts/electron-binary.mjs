// Where the Electron binary is, or why it is not there. Electron 45 fetches its binary on first
// use; machines without that download (CI, offline laptops) run the web build instead.
import { existsSync, readFileSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

export function electronBinary() {
  try {
    const pkgDir = dirname(require.resolve('electron/package.json'))
    const pathFile = join(pkgDir, 'path.txt')
    if (!existsSync(pathFile)) return { ok: false, reason: 'the Electron package has no path.txt (binary never installed)' }
    const binary = process.env.ELECTRON_OVERRIDE_DIST_PATH
      ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, readFileSync(pathFile, 'utf8'))
      : join(pkgDir, 'dist', readFileSync(pathFile, 'utf8'))
    return existsSync(binary) ? { ok: true, path: binary } : { ok: false, reason: `the Electron binary is not installed (${binary} is missing)`, installer: join(pkgDir, 'install.js') }
  } catch (e) {
    return { ok: false, reason: `the electron package is not installed (${e.message})` }
  }
}
