// One way to submit a form: busy while saving; on a validation error, each field's message and
// a banner; on any other error, a banner in the user's language. Resolves true on success.
import { useCallback, useState } from 'react'
import { useErrors } from './errors'

/** What a failed submit shows: field messages, and the banner above the form. */
export type DescribeError = (e: unknown) => { fields: Record<string, string>; banner: string }

/** `describe`: a feature's own messages for what its writes refuse (the app's generic ones otherwise). */
export function useFormAction(describe?: DescribeError) {
  const errs = useErrors()
  const explain = describe ?? errs.describe
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
        const d = explain(e)
        setErrors(d.fields)
        setFailure(d.banner)
        return false
      } finally {
        setBusy(false)
      }
    },
    [explain],
  )
  return { errors, setErrors, failure, setFailure, busy, submit }
}
