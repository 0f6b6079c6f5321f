// A small draft (a motion's text, a recusal reason, an observer's name) written by one submit:
// the draft is cleared, and leaves the unsaved registry (kit/unsaved.ts), the moment it is
// submitted, because from then on it is in the document; a reload while the store finishes then
// asks nothing. A refused write puts the draft back in its fields, so nothing typed is lost.
import { useCallback, useState } from 'react'
import { useUnsavedFields } from './unsaved'

export interface Draft<T> {
  value: T
  set: (next: T | ((v: T) => T)) => void
  /** Clears the draft and runs `write` with what it held; on failure the draft comes back. */
  submit: (write: (value: T) => Promise<boolean>) => Promise<boolean>
}

/** `unsaved(value)`: the labels of the fields that hold unsaved input ([] when none). */
export function useDraft<T>(empty: T, unsaved: (value: T) => readonly string[]): Draft<T> {
  const [value, setValue] = useState<T>(empty)
  const release = useUnsavedFields(unsaved(value))
  // The first render's empty value is the one a submit returns to.
  const [cleared] = useState<T>(empty)
  const submit = useCallback(
    async (write: (v: T) => Promise<boolean>) => {
      const held = value
      release()
      setValue(cleared)
      const ok = await write(held)
      if (!ok) setValue(held)
      return ok
    },
    [value, release, cleared],
  )
  return { value, set: setValue, submit }
}
