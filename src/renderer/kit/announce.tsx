// The app's one polite live region: a result (a vote announced, a ballot cast, counts saved, an
// import finished, minutes sealed) is said once by a screen reader, without moving the focus.
// Errors are not said here; they are alerts (Banner kind="error") where they happen.
import { createContext, useCallback, useContext, useRef, type ReactNode } from 'react'

type Announce = (message: string) => void

const AnnounceContext = createContext<Announce>(() => {})

export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const region = useRef<HTMLDivElement>(null)
  const announce = useCallback<Announce>((message) => {
    const el = region.current
    if (!el) return
    // Emptied first and filled a moment later, so the same words said twice are said twice.
    el.textContent = ''
    window.setTimeout(() => {
      el.textContent = message
    }, 50)
  }, [])
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      {/* data-live-region: a modal dialog leaves it reachable (ui/Dialog), so the booth can speak. */}
      <div ref={region} className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-live-region="" data-testid="announcer" />
    </AnnounceContext.Provider>
  )
}

/** Says `message` once through the app's polite live region. */
export function useAnnounce(): Announce {
  return useContext(AnnounceContext)
}
