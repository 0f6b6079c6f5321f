// Everything with the keyboard alone, as someone who does not use a mouse: the skip link, a new
// council, a meeting, agenda items and a reorder, only Tab, Shift+Tab, Enter and typing. Every
// focused control shows a strong outline; text is large and buttons are large targets.
import type { Locator, Page } from '@playwright/test'
import { test, expect, agendaTitles } from './fixtures'

const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement).catch(() => false)

/**
 * The focused element shows a visible focus ring: an outline that is not 'none', at least 2 px
 * wide, in a colour with at least 3:1 contrast against the background it is drawn on (WCAG 1.4.11).
 */
async function expectVisibleFocus(page: Page) {
  const focus = await page.evaluate(() => {
    const el = document.activeElement
    if (!el || el === document.body) return null
    // The calendar button inside a date input: the browser draws its own ring, out of the page's reach.
    if (!el.matches(':focus')) return { native: true as const }
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number)
    const luminance = ([r, g, b]: number[]) =>
      [r!, g!, b!].map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4)).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i]!, 0)
    // The outline is drawn just outside the element, over the nearest ancestor with a background.
    let bg = [255, 255, 255]
    for (let p = el.parentElement; p; p = p.parentElement) {
      const c = rgb(getComputedStyle(p).backgroundColor)
      if (c.length === 3 || (c.length === 4 && c[3]! > 0)) {
        bg = c.slice(0, 3)
        break
      }
    }
    const s = getComputedStyle(el)
    const [l1, l2] = [luminance(rgb(s.outlineColor)), luminance(bg)].sort((a, b) => b - a)
    const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30) || el.id || el.tagName
    return { name, style: s.outlineStyle, width: parseFloat(s.outlineWidth), contrast: (l1! + 0.05) / (l2! + 0.05) }
  })
  expect(focus, 'something has the focus').not.toBeNull()
  if (!focus || 'native' in focus) return
  expect(focus!.style, `outline of the focused “${focus!.name}”`).not.toBe('none')
  expect(focus!.width, `outline width of the focused “${focus!.name}”`).toBeGreaterThanOrEqual(2)
  expect(focus!.contrast, `contrast of the focus outline of “${focus!.name}” with its background`).toBeGreaterThanOrEqual(3)
}

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus, as a keyboard user would; every
 * control passed on the way shows a visible focus outline.
 */
async function tabTo(page: Page, target: Locator, { back = false, max = 60 } = {}) {
  await expect(target).toBeVisible()
  for (let i = 0; i < max; i++) {
    if (await isFocused(target)) return expectVisibleFocus(page)
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab')
    if (await page.evaluate(() => document.activeElement !== document.body)) await expectVisibleFocus(page)
  }
  throw new Error(`could not reach ${target} with ${back ? 'Shift+Tab' : 'Tab'} in ${max} presses`)
}

/** Every visible, enabled button and button-styled link is at least 44 px tall. */
async function expectLargeTargets(page: Page) {
  const heights = await page.locator('button:visible, a.button:visible').evaluateAll((els) =>
    els.map((el) => ({ name: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim(), height: el.getBoundingClientRect().height })),
  )
  expect(heights.length).toBeGreaterThan(0)
  for (const h of heights) expect(h.height, `height of the button “${h.name}”`).toBeGreaterThanOrEqual(44)
}

test('create a council, a meeting and its agenda with the keyboard only, and reorder the agenda', async ({ page, problems }) => {
  await page.goto('/')
  await expect(page.getByRole('link', { name: '新建议事会' })).toBeVisible()
  const bodyFont = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))
  expect(bodyFont).toBeGreaterThanOrEqual(16)
  await expectLargeTargets(page)

  // The first Tab reaches the skip link, which becomes visible and leads into the main content.
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: '跳到主要内容' })
  await expect(skip).toBeFocused()
  await expect(skip).toBeInViewport()
  await expectVisibleFocus(page)
  await page.keyboard.press('Enter')
  await expect(page.locator('main')).toBeFocused()
  await expect(page.getByRole('link', { name: '新建议事会' })).toBeVisible()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: '新建议事会' })).toBeFocused()
  await expectVisibleFocus(page)
  await page.keyboard.press('Enter')

  // The new council form.
  await expect(page.getByRole('heading', { level: 1, name: '新建议事会' })).toBeVisible()
  await tabTo(page, page.getByLabel('议事会名称'))
  await expectVisibleFocus(page)
  await page.keyboard.type('键盘社区居民议事会')
  await tabTo(page, page.getByLabel('类型', { exact: true }))
  await expectVisibleFocus(page)
  await tabTo(page, page.getByLabel('社区', { exact: true }))
  await page.keyboard.type('清风社区')
  await page.keyboard.press('Tab')
  await expect(page.getByLabel('街道', { exact: true })).toBeFocused()
  await page.keyboard.type('东城街道')
  await tabTo(page, page.getByRole('button', { name: '创建议事会' }))
  await expectVisibleFocus(page)
  await expectLargeTargets(page)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: '键盘社区居民议事会' })).toBeVisible()
  await expect(page.getByRole('heading', { name: '成员名册' })).toBeVisible()

  // To the meetings tab and a new meeting.
  await tabTo(page, page.getByRole('navigation', { name: '键盘社区居民议事会' }).getByRole('link', { name: '会议' }))
  await expectVisibleFocus(page)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('link', { name: '新建会议' })).toBeVisible()
  await tabTo(page, page.getByRole('link', { name: '新建会议' }))
  await expectVisibleFocus(page)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: '新建会议' })).toBeVisible()
  await tabTo(page, page.getByLabel('会议名称'))
  await page.keyboard.type('键盘操作测试例会')
  // The date and time keep their default (three days ahead, 19:00); Tab passes through its parts.
  await tabTo(page, page.getByLabel('地点', { exact: true }))
  await expectVisibleFocus(page)
  await page.keyboard.type('社区活动中心')
  await tabTo(page, page.getByRole('button', { name: '创建会议' }))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: '键盘操作测试例会' })).toBeVisible()

  // Three agenda items, each typed and added with Enter on the button.
  const form = page.getByRole('form', { name: '添加议题' })
  for (const title of ['加装电梯方案', '楼道堆物清理', '停车位划线']) {
    await tabTo(page, form.getByLabel('议题', { exact: true }))
    await expectVisibleFocus(page)
    await page.keyboard.type(title)
    await tabTo(page, form.getByRole('button', { name: '添加到议程' }))
    await expectVisibleFocus(page)
    await page.keyboard.press('Enter')
    await expect(page.getByRole('list', { name: '议程' }).getByRole('listitem', { name: title })).toBeVisible()
    await expect(form.getByLabel('议题', { exact: true })).toHaveValue('')
  }
  expect(await agendaTitles(page)).toEqual(['加装电梯方案', '楼道堆物清理', '停车位划线'])
  await expectLargeTargets(page)

  // Reorder: back up to "下移：加装电梯方案" and press Enter; the item moves down and keeps the
  // focus, so a second Enter moves it again.
  const down = page.getByRole('button', { name: '下移：加装电梯方案' })
  await tabTo(page, down, { back: true })
  await expectVisibleFocus(page)
  await page.keyboard.press('Enter')
  await expect.poll(() => agendaTitles(page)).toEqual(['楼道堆物清理', '加装电梯方案', '停车位划线'])
  await expect(down).toBeFocused()
  await expectVisibleFocus(page)
  await page.keyboard.press('Enter')
  await expect.poll(() => agendaTitles(page)).toEqual(['楼道堆物清理', '停车位划线', '加装电梯方案'])
  // At the bottom "下移" is disabled; the focus stays on the item, on its "上移" button.
  await expect(down).toBeDisabled()
  await expect(page.getByRole('button', { name: '上移：加装电梯方案' })).toBeFocused()
  await expectVisibleFocus(page)

  // The order is stored.
  await page.reload()
  await expect.poll(() => agendaTitles(page)).toEqual(['楼道堆物清理', '停车位划线', '加装电梯方案'])
  expect(problems).toEqual([])
})
