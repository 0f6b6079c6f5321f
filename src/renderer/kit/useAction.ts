// One way to run a user's action: clear the last failure, run it, and on error keep a message in
// the user's language for the screen to show. Resolves true when the action succeeded.
import { useCallback, useState } from 'react'
import { useErrors } from './errors'

export function useAction() {
  const errs = useErrors()
  const [failure, setFailure] = useState<string | null>(null)
  const run = useCallback(
    async (fn: () => Promise<unknown> | undefined): Promise<boolean> => {
      setFailure(null)
      try {
        await fn()
        return true
      } catch (e) {
        setFailure(errs.message(e))
        return false
      }
    },
    [errs],
  )
  return { failure, setFailure, run }
}
