// The app's one rule for typed input that is not yet stored: a form that holds a draft declares
// which fields hold unsaved input here, and every way out asks or refuses, naming those fields.
//
// The design (issue 14): values whose partial form is valid (vote counts, narratives, follow-up)
// are written to the document as they are typed and never appear here. Forms that write a whole
// record at once (a new member, a meeting's details) keep a draft and register its changed fields;
// then another route or tab asks first (confirm, naming the fields), a reload or closing the window
// asks through the browser's own prompt, and an action that would make the draft meaningless
// (issuing the notice, opening the session…) is refused with the fields named.
import { useCallback, useEffect, useId, useSyncExternalStore } from 'react'

/** Registered drafts: a form's id → the labels of its fields that differ from what is stored. */
const drafts = new Map<string, readonly string[]>()
const listeners = new Set<() => void>()
let snapshot: readonly string[] = []

function emit() {
  const all: string[] = []
  for (const fields of drafts.values()) for (const f of fields) if (!all.includes(f)) all.push(f)
  snapshot = all
  for (const l of listeners) l()
}

/** Every field label that holds unsaved input on screen now, in registration order, once each. */
export function unsavedFields(): readonly string[] {
  return snapshot
}

/**
 * Declares this component's unsaved fields (labels in the user's language); [] when all is stored.
 * Returns `release`, which forgets them at once: called right after a save, before a navigation
 * the save itself started can be judged.
 */
export function useUnsavedFields(fields: readonly string[]): () => void {
  const id = useId()
  const key = fields.join('\u0000')
  useEffect(() => {
    if (key === '') drafts.delete(id)
    else drafts.set(id, key.split('\u0000'))
    emit()
  }, [id, key])
  useEffect(
    () => () => {
      drafts.delete(id)
      emit()
    },
    [id],
  )
  return useCallback(() => {
    if (drafts.delete(id)) emit()
  }, [id])
}

/** The unsaved fields, re-rendering when they change (for a screen that shows or refuses). */
export function useUnsavedList(): readonly string[] {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    unsavedFields,
    unsavedFields,
  )
}

/** Thrown by an action that would discard a draft: the screen shows the fields it names. */
export class UnsavedInputError extends Error {
  constructor(readonly fields: readonly string[]) {
    super(`unsaved input: ${fields.join(', ')}`)
    this.name = 'UnsavedInputError'
  }
}

/** Refuses (throws) while any draft on screen holds unsaved input. */
export function assertNothingUnsaved(): void {
  const fields = unsavedFields()
  if (fields.length > 0) throw new UnsavedInputError(fields)
}

/** Forgets every draft (after the person chose to leave and lose them). */
function discardAll() {
  drafts.clear()
  emit()
}

export type AskToLeave = (fields: readonly string[]) => boolean

/**
 * Guards every way out of a screen with unsaved input: links and `navigate` (asked before the
 * hash changes), the back button (asked after, and undone if the person stays), and reload or
 * closing (the browser's own prompt). Returns the uninstaller.
 */
export function installLeaveGuard(ask: AskToLeave): () => void {
  let current = window.location.hash
  let restoring = false
  const allowed = () => {
    const fields = unsavedFields()
    if (fields.length === 0) return true
    if (!ask(fields)) return false
    discardAll()
    return true
  }
  // A click on an in-app link: asked before anything changes. Listened to when the click has
  // bubbled up past React's handlers, so a link's own onClick (a cancel that releases its draft)
  // has run first; the hash changes only after, as the click's default action.
  const onClick = (e: MouseEvent) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return
    const a = (e.target as Element | null)?.closest?.('a[href^="#/"]')
    if (!a || a.getAttribute('href') === current) return
    if (!allowed()) e.preventDefault()
  }
  // Anything else that changed the hash (back, forward, a typed address, navigate()).
  const onHash = (e: HashChangeEvent) => {
    if (restoring) {
      restoring = false
      return
    }
    if (window.location.hash === current) return
    if (!allowed()) {
      e.stopImmediatePropagation()
      restoring = true
      window.location.replace(current || '#/')
      return
    }
    current = window.location.hash
  }
  const onUnload = (e: BeforeUnloadEvent) => {
    if (unsavedFields().length === 0) return
    e.preventDefault()
    // Older browsers and Electron read returnValue.
    e.returnValue = ''
  }
  document.addEventListener('click', onClick)
  window.addEventListener('hashchange', onHash, true)
  window.addEventListener('beforeunload', onUnload)
  return () => {
    document.removeEventListener('click', onClick)
    window.removeEventListener('hashchange', onHash, true)
    window.removeEventListener('beforeunload', onUnload)
  }
}
