// Seeding a fund year for e2e specs: stores a Y.Doc update where the app's y-indexeddb keeps the
// named document, so a spec starts from a year built with the shared document functions.
import type { Page } from '@playwright/test'

/** Stores `update` where y-indexeddb keeps the named document (its database and 'updates' store). */
export async function storeDocUpdate(page: Page, name: string, update: number[]) {
  await page.evaluate(
    ([n, u]) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open(n)
        req.onupgradeneeded = () => {
          req.result.createObjectStore('updates', { autoIncrement: true })
          req.result.createObjectStore('custom')
        }
        req.onerror = () => reject(req.error)
        req.onsuccess = () => {
          const tx = req.result.transaction('updates', 'readwrite')
          tx.objectStore('updates').add(new Uint8Array(u))
          tx.oncomplete = () => {
            req.result.close()
            resolve()
          }
          tx.onerror = () => reject(tx.error)
        }
      }),
    [name, update] as const,
  )
}
