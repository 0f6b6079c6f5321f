// Cold open of the web build in Chromium on a profile. Each profile gets its own browser profile
// folder (launchPersistentContext): the page first writes the profile's documents into IndexedDB
// exactly as the app keeps a compacted document (renderer/sync/persistence.ts: y-indexeddb's layout,
// one database per document name, store 'updates' with autoIncrement keys, store 'custom'; one
// entry { packed } made in Node by the app's own compactedEntry), so every open reads and inflates
// what the app really stores; then one untimed open lets the app build its Dexie catalogue
// and meeting-list projections (ensureProjections opens every meeting once), and one more untimed
// open settles caches. Each measured run starts a new browser on the same folder and navigates to
// the council's meeting list; a probe in the page (installed before any of the app's code runs)
// records, on the page's clock from navigation start:
//   list         the meeting list shows its rows, newest (the current meeting) first; the probe
//                then clicks that meeting's link, as a user would;
//   meeting      the meeting screen shows its heading and every agenda item;
//   interactive  the next frame has been produced and a task has run after it (the main thread is
//                free to take input): THE cold-open figure.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext } from 'playwright-core'
import { chromiumArgs } from '../../playwright.config'
import { CHROMIUM } from '../../tests/export/chromium'
import type { Profile } from '../profile'
import type { StaticServer } from '../lib/staticServer'
import { compactedEntry } from '../../src/renderer/sync/storedEntries'

export interface ColdOpenSample {
  list: number
  meeting: number
  interactive: number
  rows: number
}

export interface ColdOpenSetup {
  key: string
  profile: Profile
  userDataDir: string
  /** Bytes of the browser's IndexedDB folder after seeding and the first opens. */
  indexedDbBytes: number
  seedMs: number
  firstOpenMs: number
}

interface Probe {
  list: number | null
  meeting: number | null
  interactive: number | null
  rows: number
}

declare global {
  interface Window {
    __bench?: Probe
  }
}

// The probe reports the run in a console message once it is over: the bench reads it from the
// browser's side and never runs anything in the page meanwhile. (Polling with waitForFunction made
// Playwright inject its own script into the page during the app's start-up: some 20 to 40 ms of
// the page's main thread, counted as the app's.)
export const DONE = '__bench_done '

// Plain JavaScript in a string: a function written here would be compiled by tsx, whose helpers
// (__name) do not exist in the page.
export const PROBE = `({ origin, title, items, DONE }) => {
  if (location.origin !== origin || location.pathname.startsWith('/__bench')) return
  const probe = { list: null, meeting: null, interactive: null, rows: 0 }
  window.__bench = probe
  new MutationObserver(() => {
    if (probe.list === null) {
      const link = document.querySelector('table tbody tr a')
      if (!link || link.textContent !== title) return
      probe.list = performance.now()
      probe.rows = document.querySelectorAll('table tbody tr').length
      link.click()
      return
    }
    if (probe.meeting !== null) return
    const h1 = document.querySelector('main h1')
    if (!h1 || h1.textContent !== title || document.querySelectorAll('ol.agenda > li').length !== items) return
    probe.meeting = performance.now()
    requestAnimationFrame(() => setTimeout(() => {
      probe.interactive = performance.now()
      console.debug(DONE + JSON.stringify(probe))
    }, 0))
  }).observe(document, { childList: true, subtree: true, characterData: true })
}`

export const launch = (dir: string): Promise<BrowserContext> =>
  chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, args: chromiumArgs, headless: true, locale: 'zh-CN', viewport: { width: 1280, height: 860 } })

function folderBytes(dir: string): number {
  let n = 0
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    const s = statSync(p)
    n += s.isDirectory() ? folderBytes(p) : s.size
  }
  return n
}

/**
 * A browser profile folder holding the profile as the app stores it, opened once. `seed: 'raw'`
 * writes each update unpacked instead, as y-indexeddb laid it out: only for measuring a build from
 * before the packed persistence (which cannot read packed entries) against a newer one.
 */
export async function prepareColdOpen(server: StaticServer, key: string, profile: Profile, seed: 'packed' | 'raw' = 'packed'): Promise<ColdOpenSetup> {
  const userDataDir = mkdtempSync(join(tmpdir(), `yishi-bench-${key}-`))
  const ctx = await launch(userDataDir)
  let seedMs = 0
  let firstOpenMs = 0
  try {
    const page = ctx.pages()[0] ?? (await ctx.newPage())
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(`${server.origin}/__bench/blank`)
    let t = performance.now()
    // Each document's packed entry, served to the page from Node (the page has no fflate of its own).
    const packed = profile.manifest.docs.map((d) => (seed === 'raw' ? profile.updates.get(d.name)! : compactedEntry(profile.updates.get(d.name)!).packed))
    await page.route(`${server.origin}/__bench/${key}-packed/*`, (route) =>
      route.fulfill({ contentType: 'application/octet-stream', body: Buffer.from(packed[Number(route.request().url().split('/').pop())]!) }),
    )
    const docs = profile.manifest.docs.map((d, i) => ({ name: d.name, file: `${i}` }))
    await page.evaluate(
      async ({ base, docs, raw }) => {
        for (const d of docs) {
          const packed = new Uint8Array(await (await fetch(base + d.file)).arrayBuffer())
          await new Promise<void>((resolve, reject) => {
            const req = indexedDB.open(d.name)
            req.onupgradeneeded = () => {
              req.result.createObjectStore('updates', { autoIncrement: true })
              req.result.createObjectStore('custom')
            }
            req.onerror = () => reject(req.error)
            req.onsuccess = () => {
              const db = req.result
              const tx = db.transaction('updates', 'readwrite')
              tx.objectStore('updates').add(raw ? packed : { packed })
              tx.oncomplete = () => {
                db.close()
                resolve()
              }
              tx.onerror = () => reject(tx.error)
            }
          })
        }
      },
      { base: `/__bench/${key}-packed/`, docs, raw: seed === 'raw' },
    )
    seedMs = performance.now() - t
    t = performance.now()
    await page.goto(`${server.origin}/#/c/${profile.manifest.councilId}/meetings`)
    await page.waitForFunction((n) => document.querySelectorAll('table tbody tr').length === n, profile.manifest.meetings.length, { timeout: 300_000, polling: 200 })
    firstOpenMs = performance.now() - t
    // The projector writes rows as each document opens; give the last writes time to land.
    await page.waitForTimeout(1500)
    if (errors.length) throw new Error(`the app failed while opening the profile: ${errors.join('; ')}`)
  } finally {
    await ctx.close()
  }
  await coldOpen(server, { key, profile, userDataDir, indexedDbBytes: 0, seedMs: 0, firstOpenMs: 0 })
  const idb = join(userDataDir, 'Default', 'IndexedDB')
  return { key, profile, userDataDir, indexedDbBytes: folderBytes(idb), seedMs, firstOpenMs }
}

/** One measured cold open (a new browser on the prepared folder). */
export function coldOpen(server: StaticServer, setup: ColdOpenSetup): Promise<ColdOpenSample> {
  return probeOpen(server, setup.userDataDir, `/#/c/${setup.profile.manifest.councilId}/meetings`, setup.profile)
}

/** A new browser on `userDataDir` opens `path`; the probe clicks tonight's meeting and times it all. */
export async function probeOpen(server: StaticServer, userDataDir: string, path: string, profile: Profile): Promise<ColdOpenSample> {
  const latest = profile.manifest.meetings.at(-1)!
  const ctx = await launch(userDataDir)
  try {
    await ctx.addInitScript({ content: `(${PROBE})(${JSON.stringify({ origin: server.origin, title: latest.title, items: latest.itemCount, DONE })})` })
    const page = ctx.pages()[0] ?? (await ctx.newPage())
    let timer: ReturnType<typeof setTimeout> | undefined
    const done = new Promise<Probe | null>((resolve) => {
      page.on('console', (m) => {
        if (m.text().startsWith(DONE)) resolve(JSON.parse(m.text().slice(DONE.length)) as Probe)
      })
      timer = setTimeout(() => resolve(null), 60_000)
    })
    await page.goto(`${server.origin}${path}`, { waitUntil: 'commit' })
    const probe = await done
    clearTimeout(timer)
    if (!probe) {
      const state = await page.evaluate(() => ({ probe: window.__bench, url: location.href, h1: document.querySelector('main h1')?.textContent, first: document.querySelector('table tbody tr a')?.textContent, items: document.querySelectorAll('ol.agenda > li').length, body: document.body.innerText.slice(0, 400) }))
      throw new Error(`cold open did not finish within 60 s: ${JSON.stringify(state)}`)
    }
    return { list: probe.list!, meeting: probe.meeting!, interactive: probe.interactive!, rows: probe.rows }
  } finally {
    await ctx.close()
  }
}

export function discardColdOpen(setup: ColdOpenSetup): void {
  rmSync(setup.userDataDir, { recursive: true, force: true })
}
