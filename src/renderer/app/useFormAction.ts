// One way to submit a form: busy while saving; on a validation error, each field's message and
// a banner; on any other error, a banner in the user's language. Resolves true on success.
import { useCallback, useState } from 'react'
import { useErrors } from './errors'

export function useFormAction() {
  const errs = useErrors()
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = useCallback(
    async (fn: () => Promise<unknown>): Promise<boolean> => {
      setBusy(true)
      setFailure(null)
      try {
        await fn()
        setErrors({})
        return true
      } catch (e) {
        const d = errs.describe(e)
        setErrors(d.fields)
        setFailure(d.banner)
        return false
      } finally {
        setBusy(false)
      }
    },
    [errs],
  )
  return { errors, setErrors, failure, setFailure, busy, submit }
}
