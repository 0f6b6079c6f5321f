// Which documents the app itself holds open (decoded) on a screen, read in Chromium on a prepared
// cold-open folder (coldOpen.ts): a script installed before any of the app's code counts every
// IndexedDB database opened and closed; y-indexeddb keeps one database open per open document
// (DocStore acquire → release), so the databases named like the profile's documents and still
// open once the screen has settled are the documents it holds. The memory figure (memory.ts)
// then decodes exactly those, instead of a list guessed here.
import type { Profile } from '../profile'
import type { StaticServer } from '../lib/staticServer'
import { launch, type ColdOpenSetup } from './coldOpen'

export interface HeldScreen {
  key: string
  /** The route after '#'. */
  path: string
  /** A selector that shows the screen is ready, and how many matches it needs. */
  ready: { selector: string; count?: number }
}

// Plain JavaScript in a string (see coldOpen.ts for why).
const TRACKER = `() => {
  const open = new Map()
  window.__held = open
  const openDb = IDBFactory.prototype.open
  IDBFactory.prototype.open = function (name, ...rest) {
    const req = openDb.call(this, name, ...rest)
    req.addEventListener('success', () => {
      const db = req.result
      open.set(name, (open.get(name) ?? 0) + 1)
      const close = db.close
      db.close = function () {
        open.set(name, (open.get(name) ?? 1) - 1)
        return close.call(this)
      }
    })
    return req
  }
}`

declare global {
  interface Window {
    __held?: Map<string, number>
  }
}

/** The documents of `setup`'s profile held open on each screen, after it has settled (`settleMs`). */
export async function docsHeld(server: StaticServer, setup: ColdOpenSetup, screens: readonly HeldScreen[], settleMs = 2000): Promise<Record<string, string[]>> {
  const names = new Set(setup.profile.manifest.docs.map((d) => d.name))
  const out: Record<string, string[]> = {}
  for (const screen of screens) {
    const ctx = await launch(setup.userDataDir)
    try {
      await ctx.addInitScript({ content: `(${TRACKER})()` })
      const page = ctx.pages()[0] ?? (await ctx.newPage())
      await page.goto(`${server.origin}/#${screen.path}`)
      const { selector, count } = screen.ready
      await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel).length >= n, [selector, count ?? 1] as const, { timeout: 60_000, polling: 50 })
      await page.waitForTimeout(settleMs)
      const open = await page.evaluate(() => [...(window.__held ?? new Map<string, number>()).entries()].filter(([, n]) => n > 0).map(([name]) => name))
      out[screen.key] = open.filter((n) => names.has(n)).sort()
    } finally {
      await ctx.close()
    }
  }
  return out
}

/**
 * The screens issue 20 names: tonight's meeting open (the budget), and the running campaign's
 * overview (the household register's screen user).
 */
export function heldScreens(profile: Profile): HeldScreen[] {
  const m = profile.manifest
  const latest = m.meetings.at(-1)!
  const campaignId = m.campaignDoc.split('/').at(-1)!
  return [
    { key: 'meeting', path: `/c/${m.councilId}/m/${latest.id}`, ready: { selector: 'ol.agenda > li', count: latest.itemCount } },
    { key: 'campaign', path: `/c/${m.councilId}/k/${campaignId}/overview`, ready: { selector: 'main h1' } },
  ]
}
