// What every sheet of printed slips shares (phone ballots' voter slips, a fund project's survey
// slips): the code in two lines of two groups, and the overlay that alone shows and prints while open.
import { useEffect } from 'react'
import { formatVoterCode } from '../../shared/domain/voterCode'

/** A code in two lines of two groups; its text is the code as formatted ("XXXX-XXXX-XXXX-XXXX"). */
export function CodeText({ code }: { code: string }) {
  const formatted = formatVoterCode(code)
  const cut = formatted.indexOf('-', formatted.indexOf('-') + 1) + 1
  return (
    <>
      <span className="code-line">{formatted.slice(0, cut)}</span>
      <span className="code-line">{formatted.slice(cut)}</span>
    </>
  )
}

/** While an overlay of the session is open, the rest of the app neither shows nor prints. */
export function useOverlay(className: string): void {
  useEffect(() => {
    document.body.classList.add(className)
    return () => document.body.classList.remove(className)
  }, [className])
}

