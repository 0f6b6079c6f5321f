// Bootstrap only: open local storage and the sync manager, read the chosen language, and render the app.
import { createRoot } from 'react-dom/client'
import '../ui/styles.css'
import { createI18n, preloadStrings } from '../../shared/i18n'
import { DEFAULT_LANGUAGE } from '../../shared/i18n/languages'
import { openDb } from '../data/db'
import { loadLanguage } from '../data/settings'
import { DocStore } from '../sync/docs'
import { Projector } from '../sync/projector'
import { relayBetweenTabs } from '../sync/tabs'
import { SyncManager } from '../sync/provider'
import { detectPlatform } from '../platform'
import { App } from './App'
import { parseRoute } from '../kit/router'
import { openFirstScreen, openRoutesAhead, readAheadFor } from './readAhead'
import { localToday, type AppEnv } from '../kit/env'

async function start() {
  // The source language's strings are needed whatever the choice (the fallback): fetched while
  // storage opens, and the chosen language read meanwhile, rather than one after the other.
  preloadStrings(DEFAULT_LANGUAGE)
  const db = openDb()
  const route = parseRoute(window.location.hash)
  const rows = readAheadFor(route, db)
  const now = () => new Date().toISOString()
  const projector = new Projector(db, now)
  const sync = new SyncManager(db, { now })
  const strings = loadLanguage(db).then(async (language) => ({ language, i18n: await createI18n(language) }))
  await sync.start()
  // Every open document keeps its list rows current, stays live with other windows of the app
  // and, once loaded from this device, syncs with its council's server if it has one.
  const docs = new DocStore({
    accessOf: sync.accessOf,
    onOpen: (h) => {
      const detachProjector = projector.attach(h)
      const stopRelay = relayBetweenTabs(h.name, h.doc)
      const detachSync = sync.attach(h)
      return () => {
        detachSync()
        stopRelay()
        detachProjector()
      }
    },
  })
  sync.useDocs(docs)
  const env: AppEnv = { db, docs, projector, sync, platform: detectPlatform(), now, today: () => localToday() }
  const first = openFirstScreen(route, docs, rows)
  openRoutesAhead(docs)
  const [{ language, i18n }] = await Promise.all([strings, first.ready])
  document.documentElement.lang = language
  // Store everything pending before the window goes away (reload, close).
  window.addEventListener('pagehide', () => void docs.closeAll())
  // The screens hold the first screen's documents once mounted (their effects run before the app's).
  createRoot(document.getElementById('root')!).render(<App env={env} i18n={i18n} onMounted={first.release} />)
}

void start()
