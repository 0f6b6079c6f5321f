// The one dialog every confirmation and the ballot booth use: focus moves in, Tab cannot leave,
// Escape cancels, and focus goes back to what opened it; a modal dialog makes everything else on
// the page inert, so neither Tab nor a click reaches what lies behind it.
import { useEffect, useRef, type ReactNode } from 'react'

const FOCUSABLE = 'button:not([disabled]), a[href], input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

// The control that last had the focus. An inline confirmation replaces the button that opened it
// in the same render, so by the time the dialog mounts that button is gone and the focus is on
// <body>; this remembers it (removing a focused element fires no focusin).
let lastFocused: HTMLElement | null = null
if (typeof document !== 'undefined') {
  document.addEventListener('focusin', (e) => {
    if (e.target instanceof HTMLElement) lastFocused = e.target
  })
}

/** The controls Tab stops at inside `root`, in document order; hidden ones are skipped. */
export function tabbables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0 && !el.closest('[inert]'))
}

/**
 * Sets `inert` on every element outside `keep` (its ancestors' other children, up to <body>),
 * and returns the undo. Elements that were already inert are left as they were.
 */
function inertOthers(keep: HTMLElement): () => void {
  const changed: HTMLElement[] = []
  for (let node: HTMLElement | null = keep; node && node !== document.body; node = node.parentElement) {
    const parent: HTMLElement | null = node.parentElement
    if (!parent) break
    for (const sibling of parent.children) {
      // The app's live region stays outside: the booth says "ballot cast" through it.
      if (sibling === node || !(sibling instanceof HTMLElement) || sibling.inert || sibling.hasAttribute('data-live-region')) continue
      // Scripts and styles hold no content; marking them does nothing but noise.
      if (sibling.tagName === 'SCRIPT' || sibling.tagName === 'STYLE') continue
      sibling.inert = true
      changed.push(sibling)
    }
  }
  return () => changed.forEach((el) => (el.inert = false))
}

/**
 * Where focus returns when the dialog closes. An inline confirmation usually replaces the button
 * that opened it, so that button is gone when it closes: the new button with the same text, in the
 * same place, takes the focus instead.
 */
function returnFocus(opener: HTMLElement | null, openerText: string, host: HTMLElement | null) {
  if (opener?.isConnected) return opener.focus()
  if (!host?.isConnected) return
  const same = tabbables(host).find((el) => (el.textContent ?? '').trim() === openerText)
  if (same) same.focus()
}

export function Dialog({
  role = 'alertdialog',
  modal = false,
  label,
  labelledBy,
  describedBy,
  onCancel,
  initialFocus,
  className,
  testId,
  children,
}: {
  role?: 'dialog' | 'alertdialog'
  /** Modal: everything else on the page is inert while it is open. */
  modal?: boolean
  label?: string
  labelledBy?: string
  describedBy?: string
  /** Escape calls it; without it Escape does nothing (a booth mid-cast cannot be left). */
  onCancel?: () => void
  /** A selector inside the dialog for the control to focus first; else the first control. */
  initialFocus?: string
  className?: string
  testId?: string
  children: ReactNode
}) {
  const ref = useRef<HTMLDivElement>(null)
  const cancel = useRef(onCancel)
  cancel.current = onCancel
  // Read once, when the dialog opens: focus moves in then, and later renders leave it where the person put it.
  const opening = useRef({ modal, initialFocus })

  useEffect(() => {
    const root = ref.current
    if (!root) return
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : lastFocused
    const openerText = (opener?.textContent ?? '').trim()
    const host = root.parentElement
    const { modal: isModal, initialFocus: focusFirst } = opening.current
    const undoInert = isModal ? inertOthers(root) : () => {}
    const first = (focusFirst ? root.querySelector<HTMLElement>(focusFirst) : null) ?? tabbables(root)[0] ?? root
    first.focus()
    return () => {
      undoInert()
      // After React has put back what the dialog replaced.
      requestAnimationFrame(() => {
        if (!document.activeElement || document.activeElement === document.body) returnFocus(opener, openerText, host)
      })
    }
  }, [])

  function onKeyDown(e: React.KeyboardEvent<HTMLDivElement>) {
    if (e.key === 'Escape' && cancel.current) {
      e.stopPropagation()
      e.preventDefault()
      cancel.current()
      return
    }
    if (e.key !== 'Tab' || !ref.current) return
    const list = tabbables(ref.current)
    if (list.length === 0) return e.preventDefault()
    const i = list.indexOf(document.activeElement as HTMLElement)
    // Wrap at both ends, so Tab never leaves the dialog for what lies behind it.
    if (e.shiftKey && i <= 0) {
      e.preventDefault()
      list[list.length - 1]!.focus()
    } else if (!e.shiftKey && (i === list.length - 1 || i === -1)) {
      e.preventDefault()
      list[0]!.focus()
    }
  }

  return (
    <div
      ref={ref}
      role={role}
      aria-modal={modal ? true : undefined}
      aria-label={label}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      tabIndex={-1}
      className={className}
      data-testid={testId}
      onKeyDown={onKeyDown}
    >
      {children}
    </div>
  )
}
