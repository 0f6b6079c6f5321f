// A message block: errors are announced to screen readers as alerts.
import type { ReactNode } from 'react'

/**
 * screenOnly: left out of printouts (a message about the screen, above a printable document).
 * quiet: a standing condition shown in the error colour but not an event (未达到法定人数 while
 * people sign in): not a live region, so it is not read out again at every change.
 */
export function Banner({ kind, children, screenOnly = false, quiet = false }: { kind: 'error' | 'ok' | 'info'; children: ReactNode; screenOnly?: boolean; quiet?: boolean }) {
  return (
    <div className={`banner ${kind}${screenOnly ? ' no-print' : ''}`} role={quiet ? undefined : kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  )
}
