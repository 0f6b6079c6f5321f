// What every sheet of printed slips shares (phone ballots' voter slips, a fund project's survey
// slips): the code in two lines of two groups, and the overlay that alone shows and prints while open.
import { useEffect, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { formatVoterCode } from '../../shared/domain/voterCode'
import { Banner } from '../ui/Banner'
import { useEnv } from './env'
import { useAction } from './useAction'

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


/** The words a sheet of slips shows around them, in its own namespace. */
export interface SlipLayerWords {
  sheet: string
  title: string
  print: string
  close: string
  note: string
}

/** The overlay that covers the screen with a sheet of slips (`children`: its <li className="slip">), prints it, and is closed. */
export function SlipLayer({ words, onClose, children }: { words: SlipLayerWords; onClose: () => void; children: ReactNode }) {
  const { platform } = useEnv()
  const { failure, run } = useAction()
  useOverlay('slips-open')
  return createPortal(
    <div className="overlay slip-layer" role="dialog" aria-modal="true" aria-label={words.sheet}>
      <div className="row no-print">
        <h2>{words.title}</h2>
        <span className="spacer" />
        <button className="primary" onClick={() => void run(() => platform.print())} autoFocus>
          {words.print}
        </button>
        <button onClick={onClose}>{words.close}</button>
      </div>
      <p className="banner info no-print">{words.note}</p>
      {failure ? (
        <Banner kind="error" screenOnly>
          {failure}
        </Banner>
      ) : null}
      <ul className="slips plain" data-testid="slips">
        {children}
      </ul>
    </div>,
    document.body,
  )
}
