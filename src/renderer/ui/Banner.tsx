// A message block: errors are announced to screen readers as alerts.
import type { ReactNode } from 'react'

/** screenOnly: left out of printouts (a message about the screen, above a printable document). */
export function Banner({ kind, children, screenOnly = false }: { kind: 'error' | 'ok' | 'info'; children: ReactNode; screenOnly?: boolean }) {
  return (
    <div className={`banner ${kind}${screenOnly ? ' no-print' : ''}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  )
}
