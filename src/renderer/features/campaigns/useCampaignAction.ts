// useAction and useFormAction for campaign writes: the same busy / failure / field-error shape,
// with the campaign's own messages (refusals, window opened, decided) instead of the generic ones.
import { useMemo } from 'react'
import { useFormAction, type DescribeError } from '../../kit/useFormAction'
import { useCampaignErrors } from './errors'

/** form: field messages beside their fields and "fix the fields" above; otherwise the whole message above (a row's button). */
export function useCampaignAction({ form = true }: { form?: boolean } = {}) {
  const errs = useCampaignErrors()
  const describe = useMemo<DescribeError>(() => (form ? errs.describe : (e) => ({ fields: {}, banner: errs.message(e) })), [errs, form])
  const { submit, ...rest } = useFormAction(describe)
  return { ...rest, run: submit }
}
