// The cold open's floor in the browser: what Chromium alone needs to draw the very page the app
// draws, with none of the app's code. The app is opened once on the prepared folder and the
// meeting list's document (the whole page, scripts taken out) and then tonight's meeting screen
// (its <main>) are copied as they were drawn. The floor page serves that list as static HTML with
// the app's stylesheet, the list put in place in one step; a click on a meeting puts the meeting's <main> in place once the list has
// been painted (as the app does, which draws the list before the meeting it loads). The same
// probe times it, from a new browser on a folder of its own, as coldOpen.ts times the app.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { StaticServer } from '../lib/staticServer'
import { launch, probeOpen, type ColdOpenSample, type ColdOpenSetup } from './coldOpen'

export interface FloorSetup {
  setup: ColdOpenSetup
  path: string
  userDataDir: string
}

const FLOOR_PATH = '/floor/'

/** Copies the app's list and meeting as drawn, and serves them as the floor page. */
export async function prepareFloor(server: StaticServer, setup: ColdOpenSetup): Promise<FloorSetup> {
  const { manifest } = setup.profile
  const latest = manifest.meetings.at(-1)!
  const ctx = await launch(setup.userDataDir)
  let list: string
  let meeting: string
  try {
    const page = ctx.pages()[0] ?? (await ctx.newPage())
    await page.goto(`${server.origin}/#/c/${manifest.councilId}/meetings`)
    await page.waitForFunction((n) => document.querySelectorAll('table tbody tr').length === n, manifest.meetings.length, { timeout: 60_000 })
    await page.waitForTimeout(300)
    // Scripts, preloads and the CSP (which would refuse the page's inline scripts) out. The list
    // (<main>'s content) goes in a template put in place at once, as React commits it: parsed
    // straight into the page it would show row by row, and the probe would click before the last.
    list = await page.evaluate(() => {
      const doc = document.documentElement.cloneNode(true) as HTMLElement
      doc.querySelectorAll('script, link[rel="modulepreload"], meta[http-equiv]').forEach((e) => e.remove())
      const main = doc.querySelector('main')!
      const template = document.createElement('template')
      template.id = 'floor-list'
      template.innerHTML = main.innerHTML
      main.replaceChildren()
      doc.querySelector('body')!.append(template)
      return doc.outerHTML
    })
    await page.getByRole('link', { name: latest.title, exact: true }).click()
    await page.waitForFunction((n) => document.querySelectorAll('ol.agenda > li').length === n, latest.itemCount, { timeout: 60_000 })
    await page.waitForTimeout(300)
    meeting = await page.evaluate(() => document.querySelector('main')!.innerHTML)
  } finally {
    await ctx.close()
  }
  const swap = `<script>document.addEventListener('click', (e) => {
  const a = e.target.closest('a')
  if (!a) return
  e.preventDefault()
  requestAnimationFrame(() => setTimeout(() => { document.querySelector('main').innerHTML = ${JSON.stringify(meeting)} }, 0))
})</script>`
  const place = `<script>document.querySelector('main').append(document.getElementById('floor-list').content)</script>`
  server.setPage(FLOOR_PATH, `<!doctype html>${list.replace('<head>', `<head>${swap}`).replace('</body>', `${place}</body>`)}`)
  const floor = { setup, path: FLOOR_PATH, userDataDir: mkdtempSync(join(tmpdir(), 'yishi-bench-floor-')) }
  // Once untimed, so that the stylesheet comes from the browser's cache as the app's does.
  await floorOpen(server, floor)
  return floor
}

export function floorOpen(server: StaticServer, floor: FloorSetup): Promise<ColdOpenSample> {
  return probeOpen(server, floor.userDataDir, floor.path, floor.setup.profile)
}

export function discardFloor(floor: FloorSetup): void {
  rmSync(floor.userDataDir, { recursive: true, force: true })
}
