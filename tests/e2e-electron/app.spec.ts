// The Electron app end to end: the built main process opens its window on app://yishi/, the
// page is isolated (no require, no process, only window.yishi) and the first screen renders;
// a meeting notice is saved as a PDF through the native path (printToPDF, the save dialog
// stubbed in main). Builds nothing: run `npm run package` (or `electron-forge start` once).
import { createRequire } from 'node:module'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { _electron as electron, expect, test } from '@playwright/test'
import type { IpcResult, YishiApi } from '../../src/shared/ipc'

const root = fileURLToPath(new URL('../..', import.meta.url))
const mainScript = path.join(root, '.vite', 'build', 'main.js')

/**
 * Where the Electron binary is, or why there is none. This repeats the lookup of
 * node_modules/electron/index.js instead of calling require('electron'): in the installed
 * electron package (45.x) that require starts a download when the binary is missing, and a
 * test must not go online.
 */
function findElectron(): { ok: true; path: string } | { ok: false; reason: string } {
  try {
    const packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'))
    const pathFile = path.join(packageDir, 'path.txt')
    const override = process.env['ELECTRON_OVERRIDE_DIST_PATH']
    if (!existsSync(pathFile) && override === undefined) {
      throw new Error(`${pathFile} does not exist (the Electron download never ran)`)
    }
    const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron'
    const binary = path.join(override ?? path.join(packageDir, 'dist'), executable)
    if (!existsSync(binary)) throw new Error(`${binary} does not exist`)
    return { ok: true, path: binary }
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) }
  }
}

const electronBinary = findElectron()
const skipReason = electronBinary.ok ? '' : `Electron binary not installed: ${electronBinary.reason}`
if (!electronBinary.ok) console.log(skipReason)

type YishiWindow = { yishi?: YishiApi; require?: unknown }

/** Launches the built app; Chromium refuses to start as root without --no-sandbox (CI containers). */
async function launch(executablePath: string) {
  // The renderer sandbox of webPreferences is Electron's and stays on.
  const args = process.getuid?.() === 0 ? ['--no-sandbox', mainScript] : [mainScript]
  return electron.launch({ executablePath, args, cwd: root })
}

test.describe('Electron app', () => {
  test.skip(!electronBinary.ok, skipReason)

  test('opens its window isolated from Node, with window.yishi, and shows the first screen', async () => {
    if (!electronBinary.ok) return // narrowed for TypeScript; test.skip above already stopped the test
    expect(existsSync(mainScript), `${mainScript} is missing: run "npm run package" first`).toBe(true)

    const app = await launch(electronBinary.path)
    try {
      const page = await app.firstWindow()
      await page.waitForLoadState('domcontentloaded')
      expect(page.url()).toMatch(/^app:\/\/yishi\//u)

      const probe = await page.evaluate(() => {
        const w = window as unknown as YishiWindow
        return {
          require: typeof w.require,
          process: typeof (globalThis as { process?: unknown }).process,
          yishi: typeof w.yishi,
          api: Object.keys(w.yishi ?? {}).sort(),
        }
      })
      expect(probe).toEqual({
        require: 'undefined',
        process: 'undefined',
        yishi: 'object',
        api: [
          'backupStatus',
          'chooseBackupFolder',
          'getAppInfo',
          'hostSync',
          'listBackups',
          'onMenuCommand',
          'openFiles',
          'openProjector',
          'print',
          'readBackup',
          'saveFile',
          'savePdf',
          'setLanguage',
          'writeBackup',
        ],
      })

      const info = await page.evaluate(() => (window as unknown as Required<YishiWindow>).yishi.getAppInfo())
      expect(info).toMatchObject({ ok: true, value: { dataDir: expect.any(String) } })
      const refused: IpcResult<unknown> = await page.evaluate(() =>
        (window as unknown as Required<YishiWindow>).yishi.savePdf({ suggestedName: '../../etc/passwd' }),
      )
      expect(refused).toEqual({ ok: false, error: 'invalid-payload' })
      // Only the projector route opens a window; anything else is refused before main acts.
      const refusedProjector: IpcResult<unknown> = await page.evaluate(() =>
        (window as unknown as Required<YishiWindow>).yishi.openProjector({ route: '#/c/x/m/y/projector?x=1' }),
      )
      expect(refusedProjector).toEqual({ ok: false, error: 'invalid-payload' })
      expect(app.windows()).toHaveLength(1)

      // The CSP header of app:// forbids eval.
      const evalBlocked = await page.evaluate(() => {
        try {
          return (0, eval)('1') !== 1
        } catch {
          return true
        }
      })
      expect(evalBlocked).toBe(true)

      // The first screen: the renderer has put visible text on the page.
      await expect.poll(() => page.locator('body').innerText(), { timeout: 15_000 }).not.toBe('')
    } finally {
      await app.close()
    }
  })

  test('creates a council and saves a meeting notice as a PDF through the native save dialog', async () => {
    if (!electronBinary.ok) return
    expect(existsSync(mainScript), `${mainScript} is missing: run "npm run package" first`).toBe(true)
    const dir = mkdtempSync(path.join(tmpdir(), 'yishi-e2e-pdf-'))
    const target = path.join(dir, 'notice.pdf')
    const app = await launch(electronBinary.path)
    try {
      // The one thing faked: the native dialog, answered from inside the main process.
      await app.evaluate(({ dialog }, file) => {
        dialog.showSaveDialog = async () => ({ canceled: false, filePath: file })
      }, target)
      const page = await app.firstWindow()
      await page.waitForLoadState('domcontentloaded')

      // A council (unique name: the app's data folder outlives the test) and a meeting.
      const council = `电子版测试议事会${Date.now()}`
      await page.getByRole('link', { name: '新建议事会' }).click()
      await page.getByLabel('议事会名称').fill(council)
      await page.getByLabel('社区', { exact: true }).fill('清风社区')
      await page.getByLabel('街道', { exact: true }).fill('东城街道')
      await page.getByRole('button', { name: '创建议事会' }).click()
      await expect(page.getByRole('heading', { level: 1, name: council })).toBeVisible()
      await page.getByRole('navigation', { name: '当前位置' }).getByRole('link').nth(1).click()
      await page.getByRole('link', { name: '新建会议' }).click()
      await page.getByLabel('会议名称').fill('第一次居民议事会')
      await page.getByLabel('时间', { exact: true }).fill('2026-03-01T19:00')
      await page.getByLabel('地点', { exact: true }).fill('社区活动中心二楼')
      await page.getByRole('button', { name: '创建会议' }).click()
      await expect(page.getByRole('heading', { level: 1, name: '第一次居民议事会' })).toBeVisible()

      // The notice screen (a draft shows as a preview), printed to PDF by main.
      await page.evaluate(() => {
        window.location.hash = `${window.location.hash}/notice`
      })
      await page.getByRole('button', { name: '另存为 PDF' }).click()
      await expect.poll(() => existsSync(target), { timeout: 15_000 }).toBe(true)
      expect(readFileSync(target).subarray(0, 5).toString('latin1')).toBe('%PDF-')
    } finally {
      await app.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
