// useAction and useFormAction for campaign writes: the same busy / failure / field-error shape,
// with the campaign's own messages (refusals, window opened, decided) instead of the generic ones.
import { useCallback, useState } from 'react'
import { useCampaignErrors } from './errors'

/** form: field messages beside their fields and "fix the fields" above; otherwise the whole message above (a row's button). */
export function useCampaignAction({ form = true }: { form?: boolean } = {}) {
  const errs = useCampaignErrors()
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const run = useCallback(
    async (fn: () => Promise<unknown>): Promise<boolean> => {
      setBusy(true)
      setFailure(null)
      try {
        await fn()
        setErrors({})
        return true
      } catch (e) {
        if (form) {
          const d = errs.describe(e)
          setErrors(d.fields)
          setFailure(d.banner)
        } else setFailure(errs.message(e))
        return false
      } finally {
        setBusy(false)
      }
    },
    [errs, form],
  )
  return { errors, setErrors, failure, setFailure, busy, run }
}
