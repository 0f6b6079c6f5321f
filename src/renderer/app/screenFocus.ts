// After a route change, the focus goes to the new screen's heading and the page title names the
// screen: its tab, its heading (the meeting or the council) and the council, in the interface
// language. Screens load their documents asynchronously, so this watches #main until the heading
// is there instead of asking every screen to report it.
import { useEffect, useRef } from 'react'

/** How long after a route change a heading that appears still takes the focus. */
const FOCUS_WINDOW_MS = 8000

function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim()
}

/** "签到 · 加装电梯议事会 · 阳光社区居民议事会 · 议事": most specific first, no part twice. */
export function screenTitle(parts: readonly string[], appName: string): string {
  const seen = new Set<string>()
  const kept = [...parts, appName].filter((p) => p && !seen.has(p) && (seen.add(p), true))
  return kept.join(' · ')
}

export function useScreenFocusAndTitle(routeKey: string, appName: string) {
  const app = useRef(appName)
  app.current = appName
  // On the first screen after loading, the browser starts at the top with the skip link, as on
  // any page; only a change of screen inside the app moves the focus.
  const loaded = useRef(false)

  useEffect(() => {
    const started = Date.now()
    let focused = !loaded.current
    loaded.current = true
    // What held the focus when it was settled: the heading given it, or the element inside the
    // screen that had it (the link just clicked). A screen loaded on first use (lazyScreens.tsx)
    // replaces what was shown meanwhile (the previous screen, its loading state): when that element
    // leaves the page and the focus falls back to <body>, the new screen's heading takes it.
    let given: Element | null = null
    let frame = 0
    const update = () => {
      frame = 0
      const main = document.getElementById('main')
      if (!main) return
      const h1 = main.querySelector('h1')
      const tab = main.querySelector('nav.tabs [aria-current="page"]')
      const council = document.querySelector('header.top nav li:nth-child(2)')
      const title = screenTitle([text(tab), text(h1), text(council)], app.current)
      if (document.title !== title) document.title = title
      if (focused && given && !given.isConnected && (document.activeElement === document.body || document.activeElement === null)) focused = false
      if (focused || !h1 || Date.now() - started > FOCUS_WINDOW_MS) return
      focused = true
      // Leave the focus where the screen or the person put it inside the new screen (a field
      // with autofocus, a tab link that stayed); take it only from <body> or from the header.
      const active = document.activeElement
      if (active && active !== document.body && main.contains(active)) {
        given = active
        return
      }
      if (!h1.hasAttribute('tabindex')) h1.tabIndex = -1
      h1.focus()
      given = h1
    }
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update)
    }
    const observer = new MutationObserver(schedule)
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-current'] })
    schedule()
    return () => {
      observer.disconnect()
      if (frame) cancelAnimationFrame(frame)
    }
  }, [routeKey])
}
