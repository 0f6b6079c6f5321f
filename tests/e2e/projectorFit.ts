// What both projector specs measure at a projector size: the page settled at that size, then
// nothing scrolls, no box in the projector ends off the screen, and no text is under 24 px.
import { expect, type Page } from '@playwright/test'

/** Sets the window to a projector size and waits two frames for the layout to settle. */
export async function settleAt(projector: Page, size: { width: number; height: number }): Promise<void> {
  await projector.setViewportSize(size)
  await projector.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
}

export interface ProjectorFit {
  scrollHeight: number
  scrollWidth: number
  /** Boxes in the projector that end below or right of the screen (it hides what overflows). */
  spilled: string[]
  /** Text under 24 px, unreadable from the back of a hall. */
  small: string[]
}

export function measureProjector(projector: Page): Promise<ProjectorFit> {
  return projector.evaluate(() => {
    const doc = document.scrollingElement!
    const spilled = [...document.querySelectorAll<HTMLElement>('.projector *')]
      .filter((e) => {
        const r = e.getBoundingClientRect()
        return r.height > 0 && (r.bottom > innerHeight + 0.5 || r.right > innerWidth + 0.5)
      })
      .map((e) => `${e.tagName}.${e.className} ${e.textContent!.slice(0, 20)}`)
    const small = [...document.querySelectorAll<HTMLElement>('.projector *')]
      .filter((e) => [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()))
      .filter((e) => parseFloat(getComputedStyle(e).fontSize) < 24)
      .map((e) => `${e.textContent!.slice(0, 30)}: ${getComputedStyle(e).fontSize}`)
    return { scrollHeight: doc.scrollHeight, scrollWidth: doc.scrollWidth, spilled, small }
  })
}

export function expectFitsScreen(fit: ProjectorFit, size: { width: number; height: number }, where: string): void {
  expect(fit.scrollHeight, `page scrolls down: ${where}`).toBeLessThanOrEqual(size.height)
  expect(fit.scrollWidth, `page scrolls sideways: ${where}`).toBeLessThanOrEqual(size.width)
  expect(fit.spilled, `content cut off: ${where}`).toEqual([])
  expect(fit.small, `text under 24 px: ${where}`).toEqual([])
}
