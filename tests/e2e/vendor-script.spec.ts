// The large libraries come as one classic script before the app's modules (vite.vendor.ts, issue
// 20's cold open: Chromium keeps compiled code between starts for classic scripts only). What a
// secretary depends on: the app starts and works from it, and every part of the app (the first
// screen's modules and the screens loaded on first use) shares one copy of each library. Two copies
// of Yjs would not recognise each other's documents; two of React would break every screen.
import { test, expect, createCouncil, createMeeting } from './fixtures'
import { VENDORED } from '../../vite.vendor'

test("the libraries load as one classic script first, and the app's screens share a single copy of each", async ({ page, problems }) => {
  const yjsWarnings: string[] = []
  page.on('console', (m) => {
    if (/Yjs was already imported/.test(m.text())) yjsWarnings.push(m.text())
  })
  await page.goto('/')
  const scripts = await page.evaluate(() => [...document.scripts].map((s) => ({ type: s.type, src: s.getAttribute('src') ?? '', defer: s.defer })))
  const first = scripts.findIndex((s) => s.src.includes('/vendor-'))
  const entry = scripts.findIndex((s) => s.type === 'module')
  expect(first, 'the libraries script is in the page').toBeGreaterThanOrEqual(0)
  expect(scripts[first]).toMatchObject({ type: '', defer: true })
  expect(first).toBeLessThan(entry)
  const held = await page.evaluate(() => Object.keys((window as unknown as { __yishiVendor: object }).__yishiVendor))
  expect(held.sort()).toEqual([...VENDORED].sort())

  // A council and a meeting: the first screen's modules, then screens loaded on first use
  // (the new-council and new-meeting forms, the meeting screen), all on the shared React and Yjs.
  await createCouncil(page, '共享库测试议事会')
  await createMeeting(page, '2026年12月例会', '2026-12-12T19:00')
  await expect(page.getByRole('heading', { level: 1, name: '2026年12月例会' })).toBeVisible()
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: '2026年12月例会' })).toBeVisible()
  expect(yjsWarnings).toEqual([])
  expect(problems).toEqual([])
})
