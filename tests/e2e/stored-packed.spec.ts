// In Chromium, documents are kept packed (renderer/sync/persistence.ts, issue 20 stored bytes):
// what a session wrote, one raw update per change, is folded into one packed entry a few seconds
// after the next start has shown its screen, and the documents read back whole from it.
import type { Page } from '@playwright/test'
import { test, expect, createCouncil, createMeeting, addItem, agendaTitles } from './fixtures'

/** Per entry of the document's 'updates' store: 'raw' (a Yjs update) or 'packed' (a compacted entry). */
function entryShapes(page: Page, name: string): Promise<string[]> {
  return page.evaluate(
    (n) =>
      new Promise<string[]>((resolve, reject) => {
        const req = indexedDB.open(n)
        req.onerror = () => reject(req.error)
        req.onsuccess = () => {
          const db = req.result
          const all = db.transaction('updates', 'readonly').objectStore('updates').getAll()
          all.onsuccess = () => {
            db.close()
            resolve(all.result.map((v: unknown) => (v instanceof Uint8Array ? 'raw' : v && (v as { packed?: unknown }).packed instanceof Uint8Array ? 'packed' : 'other')))
          }
          all.onerror = () => reject(all.error)
        }
      }),
    name,
  )
}

test('what a session wrote is packed after the next start, and reads back whole', async ({ page, problems }) => {
  await createCouncil(page, '存储压缩议事会')
  await createMeeting(page, '压缩存储的会议', '2026-12-12T19:00')
  await addItem(page, '第一项议题')
  await addItem(page, '第二项议题')
  const [, councilId, meetingId] = /#\/c\/([^/]+)\/m\/([^/?]+)/.exec(page.url())!
  const names = [`council/${councilId}`, `council/${councilId}/meeting/${meetingId}`]
  // Each change so far is a raw entry (some may already be folded, by a close on the way here).
  for (const n of names) expect(await entryShapes(page, n)).toContain('raw')

  // A new start on the meeting: its screen first, then (a few seconds later) the compaction.
  await page.reload()
  await expect.poll(() => agendaTitles(page)).toEqual(['第一项议题', '第二项议题'])
  for (const n of names) await expect.poll(() => entryShapes(page, n), { timeout: 15_000 }).toEqual(['packed'])

  await page.reload()
  await expect.poll(() => agendaTitles(page)).toEqual(['第一项议题', '第二项议题'])
  await addItem(page, '第三项议题')
  await expect.poll(() => agendaTitles(page)).toEqual(['第一项议题', '第二项议题', '第三项议题'])
  // The new item is stored raw beside the packed state until the next compaction.
  expect(await entryShapes(page, names[1]!)).toEqual(expect.arrayContaining(['packed', 'raw']))
  expect(problems).toEqual([])
})
